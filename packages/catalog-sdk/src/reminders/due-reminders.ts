/**
 * Which reminders ring now, and when the next one will: doses not yet recorded,
 * the patient's own reminders before agenda events, and the prescription and stock
 * reminders of the treatments. Pure (no I/O, no timer): the caller gives `now`,
 * so a page schedules from the clock and a test chooses the instant.
 */
import type { AgendaEvent, AgendaEventKind } from '../model/agenda.js';
import type { IsoDate, IsoInstant } from '../model/common.js';
import type { IntakeRecord, MedicationPlan } from '../model/medication.js';
import type { MealTimes } from '../medication/meal-times.js';
import { localDateOf } from '../medication/calendar-days.js';
import { doseKey, scheduledDoses, type ScheduledDose } from '../medication/scheduled-doses.js';
import { medicationReminders, type MedicationReminder } from '../medication/stock.js';
import { expandOccurrences } from '../recurrence/index.js';

/** A dose whose time has come and that nothing records yet (taken or skipped). */
export interface DoseReminder {
  kind: 'dose';
  /** Stable identity: the dose's `doseKey`. */
  key: string;
  /** When it rang: the dose's time. */
  dueAt: IsoInstant;
  dose: ScheduledDose;
  /** The plan's IANA zone (the dose's wall-clock time is `dose.localTime` there). */
  timeZone: string;
}

/** A reminder the patient set before an agenda event (« 1 jour avant »). */
export interface EventReminder {
  kind: 'event';
  /** Stable identity: event, occurrence and lead time. */
  key: string;
  /** When it rang: the occurrence's start minus `minutesBefore`. */
  dueAt: IsoInstant;
  eventId: string;
  title: string;
  eventKind: AgendaEventKind;
  /** Start instant of the occurrence it is for. */
  occurrenceStart: IsoInstant;
  /** Wall-clock start the rule gave the occurrence (identifies it). */
  originalStart: string;
  minutesBefore: number;
  timeZone: string;
  allDay: boolean;
  location?: string;
}

/** A renewal, stock-before-renewal or low-stock warning, ringing once a day while it holds. */
export interface TreatmentReminder {
  kind: 'treatment';
  /** Stable identity for the day: plan, kind and local date, so a dismissed one rings again the next day. */
  key: string;
  /** When it rang: the start of the local day. */
  dueAt: IsoInstant;
  reminder: MedicationReminder;
}

/** A reminder ringing now. */
export type DueReminder = DoseReminder | EventReminder | TreatmentReminder;

/** What reminders are computed from (the record as the page last read it). */
export interface ReminderSources {
  plans: readonly MedicationPlan[];
  intakes: readonly IntakeRecord[];
  events: readonly AgendaEvent[];
}

/** Options of {@link dueReminders} and {@link nextReminderAt}. */
export interface DueReminderOptions {
  now: Date;
  /** How long a dose keeps ringing after its time while nothing records it (default 180 minutes). */
  doseWindowMinutes?: number;
  /** How long an event reminder keeps ringing when the event has already begun (default 30 minutes). */
  eventGraceMinutes?: number;
  mealTimes?: Partial<MealTimes>;
}

/** Default of `doseWindowMinutes`. */
export const DEFAULT_DOSE_REMINDER_WINDOW_MINUTES = 180;
const DEFAULT_EVENT_GRACE_MINUTES = 30;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function doseReminders(sources: ReminderSources, options: DueReminderOptions): DoseReminder[] {
  const now = options.now.getTime();
  const window = (options.doseWindowMinutes ?? DEFAULT_DOSE_REMINDER_WINDOW_MINUTES) * MINUTE_MS;
  const recorded = new Set(sources.intakes.map((intake) => doseKey(intake.planId, intake.scheduledAt)));
  const zoneOf = new Map(sources.plans.map((plan) => [plan.id, plan.timeZone]));
  const schedule = options.mealTimes === undefined ? undefined : { mealTimes: options.mealTimes };
  return scheduledDoses(sources.plans, { start: new Date(now - window), end: new Date(now + 1) }, schedule)
    .filter((dose) => !recorded.has(dose.key))
    .map((dose) => ({
      kind: 'dose',
      key: dose.key,
      dueAt: dose.scheduledAt,
      dose,
      timeZone: zoneOf.get(dose.planId) ?? 'Europe/Paris',
    }));
}

