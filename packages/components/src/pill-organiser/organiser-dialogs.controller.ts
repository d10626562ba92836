import type { ReactiveControllerHost } from 'lit';
import { DeferredPartController } from '../shared/deferred-part.controller.js';
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
 * Opens the organiser's dialogs, whose code loads on demand (`shared/deferred-part.controller.ts`):
 * on the first opening, or earlier when the patient points at or focuses a control that opens one
 * (`preload`); the opener shows it is busy meanwhile, Escape forgets the request, and a control
 * whose dialog could not load shows its error until the next try.
 */
export class OrganiserDialogsController extends DeferredPartController<DialogsModule, OrganiserDialogs> {
  constructor(host: ReactiveControllerHost & HTMLElement, options: OrganiserDialogsOptions) {
    super(host, {
      loader: () => loadDialogs,
      create: (module) => new module.OrganiserDialogs(host, options),
      styles: (module) => module.dialogSheets,
      openers: 'button.dose, [part~="add-plan"], [part~="edit-plan"], [part~="add-box"], [part~="stop-plan"]',
    });
  }

  /** The dialogs, once their code has loaded and this organiser opened one. */
  get dialogs(): OrganiserDialogs | undefined {
    return this.part;
  }
}
