/**
 * A domain medication plan as RRULEs, one per dose slot, for the agenda and the
 * pill organiser (the same rules `scheduledDoses` expands).
 */
import { ValidationError } from '../errors/errors.js';
import type { Weekday } from '../model/common.js';
import { WEEKDAYS } from '../model/common.js';
import type { DayPeriod, DoseSlot, MedicationPlan } from '../model/medication.js';
import type { MealTimes, TimeOfDay } from './meal-times.js';
import { minutesOfDay, periodOfTime, periodTime, resolveMealTimes } from './meal-times.js';

/** The rule of one dose slot of a plan. */
export interface SlotRule {
  /** Index of the slot in `plan.slots`. */
  slotIndex: number;
  slot: DoseSlot;
  /** RRULE value without DTSTART, e.g. `FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261231T235959`. */
  rrule: string;
  /** Wall-clock time of the dose: the slot's time, or its moment's meal time. */
  time: TimeOfDay;
  /** Column of the week grid (derived from the time for exact slots). */
  period: DayPeriod;
  /** E.g. `time 07:00` or `period morning`. */
  source: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a calendar date `YYYY-MM-DD`. @throws ValidationError naming `field` */
export function requireIsoDate(value: string | undefined, field: string): string {
  if (value === undefined || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new ValidationError(field, 'is not a date YYYY-MM-DD');
  }
  return value;
}

/** The plan's weekdays in week order, or an empty list for every day. */
export function planWeekdays(plan: MedicationPlan): Weekday[] {
  const days = new Set(plan.daysOfWeek ?? []);
  for (const day of days) {
    if (!WEEKDAYS.includes(day)) throw new ValidationError('daysOfWeek', 'holds a value that is not a weekday');
  }
  return WEEKDAYS.filter((day) => days.has(day));
}

/**
 * Days between dose days (1 = every day or every named weekday).
 * @throws ValidationError when it is not a whole number from 1 to 366, or comes with weekdays
 */
export function planInterval(plan: Pick<MedicationPlan, 'everyDays' | 'daysOfWeek'>): number {
  const every = plan.everyDays ?? 1;
  if (!Number.isInteger(every) || every < 1 || every > 366) {
    throw new ValidationError('everyDays', 'must be a whole number of days from 1 to 366', 'interval-invalid');
  }
  if (every > 1 && (plan.daysOfWeek?.length ?? 0) > 0) {
    throw new ValidationError('everyDays', 'cannot be combined with days of the week', 'interval-with-weekdays');
  }
  return every;
}

/** Time and grid column of a slot. @throws ValidationError when the slot has neither time nor moment */
export function slotTime(
  slot: DoseSlot,
  index: number,
  mealTimes: Required<MealTimes>,
): { time: TimeOfDay; period: DayPeriod } {
  if (slot.time !== undefined) {
    minutesOfDay(slot.time, `slots[${index}].time`);
    return { time: slot.time, period: periodOfTime(slot.time, mealTimes) };
  }
  if (slot.period === undefined || !['morning', 'noon', 'evening', 'bedtime'].includes(slot.period)) {
    throw new ValidationError(`slots[${index}]`, 'has neither a time nor a moment of the day');
  }
  return { time: periodTime(slot.period, mealTimes), period: slot.period };
}

/**
 * The RRULEs of a plan, one per slot, sorted by time of day: `FREQ=DAILY`,
 * `FREQ=DAILY;INTERVAL=n` every n days from the start, or `FREQ=WEEKLY;BYDAY=…`
 * when the plan names days; UNTIL is the end of its last day.
 * Moments map to meal times: morning → breakfast, noon → lunch, evening → dinner,
 * bedtime → bedtime.
 * @throws ValidationError when a slot, a day or the end date cannot be read
 */
export function planToDoseSchedule(plan: MedicationPlan, mealTimes?: Partial<MealTimes>): SlotRule[] {
  const day = resolveMealTimes(mealTimes);
  const weekdays = planWeekdays(plan);
  const interval = planInterval(plan);
  const parts = [
    weekdays.length > 0
      ? `FREQ=WEEKLY;BYDAY=${weekdays.join(',')}`
      : interval > 1
        ? `FREQ=DAILY;INTERVAL=${interval}`
        : 'FREQ=DAILY',
  ];
  if (plan.end !== undefined) parts.push(`UNTIL=${requireIsoDate(plan.end, 'end').replace(/-/g, '')}T235959`);
  const rrule = parts.join(';');
  return plan.slots
    .map((slot, slotIndex) => {
      const { time, period } = slotTime(slot, slotIndex, day);
      const source = slot.time !== undefined ? `time ${slot.time}` : `period ${period}`;
      return { slotIndex, slot, rrule, time, period, source };
    })
    .sort((a, b) => minutesOfDay(a.time) - minutesOfDay(b.time) || a.slotIndex - b.slotIndex);
}
