import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { AgendaEvent } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import type { AgendaFormat } from './agenda-format.js';
import { kindLabel, reminderLabel } from './agenda-labels.js';
import { describeRecurrence } from '@carnet/catalog-sdk';
import type { OccurrenceDetailsController } from './occurrence-details.controller.js';

/** What the details dialog needs besides its controller. */
export interface OccurrenceDialogOptions {
  details: OccurrenceDetailsController;
  /** The stored event behind the occurrence. */
  event?: AgendaEvent;
  /** Zone the agenda reads days in: other zones are named. */
  timeZone: string;
  locale: CarnetLocale;
  format: AgendaFormat;
  onEdit(): void;
  onDelete(): void;
  onClose(): void;
  onSaveNote(event: SubmitEvent): void;
}

function detail(term: string, value: string | undefined): TemplateResult | typeof nothing {
  return value
    ? html`<div>
        <dt>${term}</dt>
        <dd>${value}</dd>
      </div>`
    : nothing;
}

/** One occurrence: when, where, with whom, how it repeats, and the patient's note on it. */
export function renderOccurrenceDialog(options: OccurrenceDialogOptions): TemplateResult {
  const { details, event, format, locale } = options;
  const item = details.item;
  const when = item
    ? `${format.fullDate(item.day)}${item.allDay ? '' : `, ${item.time}`}${item.timeZone !== options.timeZone ? ` (${item.timeZone})` : ''}`
    : '';
  return html`<dialog class="dialog dialog--occurrence" part="occurrence-dialog" aria-labelledby="occurrence-title">
    ${
      item
        ? html`<h2 class="dialog-title" id="occurrence-title">${item.title}</h2>
            <dl class="details">
              ${detail(msg('Type'), kindLabel(item.kind))} ${detail(msg('Quand'), when)}
              ${detail(msg('Lieu'), event?.location)} ${detail(msg('Professionnel de santé'), event?.practitioner)}
              ${detail(msg('Répétition'), event?.rrule ? describeRecurrence(event.rrule, locale) : undefined)}
              ${detail(msg('Rappels'), event && event.reminders.length > 0 ? format.list(event.reminders.map((r) => reminderLabel(r.minutesBefore, format))) : undefined)}
              ${detail(msg('Notes'), event?.notes)}
            </dl>
            <form class="note-form" part="note-form" @submit=${options.onSaveNote}>
              <label class="field">
                <span>${msg('Note sur cette occurrence')}</span>
                <textarea
                  name="occurrenceNote"
                  rows="2"
                  placeholder=${msg('Par exemple : dose prise en retard')}
                  .value=${details.noteDraft}
                  @input=${details.onNoteInput}
                ></textarea>
              </label>
              ${
                details.problem
                  ? html`<p class="problem" role="alert">
                      ${
                        details.problem === 'conflict'
                          ? msg(
                              'Cet événement a été changé entre-temps, sur un autre appareil ou par une autre personne. Votre note est conservée : enregistrez-la à nouveau.',
                            )
                          : msg("La note n'a pas pu être enregistrée. Votre texte est conservé : réessayez.")
                      }
                    </p>`
                  : nothing
              }
              ${details.saved ? html`<p class="confirmation" role="status">${msg('Note enregistrée.')}</p>` : nothing}
              <button type="submit" class="action touch-target" part="save-note" ?disabled=${details.saving}>
                ${msg('Enregistrer la note')}
              </button>
            </form>
            <div class="dialog-actions">
              ${
                event
                  ? html`<button
                        type="button"
                        class="action action--primary touch-target"
                        part="edit"
                        @click=${options.onEdit}
                      >
                        ${msg('Modifier')}
                      </button>
                      <button
                        type="button"
                        class="action action--danger touch-target"
                        part="delete"
                        @click=${options.onDelete}
                      >
                        ${msg('Supprimer')}
                      </button>`
                  : nothing
              }
              <button type="button" class="action touch-target" @click=${options.onClose}>${msg('Fermer')}</button>
            </div>`
        : nothing
    }
  </dialog>`;
}
