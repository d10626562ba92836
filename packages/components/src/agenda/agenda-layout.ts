/**
 * What a view shows, computed once per visible range and data version: the
 * occurrences, doses and renewals of each day, with their times already
 * formatted, so rendering only reads buckets.
 */
import type {
  AgendaEvent,
  AgendaEventKind,
  IntakeRecord,
  IntakeStatus,
  IsoDate,
  MedicationPlan,
  Occurrence,
} from '@carnet/catalog-sdk';
import { addDays, daysBetween, dayOfWall, timeOfWall } from './agenda-dates.js';
import type { AgendaFormat } from './agenda-format.js';
import {
  describeDoseSchedule,
  doseKey,
  expandOccurrences,
  instantToZoned,
  scheduledDoses,
  zonedToInstant,
} from '@carnet/catalog-sdk';
import type { DoseScheduleDescription, MedicationReminder, ScheduledDose } from '@carnet/catalog-sdk';

/** The record the agenda shows. */
export interface AgendaData {
  events: AgendaEvent[];
  plans: MedicationPlan[];
  intakes: IntakeRecord[];
  /** Changes on every load, so computed layouts know they are stale. */
  version: number;
}

/** Where an item of the agenda comes from. */
export type AgendaItemSource = 'event' | 'dose' | 'renewal';

/** One thing shown on a day: an event's occurrence, a medication dose or a derived renewal. */
export interface AgendaItem {
  /** Unique among the items of the layout. */
  key: string;
  source: AgendaItemSource;
  title: string;
  /** The event's kind; doses read as `reminder`, derived renewals as `prescription-renewal`. */
  kind: AgendaEventKind;
  day: IsoDate;
  startMs: number;
  endMs: number;
  allDay: boolean;
  /** « 07:30–11:30 » in the item's own zone; empty for all-day items. */
  time: string;
  /** « 07:30 » alone; empty for all-day items. */
  startTime: string;
  timeZone: string;
  recurring: boolean;
  moved: boolean;
  note?: string;
  location?: string;
  /** The occurrence, for items from agenda events. */
  occurrence?: Occurrence;
  /** The dose, for medication items. */
  dose?: ScheduledDose;
  /** How often the dose's plan is taken (its days and moments), for medication items. */
  doseSchedule?: DoseScheduleDescription;
  /** What the patient recorded for a dose. */
  intake?: IntakeStatus | 'pending';
  /** The medication plan of a dose or derived renewal. */
  planId?: string;
}

/** Everything on one day. */
export interface DayBucket {
  day: IsoDate;
  /** Events and renewals, all-day first, then by start. */
  events: AgendaItem[];
  /** Medication doses by time (empty unless medication is shown). */
  doses: AgendaItem[];
}

/** The buckets of a range of days. */
export interface AgendaLayout {
  days: IsoDate[];
  buckets: Map<IsoDate, DayBucket>;
  /** Every item, by day then start. */
  items: AgendaItem[];
  /** Items by key, for the views' delegated click listeners. */
  byKey: Map<string, AgendaItem>;
}

/** Options of `buildLayout`. */
export interface LayoutOptions {
  days: IsoDate[];
  /** Zone the days are read in (the agenda's). */
  timeZone: string;
  showMedication: boolean;
  /** Renewals derived from medication plans (see `medicationReminders`). */
  renewals: readonly MedicationReminder[];
  format: AgendaFormat;
}

// Events longer than this are shown on every day they cover (hospital stays).
const MULTI_DAY_CAP = 62;

function byStart(a: AgendaItem, b: AgendaItem): number {
  if (a.allDay !== b.allDay) return a.allDay ? -1 : 1;
  return a.startMs - b.startMs || a.title.localeCompare(b.title);
}

function occurrenceItem(occurrence: Occurrence, day: IsoDate, format: AgendaFormat): AgendaItem {
  const startMs = Date.parse(occurrence.start);
  const endMs = Date.parse(occurrence.end);
  const startTime = occurrence.allDay ? '' : format.time(startMs, occurrence.timeZone);
  const time = occurrence.allDay
    ? ''
    : endMs > startMs
      ? `${startTime}–${format.time(endMs, occurrence.timeZone)}`
      : startTime;
  const item: AgendaItem = {
    key: `${occurrence.eventId}@${occurrence.originalStart}#${day}`,
    source: 'event',
    title: occurrence.title,
    kind: occurrence.kind,
    day,
    startMs,
    endMs,
    allDay: occurrence.allDay,
    time,
    startTime,
    timeZone: occurrence.timeZone,
    recurring: occurrence.recurring,
    moved: occurrence.moved,
    occurrence,
  };
  if (occurrence.note !== undefined) item.note = occurrence.note;
  if (occurrence.location !== undefined) item.location = occurrence.location;
  return item;
}