/** Every event reminder going off in [from, to), whatever `now` is. */
function eventRemindersBetween(events: readonly AgendaEvent[], from: number, to: number): EventReminder[] {
  const found: EventReminder[] = [];
  for (const event of events) {
    if (event.reminders.length === 0) continue;
    const longest = Math.max(...event.reminders.map((reminder) => reminder.minutesBefore));
    let occurrences;
    try {
      occurrences = expandOccurrences(event, { start: new Date(from), end: new Date(to + longest * MINUTE_MS) });
    } catch {
      continue; // An unreadable rule rings nothing rather than stopping every reminder.
    }
    for (const occurrence of occurrences) {
      const start = Date.parse(occurrence.start);
      for (const { minutesBefore } of event.reminders) {
        const at = start - minutesBefore * MINUTE_MS;
        if (at < from || at >= to) continue;
        found.push({
          kind: 'event',
          key: `${event.id}@${occurrence.originalStart}-${minutesBefore}`,
          dueAt: new Date(at).toISOString(),
          eventId: event.id,
          title: event.title,
          eventKind: event.kind,
          occurrenceStart: occurrence.start,
          originalStart: occurrence.originalStart,
          minutesBefore,
          timeZone: occurrence.timeZone,
          allDay: occurrence.allDay,
          ...(occurrence.location === undefined ? {} : { location: occurrence.location }),
        });
      }
    }
  }
  return found;
}

function treatmentReminders(sources: ReminderSources, options: DueReminderOptions): TreatmentReminder[] {
  const stockOptions =
    options.mealTimes === undefined ? { now: options.now } : { now: options.now, mealTimes: options.mealTimes };
  let reminders: MedicationReminder[];
  try {
    reminders = medicationReminders(sources.plans, sources.intakes, stockOptions);
  } catch {
    return [];
  }
  const zoneOf = new Map(sources.plans.map((plan) => [plan.id, plan.timeZone]));
  return reminders.map((reminder) => {
    const today: IsoDate = localDateOf(options.now, zoneOf.get(reminder.planId) ?? 'Europe/Paris');
    return {
      kind: 'treatment',
      key: `${reminder.planId}:${reminder.kind}:${today}`,
      dueAt: new Date(Math.floor(options.now.getTime() / DAY_MS) * DAY_MS).toISOString(),
      reminder,
    };
  });
}

/**
 * The reminders ringing at `options.now`, soonest first: doses whose time has come
 * within `doseWindowMinutes` and that no intake records; event reminders whose time
 * has come and whose occurrence has not begun (or began less than `eventGraceMinutes`
 * ago); renewal and stock warnings of the running treatments.
 */
export function dueReminders(sources: ReminderSources, options: DueReminderOptions): DueReminder[] {
  const now = options.now.getTime();
  const grace = (options.eventGraceMinutes ?? DEFAULT_EVENT_GRACE_MINUTES) * MINUTE_MS;
  const longestLead = Math.max(
    0,
    ...sources.events.flatMap((event) => event.reminders.map((reminder) => reminder.minutesBefore)),
  );
  const events = eventRemindersBetween(sources.events, now - longestLead * MINUTE_MS - grace, now + 1).filter(
    (reminder) => Date.parse(reminder.occurrenceStart) + grace > now,
  );
  const due: DueReminder[] = [...doseReminders(sources, options), ...events, ...treatmentReminders(sources, options)];
  return due.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key));
}

/**
 * The next instant after `options.now` when a dose or an event reminder starts
 * ringing, within `withinMs` (default a day); undefined when none does. Schedule
 * a timer to it from the clock, and check again when the page comes back to view.
 */
export function nextReminderAt(
  sources: ReminderSources,
  options: DueReminderOptions & { withinMs?: number },
): Date | undefined {
  const now = options.now.getTime();
  const until = now + (options.withinMs ?? DAY_MS);
  const schedule = options.mealTimes === undefined ? undefined : { mealTimes: options.mealTimes };
  const nextDose = scheduledDoses(sources.plans, { start: new Date(now + 1), end: new Date(until) }, schedule)[0];
  let next = nextDose === undefined ? Number.POSITIVE_INFINITY : Date.parse(nextDose.scheduledAt);
  for (const reminder of eventRemindersBetween(sources.events, now + 1, until)) {
    next = Math.min(next, Date.parse(reminder.dueAt));
  }
  return Number.isFinite(next) ? new Date(next) : undefined;
}
