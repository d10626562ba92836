/**
 * Pure shaping of glucose readings for the tracker's chart, table and summary
 * (no DOM): values in the unit shown, levels against the targets, chart geometry.
 */
import {
  fromMgPerDl,
  glucoseInMgPerDl,
  glucoseLevel,
  timeInRange,
  toMgPerDl,
  type GlucoseLevel,
  type GlucoseReading,
  type GlucoseTargets,
  type GlucoseUnit,
  type TimeInRange,
} from '@carnet/catalog-sdk';

/** The periods the tracker summarises, in days. */
export const GLUCOSE_PERIODS = [7, 14, 30] as const;

/** One of {@link GLUCOSE_PERIODS}. */
export type GlucosePeriod = (typeof GLUCOSE_PERIODS)[number];

/** One reading as shown. */
export interface GlucoseRow {
  reading: GlucoseReading;
  /** The value in the unit shown. */
  shown: number;
  level: GlucoseLevel;
}

/** A point of the chart, in SVG user units. */
export interface ChartPoint {
  x: number;
  y: number;
  row: GlucoseRow;
}

/** Everything the glucose view shows for one period. */
export interface GlucoseView {
  period: GlucosePeriod;
  unit: GlucoseUnit;
  /** Readings of the period, most recent first (the table's order). */
  rows: GlucoseRow[];
  /** The latest reading of all, whatever the period. */
  latest?: GlucoseRow;
  timeInRange: TimeInRange;
  chart: {
    width: number;
    height: number;
    points: ChartPoint[];
    /** The target band, in SVG units (top is the high target). */
    band: { top: number; bottom: number };
    /** Horizontal guide lines with their value in the unit shown. */
    ticks: { y: number; value: number }[];
  };
}

/** Chart size in SVG user units (it scales to the element's width). */
const WIDTH = 600;
const HEIGHT = 220;
const PAD_TOP = 10;
const PAD_BOTTOM = 20;
const PAD_LEFT = 40;
/** The chart's vertical scale in mg/dL: the usual span of finger-prick values. */
const SCALE_MIN = 40;
const SCALE_MAX = 300;

function rowOf(reading: GlucoseReading, unit: GlucoseUnit, targets: GlucoseTargets): GlucoseRow {
  const mgPerDl = glucoseInMgPerDl(reading);
  return { reading, shown: fromMgPerDl(mgPerDl, unit), level: glucoseLevel(mgPerDl, targets) };
}

/** Builds the view of the readings (oldest first, as the data source lists them). */
export function glucoseView(
  readings: readonly GlucoseReading[],
  options: { period: GlucosePeriod; unit: GlucoseUnit; targets: GlucoseTargets; now: Date },
): GlucoseView {
  const { period, unit, targets, now } = options;
  const end = now.getTime();
  const start = end - period * 86_400_000;
  const inPeriod = readings.filter((reading) => {
    const at = Date.parse(reading.at);
    return at > start && at <= end;
  });
  const rows = inPeriod.map((reading) => rowOf(reading, unit, targets));
  const last = readings[readings.length - 1];
  const y = (mgPerDl: number): number => {
    const clamped = Math.min(SCALE_MAX, Math.max(SCALE_MIN, mgPerDl));
    return PAD_TOP + ((SCALE_MAX - clamped) / (SCALE_MAX - SCALE_MIN)) * (HEIGHT - PAD_TOP - PAD_BOTTOM);
  };
  const x = (at: number): number => PAD_LEFT + ((at - start) / (end - start)) * (WIDTH - PAD_LEFT - 4);
  const tickValues = unit === 'mg/dL' ? [70, 140, 180, 250] : [3.9, 7.8, 10, 13.9];
  return {
    period,
    unit,
    rows: [...rows].reverse(),
    ...(last ? { latest: rowOf(last, unit, targets) } : {}),
    timeInRange: timeInRange(inPeriod, { days: period, now, targets }),
    chart: {
      width: WIDTH,
      height: HEIGHT,
      points: rows.map((row) => ({
        x: Math.round(x(Date.parse(row.reading.at)) * 10) / 10,
        y: Math.round(y(glucoseInMgPerDl(row.reading)) * 10) / 10,
        row,
      })),
      band: { top: y(targets.high), bottom: y(targets.low) },
      ticks: tickValues.map((value) => ({
        value,
        y: y(toMgPerDl(value, unit)),
      })),
    },
  };
}
