/**
 * A fast path for the rules an agenda meets every day (daily, weekly on some
 * days, monthly on a day or the nth weekday, yearly on dates), in wall ms.
 *
 * `rrule` iterates from DTSTART building date sets and costs ~3 µs per
 * occurrence; an agenda expands hundreds of series on every view change. The
 * semantics are `rrule`'s (python-dateutil's: DTSTART counts only when it
 * matches the rule) and the tests compare both on many rules. BYHOUR, BYMINUTE,
 * BYSECOND and BYSETPOS are applied per period. Anything else — BYYEARDAY,
 * BYWEEKNO, YEARLY BYDAY, HOURLY…, mixed BYDAY/BYMONTHDAY — is computed by
 * `period-rule.ts`, also from the window's period.
 */
import type { Weekday } from '../model/common.js';
import { WEEKDAYS } from '../model/common.js';
import type { RuleParts } from './rule-parts.js';
import { DAY_MS } from '../time/zone.js';

/** A rule compiled for the fast path. */
export interface FastRulePlan {
  readonly freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  readonly interval: number;
  readonly count: number | undefined;
  readonly untilWall: number | undefined;
  /** Plain weekdays (0 = Monday). */
  readonly weekdays: readonly number[];
  /** Weekdays with a rank in the month (`2TU`, `-1SU`). */
  readonly rankedWeekdays: readonly { day: number; nth: number }[];
  /** Months 1–12. */
  readonly months: readonly number[];
  readonly monthDays: readonly number[];
  /** Week start (0 = Monday). */
  readonly weekStart: number;
  /** BYHOUR, BYMINUTE, BYSECOND (empty: DTSTART's). */
  readonly hours: readonly number[];
  readonly minutes: readonly number[];
  readonly seconds: readonly number[];
  /** BYSETPOS: positions within each period's occurrences (1-based, negative from the end). */
  readonly setPositions: readonly number[];
}

const weekdayIndex = (day: Weekday): number => WEEKDAYS.indexOf(day);

/** Weekday (0 = Monday) of a day number (days since 1970-01-01, a Thursday). */
function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** Compiles parts for the fast path, or undefined when `rrule` must do it. */
export function compileFastRule(parts: RuleParts, untilWall: number | undefined): FastRulePlan | undefined {
  const freq = parts.freq;
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY' && freq !== 'YEARLY') return undefined;
  if (parts.unknown.length > 0 || parts.byYearDay.length > 0 || parts.byWeekNo.length > 0) return undefined;
  const ranked = parts.byDay.filter((d) => d.nth !== undefined);
  const plain = parts.byDay.filter((d) => d.nth === undefined);
  const monthDays = parts.byMonthDay;
  switch (freq) {
    case 'DAILY':
      if (ranked.length > 0 || monthDays.length > 0) return undefined;
      break;
    case 'WEEKLY':
      if (ranked.length > 0 || monthDays.length > 0 || parts.byMonth.length > 0) return undefined;
      break;
    case 'MONTHLY':
      if (parts.byMonth.length > 0) return undefined;
      if (monthDays.length > 0 && parts.byDay.length > 0) return undefined;
      if (ranked.some((d) => Math.abs(d.nth ?? 0) > 5)) return undefined;
      break;
    case 'YEARLY':
      if (parts.byDay.length > 0) return undefined;
      break;
  }
  return {
    freq,
    interval: parts.interval,
    count: parts.count,
    untilWall,
    weekdays: plain.map((d) => weekdayIndex(d.day)),
    rankedWeekdays: ranked.map((d) => ({ day: weekdayIndex(d.day), nth: d.nth ?? 1 })),
    months: parts.byMonth,
    monthDays,
    weekStart: weekdayIndex(parts.wkst ?? 'MO'),
    hours: parts.byHour,
    minutes: parts.byMinute,
    seconds: parts.bySecond,
    setPositions: parts.bySetPos,
  };
}

