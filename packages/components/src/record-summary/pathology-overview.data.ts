/**
 * What the overview reads for the patient's condition, one helper per item so that a
 * failing read leaves the others shown. Each asks the SDK the same question the widget
 * it links to asks (sessions as the kidney tracker finds them, doses as the pill
 * organiser expands them); nothing is computed twice in two ways.
 */
import {
  DEFAULT_GLUCOSE_TARGETS,
  DEFAULT_TIME_ZONE,
  dialysisSessions,
  interdialyticGains,
  motorDayRange,
  scheduledDoses,
  summariseMotorDay,
  timeInRange,
} from '@carnet/catalog-sdk';
import type {
  DataSource,
  DialysisSession,
  GlucoseReading,
  GlucoseTargets,
  IntakeRecord,
  IsoDate,
  MeasurementRange,
  MotorDaySummary,
  Pathology,
  ScheduledDose,
  SessionWeights,
  TimeInRange,
} from '@carnet/catalog-sdk';
import { doseOutcome, toleranceMinutesOf } from '../pill-organiser/dose-state.js';
import type { DoseState } from '../pill-organiser/dose-state.js';
import { addDays, localDateOf, startOfLocalDay } from '../pill-organiser/organiser-calendar.js';
import { plansUnderPreset, presetFor } from '../pill-organiser/presets.js';
import { intakesByDose } from '../pill-organiser/week-grid.model.js';

const DAY_MS = 86_400_000;

/** How far ahead the next dialysis session is looked for. */
export const DIALYSIS_LOOKAHEAD_DAYS = 14;
/** How far back weights and glucose values are read (as the trackers do). */
export const MEASUREMENT_DAYS = 30;
/** How many of the latest glucose values the overview lists. */
export const LATEST_GLUCOSE_COUNT = 3;
/** The period of the overview's time in range. */
export const TIME_IN_RANGE_DAYS = 7;

/** Options every overview read takes. */
export interface OverviewReadOptions {
  signal?: AbortSignal;
  /** The instant treated as now (tests fix it). */
  now?: Date;
}

/** The next dialysis session of the agenda (not started yet), or `null` when none within two weeks. */
export async function loadNextDialysis(
  source: DataSource,
  options: OverviewReadOptions = {},
): Promise<DialysisSession | null> {
  const now = options.now ?? new Date();
  const events = await source.agenda.list({ ...(options.signal ? { signal: options.signal } : {}) });
  const sessions = dialysisSessions(events, {
    start: now,
    end: new Date(now.getTime() + DIALYSIS_LOOKAHEAD_DAYS * DAY_MS),
  });
  return sessions.find((session) => Date.parse(session.start) > now.getTime()) ?? null;
}

/** A session whose weight gain since the previous one is known. */
export type SessionGain = SessionWeights & { gain: number };

/**
 * The latest interdialytic weight gain of the last 30 days, or `null` when no session
 * has both weights (this one before, the previous one after) or the record keeps no measurements.
 */
export async function loadLastWeightGain(
  source: DataSource,
  options: OverviewReadOptions = {},
): Promise<SessionGain | null> {
  if (!source.trackers) return null;
  const now = options.now ?? new Date();
  const weights = await source.trackers.list('weight', {
    from: new Date(now.getTime() - MEASUREMENT_DAYS * DAY_MS).toISOString(),
    to: new Date(now.getTime() + 60_000).toISOString(),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const gains = interdialyticGains(weights).filter((entry): entry is SessionGain => entry.gain !== undefined);
  return gains[gains.length - 1] ?? null;
}

/** The latest glucose values and the time in range of the last seven days. */
export interface GlucoseGlance {
  /** Up to three values, newest first. */
  latest: GlucoseReading[];
  /** Over the last seven days, against the targets. */
  timeInRange: TimeInRange;
}

/** The latest glucose values (30 days back) and the seven days' time in range; `null` without any value. */
export async function loadGlucoseGlance(
  source: DataSource,
  options: OverviewReadOptions & { targets?: GlucoseTargets } = {},
): Promise<GlucoseGlance | null> {
  if (!source.trackers) return null;
  const now = options.now ?? new Date();
  const readings = await source.trackers.list('glucose', {
    from: new Date(now.getTime() - MEASUREMENT_DAYS * DAY_MS).toISOString(),
    to: new Date(now.getTime() + 60_000).toISOString(),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (readings.length === 0) return null;
  return {
    latest: readings.slice(-LATEST_GLUCOSE_COUNT).reverse(),
    timeInRange: timeInRange(readings, {
      days: TIME_IN_RANGE_DAYS,
      now,
      targets: options.targets ?? DEFAULT_GLUCOSE_TARGETS,
    }),
  };
}

/** One dose of today with what became of it. */
export interface TodayDose {
  dose: ScheduledDose;
  state: DoseState;
  /** The intake record, when the patient recorded one. */
  record?: IntakeRecord;
}

/** Today's doses in the plans' zone. */
export interface TodayDoses {
  /** Today, in `timeZone`. */
  date: IsoDate;
  timeZone: string;
  /** In time order. */
  doses: TodayDose[];
}

/**
 * Today's doses from the medication plans, expanded by the SDK as the pill organiser
 * does (the condition's preset gives the late window), each with its state.
 */
export async function loadTodayDoses(
  source: DataSource,
  options: OverviewReadOptions & { pathology?: Pathology } = {},
): Promise<TodayDoses> {
  const now = options.now ?? new Date();
  const plans = plansUnderPreset(
    await source.medications.listPlans({ ...(options.signal ? { signal: options.signal } : {}) }),
    presetFor(options.pathology),
  );
  const timeZone = plans[0]?.timeZone ?? DEFAULT_TIME_ZONE;
  const date = localDateOf(now, timeZone);
  const range = { start: startOfLocalDay(date, timeZone), end: startOfLocalDay(addDays(date, 1), timeZone) };
  const doses = scheduledDoses(plans, range);
  if (doses.length === 0) return { date, timeZone, doses: [] };
  options.signal?.throwIfAborted();
  const intakes = intakesByDose(
    await source.medications.listIntakes({ from: range.start.toISOString(), to: range.end.toISOString() }),
  );
  const planById = new Map(plans.map((plan) => [plan.id, plan]));
  return {
    date,
    timeZone,
    doses: doses.map((dose) => {
      const record = intakes.get(dose.key);
      const plan = planById.get(dose.planId);
      const { state } = doseOutcome(dose, record, plan ? toleranceMinutesOf(plan) : 0, now);
      return { dose, state, ...(record ? { record } : {}) };
    }),
  };
}

/** Yesterday in the motor-state diary: the day read and what it says. */
export interface YesterdayMotor {
  /** Yesterday, from its local midnight to the next. */
  range: MeasurementRange;
  summary: MotorDaySummary;
}

/**
 * Yesterday's « off » periods from the Parkinson's diary kept in `<carnet-tracker>`
 * (`null` when nothing was noted that day, or the source keeps no measurements).
 */
export async function loadYesterdayMotor(
  source: DataSource,
  options: OverviewReadOptions = {},
): Promise<YesterdayMotor | null> {
  if (!source.trackers) return null;
  const now = options.now ?? new Date();
  // Noon of the day before: a day that starts or ends with a clock change is still that day.
  const range = motorDayRange(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12));
  const entries = await source.trackers.list('motorState', {
    ...range,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const summary = summariseMotorDay(entries, range);
  return summary.recordedMinutes === 0 ? null : { range, summary };
}
