/**
 * FHIR `Timing.repeat.when` codes → wall-clock times of the patient's day.
 * Meal-relative codes use the patient's own meal times (that is the documented
 * lossy part of Timing → RRULE: « avant le petit-déjeuner » is their breakfast, minus 30 min).
 */
import type { TimingRepeat } from '@medplum/fhirtypes';
import type { MealTimes, TimeOfDay } from './meal-times.js';
import { formatTimeOfDay, minutesOfDay } from './meal-times.js';

/** A `when` code of FHIR R4 (EventTiming). */
export type WhenCode = NonNullable<TimingRepeat['when']>[number];

/** Something a timing could not say exactly, by FHIR path relative to `Timing`. */
export interface TimingLoss {
  /** Path of the element, e.g. `repeat.frequencyMax`. */
  field: string;
  /** Why it was not represented, in a developer's words. */
  reason: string;
}

/** One wall-clock time a timing prescribes, and the part of the timing it comes from. */
export interface PrescribedTime {
  time: TimeOfDay;
  /** E.g. `timeOfDay 07:00`, `when MORN`, `when AC breakfast`. */
  source: string;
}

/** Minutes after (negative: before) the reference moment when no `offset` is given. */
export const DEFAULT_MEAL_OFFSET_MINUTES = 30;

type Meal = 'breakfast' | 'lunch' | 'dinner';
type Day = Required<MealTimes>;

const midpoint = (a: string, b: string): number => (minutesOfDay(a) + minutesOfDay(b)) / 2;

/** Moments that are not tied to one meal, in minutes since midnight. */
const MOMENTS: Partial<Record<WhenCode, (day: Day) => number>> = {
  WAKE: (d) => minutesOfDay(d.wake),
  'MORN.early': (d) => minutesOfDay(d.wake),
  MORN: (d) => minutesOfDay(d.breakfast),
  'MORN.late': (d) => minutesOfDay(d.breakfast) + 120,
  NOON: (d) => minutesOfDay(d.lunch),
  'AFT.early': (d) => (minutesOfDay(d.lunch) + midpoint(d.lunch, d.dinner)) / 2,
  AFT: (d) => midpoint(d.lunch, d.dinner),
  'AFT.late': (d) => (midpoint(d.lunch, d.dinner) + minutesOfDay(d.dinner)) / 2,
  'EVE.early': (d) => minutesOfDay(d.dinner) - 60,
  EVE: (d) => minutesOfDay(d.dinner),
  'EVE.late': (d) => midpoint(d.dinner, d.bedtime),
  NIGHT: (d) => minutesOfDay(d.bedtime),
  HS: (d) => minutesOfDay(d.bedtime),
};

/** Codes about one named meal: C = with, AC = before, PC = after. */
const ONE_MEAL: Partial<Record<WhenCode, { meal: Meal; sign: -1 | 0 | 1 }>> = {
  CM: { meal: 'breakfast', sign: 0 },
  CD: { meal: 'lunch', sign: 0 },
  CV: { meal: 'dinner', sign: 0 },
  ACM: { meal: 'breakfast', sign: -1 },
  ACD: { meal: 'lunch', sign: -1 },
  ACV: { meal: 'dinner', sign: -1 },
  PCM: { meal: 'breakfast', sign: 1 },
  PCD: { meal: 'lunch', sign: 1 },
  PCV: { meal: 'dinner', sign: 1 },
};

/** Codes about « a meal » without naming it. */
const ANY_MEAL: Partial<Record<WhenCode, -1 | 0 | 1>> = { C: 0, AC: -1, PC: 1 };

/**
 * The meals « with a meal » means for a number of doses a day: 1 → breakfast,
 * 2 → breakfast and dinner, otherwise (or unknown) the three meals.
 */
export function mealsForDosesPerDay(dosesPerDay: number | undefined): Meal[] {
  if (dosesPerDay === 1) return ['breakfast'];
  if (dosesPerDay === 2) return ['breakfast', 'dinner'];
  return ['breakfast', 'lunch', 'dinner'];
}

/** Offset in minutes from the meal: AC before (default 30), PC after (default 30), C at (plus any offset). */
function mealOffset(sign: -1 | 0 | 1, offset: number | undefined): number {
  if (sign === 0) return offset ?? 0;
  return sign * (offset ?? DEFAULT_MEAL_OFFSET_MINUTES);
}

/**
 * Wall-clock times of `when` codes. `offset` (minutes) moves every code: before the
 * meal for AC*, after it for PC* and for all other codes (as FHIR says when a code
 * does not tell). MORN.early = wake, MORN.late = breakfast + 2 h, AFT = halfway
 * between lunch and dinner, EVE.early = dinner − 1 h, EVE.late = halfway between
 * dinner and bed, NIGHT and HS = bedtime. PHS (after falling asleep) needs an
 * offset; without one it is reported in `lossy`.
 * @param dosesPerDay the timing's doses a day, which decides the meals of C/AC/PC
 */
export function whenToTimes(
  codes: readonly WhenCode[],
  offset: number | undefined,
  dosesPerDay: number | undefined,
  day: Day,
  lossy: TimingLoss[],
): PrescribedTime[] {
  const times: PrescribedTime[] = [];
  codes.forEach((code, i) => {
    const moment = MOMENTS[code];
    const oneMeal = ONE_MEAL[code];
    const anyMeal = ANY_MEAL[code];
    if (moment) {
      times.push({ time: formatTimeOfDay(moment(day) + (offset ?? 0)), source: `when ${code}` });
    } else if (oneMeal) {
      const time = minutesOfDay(day[oneMeal.meal]) + mealOffset(oneMeal.sign, offset);
      times.push({ time: formatTimeOfDay(time), source: `when ${code}` });
    } else if (anyMeal !== undefined) {
      for (const meal of mealsForDosesPerDay(dosesPerDay)) {
        const time = minutesOfDay(day[meal]) + mealOffset(anyMeal, offset);
        times.push({ time: formatTimeOfDay(time), source: `when ${code} ${meal}` });
      }
    } else if (code === 'PHS' && offset !== undefined) {
      times.push({ time: formatTimeOfDay(minutesOfDay(day.bedtime) + offset), source: `when ${code}` });
    } else {
      const reason =
        code === 'PHS' ? 'PHS without an offset has no time of day' : `'${String(code)}' is not a known code`;
      lossy.push({ field: `repeat.when[${i}]`, reason });
    }
  });
  return times;
}
