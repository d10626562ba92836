/** The agenda's words that depend on data; called at render time so they follow the locale. */
import { msg, str } from '@lit/localize';
import type { AgendaEventKind, IntakeStatus } from '@carnet/catalog-sdk';
import type { AgendaChangeScope } from '../events/carnet-event-change.js';
import type { AgendaFormat } from './agenda-format.js';
import type { AgendaItem, DayBucket } from './agenda-layout.js';
import type { RecurrenceFrequency } from '@carnet/catalog-sdk';

/** The kind of an event in the patient's words. */
export function kindLabel(kind: AgendaEventKind): string {
  switch (kind) {
    case 'appointment':
      return msg('Rendez-vous');
    case 'exam':
      return msg('Examen');
    case 'prescription-renewal':
      return msg("Renouvellement d'ordonnance");
    case 'reminder':
      return msg('Rappel personnel');
  }
}

/** What the patient recorded for a dose, or that nothing is recorded yet. */
export function intakeLabel(status: IntakeStatus | 'pending'): string {
  switch (status) {
    case 'taken':
      return msg('prise');
    case 'skipped':
      return msg('non prise');
    case 'pending':
      return msg('non renseignée');
  }
}

/** The three answers to « which occurrences? ». */
export function scopeLabel(scope: AgendaChangeScope): string {
  switch (scope) {
    case 'this':
      return msg('Cette occurrence');
    case 'following':
      return msg('Cette occurrence et les suivantes');
    case 'all':
      return msg('Toutes les occurrences');
  }
}

/** The options of the frequency select. */
export function frequencyLabel(frequency: RecurrenceFrequency): string {
  switch (frequency) {
    case 'none':
      return msg('Ne se répète pas');
    case 'daily':
      return msg('Tous les jours');
    case 'weekly':
      return msg('Toutes les semaines');
    case 'monthly':
      return msg('Tous les mois');
    case 'yearly':
      return msg('Tous les ans');
  }
}

/** Unit of a reminder delay as the editor offers it. */
export type ReminderUnit = 'minute' | 'hour' | 'day';

/** Every reminder unit, smallest first. */
export const REMINDER_UNITS: readonly ReminderUnit[] = ['minute', 'hour', 'day'];

/** The largest unit that divides a delay exactly: 1440 → 1 day, 90 → 90 minutes. */
export function reminderParts(minutesBefore: number): { value: number; unit: ReminderUnit } {
  if (minutesBefore > 0 && minutesBefore % 1440 === 0) return { value: minutesBefore / 1440, unit: 'day' };
  if (minutesBefore > 0 && minutesBefore % 60 === 0) return { value: minutesBefore / 60, unit: 'hour' };
  return { value: minutesBefore, unit: 'minute' };
}

/** « 1 jour avant » / "1 day before", « À l'heure de l'événement » for 0. */
export function reminderLabel(minutesBefore: number, format: AgendaFormat): string {
  if (minutesBefore === 0) return msg("À l'heure de l'événement");
  const { value, unit } = reminderParts(minutesBefore);
  const delay = format.unit(value, unit);
  return msg(str`${delay} avant`);
}

/** The unit names of the reminder select. */
export function reminderUnitLabel(unit: ReminderUnit): string {
  switch (unit) {
    case 'minute':
      return msg('minutes');
    case 'hour':
      return msg('heures');
    case 'day':
      return msg('jours');
  }
}

/** « Hémodialyse 07:30 », or the title alone for all-day items. */
function itemSummary(item: AgendaItem): string {
  if (item.source === 'renewal') return msg(str`Renouvellement : ${item.title}`);
  return item.startTime ? `${item.title} ${item.startTime}` : item.title;
}

/**
 * What a screen reader says for a day: « lundi 23 novembre 2026, 2 événements :
 * Hémodialyse 07:30, Prise de sang 10:00 », and the doses when shown.
 */
export function dayLabel(bucket: DayBucket, format: AgendaFormat): string {
  const date = format.fullDate(bucket.day);
  const count = bucket.events.length;
  let label: string;
  if (count === 0) label = msg(str`${date}, aucun événement`);
  else {
    const summary = format.list(bucket.events.map(itemSummary));
    label =
      count === 1 ? msg(str`${date}, 1 événement : ${summary}`) : msg(str`${date}, ${count} événements : ${summary}`);
  }
  const doses = bucket.doses.length;
  if (doses === 1) label += msg(', 1 prise de médicament');
  else if (doses > 1) label += msg(str`, ${doses} prises de médicaments`);
  return label;
}

export { dateShape } from '../shared/date-time-fields.js';
