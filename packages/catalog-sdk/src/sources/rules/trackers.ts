// Rules both data sources apply to tracker entries: one place, so both accept and refuse the same input.
import { ValidationError } from '../../errors/errors.js';
import {
  GLUCOSE_UNITS,
  MEAL_CONTEXTS,
  type GlucoseReading,
  type NewGlucoseReading,
  type NewTrackerEntry,
  type TrackerKind,
  type MeasurementRange,
} from '../../model/tracker.js';
import { GLUCOSE_LIMITS_MG_PER_DL, toMgPerDl } from '../../trackers/glucose.js';

export { glucoseIdentity } from '../../trackers/glucose.js';
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

/** Checks a new entry of any kind. */
export function checkTrackerEntry<K extends TrackerKind>(kind: K, entry: NewTrackerEntry<K>): NewTrackerEntry<K> {
  switch (kind) {
    case 'glucose':
      return checkGlucoseReading(entry) as NewTrackerEntry<K>;
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
