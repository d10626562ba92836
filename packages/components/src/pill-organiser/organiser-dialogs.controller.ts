import { adoptStyles } from 'lit';
import type { ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';
import { loadOnce } from '../shared/load-once.js';
import type * as DialogsPanel from './organiser-dialogs.panel.js';
import type { OrganiserDialogs, OrganiserDialogsOptions } from './organiser-dialogs.panel.js';

type DialogsModule = typeof DialogsPanel;

const importDialogs = (): Promise<DialogsModule> => import('./organiser-dialogs.panel.js');

/** The dialogs' code (`organiser-dialogs.panel.ts`), downloaded once by every organiser of the page. */
let loadDialogs = loadOnce(importDialogs);

/**
 * For tests only: replaces how the dialogs' code is imported (to hold it back or to fail, as a
 * network would), forgetting a code already loaded; without an argument, imports it again as usual.
 * Organisers that already opened a dialog keep theirs.
 */
export function importDialogsForTests(load: () => Promise<DialogsModule> = importDialogs): void {
  loadDialogs = loadOnce(load);
}

/**
 * A control that opens a dialog: `add-plan`, `edit-plan:<plan id>`, `add-box:<plan id>`,
 * `stop-plan:<plan id>` or `dose:<dose key>`.
 */
export type DialogOpener = string;

/**
 * Opens the organiser's dialogs, whose code loads on demand: on the first opening, or earlier
 * when the patient points at or focuses a control that opens one (`preload`). While it loads,
 * the control that asked shows it is busy and a second activation does nothing; once loaded,
 * the dialog opens as it always did (focus inside, back to the control on close). When the code
 * cannot load, the control's error is shown and the next activation tries again.
 */
export class OrganiserDialogsController implements ReactiveController {
  #dialogs: OrganiserDialogs | undefined;
  #opening: DialogOpener | undefined;
  #failed: DialogOpener | undefined;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: OrganiserDialogsOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: OrganiserDialogsOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** A dialog asked for does not open after its element left the page. */
  hostDisconnected(): void {
    this.#opening = undefined;
  }

  /** The dialogs, once their code has loaded and this organiser opened one. */
  get dialogs(): OrganiserDialogs | undefined {
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
  open(opener: DialogOpener, show: (dialogs: OrganiserDialogs) => void): void {
    const ready = this.#dialogs ?? this.create();
    if (ready) {
      this.#failed = undefined;
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
        // Another control asked meanwhile (it opens instead), or the organiser left the page.
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

  private create(): OrganiserDialogs | undefined {
    const module = loadDialogs.loaded;
    if (!module) return undefined;
    this.#dialogs = new module.OrganiserDialogs(this.host, this.options);
    // Their styles join the organiser's before any of them shows.
    const root = this.host.shadowRoot;
    const own = (this.host.constructor as typeof ReactiveElement).elementStyles;
    if (root) adoptStyles(root, [...own, ...module.dialogSheets]);
    return this.#dialogs;
  }
}
