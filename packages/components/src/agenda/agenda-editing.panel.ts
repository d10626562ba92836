/**
 * Everything the agenda does after an action, as one piece it loads on demand (`import()`
 * through `loadOnce`, see `agenda-editing.load.ts`): the event editor with its recurrence
 * editor and « which occurrences? » question, an occurrence's details and note, and the
 * `.ics` import and export. The agenda's first view (toolbar, month, week, « À venir »,
 * reminders, subscription) does not need it, so a page downloads it only when the patient
 * reaches for one of these (or points at or focuses a control that opens one).
 */
import type { CSSResult, ReactiveControllerHost, TemplateResult } from 'lit';
import type { AgendaEvent, DataSource } from '@carnet/catalog-sdk';
import type { CarnetEventChangeDetail } from '../events/carnet-event-change.js';
import type { DialogController } from '../shared/dialog.controller.js';
import type { CarnetLocale } from '../shared/localization.js';
import { dateTimeFieldStyles } from '../shared/date-time-fields.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { agendaDialogControllers, dialogHandlers, renderAgendaDialogs } from './agenda-dialogs.js';
import type { AgendaDialogContext, AgendaDialogHandlers } from './agenda-dialogs.js';
import { EventEditorController } from './event-editor.controller.js';
import { IcsTransferController } from './ics-transfer.controller.js';
import { OccurrenceDetailsController } from './occurrence-details.controller.js';

/** The looks of the dialogs and of the dates and times typed in them, adopted by the agenda on load. */
export const agendaEditingStyles: CSSResult[] = [dialogStyles, dateTimeFieldStyles];

/** What the editing part needs from the agenda, which keeps owning the record and the view. */
export interface AgendaEditingHost {
  source(): DataSource | undefined;
  locale(): CarnetLocale;
  timeZone(): string;
  /** The stored event behind an occurrence, as last loaded. */
  eventById(id: string): AgendaEvent | undefined;
  /** Events were written (saved, deleted, put back or imported): tell the page, say it, read again. */
  changed(changes: CarnetEventChangeDetail[], action: 'save' | 'delete' | 'undo' | 'import'): void;
  /** A note was saved on one occurrence. */
  noteSaved(eventId: string, originalStart: string, note: string): void;
  /** A write met a conflict or failed: read the record again. */
  stale(): void;
  /** Moves focus to the first invalid field of the editor once rendered. */
  focusInvalidField(): void;
}

/** The agenda's editor, details and calendar transfer, with their dialogs. */
export class AgendaEditing {
  readonly editor: EventEditorController;
  readonly details: OccurrenceDetailsController;
  readonly transfer: IcsTransferController;
  /** One per dialog, in stacking order (kept so they stay attached to the agenda). */
  readonly dialogs: DialogController[];
  private readonly handlers: AgendaDialogHandlers;
  private readonly eventById: (id: string) => AgendaEvent | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: AgendaEditingHost) {
    this.eventById = options.eventById;
    this.editor = new EventEditorController(host, {
      source: options.source,
      locale: options.locale,
      timeZone: options.timeZone,
      saved: (changes, action) => options.changed(changes, action),
      stale: options.stale,
    });
    this.details = new OccurrenceDetailsController(host, {
      source: options.source,
      event: options.eventById,
      noteSaved: options.noteSaved,
      stale: options.stale,
    });
    this.transfer = new IcsTransferController(host, {
      source: options.source,
      timeZone: options.timeZone,
      imported: (changes) => options.changed(changes, 'import'),
    });
    const parts = { editor: this.editor, details: this.details, transfer: this.transfer };
    this.dialogs = agendaDialogControllers(host, parts);
    this.handlers = dialogHandlers({
      ...parts,
      eventById: options.eventById,
      focusInvalidField: options.focusInvalidField,
    });
  }

  /** The four native dialogs (closed ones render empty). */
  render(context: Omit<AgendaDialogContext, 'detailsEvent'>): TemplateResult {
    const occurrence = this.details.item?.occurrence;
    return renderAgendaDialogs({ editor: this.editor, details: this.details, transfer: this.transfer }, this.handlers, {
      ...context,
      detailsEvent: occurrence ? this.eventById(occurrence.eventId) : undefined,
    });
  }
}
