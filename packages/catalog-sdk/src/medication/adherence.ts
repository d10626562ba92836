/**
 * Adherence: of the doses due, how many the patient recorded as taken, on time or
 * late, skipped, or missed — per plan, overall and per day for the chart.
 */
import { ValidationError } from '../errors/errors.js';
import type { IsoDate, IsoInstant } from '../model/common.js';
import { DEFAULT_TIME_ZONE } from '../model/common.js';
import type { IntakeRecord, MedicationPlan } from '../model/medication.js';
import { addDays, localDateOf, startOfLocalDay } from './calendar-days.js';
import type { MealTimes } from './meal-times.js';
import { doseKey, scheduledDoses, type ScheduledDose } from './scheduled-doses.js';

/** Minutes after the scheduled time a dose still counts as on time, unless the plan says otherwise. */
export const DEFAULT_LATE_TOLERANCE_MINUTES = 60;

const MINUTE_MS = 60_000;

/** Counts of dose outcomes. */
export interface AdherenceCounts {
  /** Doses due before now in the window (pending ones included). */
  scheduled: number;
  /** Taken, on time or late. */
  taken: number;
  takenOnTime: number;
  /** Taken more than the tolerance after the scheduled time. */
  takenLate: number;
  skipped: number;
  /** Not recorded and older than the tolerance. */
  missed: number;
  /** Due within the tolerance and not recorded yet: neither taken nor missed. */
  pending: number;
  /** taken / (scheduled − pending), 0..1; undefined when no dose has an outcome yet. */
  rate: number | undefined;
  /** takenOnTime / (scheduled − pending), 0..1; undefined likewise. */
  onTimeRate: number | undefined;
}

/** One day of the adherence chart. */
export interface AdherenceDay {
  /** Local date in the report's zone. */
  date: IsoDate;
  scheduled: number;
  taken: number;
  late: number;
  skipped: number;
  missed: number;
  pending: number;
}

/** Adherence of one plan. */
export interface PlanAdherence extends AdherenceCounts {
  planId: string;
  medication: string;
  days: AdherenceDay[];
}

/** Adherence over a window ending now. */
export interface AdherenceReport {
  /** Start of the window: local midnight `days − 1` days before today. */
  from: IsoInstant;
  /** End of the window: now. */
  to: IsoInstant;
  /** Zone of the per-day series. */
  timeZone: string;
  overall: AdherenceCounts;
  plans: PlanAdherence[];
  /** Per-day series of all plans together, oldest first, one entry per day of the window. */
  days: AdherenceDay[];
  /** Records in the window that match no scheduled dose (e.g. the plan changed since): counted nowhere. */
  unmatchedIntakes: IntakeRecord[];
  /** Second and later records of one dose: the dose counts once. */
  duplicateIntakes: IntakeRecord[];
}

/** Options of `computeAdherence`. */
export interface AdherenceOptions {
  now: Date;
  /** Length of the window in calendar days, today included (7, 30…). */
  days: number;
  mealTimes?: Partial<MealTimes>;
  /** Zone of the per-day series; the first plan's zone by default. */
  timeZone?: string;
}

type Outcome = 'onTime' | 'late' | 'skipped' | 'missed' | 'pending';

const emptyDay = (date: IsoDate): AdherenceDay => ({
  date,
  scheduled: 0,
  taken: 0,
  late: 0,
  skipped: 0,
  missed: 0,
  pending: 0,
});

/** Of two records of one dose, the one that counts: taken beats skipped, then the earliest intake. */
function preferred(a: IntakeRecord, b: IntakeRecord): IntakeRecord {
  if (a.status !== b.status) return a.status === 'taken' ? a : b;
  return Date.parse(b.takenAt ?? '') < Date.parse(a.takenAt ?? '') ? b : a;
}

/** Outcome of a dose given its record; a taken record without `takenAt` counts as on time. */
function outcomeOf(dose: ScheduledDose, record: IntakeRecord | undefined, toleranceMs: number, now: number): Outcome {
  if (!record) return now - Date.parse(dose.scheduledAt) > toleranceMs ? 'missed' : 'pending';
  if (record.status === 'skipped') return 'skipped';
  const takenAt = Date.parse(record.takenAt ?? '');
  if (Number.isNaN(takenAt)) return 'onTime';
  return takenAt - Date.parse(dose.scheduledAt) > toleranceMs ? 'late' : 'onTime';
}

/** Rates and totals from per-outcome counts. */
function countsOf(tally: Record<Outcome, number>): AdherenceCounts {
  const taken = tally.onTime + tally.late;
  const scheduled = taken + tally.skipped + tally.missed + tally.pending;
  const decided = scheduled - tally.pending;
  return {
    scheduled,
    taken,
    takenOnTime: tally.onTime,
    takenLate: tally.late,
    skipped: tally.skipped,
    missed: tally.missed,
    pending: tally.pending,
    rate: decided > 0 ? taken / decided : undefined,
    onTimeRate: decided > 0 ? tally.onTime / decided : undefined,
  };
}