/** The local days an occurrence covers: its start day, and more for long events. */
function coveredDays(occurrence: Occurrence): IsoDate[] {
  const first = dayOfWall(occurrence.localStart);
  const startMs = Date.parse(occurrence.start);
  const endMs = Date.parse(occurrence.end);
  if (endMs - startMs < 86_400_000 && !occurrence.allDay) return [first];
  const endLocal = instantToZoned(new Date(endMs), occurrence.timeZone);
  let last = dayOfWall(endLocal);
  if (timeOfWall(endLocal) === '00:00' && last > first) last = addDays(last, -1);
  const span = Math.min(Math.max(daysBetween(first, last), 0), MULTI_DAY_CAP);
  return Array.from({ length: span + 1 }, (_, index) => addDays(first, index));
}

function doseItem(
  dose: ScheduledDose,
  timeZone: string,
  intake: IntakeStatus | 'pending',
  format: AgendaFormat,
): AgendaItem {
  const startMs = Date.parse(dose.scheduledAt);
  const time = format.time(startMs, timeZone);
  return {
    key: dose.key,
    source: 'dose',
    title: dose.medication,
    kind: 'reminder',
    day: dayOfWall(dose.localTime),
    startMs,
    endMs: startMs,
    allDay: false,
    time,
    startTime: time,
    timeZone,
    recurring: true,
    moved: false,
    dose,
    intake,
    planId: dose.planId,
  };
}

function renewalItem(reminder: MedicationReminder, timeZone: string): AgendaItem {
  const startMs = zonedToInstant(`${reminder.date}T00:00:00`, timeZone).getTime();
  return {
    key: `renewal:${reminder.planId}:${reminder.date}`,
    source: 'renewal',
    title: reminder.medication,
    kind: 'prescription-renewal',
    day: reminder.date,
    startMs,
    endMs: startMs,
    allDay: true,
    time: '',
    startTime: '',
    timeZone,
    recurring: false,
    moved: false,
    planId: reminder.planId,
  };
}

/**
 * The per-day buckets of `days` (contiguous, in order). Each occurrence goes to
 * the days of its wall-clock time in its own zone.
 */
export function buildLayout(data: AgendaData, options: LayoutOptions): AgendaLayout {
  const { days, timeZone, format } = options;
  const buckets = new Map<IsoDate, DayBucket>();
  for (const day of days) buckets.set(day, { day, events: [], doses: [] });
  const items: AgendaItem[] = [];
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) return { days, buckets, items, byKey: new Map() };
  // A day of margin each side catches events of other zones whose local day is in range.
  const range = {
    start: zonedToInstant(`${addDays(first, -1)}T00:00:00`, timeZone),
    end: zonedToInstant(`${addDays(last, 2)}T00:00:00`, timeZone),
  };
  for (const event of data.events) {
    let occurrences: Occurrence[];
    try {
      occurrences = expandOccurrences(event, range);
    } catch {
      continue; // an unreadable rule hides one event, never the whole agenda
    }
    for (const occurrence of occurrences) {
      for (const day of coveredDays(occurrence)) {
        const bucket = buckets.get(day);
        if (!bucket) continue;
        const item = occurrenceItem(occurrence, day, format);
        bucket.events.push(item);
        items.push(item);
      }
    }
  }
  for (const reminder of options.renewals) {
    const bucket = buckets.get(reminder.date);
    if (!bucket) continue;
    const item = renewalItem(reminder, timeZone);
    bucket.events.push(item);
    items.push(item);
  }
  if (options.showMedication && data.plans.length > 0) {
    const intakes = new Map(data.intakes.map((intake) => [doseKey(intake.planId, intake.scheduledAt), intake.status]));
    const zones = new Map(data.plans.map((plan) => [plan.id, plan.timeZone]));
    const schedules = new Map(data.plans.map((plan) => [plan.id, describeDoseSchedule(plan)]));
    for (const dose of scheduledDoses(data.plans, range)) {
      const item = doseItem(dose, zones.get(dose.planId) ?? timeZone, intakes.get(dose.key) ?? 'pending', format);
      const schedule = schedules.get(dose.planId);
      if (schedule) item.doseSchedule = schedule;
      const bucket = buckets.get(item.day);
      if (!bucket) continue;
      bucket.doses.push(item);
      items.push(item);
    }
  }
  for (const bucket of buckets.values()) {
    bucket.events.sort(byStart);
    bucket.doses.sort(byStart);
  }
  items.sort((a, b) => a.day.localeCompare(b.day) || byStart(a, b));
  return { days, buckets, items, byKey: new Map(items.map((item) => [item.key, item])) };
}
