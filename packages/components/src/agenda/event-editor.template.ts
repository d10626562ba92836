import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import { AGENDA_EVENT_KINDS } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import type { AgendaFormat } from './agenda-format.js';
import { dateShape, kindLabel, reminderLabel, reminderUnitLabel } from './agenda-labels.js';
import type { ReminderUnit } from './agenda-labels.js';
import type { EditorProblem, EventEditorController } from './event-editor.controller.js';
import { renderRecurrenceEditor } from './recurrence-editor.template.js';
import { formatDateField, formatTimeField } from '../shared/date-time-fields.js';
import type { DraftErrors, EventDraft } from './event-draft.js';

/** What the editor dialog needs besides its controller. */
export interface EventEditorViewOptions {
  editor: EventEditorController;
  locale: CarnetLocale;
  format: AgendaFormat;
  onSubmit(event: SubmitEvent): void;
  onDelete(): void;
  /** Native close (Escape) or Cancel. */
  onClose(): void;
  /** One listener for the reminders' Add and Remove buttons. */
  onReminderClick(event: MouseEvent): void;
  onReplaceCustomRule(): void;
}

const UNITS: readonly ReminderUnit[] = ['minute', 'hour', 'day'];

function problemText(problem: EditorProblem): string {
  switch (problem) {
    case 'conflict':
      return msg(
        'Cet événement a été changé entre-temps, sur un autre appareil ou par une autre personne. Vos saisies sont conservées : vérifiez-les puis enregistrez à nouveau.',
      );
    case 'not-found':
      return msg("Cet événement n'existe plus. Enregistrer le créera de nouveau avec vos saisies.");
    case 'failed':
      return msg("L'enregistrement a échoué. Vos saisies sont conservées : réessayez.");
  }
}

function renderReminders(options: EventEditorViewOptions): TemplateResult {
  const { editor, format } = options;
  const reminders = editor.draft.reminders;
  return html`<fieldset class="reminders-editor" part="reminders-editor" @click=${options.onReminderClick}>
    <legend>${msg('Rappels')}</legend>
    ${
      reminders.length === 0
        ? html`<p class="nothing">${msg('Aucun rappel.')}</p>`
        : html`<ul class="reminder-list" role="list">
            ${reminders.map((minutes) => {
              const label = reminderLabel(minutes, format);
              return html`<li class="reminder">
                <span>${label}</span>
                <button
                  type="button"
                  class="link-button touch-target"
                  data-remove-reminder=${minutes}
                  aria-label=${`${msg('Retirer le rappel')} ${label}`}
                >
                  ${msg('Retirer')}
                </button>
              </li>`;
            })}
          </ul>`
    }
    <div class="reminder-add">
      <input
        type="number"
        name="reminderValue"
        min="0"
        class="short"
        aria-label=${msg('Délai du rappel')}
        .value=${String(editor.reminderValue)}
      />
      <select name="reminderUnit" aria-label=${msg('Unité du délai')}>
        ${UNITS.map((unit) => html`<option value=${unit} ?selected=${unit === editor.reminderUnit}>${reminderUnitLabel(unit)}</option>`)}
      </select>
      <span>${msg('avant')}</span>
      <button type="button" class="action touch-target" data-add-reminder>${msg('Ajouter le rappel')}</button>
    </div>
  </fieldset>`;
}

function fieldError(error: string | undefined, id: string, text: string): TemplateResult | typeof nothing {
  return error ? html`<span class="field-error" id=${id}>${text}</span>` : nothing;
}

function timeError(draft: EventDraft, error: DraftErrors['endTime']): string {
  if (error === 'before-start') {
    const end = draft.endTime;
    const start = draft.startTime;
    return msg(str`La fin (${end}) est avant le début (${start}) : corrigez l'heure de fin.`);
  }
  return error === 'required'
    ? msg("Indiquez l'heure.")
    : msg('Heure non reconnue : écrivez-la hh:mm, par exemple 14:30.');
}

function describedBy(...ids: (string | false | undefined)[]): string {
  return ids.filter(Boolean).join(' ');
}

/**
 * Date, start and end as text typed in the page's language (a native date or
 * time input would follow the browser's), with the expected shape and the day
 * in words below so that « 04/12 » can never be misread.
 */