const newTally = (): Record<Outcome, number> => ({ onTime: 0, late: 0, skipped: 0, missed: 0, pending: 0 });

function addToDay(day: AdherenceDay | undefined, outcome: Outcome): void {
  if (!day) return;
  day.scheduled += 1;
  if (outcome === 'onTime' || outcome === 'late') day.taken += 1;
  if (outcome === 'late') day.late += 1;
  if (outcome === 'skipped') day.skipped += 1;
  if (outcome === 'missed') day.missed += 1;
  if (outcome === 'pending') day.pending += 1;
}

/**
 * Adherence of the plans over the last `days` calendar days up to `now`. A dose
 * is scheduled when its instant is in the window and before now; its record (by
 * `doseKey`) makes it taken — late when `takenAt − scheduledAt` exceeds the plan's
 * `lateToleranceMinutes` (default 60) — or skipped; without a record it is missed
 * once older than the tolerance, pending before. The rates leave pending doses
 * out, so a dose due ten minutes ago does not lower them.
 * @throws ValidationError when `days` is not a positive whole number or `now` is invalid
 */
export function computeAdherence(
  plans: readonly MedicationPlan[],
  intakes: readonly IntakeRecord[],
  options: AdherenceOptions,
): AdherenceReport {
  const { now, days } = options;
  if (!Number.isInteger(days) || days < 1) throw new ValidationError('days', 'is not a positive whole number');
  if (Number.isNaN(now.getTime())) throw new ValidationError('now', 'is not a valid date');
  const timeZone = options.timeZone ?? plans[0]?.timeZone ?? DEFAULT_TIME_ZONE;
  const today = localDateOf(now, timeZone);
  const dates = Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
  const from = startOfLocalDay(dates[0] as IsoDate, timeZone);
  const doses = scheduledDoses(plans, { start: from, end: now }, { mealTimes: options.mealTimes });

  const records = new Map<string, IntakeRecord>();
  const duplicateIntakes: IntakeRecord[] = [];
  const unmatchedIntakes: IntakeRecord[] = [];
  const doseKeys = new Set(doses.map((dose) => dose.key));
  const planIds = new Set(plans.map((plan) => plan.id));
  for (const intake of intakes) {
    const key = doseKey(intake.planId, intake.scheduledAt);
    const at = Date.parse(intake.scheduledAt);
    if (!doseKeys.has(key)) {
      // Records outside the window, or of doses not yet due, are simply not this report's business.
      const inWindow = !Number.isNaN(at) && at >= from.getTime() && at < now.getTime();
      if (inWindow || (Number.isNaN(at) && planIds.has(intake.planId))) unmatchedIntakes.push(intake);
      continue;
    }
    const seen = records.get(key);
    if (seen) {
      const kept = preferred(seen, intake);
      duplicateIntakes.push(kept === seen ? intake : seen);
      records.set(key, kept);
    } else records.set(key, intake);
  }

  const overall = newTally();
  const overallDays = dates.map(emptyDay);
  const byPlan = new Map(
    plans.map((plan) => [plan.id, { tally: newTally(), days: dates.map(emptyDay), timeZone: plan.timeZone }]),
  );
  const dayIndex = new Map(dates.map((date, i) => [date, i]));
  const tolerance = new Map(
    plans.map((plan) => [plan.id, (plan.lateToleranceMinutes ?? DEFAULT_LATE_TOLERANCE_MINUTES) * MINUTE_MS]),
  );
  for (const dose of doses) {
    const outcome = outcomeOf(dose, records.get(dose.key), tolerance.get(dose.planId) ?? 0, now.getTime());
    const plan = byPlan.get(dose.planId);
    // The dose's local time already says its day when the report shares the plan's zone (Intl is the slow part).
    const date =
      plan?.timeZone === timeZone ? dose.localTime.slice(0, 10) : localDateOf(new Date(dose.scheduledAt), timeZone);
    const index = dayIndex.get(date) ?? -1;
    overall[outcome] += 1;
    addToDay(overallDays[index], outcome);
    if (plan) {
      plan.tally[outcome] += 1;
      addToDay(plan.days[index], outcome);
    }
  }
  return {
    from: from.toISOString(),
    to: now.toISOString(),
    timeZone,
    overall: countsOf(overall),
    plans: plans.map((plan) => {
      const entry = byPlan.get(plan.id) ?? { tally: newTally(), days: dates.map(emptyDay) };
      return { planId: plan.id, medication: plan.medication.display, ...countsOf(entry.tally), days: entry.days };
    }),
    days: overallDays,
    unmatchedIntakes,
    duplicateIntakes,
  };
}
