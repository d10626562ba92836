import { adoptStyles } from 'lit';
import type { ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';
import { loadOnce } from '../shared/load-once.js';
import type * as DialogsPanel from './browser-dialogs.panel.js';
import type { BrowserDialogs, BrowserDialogsOptions } from './browser-dialogs.panel.js';

type DialogsModule = typeof DialogsPanel;

const importDialogs = (): Promise<DialogsModule> => import('./browser-dialogs.panel.js');

/** The dialogs' code (`browser-dialogs.panel.ts`), downloaded once by every browser of the page. */
let loadDialogs = loadOnce(importDialogs);

/**
 * For tests only: replaces how the dialogs' code is imported (to hold it back or to fail, as a
 * network would), forgetting a code already loaded; without an argument, imports it again as usual.
 * Browsers that already opened a dialog keep theirs.
 */
export function importDialogsForTests(load: () => Promise<DialogsModule> = importDialogs): void {
  loadDialogs = loadOnce(load);
}

/**
 * A control that opens a dialog: `upload`, `preview:<document id>`, `tags:<document id>` or
 * `tags:selection`.
 */
export type DialogOpener = string;

/**
 * Opens the browser's dialogs, whose code loads on demand: on the first opening, or earlier
 * when the patient points at or focuses a control that opens one (`preload`). While it loads,
 * the control that asked shows it is busy and a second activation does nothing; once loaded,
 * the dialog opens as it always did (focus inside, back to the control on close). When the code
 * cannot load, the control's error is shown and the next activation tries again.
 * The same design as the pill organiser's (`organiser-dialogs.controller.ts`).
 */
export class BrowserDialogsController implements ReactiveController {
  #dialogs: BrowserDialogs | undefined;
  #opening: DialogOpener | undefined;
  #failed: DialogOpener | undefined;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: BrowserDialogsOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: BrowserDialogsOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** A dialog asked for does not open after its element left the page. */
  hostDisconnected(): void {
    this.#opening = undefined;
  }

  /** The dialogs, once their code has loaded and this browser opened one. */
  get dialogs(): BrowserDialogs | undefined {
    return this.#dialogs;
  }

  /** The control waiting for the dialogs' code. */
  get opening(): DialogOpener | undefined {
    return this.#opening;
  }

  /** The control whose dialog could not open because its code did not load. */
  get failed(): DialogOpener | undefined {
    return this.#failed;
  }

  /** Starts loading the dialogs' code (the patient points at or focuses a control that opens one). */
  preload(): void {
    if (this.#dialogs || loadDialogs.loaded) return;
    // A failure here is not shown: the next opening tries again and says it.
    loadDialogs().catch(() => undefined);
  }

  /** Opens a dialog from `opener`, at once when the code is there, else once it has loaded. */
  open(opener: DialogOpener, show: (dialogs: BrowserDialogs) => void): void {
    const ready = this.#dialogs ?? this.create();
    if (ready) {
      if (this.#failed !== undefined) {
        this.#failed = undefined;
        this.host.requestUpdate();
      }
      this.#opening = undefined;
      show(ready);
      return;
    }
    if (this.#opening === opener) return;
    this.#opening = opener;
    this.#failed = undefined;
    this.host.requestUpdate();
    loadDialogs().then(
      () => {
        // Another control asked meanwhile (it opens instead), or the browser left the page.
        if (this.#opening !== opener) return;
        this.#opening = undefined;
        this.host.requestUpdate();
        const dialogs = this.#dialogs ?? this.create();
        if (dialogs) show(dialogs);
      },
      () => {
        if (this.#opening !== opener) return;
        this.#opening = undefined;
        this.#failed = opener;
        this.host.requestUpdate();
      },
    );
  }

  private create(): BrowserDialogs | undefined {
    const module = loadDialogs.loaded;
    if (!module) return undefined;
    this.#dialogs = new module.BrowserDialogs(this.host, this.options);
    // Their styles join the browser's before any of them shows.
    const root = this.host.shadowRoot;
    const own = (this.host.constructor as typeof ReactiveElement).elementStyles;
    if (root) adoptStyles(root, [...own, ...module.dialogSheets]);
    return this.#dialogs;
  }
}
