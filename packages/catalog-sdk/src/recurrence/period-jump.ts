/**
 * Expansion of any rule (BYSETPOS, BYYEARDAY, BYWEEKNO, BYHOUR…) without iterating
 * from the series start.
 *
 * `rrule` (like python-dateutil) builds the occurrences period by period (a year,
 * a month, a week, a day, an hour… of the frequency), starting at DTSTART's period
 * and stepping by INTERVAL; every occurrence lies inside its period, and BYSETPOS
 * picks within one period. So the occurrences from a window onwards are exactly
 * those `rrule` gives for the same rule started at the first instant of the
 * INTERVAL-aligned period holding the window's start — provided every part `rrule`
 * would have taken from DTSTART (the day of month, the weekday, the hour, minute
 * and second) is written out explicitly. A month view of a ten-year-old series
 * then costs one period of work instead of ten years of it.
 *
 * A rule with COUNT must be counted from its start: it is finite, so its
 * occurrences are listed once (up to {@link COUNT_CACHE_LIMIT}) and each window
 * is then a binary search.
 */
import type { RuleFrequency, RuleParts } from './rule-parts.js';
import { WEEKDAYS } from '../model/common.js';
import { DAY_MS } from '../time/zone.js';

/** Largest COUNT whose occurrences are listed once and kept. */
export const COUNT_CACHE_LIMIT = 20_000;

const HOUR_MS = 3_600_000;
const UNIT_MS: Partial<Record<RuleFrequency, number>> = { HOURLY: HOUR_MS, MINUTELY: 60_000, SECONDLY: 1000 };

/** Weekday (0 = Monday) of a day number (days since 1970-01-01, a Thursday). */
function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/**
 * The parts with what `rrule` would take from DTSTART written out (its
 * `parseOptions` defaults), so the rule means the same from any start.
 */
export function withStartDefaults(
  parts: RuleParts & { freq: RuleFrequency },
  startWall: number,
): RuleParts & {
  freq: RuleFrequency;
} {
  const start = new Date(startWall);
  const filled = { ...parts };
  const noDaySelector =
    parts.byWeekNo.length === 0 &&
    parts.byYearDay.length === 0 &&
    parts.byMonthDay.length === 0 &&
    parts.byDay.length === 0;
  if (noDaySelector) {
    if (parts.freq === 'YEARLY') {
      if (parts.byMonth.length === 0) filled.byMonth = [start.getUTCMonth() + 1];
      filled.byMonthDay = [start.getUTCDate()];
    } else if (parts.freq === 'MONTHLY') {
      filled.byMonthDay = [start.getUTCDate()];
    } else if (parts.freq === 'WEEKLY') {
      filled.byDay = [{ day: WEEKDAYS[(start.getUTCDay() + 6) % 7] ?? 'MO' }];
    }
  }
  const coarse = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'].includes(parts.freq);
  if (coarse && parts.byHour.length === 0) filled.byHour = [start.getUTCHours()];
  if ((coarse || parts.freq === 'HOURLY') && parts.byMinute.length === 0) filled.byMinute = [start.getUTCMinutes()];
  if (parts.freq !== 'SECONDLY' && parts.bySecond.length === 0) filled.bySecond = [start.getUTCSeconds()];
  return filled;
}

/**
 * Wall ms of the first instant of the INTERVAL-aligned period that holds
 * `fromWall`, or `undefined` when that is DTSTART's own period (or an earlier one).
 */
export function alignedPeriodStart(
  parts: RuleParts & { freq: RuleFrequency },
  startWall: number,
  fromWall: number,
): number | undefined {
  const interval = Math.max(1, parts.interval);
  const periods = (distance: number): number | undefined => {
    const k = Math.floor(distance / interval);
    return k > 0 ? k * interval : undefined;
  };
  const startDay = Math.floor(startWall / DAY_MS);
  const fromDay = Math.floor(fromWall / DAY_MS);
  switch (parts.freq) {
    case 'YEARLY': {
      const startYear = new Date(startWall).getUTCFullYear();
      const k = periods(new Date(fromWall).getUTCFullYear() - startYear);
      return k === undefined ? undefined : Date.UTC(startYear + k, 0, 1);
    }
    case 'MONTHLY': {
      const start = new Date(startWall);
      const from = new Date(fromWall);
      const k = periods(
        (from.getUTCFullYear() - start.getUTCFullYear()) * 12 + from.getUTCMonth() - start.getUTCMonth(),
      );
      return k === undefined ? undefined : Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k, 1);
    }
    case 'WEEKLY': {
      const weekStart = WEEKDAYS.indexOf(parts.wkst ?? 'MO');
      const firstWeek = startDay - ((weekdayOfDay(startDay) - weekStart + 7) % 7);
      const fromWeek = fromDay - ((weekdayOfDay(fromDay) - weekStart + 7) % 7);
      const k = periods((fromWeek - firstWeek) / 7);
      return k === undefined ? undefined : (firstWeek + k * 7) * DAY_MS;
    }
    case 'DAILY': {
      const k = periods(fromDay - startDay);
      return k === undefined ? undefined : (startDay + k) * DAY_MS;
    }
    default: {
      const unit = UNIT_MS[parts.freq] as number;
      const startUnit = Math.floor(startWall / unit);
      const k = periods(Math.floor(fromWall / unit) - startUnit);
      return k === undefined ? undefined : (startUnit + k) * unit;
    }
  }
}

/** Values of a sorted list between two bounds, both included. */
export function sortedBetween(values: readonly number[], from: number, to: number): number[] {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] as number) < from) low = middle + 1;
    else high = middle;
  }
  const found: number[] = [];
  for (let i = low; i < values.length && (values[i] as number) <= to; i++) found.push(values[i] as number);
  return found;
}
