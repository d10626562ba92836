/**
 * The concrete doses of medication plans over a span of time. Each slot becomes
 * a synthetic agenda reminder expanded by `expandOccurrences`, so doses follow
 * time zones and daylight-saving changes exactly as the agenda does.
 */
import { ValidationError } from '../errors/errors.js';
import type { AgendaEvent } from '../model/agenda.js';
import type { IsoInstant, LocalDateTime } from '../model/common.js';
import type { DayPeriod, DoseSlot, MedicationPlan } from '../model/medication.js';
import { instantToZoned } from '../time/zone.js';
import { expandOccurrences } from '../recurrence/index.js';
import { addDays, daysBetween, localDateOf, startOfLocalDay, weekdayOf } from './calendar-days.js';
import { planInterval, planToDoseSchedule, planWeekdays, requireIsoDate, type SlotRule } from './dose-schedule.js';
import type { MealTimes } from './meal-times.js';

/** One dose the patient should take. */
export interface ScheduledDose {
  /** `doseKey(planId, scheduledAt)`: how intake records find their dose. */
  key: string;
  planId: string;
  /** Display name of the medicine. */
  medication: string;
  /** Units to take: the slot's quantity, else the plan's dose. */
  dose: number;
  doseUnit: string;
  /** Instant of the dose (ISO, UTC). */
  scheduledAt: IsoInstant;
  /** Wall clock at that instant in the plan's zone (a 02:30 dose on a spring-forward day reads 03:30). */
  localTime: LocalDateTime;
  slot: DoseSlot;
  /** Index of the slot in `plan.slots`. */
  slotIndex: number;
  /** Column of the week grid, derived from the time for exact slots. */
  period: DayPeriod;
}

/** A span of instants, end excluded. */
export interface DoseRange {
  start: Date;
  end: Date;
}

/** Options of `scheduledDoses`. */
export interface ScheduleOptions {
  /** The patient's meal and bed times; defaults to 08:00, 12:30, 19:30, 22:30. */
  mealTimes?: Partial<MealTimes>;
}

/**
 * The identity of a dose: plan id and scheduled instant, normalised to ISO UTC so
 * `…T06:00:00Z` and `…T08:00:00+02:00` name the same dose.
 */
export function doseKey(planId: string, scheduledAt: IsoInstant): string {
  const ms = Date.parse(scheduledAt);
  return `${planId}@${Number.isNaN(ms) ? scheduledAt : new Date(ms).toISOString()}`;
}

/** First date from `from` that is one of the plan's weekdays (RRULE BYDAY skips the others). */
function firstDoseDate(plan: MedicationPlan, from: string): string {
  const weekdays = planWeekdays(plan);
  if (weekdays.length === 0) return from;
  let date = from;
  for (let i = 0; i < 7 && !weekdays.includes(weekdayOf(date)); i += 1) date = addDays(date, 1);
  return date;
}

/** The agenda reminder that stands for one slot of a plan. */
function slotEvent(plan: MedicationPlan, rule: SlotRule, firstDate: string): AgendaEvent {
  const start = `${firstDate}T${rule.time}:00`;
  return {
    id: `${plan.id}#${rule.slotIndex}`,
    title: plan.medication.display,
    kind: 'reminder',
    start,
    end: start,
    timeZone: plan.timeZone,
    rrule: rule.rrule,
    exdates: [],
    overrides: [],
    reminders: [],
    medicationPlanId: plan.id,
    version: plan.version,
  };
}

/** The doses of one plan within a range, in no particular order. */
function dosesOfPlan(
  plan: MedicationPlan,
  range: DoseRange,
  mealTimes: Partial<MealTimes> | undefined,
): ScheduledDose[] {
  const rules = planToDoseSchedule(plan, mealTimes);
  requireIsoDate(plan.start, 'start');
  // Clip to the plan's days so a long-finished or future plan costs nothing.
  const planStart = startOfLocalDay(plan.start, plan.timeZone).getTime();
  const lastDayEnd =
    plan.end === undefined ? Number.POSITIVE_INFINITY : startOfLocalDay(addDays(plan.end, 1), plan.timeZone).getTime();
  // A stopped treatment has no dose from the instant it was stopped.
  const stoppedAt = plan.stoppedAt === undefined ? Number.NaN : Date.parse(plan.stoppedAt);
  const planEnd = Number.isNaN(stoppedAt) ? lastDayEnd : Math.min(lastDayEnd, stoppedAt);
  const from = Math.max(range.start.getTime(), planStart);
  const to = Math.min(range.end.getTime(), planEnd);
  if (!(to > from) || rules.length === 0) return [];
  // Plan rules have no COUNT: starting the series the day before the range changes nothing but speed,
  // as long as an interval of days stays counted from the plan's start.
  const dayBefore = addDays(localDateOf(new Date(from), plan.timeZone), -1);
  const interval = planInterval(plan);
  let seriesStart = dayBefore > plan.start ? dayBefore : plan.start;
  if (interval > 1)
    seriesStart = addDays(plan.start, Math.floor(daysBetween(plan.start, seriesStart) / interval) * interval);
  const firstDate = firstDoseDate(plan, seriesStart);
  const doses = new Map<string, ScheduledDose>();
  for (const rule of rules) {
    const occurrences = expandOccurrences(slotEvent(plan, rule, firstDate), {
      start: new Date(from),
      end: new Date(to),
    });
    for (const occurrence of occurrences) {
      const key = doseKey(plan.id, occurrence.start);
      const dose = rule.slot.quantity ?? plan.dose;
      const same = doses.get(key);
      // Two slots at one instant are one dose to record (one intake per plan and time).
      if (same) {
        same.dose += dose;
        continue;
      }
      doses.set(key, {
        key,
        planId: plan.id,
        medication: plan.medication.display,
        dose,
        doseUnit: plan.doseUnit,
        scheduledAt: new Date(occurrence.start).toISOString(),
        localTime: instantToZoned(new Date(occurrence.start), plan.timeZone),
        slot: rule.slot,
        slotIndex: rule.slotIndex,
        period: rule.period,
      });
    }
  }
  return [...doses.values()];
}

/**
 * Every dose of the plans whose instant falls in `[range.start, range.end)` and
 * within each plan's first and last day, sorted by instant, then plan and slot.
 * @throws ValidationError when the range or a plan cannot be read
 */
export function scheduledDoses(
  plans: readonly MedicationPlan[],
  range: DoseRange,
  options?: ScheduleOptions,
): ScheduledDose[] {
  if (Number.isNaN(range.start.getTime()) || Number.isNaN(range.end.getTime())) {
    throw new ValidationError('range', 'is not a pair of valid dates');
  }
  const doses = plans.flatMap((plan) => dosesOfPlan(plan, range, options?.mealTimes));
  return doses.sort(
    (a, b) =>
      a.scheduledAt.localeCompare(b.scheduledAt) ||
      (a.planId < b.planId ? -1 : a.planId > b.planId ? 1 : 0) ||
      a.slotIndex - b.slotIndex,
  );
}
