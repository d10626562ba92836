/**
 * The patient's daily rhythm (wake, meals, bed) and the wall-clock arithmetic the
 * pill organiser does with it: « le matin » means their breakfast time, not 08:00 for all.
 */
import { ValidationError } from '../errors/errors.js';
import type { DayPeriod } from '../model/medication.js';

/** A wall-clock time of day `HH:mm`. */
export type TimeOfDay = string;

/** When the patient wakes, eats and goes to bed, as `HH:mm` wall-clock times. */
export interface MealTimes {
  breakfast: TimeOfDay;
  lunch: TimeOfDay;
  dinner: TimeOfDay;
  bedtime: TimeOfDay;
  /** Waking time; 07:00 when not given. */
  wake?: TimeOfDay;
}

/** Meal times used when the patient has not set theirs. */
export const DEFAULT_MEAL_TIMES: Readonly<Required<MealTimes>> = {
  wake: '07:00',
  breakfast: '08:00',
  lunch: '12:30',
  dinner: '19:30',
  bedtime: '22:30',
};

const MINUTES_PER_DAY = 1440;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of `HH:mm`. @throws ValidationError naming `field` when malformed */
export function minutesOfDay(time: string, field = 'time'): number {
  const m = HH_MM.exec(time);
  if (!m) throw new ValidationError(field, 'is not a time HH:mm');
  return Number(m[1]) * 60 + Number(m[2]);
}

/** `HH:mm` of a number of minutes, wrapped into one day (23:50 + 30 min → 00:20). */
export function formatTimeOfDay(minutes: number): TimeOfDay {
  const wrapped = ((Math.round(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** Meal times with defaults filled in and every time checked. */
export function resolveMealTimes(mealTimes?: Partial<MealTimes>): Required<MealTimes> {
  const resolved: Required<MealTimes> = { ...DEFAULT_MEAL_TIMES };
  for (const key of Object.keys(DEFAULT_MEAL_TIMES) as (keyof MealTimes)[]) {
    const value = mealTimes?.[key];
    if (value !== undefined) {
      minutesOfDay(value, `mealTimes.${key}`);
      resolved[key] = value;
    }
  }
  return resolved;
}

/** The wall-clock time of a moment of the day: morning → breakfast, noon → lunch, evening → dinner, bedtime → bedtime. */
export function periodTime(period: DayPeriod, mealTimes: Required<MealTimes>): TimeOfDay {
  switch (period) {
    case 'morning':
      return mealTimes.breakfast;
    case 'noon':
      return mealTimes.lunch;
    case 'evening':
      return mealTimes.dinner;
    case 'bedtime':
      return mealTimes.bedtime;
  }
}

/**
 * The column of the week grid an exact time belongs to: the nearest of the four
 * meal/bed times on a 24-hour clock; a time exactly halfway goes to the later moment.
 * So with default times 03:00 is « coucher », 05:00 « matin », 16:00 « soir ».
 */
export function periodOfTime(time: TimeOfDay, mealTimes: Required<MealTimes>): DayPeriod {
  const minutes = minutesOfDay(time);
  const periods: DayPeriod[] = ['morning', 'noon', 'evening', 'bedtime'];
  let best: DayPeriod = 'morning';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const period of periods) {
    const anchor = minutesOfDay(periodTime(period, mealTimes));
    // Signed distance in (-720, 720]: positive when the time comes after the anchor.
    let delta = (((minutes - anchor) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    if (delta > MINUTES_PER_DAY / 2) delta -= MINUTES_PER_DAY;
    const distance = Math.abs(delta);
    // At an exact tie the anchor the time comes before (delta < 0) is the later moment and wins.
    if (distance < bestDistance || (distance === bestDistance && delta < 0)) {
      best = period;
      bestDistance = distance;
    }
  }
  return best;
}