/** Day numbers of a month (month0 0–11) matching the plan, ascending. */
function monthlyDays(plan: FastRulePlan, year: number, month0: number, defaultDay: number): number[] {
  const first = Date.UTC(year, month0, 1) / DAY_MS;
  const length = Date.UTC(year, month0 + 1, 1) / DAY_MS - first;
  const firstWeekday = weekdayOfDay(first);
  const offsets: number[] = [];
  if (plan.monthDays.length > 0) {
    for (const monthDay of plan.monthDays) {
      const offset = monthDay > 0 ? monthDay - 1 : length + monthDay;
      if (offset >= 0 && offset < length) offsets.push(offset);
    }
  } else if (plan.rankedWeekdays.length > 0 || plan.weekdays.length > 0) {
    for (const { day, nth } of plan.rankedWeekdays) {
      const firstOfDay = (day - firstWeekday + 7) % 7;
      const offset =
        nth > 0
          ? firstOfDay + (nth - 1) * 7
          : firstOfDay + Math.floor((length - 1 - firstOfDay) / 7) * 7 + (nth + 1) * 7;
      if (offset >= 0 && offset < length) offsets.push(offset);
    }
    for (const day of plan.weekdays) {
      for (let offset = (day - firstWeekday + 7) % 7; offset < length; offset += 7) offsets.push(offset);
    }
  } else if (defaultDay <= length) {
    offsets.push(defaultDay - 1);
  }
  return uniqueSorted(offsets).map((offset) => first + offset);
}

function uniqueSorted(values: number[]): number[] {
  values.sort((a, b) => a - b);
  return values.filter((value, index) => index === 0 || values[index - 1] !== value);
}

interface Prepared {
  readonly startWall: number;
  readonly startYear: number;
  readonly startMonth0: number;
  readonly startMonthDay: number;
  /** Times of day (ms): BYHOUR × BYMINUTE × BYSECOND, each defaulting to DTSTART's, ascending. */
  readonly timesOfDay: readonly number[];
  readonly weekdaySet: ReadonlySet<number> | undefined;
  readonly monthSet: ReadonlySet<number> | undefined;
}

// What depends on the plan and DTSTART only, worked out once per series, not per window.
const preparedPlans = new WeakMap<FastRulePlan, Prepared>();

function prepared(plan: FastRulePlan, startWall: number): Prepared {
  const cached = preparedPlans.get(plan);
  if (cached?.startWall === startWall) return cached;
  const startDate = new Date(startWall);
  const timed = plan.hours.length > 0 || plan.minutes.length > 0 || plan.seconds.length > 0;
  const times: number[] = [];
  if (timed) {
    for (const hour of plan.hours.length > 0 ? plan.hours : [startDate.getUTCHours()])
      for (const minute of plan.minutes.length > 0 ? plan.minutes : [startDate.getUTCMinutes()])
        for (const second of plan.seconds.length > 0 ? plan.seconds : [startDate.getUTCSeconds()])
          times.push(((hour * 60 + minute) * 60 + second) * 1000);
  } else {
    times.push(startWall - Math.floor(startWall / DAY_MS) * DAY_MS);
  }
  const result: Prepared = {
    startWall,
    startYear: startDate.getUTCFullYear(),
    startMonth0: startDate.getUTCMonth(),
    startMonthDay: startDate.getUTCDate(),
    timesOfDay: uniqueSorted(times),
    weekdaySet: plan.weekdays.length > 0 ? new Set(plan.weekdays) : undefined,
    monthSet: plan.months.length > 0 ? new Set(plan.months) : undefined,
  };
  preparedPlans.set(plan, result);
  return result;
}

/**
 * Wall ms of the plan's occurrences between `fromWall` and `toWall` (both
 * included), for a series starting at `startWall`.
 */
