// Rules both data sources apply to tracker entries: one place, so both accept and refuse the same input.
import { ValidationError } from '../../errors/errors.js';
import {
  DIALYSIS_MOMENTS,
  GLUCOSE_UNITS,
  MOTOR_SLOT_MINUTES,
  MOTOR_STATES,
  type MotorStateEntry,
  type NewMotorStateEntry,
  MEAL_CONTEXTS,
  type BloodPressureReading,
  type NewBloodPressureReading,
  type NewWeightReading,
  type WeightReading,
  type GlucoseReading,
  type NewGlucoseReading,
  type NewTrackerEntry,
  type TrackerKind,
  type MeasurementRange,
} from '../../model/tracker.js';
import { GLUCOSE_LIMITS_MG_PER_DL, toMgPerDl } from '../../trackers/glucose.js';

import { glucoseIdentity } from '../../trackers/glucose.js';

export { glucoseIdentity };
import { optionalText, toInstant } from './validation.js';

/** The fields of a glucose value, checked and in canonical form (instant in UTC). */
export function checkGlucoseReading(entry: NewGlucoseReading): Omit<GlucoseReading, 'id' | 'version'> {
  const unit = entry.unit;
  if (!GLUCOSE_UNITS.includes(unit)) throw new ValidationError('unit', 'must be mg/dL or mmol/L');
  const value = entry.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationError('value', 'must be a number');
  const mgPerDl = toMgPerDl(value, unit);
  if (mgPerDl < GLUCOSE_LIMITS_MG_PER_DL.min || mgPerDl > GLUCOSE_LIMITS_MG_PER_DL.max)
    throw new ValidationError('value', 'is outside what a meter measures');
  if (entry.mealContext !== undefined && !MEAL_CONTEXTS.includes(entry.mealContext))
    throw new ValidationError('mealContext', 'must be before-meal, after-meal or bedtime');
  const origin = entry.origin ?? 'entered';
  if (origin !== 'entered' && origin !== 'imported') throw new ValidationError('origin', 'must be entered or imported');
  const note = optionalText('note', entry.note, 500);
  return {
    at: toInstant('at', entry.at),
    value: unit === 'mg/dL' ? Math.round(value) : Math.round(value * 10) / 10,
    unit,
    origin,
    ...(entry.mealContext === undefined ? {} : { mealContext: entry.mealContext }),
    ...(note === undefined ? {} : { note }),
  };
}

function checkOrigin(origin: unknown): 'entered' | 'imported' {
  const value = origin ?? 'entered';
  if (value !== 'entered' && value !== 'imported') throw new ValidationError('origin', 'must be entered or imported');
  return value;
}

/** Weights a scale shows for an adult (kg). */
export const WEIGHT_LIMITS_KG = { min: 20, max: 300 } as const;

/** The fields of a weight, checked (kg to 0.1, canonical instants). */
export function checkWeightReading(entry: NewWeightReading): Omit<WeightReading, 'id' | 'version'> {
  const kg = entry.kg;
  if (typeof kg !== 'number' || !Number.isFinite(kg)) throw new ValidationError('kg', 'must be a number');
  if (kg < WEIGHT_LIMITS_KG.min || kg > WEIGHT_LIMITS_KG.max)
    throw new ValidationError('kg', 'is outside what a scale shows');
  if (entry.moment !== undefined && !DIALYSIS_MOMENTS.includes(entry.moment))
    throw new ValidationError('moment', 'must be before-dialysis or after-dialysis');
  return {
    at: toInstant('at', entry.at),
    kg: Math.round(kg * 10) / 10,
    origin: checkOrigin(entry.origin),
    ...(entry.moment === undefined ? {} : { moment: entry.moment }),
    ...(entry.session === undefined ? {} : { session: toInstant('session', entry.session) }),
  };
}

/** The fields of a blood pressure, checked (whole mmHg, systolic above diastolic). */
export function checkBloodPressureReading(
  entry: NewBloodPressureReading,
): Omit<BloodPressureReading, 'id' | 'version'> {
  const { systolic, diastolic } = entry;
  if (typeof systolic !== 'number' || !Number.isFinite(systolic) || systolic < 50 || systolic > 300)
    throw new ValidationError('systolic', 'is outside what a monitor shows');
  if (typeof diastolic !== 'number' || !Number.isFinite(diastolic) || diastolic < 20 || diastolic > 200)
    throw new ValidationError('diastolic', 'is outside what a monitor shows');
  if (diastolic >= systolic) throw new ValidationError('diastolic', 'must be below the systolic pressure');
  return {
    at: toInstant('at', entry.at),
    systolic: Math.round(systolic),
    diastolic: Math.round(diastolic),
    origin: checkOrigin(entry.origin),
  };
}

/**
 * The fields of a motor diary slot, checked: a known state, a slot of exactly
 * {@link MOTOR_SLOT_MINUTES} minutes (`end` defaults to half an hour after `at`).
 */
export function checkMotorStateEntry(entry: NewMotorStateEntry): Omit<MotorStateEntry, 'id' | 'version'> {
  if (!MOTOR_STATES.includes(entry.state))
    throw new ValidationError('state', 'must be off, on, on-dyskinesia or asleep');
  const at = toInstant('at', entry.at);
  const end =
    entry.end === undefined
      ? new Date(Date.parse(at) + MOTOR_SLOT_MINUTES * 60_000).toISOString()
      : toInstant('end', entry.end);
  if (Date.parse(end) - Date.parse(at) !== MOTOR_SLOT_MINUTES * 60_000)
    throw new ValidationError('end', 'must be half an hour after at');
  return { at, end, state: entry.state, origin: checkOrigin(entry.origin) };
}

/** The key two entries of a kind share when they are the same measurement (same minute, same values). */
export function entryIdentity(kind: TrackerKind, entry: NewTrackerEntry<TrackerKind>): string {
  const minute = Math.floor(Date.parse(entry.at) / 60_000);
  switch (kind) {
    case 'glucose':
      return glucoseIdentity(entry as NewGlucoseReading);
    case 'weight':
      return `${minute}|${(entry as NewWeightReading).kg}|${(entry as NewWeightReading).moment ?? ''}`;
    case 'bloodPressure':
      return `${minute}|${(entry as NewBloodPressureReading).systolic}/${(entry as NewBloodPressureReading).diastolic}`;
    case 'motorState':
      return `${minute}|${(entry as NewMotorStateEntry).state}`;
  }
}

/** Checks a new entry of any kind. */
export function checkTrackerEntry<K extends TrackerKind>(kind: K, entry: NewTrackerEntry<K>): NewTrackerEntry<K> {
  switch (kind) {
    case 'glucose':
      return checkGlucoseReading(entry as NewGlucoseReading) as NewTrackerEntry<K>;
    case 'weight':
      return checkWeightReading(entry as NewWeightReading) as NewTrackerEntry<K>;
    case 'bloodPressure':
      return checkBloodPressureReading(entry as NewBloodPressureReading) as NewTrackerEntry<K>;
    case 'motorState':
      return checkMotorStateEntry(entry as NewMotorStateEntry) as NewTrackerEntry<K>;
    default:
      throw new ValidationError('kind', 'is not a kind of measurement');
  }
}

/** A checked range (`from` before `to`, canonical instants). */
export function checkRange(range: MeasurementRange): MeasurementRange {
  const from = toInstant('from', range.from);
  const to = toInstant('to', range.to);
  if (from >= to) throw new ValidationError('to', 'must be after from');
  return { from, to };
}
