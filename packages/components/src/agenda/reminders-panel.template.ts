import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { AgendaFormat } from './agenda-format.js';
import { kindLabel, reminderLabel } from './agenda-labels.js';
import { instantToZoned } from '@carnet/catalog-sdk';
import type { MedicationReminder } from '@carnet/catalog-sdk';
import type { UpcomingReminder, UpcomingReminders } from './upcoming-reminders.js';
import { UPCOMING_REMINDER_DAYS } from './upcoming-reminders.js';

/** What the panel lists. */
export interface RemindersPanelOptions {
  reminders: UpcomingReminders;
  format: AgendaFormat;
}

function renderEventReminder(reminder: UpcomingReminder, format: AgendaFormat): TemplateResult {
  const at = new Date(reminder.remindAtMs);
  const day = instantToZoned(at, reminder.timeZone).slice(0, 10);
  const occurrenceDay = instantToZoned(new Date(reminder.occurrenceStartMs), reminder.timeZone).slice(0, 10);
  const occurrenceTime = reminder.allDay ? '' : format.time(reminder.occurrenceStartMs, reminder.timeZone);
  const when = `${format.shortDate(day)} ${format.time(at, reminder.timeZone)}`;
  const what = occurrenceTime
    ? msg(str`${kindLabel(reminder.kind)} le ${format.fullDate(occurrenceDay)} à ${occurrenceTime}`)
    : msg(str`${kindLabel(reminder.kind)} le ${format.fullDate(occurrenceDay)}`);
  return html`<li class="reminder-entry" part="upcoming-reminder">
    <time class="reminder-at" datetime=${at.toISOString()}>${when}</time>
    <span class="reminder-title">${reminder.title}</span>
    <span class="reminder-meta">${what} · ${reminderLabel(reminder.minutesBefore, format)}</span>
  </li>`;
}

function renderMedicationReminder(reminder: MedicationReminder, format: AgendaFormat): TemplateResult {
  const date = format.fullDate(reminder.date);
  const text =
    reminder.kind === 'renewal'
      ? msg(str`Renouveler l'ordonnance de ${reminder.medication} avant le ${date}`)
      : reminder.kind === 'stock-before-renewal'
        ? msg(
            str`Prévoir une boîte : ${reminder.medication}, épuisé vers le ${date}, avant le renouvellement du ${format.fullDate(reminder.renewalDate ?? reminder.date)}`,
          )
        : msg(str`Stock bas : ${reminder.medication}, épuisé vers le ${date}`);
  return html`<li class="reminder-entry reminder-entry--${reminder.kind}" part="medication-reminder">${text}</li>`;
}

/** The reminders of the coming week, and the medication ones (stock, renewals). */
export function renderRemindersPanel({ reminders, format }: RemindersPanelOptions): TemplateResult {
  const empty = reminders.events.length === 0 && reminders.medication.length === 0;
  return html`<section class="reminders-panel" part="reminders-panel" aria-labelledby="reminders-title">
    <h3 id="reminders-title" class="panel-title">${msg(str`Rappels des ${UPCOMING_REMINDER_DAYS} prochains jours`)}</h3>
    ${empty ? html`<p class="nothing">${msg('Aucun rappel prévu.')}</p>` : nothing}
    ${
      reminders.medication.length > 0
        ? html`<ul class="reminder-entries" role="list" aria-label=${msg('Médicaments')}>
            ${reminders.medication.map((reminder) => renderMedicationReminder(reminder, format))}
          </ul>`
        : nothing
    }
    ${
      reminders.events.length > 0
        ? html`<ul class="reminder-entries" role="list" aria-label=${msg('Rendez-vous et examens')}>
            ${reminders.events.map((reminder) => renderEventReminder(reminder, format))}
          </ul>`
        : nothing
    }
  </section>`;
}
