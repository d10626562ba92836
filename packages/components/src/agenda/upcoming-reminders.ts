/** The reminders due in the coming days: the patient's own per event, and medication ones. */
import type { AgendaEventKind } from '@carnet/catalog-sdk';
import type { AgendaData } from './agenda-layout.js';
import { expandOccurrences } from '@carnet/catalog-sdk';
import type { MedicationReminder } from '@carnet/catalog-sdk';

/** One reminder the patient will get. */
export interface UpcomingReminder {
  key: string;
  eventId: string;
  title: string;
  kind: AgendaEventKind;
  /** When the reminder goes off (ms). */
  remindAtMs: number;
  /** Start of the occurrence it is for (ms). */
  occurrenceStartMs: number;
  /** Wall-clock start the rule gave the occurrence. */
  originalStart: string;
  minutesBefore: number;
  timeZone: string;
  allDay: boolean;
}

/** Everything the « Rappels à venir » panel lists. */
export interface UpcomingReminders {
  /** The patient's reminders, soonest first. */
  events: UpcomingReminder[];
  /** Low stock and renewals due, from the medication plans. */
  medication: MedicationReminder[];
}

/** How many days ahead the panel looks. */
export const UPCOMING_REMINDER_DAYS = 7;
// A long agenda must not make the panel endless.
const MAX_LISTED = 50;
const DAY_MS = 86_400_000;

/**
 * Reminders going off from `now` to `days` days later, soonest first, with the
 * medication reminders (`medicationReminders`) given.
 */
export function upcomingReminders(
  data: AgendaData,
  now: Date,
  medication: MedicationReminder[],
  days = UPCOMING_REMINDER_DAYS,
): UpcomingReminders {
  const from = now.getTime();
  const until = from + days * DAY_MS;
  const reminders: UpcomingReminder[] = [];
  for (const event of data.events) {
    if (event.reminders.length === 0) continue;
    const longest = Math.max(...event.reminders.map((reminder) => reminder.minutesBefore));
    let occurrences;
    try {
      occurrences = expandOccurrences(event, { start: now, end: new Date(until + longest * 60_000) });
    } catch {
      continue;
    }
    for (const occurrence of occurrences) {
      const startMs = Date.parse(occurrence.start);
      for (const { minutesBefore } of event.reminders) {
        const remindAtMs = startMs - minutesBefore * 60_000;
        if (remindAtMs < from || remindAtMs >= until) continue;
        reminders.push({
          key: `${event.id}@${occurrence.originalStart}-${minutesBefore}`,
          eventId: event.id,
          title: event.title,
          kind: event.kind,
          remindAtMs,
          occurrenceStartMs: startMs,
          originalStart: occurrence.originalStart,
          minutesBefore,
          timeZone: occurrence.timeZone,
          allDay: occurrence.allDay,
        });
      }
    }
  }
  reminders.sort((a, b) => a.remindAtMs - b.remindAtMs || a.title.localeCompare(b.title));
  return { events: reminders.slice(0, MAX_LISTED), medication };
}
