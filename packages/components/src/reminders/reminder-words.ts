/**
 * What a reminder says, in the page and in a system notification. A dose always
 * names its time, medicine and amount as the pill organiser does; a notification
 * shows only the time unless the patient chose to show names (a locked phone's
 * screen is seen by others).
 */
import { msg, str } from '@lit/localize';
import { instantToZoned } from '@carnet/catalog-sdk';
import type { DoseReminder, DueReminder, EventReminder, TreatmentReminder } from '@carnet/catalog-sdk';
import { kindLabel } from '../agenda/agenda-labels.js';
import { doseAmountText } from '../shared/dose-words.js';
import type { CarnetLocale } from '../shared/localization.js';
import {
  formatClockTime,
  formatDayHeading,
  formatLongDate,
  shortMedicationName,
} from '../pill-organiser/organiser-format.js';

/** `HH:mm` of an instant in a zone. */
function clockIn(instant: string, timeZone: string): string {
  return instantToZoned(new Date(instant), timeZone).slice(11, 16);
}

function dayIn(instant: string | Date, timeZone: string): string {
  return instantToZoned(new Date(instant), timeZone).slice(0, 10);
}

/** The dose's time in words, with its day when it is not today: « 08:00 », « 23:00, lundi 11 mars ». */
export function doseTimeText(reminder: DoseReminder, now: Date, locale: CarnetLocale): string {
  const time = formatClockTime(reminder.dose.localTime.slice(11, 16), locale);
  const day = reminder.dose.localTime.slice(0, 10);
  if (day === dayIn(now, reminder.timeZone)) return time;
  return msg(str`${time}, ${formatDayHeading(day, locale)}`);
}

/** « Prise de 08:00 : Lévodopa/Carbidopa 100 mg/25 mg, 1 comprimé ». */
export function doseText(reminder: DoseReminder, now: Date, locale: CarnetLocale): string {
  const time = doseTimeText(reminder, now, locale);
  const medicine = shortMedicationName(reminder.dose.medication);
  const amount = doseAmountText(reminder.dose.dose, reminder.dose.doseUnit, locale);
  return msg(str`Prise de ${time} : ${medicine}, ${amount}`);
}

/** « Consultation néphrologie — Rendez-vous le 12 mars 2026 à 14:30 ». */
export function eventText(reminder: EventReminder, locale: CarnetLocale): string {
  const date = formatLongDate(dayIn(reminder.occurrenceStart, reminder.timeZone), locale);
  const what = reminder.allDay
    ? msg(str`${kindLabel(reminder.eventKind)} le ${date}`)
    : msg(
        str`${kindLabel(reminder.eventKind)} le ${date} à ${formatClockTime(clockIn(reminder.occurrenceStart, reminder.timeZone), locale)}`,
      );
  return `${reminder.title} — ${what}`;
}

/** The renewal or stock warning, in the agenda's words. */
export function treatmentText(reminder: TreatmentReminder, locale: CarnetLocale): string {
  const { medication, kind, renewalDate } = reminder.reminder;
  const date = formatLongDate(reminder.reminder.date, locale);
  if (kind === 'renewal') return msg(str`Renouveler l'ordonnance de ${medication} avant le ${date}`);
  if (kind === 'stock-before-renewal')
    return msg(
      str`Prévoir une boîte : ${medication}, épuisé vers le ${date}, avant le renouvellement du ${formatLongDate(renewalDate ?? reminder.reminder.date, locale)}`,
    );
  return msg(str`Stock bas : ${medication}, épuisé vers le ${date}`);
}

/** What the notice says. */
export function reminderText(reminder: DueReminder, now: Date, locale: CarnetLocale): string {
  switch (reminder.kind) {
    case 'dose':
      return doseText(reminder, now, locale);
    case 'event':
      return eventText(reminder, locale);
    case 'treatment':
      return treatmentText(reminder, locale);
  }
}

/** A system notification: a title, and a body only with the patient's consent to show names. */
export interface NotificationText {
  title: string;
  body?: string;
}

/**
 * The system notification of a reminder. Without `details` it names no medicine,
 * appointment or condition: « Rappel Carnet : prise de 08:00 ».
 */
export function notificationText(
  reminder: DueReminder,
  now: Date,
  locale: CarnetLocale,
  details: boolean,
): NotificationText {
  let title: string;
  switch (reminder.kind) {
    case 'dose':
      title = msg(str`Rappel Carnet : prise de ${doseTimeText(reminder, now, locale)}`);
      break;
    case 'event':
      title = reminder.allDay
        ? msg('Rappel Carnet : un rendez-vous de votre agenda')
        : msg(
            str`Rappel Carnet : rendez-vous à ${formatClockTime(clockIn(reminder.occurrenceStart, reminder.timeZone), locale)}`,
          );
      break;
    case 'treatment':
      title =
        reminder.reminder.kind === 'renewal'
          ? msg('Rappel Carnet : une ordonnance à renouveler')
          : msg('Rappel Carnet : une boîte de médicament à prévoir');
      break;
  }
  return details ? { title, body: reminderText(reminder, now, locale) } : { title };
}
