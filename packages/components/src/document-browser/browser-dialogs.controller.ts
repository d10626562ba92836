import type { ReactiveControllerHost } from 'lit';
import { DeferredPartController } from '../shared/deferred-part.controller.js';
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
 * Opens the browser's dialogs, whose code loads on demand (`shared/deferred-part.controller.ts`):
 * on the first opening, or earlier when the patient points at or focuses a control that opens one
 * (`preload`); the opener shows it is busy meanwhile, Escape forgets the request, and a control
 * whose dialog could not load shows its error until the next try.
 */
export class BrowserDialogsController extends DeferredPartController<DialogsModule, BrowserDialogs> {
  constructor(host: ReactiveControllerHost & HTMLElement, options: BrowserDialogsOptions) {
    super(host, {
      loader: () => loadDialogs,
      create: (module) => new module.BrowserDialogs(host, options),
      styles: (module) => module.dialogSheets,
      openers: '[part="add"], [part="row-open"], [part="row-tag-edit"], [part="tag-selection"]',
    });
  }

  /** The dialogs, once their code has loaded and this browser opened one. */
  get dialogs(): BrowserDialogs | undefined {
    return this.part;
  }
}
