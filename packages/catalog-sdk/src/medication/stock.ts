/**
 * What is left in the box, when it runs out, and when the prescription must be
 * renewed — for the organiser's warnings and the agenda's reminders.
 */
import { ValidationError } from '../errors/errors.js';
import type { IsoDate } from '../model/common.js';
import type { IntakeRecord, MedicationPlan } from '../model/medication.js';
import { addDays, daysBetween, localDateOf, startOfLocalDay } from './calendar-days.js';
import { planInterval, planWeekdays, requireIsoDate } from './dose-schedule.js';
import type { MealTimes } from './meal-times.js';
import { doseKey, scheduledDoses } from './scheduled-doses.js';

/** Stock is low at or below this many days left, unless told otherwise. */
export const DEFAULT_LOW_STOCK_DAYS = 7;
/** A renewal is due this many days ahead, unless told otherwise. */
export const DEFAULT_RENEWAL_NOTICE_DAYS = 14;
/** A stock that runs out before the renewal date is announced this many days ahead, unless told otherwise. */
export const DEFAULT_STOCK_GAP_NOTICE_DAYS = 30;

/** Stock and renewal of one plan. */
export interface StockStatus {
  /** Units left: dispensed minus taken since the dispensing, never below 0. */
  remaining: number;
  unit: string;
  /** Whole days the remaining units last at the schedule's average use; undefined when nothing is used. */
  daysLeft: number | undefined;
  /** Local date the stock runs out (today + daysLeft). */
  runsOutOn?: IsoDate;
  /** True at or below `lowStockDays` days left (or `lowStockUnits` units). */
  low: boolean;
  renewalDate?: IsoDate;
  /** True when the renewal date is within `renewalNoticeDays` days, or past. */
  renewalDue: boolean;
  /**
   * True when the stock runs out before the renewal date: the patient needs another
   * box before the next prescription (rasagiline: 18 days left, renewal in 36).
   */
  runsOutBeforeRenewal: boolean;
}

/** Options of `computeStock` and `medicationReminders`. */
export interface StockOptions {
  now: Date;
  /** Low-stock threshold in days left; default 7. */
  lowStockDays?: number;
  /** Low-stock threshold in units, checked as well when given. */
  lowStockUnits?: number;
  /** How many days ahead a renewal is announced; default 14. */
  renewalNoticeDays?: number;
  /** How many days ahead a stock running out before the renewal date is announced; default 30. */
  stockGapNoticeDays?: number;
  mealTimes?: Partial<MealTimes>;
}

/**
 * A warning the agenda and the organiser show: `low-stock` (a few days left),
 * `stock-before-renewal` (the stock runs out before the renewal date: buy a box before
 * `date`), `renewal` (the prescription must be renewed by `date`).
 */
export interface MedicationReminder {
  planId: string;
  kind: 'low-stock' | 'stock-before-renewal' | 'renewal';
  /** Low stock, stock before renewal: the day it runs out (today if unknown); renewal: the renewal date. */
  date: IsoDate;
  /** The renewal date, on a `stock-before-renewal` warning. */
  renewalDate?: IsoDate;
  /** Display name of the medicine. */
  medication: string;
}

/** Average units a day: each slot's units times the share of days the plan covers (weekdays or one day in n). */
export function averageDailyUse(plan: MedicationPlan): number {
  const weekdays = planWeekdays(plan);
  const share = weekdays.length === 0 ? 1 / planInterval(plan) : weekdays.length / 7;
  return plan.slots.reduce((sum, slot) => sum + (slot.quantity ?? plan.dose), 0) * share;
}

/** Units taken from the current box: taken records of doses from the dispensing day up to now, each dose once. */
function unitsTaken(
  plan: MedicationPlan,
  intakes: readonly IntakeRecord[],
  dispensedOn: IsoDate,
  options: StockOptions,
): number {
  const since = startOfLocalDay(dispensedOn, plan.timeZone);
  const now = options.now.getTime();
  // The schedule gives each dose's units (per-slot quantities); an unknown dose counts the plan's dose.
  const units = new Map(
    scheduledDoses([plan], { start: since, end: new Date(now + 1) }, { mealTimes: options.mealTimes }).map((d) => [
      d.key,
      d.dose,
    ]),
  );
  const counted = new Set<string>();
  let total = 0;
  for (const intake of intakes) {
    if (intake.planId !== plan.id || intake.status !== 'taken') continue;
    const at = Date.parse(intake.scheduledAt);
    if (Number.isNaN(at) || at < since.getTime() || at > now) continue;
    const key = doseKey(plan.id, intake.scheduledAt);
    if (counted.has(key)) continue;
    counted.add(key);
    total += units.get(key) ?? plan.dose;
  }
  return total;
}

