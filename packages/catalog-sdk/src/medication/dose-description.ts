/**
 * How often a plan is taken, as structured phrase data: which days, which moments
 * or times, how much. Interfaces put it into words (the SDK never writes French or
 * English), from the same rules the week grid expands, so the words and the grid
 * can never disagree: a weekly dose always says its day.
 */
import type { Weekday } from '../model/common.js';
import type { DayPeriod, MedicationPlan } from '../model/medication.js';
import { planInterval, planToDoseSchedule, planWeekdays } from './dose-schedule.js';
import type { MealTimes, TimeOfDay } from './meal-times.js';

/**
 * The days doses fall on: `every-day`; `every-n-days` (`interval` ≥ 2, counted from
 * the plan's start); `weekdays` (the named days only, in week order, Monday first).
 */
export type DoseDays =
  { kind: 'every-day' } | { kind: 'every-n-days'; interval: number } | { kind: 'weekdays'; weekdays: Weekday[] };

/** One dose of the day: a moment (« matin ») or an exact time, and its units. */
export type DoseMoment =
  | { kind: 'period'; period: DayPeriod; withMeal: boolean; dose: number }
  | { kind: 'time'; time: TimeOfDay; dose: number };

/** A plan's schedule as phrase data, for an interface to word. */
export interface DoseScheduleDescription {
  days: DoseDays;
  /** The doses of one dose day, in the order of the day. */
  moments: DoseMoment[];
  /** Doses on one dose day. */
  dosesPerDay: number;
  /** True when every dose of the day is « with a meal » (« 3 fois par jour aux repas »). */
  withMeals: boolean;
  /** The plan's dose and unit. */
  dose: number;
  doseUnit: string;
  /** True when a moment's units differ from `dose` (read each `moments[i].dose`). */
  dosesVary: boolean;
}

/**
 * The schedule of a plan as phrase data: the days (every day, every n days, named
 * weekdays), the moments or times of a dose day sorted as the grid sorts them, and
 * the units. Built from `planToDoseSchedule`, the rules the grid and the agenda expand.
 * @throws ValidationError when the plan cannot be read (as `planToDoseSchedule`)
 */
export function describeDoseSchedule(plan: MedicationPlan, mealTimes?: Partial<MealTimes>): DoseScheduleDescription {
  const rules = planToDoseSchedule(plan, mealTimes);
  const weekdays = planWeekdays(plan);
  const interval = planInterval(plan);
  const days: DoseDays =
    weekdays.length > 0 && weekdays.length < 7
      ? { kind: 'weekdays', weekdays }
      : interval > 1
        ? { kind: 'every-n-days', interval }
        : { kind: 'every-day' };
  const moments: DoseMoment[] = rules.map((rule) => {
    const dose = rule.slot.quantity ?? plan.dose;
    return rule.slot.time !== undefined
      ? { kind: 'time', time: rule.slot.time, dose }
      : { kind: 'period', period: rule.period, withMeal: rule.slot.withMeal === true, dose };
  });
  return {
    days,
    moments,
    dosesPerDay: moments.length,
    withMeals: moments.length > 0 && moments.every((m) => m.kind === 'period' && m.withMeal),
    dose: plan.dose,
    doseUnit: plan.doseUnit,
    dosesVary: moments.some((m) => m.dose !== plan.dose),
  };
}
