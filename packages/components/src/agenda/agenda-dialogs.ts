import { html } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { AgendaEvent } from '@carnet/catalog-sdk';
import { AGENDA_CHANGE_SCOPES } from '../events/carnet-event-change.js';
import { DialogController } from '../shared/dialog.controller.js';
import type { CarnetLocale } from '../shared/localization.js';
import type { AgendaFormat } from './agenda-format.js';
import type { EventEditorController } from './event-editor.controller.js';
import { renderEventEditor } from './event-editor.template.js';
import type { IcsTransferController } from './ics-transfer.controller.js';
import { renderIcsImportDialog } from './ics-import.template.js';
import type { OccurrenceDetailsController } from './occurrence-details.controller.js';
import { renderOccurrenceDialog } from './occurrence-dialog.template.js';
import { renderScopeDialog } from './scope-dialog.template.js';

/** The controllers behind the agenda's dialogs. */
export interface AgendaDialogParts {
  editor: EventEditorController;
  details: OccurrenceDetailsController;
  transfer: IcsTransferController;
}

/** Handlers of the dialogs, created once by the element. */
export interface AgendaDialogHandlers {
  onEditorSubmit(event: SubmitEvent): void;
  onEditorDelete(): void;
  onEditorClose(): void;
  onReminderClick(event: MouseEvent): void;
  onReplaceCustomRule(): void;
  onScopeChoose(event: MouseEvent): void;
  onScopeCancel(): void;
  onDetailsEdit(): void;
  onDetailsDelete(): void;
  onDetailsClose(): void;
  onSaveNote(event: SubmitEvent): void;
  onImportConfirm(): void;
  onImportCancel(): void;
}

/** Everything the dialogs show besides their controllers. */
export interface AgendaDialogContext {
  locale: CarnetLocale;
  format: AgendaFormat;
  timeZone: string;
  /** The stored event behind the occurrence whose details are open. */
  detailsEvent?: AgendaEvent;
}

/** Renders the four native dialogs; `agendaDialogControllers` opens and closes them. */
export function renderAgendaDialogs(
  parts: AgendaDialogParts,
  handlers: AgendaDialogHandlers,
  context: AgendaDialogContext,
): TemplateResult {
  const { editor, details, transfer } = parts;
  const { locale, format } = context;
  return html`${renderOccurrenceDialog({
    details,
    event: context.detailsEvent,
    timeZone: context.timeZone,
    locale,
    format,
    onEdit: handlers.onDetailsEdit,
    onDelete: handlers.onDetailsDelete,
    onClose: handlers.onDetailsClose,
    onSaveNote: handlers.onSaveNote,
  })}
  ${renderEventEditor({
    editor,
    locale,
    format,
    onSubmit: handlers.onEditorSubmit,
    onDelete: handlers.onEditorDelete,
    onClose: handlers.onEditorClose,
    onReminderClick: handlers.onReminderClick,
    onReplaceCustomRule: handlers.onReplaceCustomRule,
  })}
  ${renderScopeDialog({
    request: editor.scopeRequest,
    eventTitle: editor.base?.title ?? '',
    onChoose: handlers.onScopeChoose,
    onCancel: handlers.onScopeCancel,
  })}
  ${renderIcsImportDialog({ transfer, locale, format, onConfirm: handlers.onImportConfirm, onCancel: handlers.onImportCancel })}`;
}

/**
 * One `DialogController` per agenda dialog, created in stacking order so that
 * the « which occurrences? » question opens above the editor.
 */
export function agendaDialogControllers(
  host: ReactiveControllerHost & HTMLElement,
  parts: AgendaDialogParts,
): DialogController[] {
  const { editor, details, transfer } = parts;
  return [
    new DialogController(host, {
      selector: 'dialog[part="occurrence-dialog"]',
      isOpen: () => details.item !== undefined,
      onDismiss: () => details.close(),
    }),
    new DialogController(host, {
      selector: 'dialog[part="editor"]',
      isOpen: () => editor.mode !== 'closed',
      onDismiss: () => editor.close(),
    }),
    new DialogController(host, {
      selector: 'dialog[part="import-dialog"]',
      isOpen: () => transfer.step !== 'closed',
      onDismiss: () => transfer.cancel(),
    }),
    new DialogController(host, {
      selector: 'dialog[part="scope-dialog"]',
      isOpen: () => editor.scopeRequest !== undefined,
      onDismiss: () => editor.cancelScope(),
    }),
  ];
}

/** What the dialog handlers act on. */
export interface DialogHandlerParts extends AgendaDialogParts {
  /** The stored event behind an occurrence. */
  eventById(id: string): AgendaEvent | undefined;
  /** Moves focus to the first invalid field once rendered. */
  focusInvalidField(): void;
}

/** The dialogs' handlers, created once per element (no closure per render). */
export function dialogHandlers(parts: DialogHandlerParts): AgendaDialogHandlers {
  const { editor, details, transfer, eventById, focusInvalidField } = parts;
  return {
    onEditorSubmit: (event) => {
      event.preventDefault();
      void editor.submit().then((valid) => {
        if (!valid) focusInvalidField();
      });
    },
    onEditorDelete: () => {
      const base = editor.base;
      if (base) editor.requestDelete(base);
    },
    onEditorClose: () => {
      if (editor.mode !== 'closed') editor.close();
    },
    onReminderClick: (event) => {
      const button = (event.target as HTMLElement).closest<HTMLElement>('button');
      if (!button) return;
      if (button.dataset['addReminder'] !== undefined) editor.addReminder();
      const remove = button.dataset['removeReminder'];
      if (remove !== undefined) editor.removeReminder(Number(remove));
    },
    onReplaceCustomRule: () => editor.replaceCustomRule(),
    onScopeChoose: (event) => {
      // Checked with `.find`, not shared/parse-one-of.ts: see event-editor.controller.ts.
      const chosen = (event.target as HTMLElement).closest<HTMLElement>('[data-scope]')?.dataset['scope'];
      const scope = AGENDA_CHANGE_SCOPES.find((candidate) => candidate === chosen);
      if (scope) void editor.chooseScope(scope);
    },
    onScopeCancel: () => {
      if (editor.scopeRequest) editor.cancelScope();
    },
    onDetailsEdit: () => {
      const item = details.item;
      const event = item?.occurrence ? eventById(item.occurrence.eventId) : undefined;
      if (!event || !item?.occurrence) return;
      details.close();
      editor.openEdit(event, item.occurrence);
    },
    onDetailsDelete: () => {
      const occurrence = details.item?.occurrence;
      const event = occurrence ? eventById(occurrence.eventId) : undefined;
      if (event) editor.requestDelete(event, occurrence);
    },
    onDetailsClose: () => {
      if (details.item) details.close();
    },
    onSaveNote: (event) => {
      event.preventDefault();
      void details.saveNote();
    },
    onImportConfirm: () => void transfer.confirm(),
    onImportCancel: () => {
      if (transfer.step !== 'closed') transfer.cancel();
    },
  };
}
