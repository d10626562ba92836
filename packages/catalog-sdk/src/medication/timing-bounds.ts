/**
 * Where a FHIR timing starts and stops (`boundsPeriod`, `boundsDuration`, `count`)
 * in RRULE terms: UNTIL, and COUNT per rule, so several rules together still give
 * exactly the prescribed number of doses.
 */
import type { Duration, TimingRepeat } from '@medplum/fhirtypes';
import type { TimingLoss } from './timing-when.js';

/** RRULE frequencies the conversion produces. */
export type TimingFrequency = 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** Start and end of a timing, as written and as an RRULE UNTIL value. */
export interface TimingBounds {
  /** `boundsPeriod.start` as written. */
  start?: string;
  /** `boundsPeriod.end` as written. */
  until?: string;
  /** UNTIL value: floating end of day for a date, an instant (`Z`) for a date-time. */
  untilRule?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** UNTIL of a FHIR date or dateTime, or undefined when not precise to the day. */
function untilValue(end: string): string | undefined {
  const date = DATE.exec(end);
  if (date) return `${date[1]}${date[2]}${date[3]}T235959`;
  if (!DATE_TIME.test(end)) return undefined;
  const instant = new Date(end);
  if (Number.isNaN(instant.getTime())) return undefined;
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

const isDay = (value: string): boolean => DATE.test(value) || DATE_TIME.test(value);

/** Reads `boundsPeriod`; a bound not precise to the day is reported, not guessed. */
export function readBounds(repeat: TimingRepeat, lossy: TimingLoss[]): TimingBounds {
  const period = repeat.boundsPeriod;
  const bounds: TimingBounds = {};
  if (!period) return bounds;
  if (period.start !== undefined) {
    if (isDay(period.start)) bounds.start = period.start;
    else lossy.push({ field: 'repeat.boundsPeriod.start', reason: 'is not precise to the day' });
  }
  if (period.end !== undefined) {
    const rule = untilValue(period.end);
    if (rule === undefined) lossy.push({ field: 'repeat.boundsPeriod.end', reason: 'is not precise to the day' });
    else Object.assign(bounds, { until: period.end, untilRule: rule });
  }
  return bounds;
}

const UNIT_MINUTES: Record<string, number> = { min: 1, h: 60, d: 1440, wk: 10_080 };

/** A duration in minutes, or in months for calendar units, as the rule's frequency needs. */
function lengthIn(duration: Duration, freq: TimingFrequency): number | undefined {
  const value = duration.value;
  const unit = duration.code ?? duration.unit;
  if (value === undefined || unit === undefined || !(value > 0)) return undefined;
  if (freq === 'MONTHLY' || freq === 'YEARLY') {
    const months = unit === 'mo' ? value : unit === 'a' ? value * 12 : undefined;
    if (months === undefined) return undefined;
    return freq === 'YEARLY' ? months / 12 : months;
  }
  const minutes = UNIT_MINUTES[unit];
  if (minutes === undefined) return undefined;
  const step = freq === 'HOURLY' ? 60 : freq === 'DAILY' ? 1440 : 10_080;
  const length = (value * minutes) / step;
  return Number.isInteger(length) ? length : undefined;
}

/**
 * Doses each rule gives within `boundsDuration` (counted from the first dose):
 * every k days over n days is ⌈n/k⌉ days, times the weekdays for a weekly rule.
 * Reported in `lossy` when the duration's unit does not fit the rule (10 days of
 * a monthly rule, 36 hours of a daily one).
 */
export function dosesWithinDuration(
  duration: Duration,
  freq: TimingFrequency,
  interval: number,
  daysPerWeek: number,
  lossy: TimingLoss[],
): number | undefined {
  const length = lengthIn(duration, freq);
  if (length === undefined) {
    lossy.push({ field: 'repeat.boundsDuration', reason: `cannot be counted in whole ${freq.toLowerCase()} steps` });
    return undefined;
  }
  const periods = Math.ceil(length / interval);
  return freq === 'WEEKLY' ? periods * Math.max(daysPerWeek, 1) : periods;
}

/**
 * COUNT of each rule, in order of time of day, so that the rules together give
 * `total` doses: the first `total mod n` rules take one more. Exact because every
 * rule follows the same days; a rule left with 0 doses is dropped by the caller.
 */
export function splitCount(total: number, rules: number): number[] {
  const base = Math.floor(total / rules);
  const extra = total % rules;
  return Array.from({ length: rules }, (_, i) => base + (i < extra ? 1 : 0));
}