/**
 * Stock status of a plan at `now`, or undefined when the plan records no stock.
 * Skipped doses consume nothing; doses scheduled before the dispensing day came
 * from the previous box. Renewal is checked whether or not stock is recorded.
 * @throws ValidationError when a date of the plan cannot be read
 */
export function computeStock(
  plan: MedicationPlan,
  intakes: readonly IntakeRecord[],
  options: StockOptions,
): StockStatus | undefined {
  if (Number.isNaN(options.now.getTime())) throw new ValidationError('now', 'is not a valid date');
  const stock = plan.stock;
  if (!stock) return undefined;
  const today = localDateOf(options.now, plan.timeZone);
  const remaining = Math.max(
    0,
    stock.dispensed - unitsTaken(plan, intakes, requireIsoDate(stock.dispensedOn, 'stock.dispensedOn'), options),
  );
  const daily = averageDailyUse(plan);
  const daysLeft = daily > 0 ? Math.floor(remaining / daily) : undefined;
  const lowByDays = daysLeft !== undefined && daysLeft <= (options.lowStockDays ?? DEFAULT_LOW_STOCK_DAYS);
  const lowByUnits = options.lowStockUnits !== undefined && remaining <= options.lowStockUnits;
  const status: StockStatus = {
    remaining,
    unit: stock.unit,
    daysLeft,
    low: lowByDays || lowByUnits,
    renewalDue: renewalDue(plan, today, options),
    runsOutBeforeRenewal: false,
  };
  if (daysLeft !== undefined) status.runsOutOn = addDays(today, daysLeft);
  if (status.runsOutOn !== undefined && plan.renewalDate !== undefined) {
    status.runsOutBeforeRenewal = status.runsOutOn < requireIsoDate(plan.renewalDate, 'renewalDate');
  }
  if (plan.renewalDate !== undefined) status.renewalDate = plan.renewalDate;
  return status;
}

function renewalDue(plan: MedicationPlan, today: IsoDate, options: StockOptions): boolean {
  if (plan.renewalDate === undefined) return false;
  const days = daysBetween(today, requireIsoDate(plan.renewalDate, 'renewalDate'));
  return days <= (options.renewalNoticeDays ?? DEFAULT_RENEWAL_NOTICE_DAYS);
}

/**
 * Low-stock, stock-before-renewal and renewal reminders of the plans still running
 * today, sorted by date then kind. A finished or stopped plan needs none. When the
 * stock runs out before the renewal date within `stockGapNoticeDays`, that warning
 * replaces the low-stock one.
 * @throws ValidationError when a date of a plan cannot be read
 */
export function medicationReminders(
  plans: readonly MedicationPlan[],
  intakes: readonly IntakeRecord[],
  options: StockOptions,
): MedicationReminder[] {
  const reminders: MedicationReminder[] = [];
  for (const plan of plans) {
    const today = localDateOf(options.now, plan.timeZone);
    if (plan.end !== undefined && requireIsoDate(plan.end, 'end') < today) continue;
    if (plan.stoppedAt !== undefined && Date.parse(plan.stoppedAt) <= options.now.getTime()) continue;
    const medication = plan.medication.display;
    const status = computeStock(plan, intakes, options);
    const gapNotice = options.stockGapNoticeDays ?? DEFAULT_STOCK_GAP_NOTICE_DAYS;
    if (
      status?.runsOutBeforeRenewal &&
      status.runsOutOn !== undefined &&
      plan.renewalDate !== undefined &&
      (status.daysLeft ?? 0) <= gapNotice
    ) {
      reminders.push({
        planId: plan.id,
        kind: 'stock-before-renewal',
        date: status.runsOutOn,
        renewalDate: plan.renewalDate,
        medication,
      });
    } else if (status?.low) {
      reminders.push({ planId: plan.id, kind: 'low-stock', date: status.runsOutOn ?? today, medication });
    }
    if (plan.renewalDate !== undefined && renewalDue(plan, today, options)) {
      reminders.push({ planId: plan.id, kind: 'renewal', date: plan.renewalDate, medication });
    }
  }
  return reminders.sort(
    (a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.planId.localeCompare(b.planId),
  );
}