export function expandFastRule(plan: FastRulePlan, startWall: number, fromWall: number, toWall: number): number[] {
  const startDay = Math.floor(startWall / DAY_MS);
  const { startYear, startMonth0, startMonthDay, timesOfDay, weekdaySet, monthSet } = prepared(plan, startWall);
  const { interval, count, untilWall } = plan;
  const lastWall = untilWall === undefined ? toWall : Math.min(toWall, untilWall);
  const fromDay = Math.floor(fromWall / DAY_MS);
  const found: number[] = [];
  if (lastWall < startWall) return found;
  let emitted = 0;
  const setPositions = plan.setPositions;

  /** One day's occurrences (no BYSETPOS); false once past the last wanted instant. */
  const emitDay = (day: number): boolean => {
    const dayWall = day * DAY_MS;
    for (const time of timesOfDay) {
      const wall = dayWall + time;
      if (wall < startWall) continue;
      if (wall > lastWall) return false;
      emitted += 1;
      if (count !== undefined && emitted > count) return false;
      if (wall >= fromWall) found.push(wall);
    }
    return true;
  };

  // Each period yields its days; returns false once past the last wanted instant.
  const emitDays = (days: readonly number[]): boolean => {
    if (setPositions.length === 0) {
      for (const day of days) if (!emitDay(day)) return false;
      return true;
    }
    const all: number[] = [];
    for (const day of days) for (const time of timesOfDay) all.push(day * DAY_MS + time);
    // BYSETPOS picks among the period's occurrences, before DTSTART and UNTIL are applied.
    const picked: number[] = [];
    for (const position of setPositions) {
      const wall = all[position > 0 ? position - 1 : all.length + position];
      if (wall !== undefined) picked.push(wall);
    }
    for (const wall of uniqueSorted(picked)) {
      if (wall < startWall) continue;
      if (wall > lastWall) return false;
      emitted += 1;
      if (count !== undefined && emitted > count) return false;
      if (wall >= fromWall) found.push(wall);
    }
    return true;
  };
  // Without COUNT nothing before the window matters, so start near it.
  const skip = (periods: number): number => (count === undefined ? Math.max(0, Math.floor(periods / interval) - 1) : 0);

  switch (plan.freq) {
    case 'DAILY': {
      for (let k = skip(fromDay - startDay); ; k += 1) {
        const day = startDay + k * interval;
        if (day * DAY_MS + (timesOfDay[0] as number) > lastWall) break;
        if (weekdaySet && !weekdaySet.has(weekdayOfDay(day))) continue;
        if (monthSet && !monthSet.has(new Date(day * DAY_MS).getUTCMonth() + 1)) continue;
        if (!(setPositions.length === 0 ? emitDay(day) : emitDays([day]))) break;
      }
      break;
    }
    case 'WEEKLY': {
      const firstWeek = startDay - ((weekdayOfDay(startDay) - plan.weekStart + 7) % 7);
      const offsets = uniqueSorted(
        (weekdaySet ? plan.weekdays : [weekdayOfDay(startDay)]).map((day) => (day - plan.weekStart + 7) % 7),
      );
      for (let k = skip(Math.floor((fromDay - firstWeek) / 7)); ; k += 1) {
        const weekStart = firstWeek + k * 7 * interval;
        if (weekStart * DAY_MS > lastWall) break;
        // Like rrule (python-dateutil), the first week only holds the days from DTSTART's on: BYSETPOS counts from there.
        const days = offsets.map((offset) => weekStart + offset).filter((day) => day >= startDay);
        if (!emitDays(days)) break;
      }
      break;
    }
    case 'MONTHLY': {
      const fromDate = new Date(fromDay * DAY_MS);
      const monthsAway = (fromDate.getUTCFullYear() - startYear) * 12 + fromDate.getUTCMonth() - startMonth0;
      for (let k = skip(monthsAway); ; k += 1) {
        const monthIndex = startMonth0 + k * interval;
        const year = startYear + Math.floor(monthIndex / 12);
        const month0 = monthIndex - Math.floor(monthIndex / 12) * 12;
        if (Date.UTC(year, month0, 1) > lastWall) break;
        if (!emitDays(monthlyDays(plan, year, month0, startMonthDay))) break;
      }
      break;
    }
    case 'YEARLY': {
      const months = plan.months.length > 0 ? plan.months : [startMonth0 + 1];
      const monthDays = plan.monthDays.length > 0 ? plan.monthDays : [startMonthDay];
      const yearsAway = new Date(fromDay * DAY_MS).getUTCFullYear() - startYear;
      for (let k = skip(yearsAway); ; k += 1) {
        const year = startYear + k * interval;
        if (Date.UTC(year, 0, 1) > lastWall) break;
        const days: number[] = [];
        for (const month of months) {
          const first = Date.UTC(year, month - 1, 1) / DAY_MS;
          const length = Date.UTC(year, month, 1) / DAY_MS - first;
          for (const monthDay of monthDays) {
            const offset = monthDay > 0 ? monthDay - 1 : length + monthDay;
            if (offset >= 0 && offset < length) days.push(first + offset);
          }
        }
        if (!emitDays(uniqueSorted(days))) break;
      }
      break;
    }
  }
  return found;
}