function renderWhen({ editor, locale, format }: EventEditorViewOptions): TemplateResult {
  const { draft, errors, typed } = editor;
  const shape = dateShape(locale);
  const dateError =
    errors.date === 'required' ? msg('Indiquez la date.') : msg(str`Date non reconnue : écrivez-la ${shape}.`);
  const timeShape = msg('hh:mm, sur 24 heures');
  return html`<div class="field-row">
    <div class="field">
      <label for="event-date">${msg('Date')}</label>
      <input
        id="event-date"
        class="date-field"
        name="date"
        inputmode="numeric"
        autocomplete="off"
        required
        .value=${live(typed.date ?? formatDateField(draft.date, locale))}
        aria-invalid=${errors.date ? 'true' : 'false'}
        aria-describedby=${describedBy('date-hint', errors.date && 'date-error')}
      />
      <span class="field-hint" id="date-hint">${draft.date ? `${shape} · ${format.fullDate(draft.date)}` : shape}</span>
      ${fieldError(errors.date, 'date-error', dateError)}
    </div>
    <div class="field">
      <label for="event-start">${msg('Début')}</label>
      <input
        id="event-start"
        class="time-field"
        name="startTime"
        autocomplete="off"
        .value=${live(typed.startTime ?? formatTimeField(draft.startTime))}
        ?disabled=${draft.allDay}
        aria-invalid=${errors.startTime ? 'true' : 'false'}
        aria-describedby=${describedBy('time-hint', errors.startTime && 'startTime-error')}
      />
      <span class="field-hint" id="time-hint">${timeShape}</span>
      ${fieldError(errors.startTime, 'startTime-error', timeError(draft, errors.startTime))}
    </div>
    <div class="field">
      <label for="event-end">${msg('Fin')}</label>
      <input
        id="event-end"
        class="time-field"
        name="endTime"
        autocomplete="off"
        .value=${live(typed.endTime ?? formatTimeField(draft.endTime))}
        ?disabled=${draft.allDay}
        aria-invalid=${errors.endTime ? 'true' : 'false'}
        aria-describedby=${describedBy('time-hint', errors.endTime && 'endTime-error')}
      />
      ${fieldError(errors.endTime, 'endTime-error', timeError(draft, errors.endTime))}
    </div>
  </div>`;
}

/** The create/edit form in a native modal `<dialog>`, with native inputs only. */
export function renderEventEditor(options: EventEditorViewOptions): TemplateResult {
  const { editor, locale, format } = options;
  const { draft, errors } = editor;
  const open = editor.mode !== 'closed';
  const heading = editor.mode === 'create' ? msg('Nouvel événement') : msg("Modifier l'événement");
  return html`<dialog class="dialog dialog--editor" part="editor" aria-labelledby="editor-title">
    ${
      open
        ? html`<form
            class="editor-form"
            novalidate
            @submit=${options.onSubmit}
            @input=${editor.onFormInput}
            @change=${editor.onFormInput}
          >
            <h2 class="dialog-title" id="editor-title">${heading}</h2>
            ${
              editor.problem
                ? html`<p class="problem" role="alert" part="editor-problem">${problemText(editor.problem)}</p>`
                : nothing
            }
            <label class="field">
              <span>${msg('Titre')}</span>
              <input
                name="title"
                required
                autocomplete="off"
                .value=${draft.title}
                aria-invalid=${errors.title ? 'true' : 'false'}
                aria-describedby=${errors.title ? 'title-error' : nothing}
              />
              ${fieldError(errors.title, 'title-error', msg('Donnez un titre à cet événement.'))}
            </label>
            <label class="field">
              <span>${msg('Type')}</span>
              <select name="kind">
                ${AGENDA_EVENT_KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === draft.kind}>${kindLabel(kind)}</option>`)}
              </select>
            </label>
            ${renderWhen(options)}
            <label class="check">
              <input type="checkbox" name="allDay" .checked=${draft.allDay} />
              ${msg('Toute la journée')}
            </label>
            <label class="field">
              <span>${msg('Lieu')}</span>
              <input name="location" autocomplete="off" .value=${draft.location} />
            </label>
            <label class="field">
              <span>${msg('Professionnel de santé')}</span>
              <input name="practitioner" autocomplete="off" .value=${draft.practitioner} />
            </label>
            <label class="field">
              <span>${msg('Notes')}</span>
              <textarea name="notes" rows="3" .value=${draft.notes}></textarea>
            </label>
            ${renderRecurrenceEditor({
              draft,
              errors,
              locale,
              format,
              typedUntil: editor.typed.until,
              onReplaceCustomRule: options.onReplaceCustomRule,
            })}
            ${renderReminders(options)}
            <div class="dialog-actions">
              <button type="submit" class="action action--primary touch-target" part="save" ?disabled=${editor.saving}>
                ${msg('Enregistrer')}
              </button>
              ${
                editor.mode === 'edit'
                  ? html`<button
                      type="button"
                      class="action action--danger touch-target"
                      part="delete"
                      @click=${options.onDelete}
                    >
                      ${msg('Supprimer')}
                    </button>`
                  : nothing
              }
              <button type="button" class="action touch-target" part="cancel" value="cancel" @click=${options.onClose}>
                ${msg('Annuler')}
              </button>
            </div>
          </form>`
        : nothing
    }
  </dialog>`;
}
