/**
 * Glucose arithmetic both data sources and every widget share: units, the
 * targets agreed with the doctor, low/high classification and time in range.
 * Pure functions, no I/O.
 */
import type { GlucoseReading, GlucoseUnit } from '../model/tracker.js';

/** mg/dL in one mmol/L of glucose (molar mass 180.16 g/mol). */
export const MG_PER_DL_PER_MMOL_PER_L = 18.016;

/** The value in mg/dL. */
export function toMgPerDl(value: number, unit: GlucoseUnit): number {
  return unit === 'mg/dL' ? value : value * MG_PER_DL_PER_MMOL_PER_L;
}

/** A value given in mg/dL, expressed in `unit` (mmol/L rounded to 0.1, mg/dL to the unit). */
export function fromMgPerDl(mgPerDl: number, unit: GlucoseUnit): number {
  return unit === 'mg/dL' ? Math.round(mgPerDl) : Math.round((mgPerDl / MG_PER_DL_PER_MMOL_PER_L) * 10) / 10;
}

/** A reading's value in mg/dL. */
export function glucoseInMgPerDl(reading: Pick<GlucoseReading, 'value' | 'unit'>): number {
  return toMgPerDl(reading.value, reading.unit);
}

/** Values a meter can show; outside them the entry is almost certainly a typing slip. */
export const GLUCOSE_LIMITS_MG_PER_DL = { min: 10, max: 800 } as const;

/**
 * The range the patient aims for, agreed with the doctor (mg/dL). Defaults
 * follow the international consensus on time in range: 70–180 mg/dL.
 */
export interface GlucoseTargets {
  /** Below this: a low (hypoglycaemia). */
  low: number;
  /** Above this: a high (hyperglycaemia). */
  high: number;
}

/** The consensus range (Battelino et al., Diabetes Care 2019): 70–180 mg/dL. */
export const DEFAULT_GLUCOSE_TARGETS: Readonly<GlucoseTargets> = Object.freeze({ low: 70, high: 180 });

/** Below this a low is « very low » whatever the targets (consensus level 2, 54 mg/dL). */
export const VERY_LOW_MG_PER_DL = 54;
/** Above this a high is « very high » whatever the targets (consensus level 2, 250 mg/dL). */
export const VERY_HIGH_MG_PER_DL = 250;

/** Where a value stands against the targets. */
export type GlucoseLevel = 'very-low' | 'low' | 'in-range' | 'high' | 'very-high';

/** Where a value (mg/dL) stands against the targets. */
export function glucoseLevel(mgPerDl: number, targets: GlucoseTargets = DEFAULT_GLUCOSE_TARGETS): GlucoseLevel {
  if (mgPerDl < Math.min(VERY_LOW_MG_PER_DL, targets.low)) return 'very-low';
  if (mgPerDl < targets.low) return 'low';
  if (mgPerDl > Math.max(VERY_HIGH_MG_PER_DL, targets.high)) return 'very-high';
  if (mgPerDl > targets.high) return 'high';
  return 'in-range';
}

/** Share of readings below, within and above the targets over a period. */
export interface TimeInRange {
  /** Days the period covers (7, 14, 30). */
  days: number;
  /** Readings in the period. */
  count: number;
  /** Fractions between 0 and 1 (0 each when there is no reading); they add up to 1. */
  below: number;
  inRange: number;
  above: number;
}

/**
 * Time in range over the `days` before `now`, from the readings (each
 * reading counts once; with finger-prick values this is the share of readings).
 */
export function timeInRange(
  readings: readonly Pick<GlucoseReading, 'at' | 'value' | 'unit'>[],
  options: { days: number; now: Date; targets?: GlucoseTargets },
): TimeInRange {
  const end = options.now.getTime();
  const start = end - options.days * 86_400_000;
  const targets = options.targets ?? DEFAULT_GLUCOSE_TARGETS;
  let below = 0;
  let inRange = 0;
  let above = 0;
  for (const reading of readings) {
    const at = Date.parse(reading.at);
    if (!(at > start && at <= end)) continue;
    const value = glucoseInMgPerDl(reading);
    if (value < targets.low) below += 1;
    else if (value > targets.high) above += 1;
    else inRange += 1;
  }
  const count = below + inRange + above;
  if (count === 0) return { days: options.days, count, below: 0, inRange: 0, above: 0 };
  return { days: options.days, count, below: below / count, inRange: inRange / count, above: above / count };
}

/**
 * The key two glucose values share when they are the same measurement: the
 * same minute and the same value in mg/dL (rounded). An import skips what it
 * finds on record under the same key.
 */
export function glucoseIdentity(reading: Pick<GlucoseReading, 'at' | 'value' | 'unit'>): string {
  const minute = Math.floor(Date.parse(reading.at) / 60_000);
  return `${minute}|${Math.round(toMgPerDl(reading.value, reading.unit))}`;
}
