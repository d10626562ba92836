/**
 * Every rule the fast path (`fast-rule.ts`) leaves — BYYEARDAY, BYWEEKNO,
 * YEARLY with BYDAY, ranked or not, mixed BYDAY and BYMONTHDAY, HOURLY,
 * MINUTELY, SECONDLY — expanded directly for a window, in wall ms.
 *
 * The semantics are `rrule`'s (a port of python-dateutil): occurrences are built
 * period by period (a year, a month, a week, a day, an hour… of the frequency,
 * from DTSTART's period stepping by INTERVAL); in each period the days are
 * filtered by BYMONTH, BYWEEKNO, BYDAY, BYMONTHDAY and BYYEARDAY (the masks of
 * `rrule`'s `iterinfo`, week numbers included, ported as they are), combined with
 * the times of day, then BYSETPOS picks among them, then DTSTART, UNTIL and COUNT
 * apply. Every period is computed on its own from its index, so a window starts
 * at the INTERVAL-aligned period that holds it: nothing is iterated from the
 * series start unless COUNT needs counting (the caller lists such a rule once).
 *
 * Where `rrule` departs from RFC 5545 the fast path's choices are kept: BYSETPOS
 * out of range picks nothing (`rrule` takes the first day for a too negative
 * one), a time picked twice is given once, times of day are in ascending order,
 * ranked and plain BYDAY are a union, and HOURLY/MINUTELY/SECONDLY keep to the
 * INTERVAL-aligned instants (`rrule` drifts off them when BYHOUR or BYMINUTE skips
 * an hour or a minute with an INTERVAL that does not divide it).
 */
import { WEEKDAYS } from '../model/common.js';
import type { RuleFrequency, RuleParts } from './rule-parts.js';
import { DAY_MS } from '../time/zone.js';

/** Past this year nothing is expanded (`rrule` stops there too). */
const LAST_YEAR = 9999;

const UNIT_MS = { HOURLY: 3_600_000, MINUTELY: 60_000, SECONDLY: 1000 } as const;
type FineFrequency = keyof typeof UNIT_MS;
const isFine = (freq: RuleFrequency): freq is FineFrequency =>
  freq === 'HOURLY' || freq === 'MINUTELY' || freq === 'SECONDLY';

/** Month (1–12), day of month and negative day of month of each day of a year, plus seven days of January after it. */
interface YearMasks {
  readonly month: Uint8Array;
  readonly monthDay: Int8Array;
  readonly negativeMonthDay: Int8Array;
  /** First day index of each month, and the year's length (13 entries). */
  readonly monthStarts: readonly number[];
}

function buildMasks(leap: boolean): YearMasks {
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const yearLength = leap ? 366 : 365;
  const month = new Uint8Array(yearLength + 7);
  const monthDay = new Int8Array(yearLength + 7);
  const negativeMonthDay = new Int8Array(yearLength + 7);
  const monthStarts: number[] = [0];
  let index = 0;
  lengths.forEach((length, month0) => {
    for (let day = 1; day <= length; day++, index++) {
      month[index] = month0 + 1;
      monthDay[index] = day;
      negativeMonthDay[index] = day - length - 1;
    }
    monthStarts.push(index);
  });
  for (let day = 1; day <= 7; day++, index++) {
    month[index] = 1;
    monthDay[index] = day;
    negativeMonthDay[index] = day - 32;
  }
  return { month, monthDay, negativeMonthDay, monthStarts };
}

const COMMON_MASKS = buildMasks(false);
const LEAP_MASKS = buildMasks(true);

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const pymod = (a: number, b: number): number => ((a % b) + b) % b;

/** Weekday (0 = Monday) of a day number (days since 1970-01-01, a Thursday). */
const weekdayOfDay = (dayNumber: number): number => pymod(dayNumber + 3, 7);

/** What a period needs to know of its year (`rrule`'s `yearinfo`). */
interface YearInfo {
  readonly year: number;
  readonly firstDay: number;
  readonly length: number;
  readonly nextLength: number;
  readonly firstWeekday: number;
  readonly masks: YearMasks;
  /** Days (indices from 1 January, up to seven past the year) in a BYWEEKNO week. */
  readonly weekNoMask: Uint8Array | undefined;
}

/** A rule compiled for {@link expandPeriodRule}. */
export interface PeriodRulePlan {
  readonly freq: RuleFrequency;
  readonly interval: number;
  readonly count: number | undefined;
  readonly untilWall: number | undefined;
  readonly startWall: number;
  /** Lookups indexed by value (weekday 0 = Monday; month days offset by 32; year days by 366). */
  readonly months: Uint8Array | undefined;
  readonly weekdays: Uint8Array | undefined;
  readonly ranked: readonly (readonly [day: number, nth: number])[];
  readonly monthDays: Uint8Array | undefined;
  readonly yearDays: Uint8Array | undefined;
  readonly weekNumbers: readonly number[];
  readonly weekStart: number;
  /** Times of day in ms, ascending (DAILY and coarser). */
  readonly times: readonly number[];
  /** BYHOUR, BYMINUTE, BYSECOND as lookups, and the lists (ascending) the finer frequencies combine. */
  readonly hourSet: Uint8Array | undefined;
  readonly minuteSet: Uint8Array | undefined;
  readonly secondSet: Uint8Array | undefined;
  readonly minutes: readonly number[];
  readonly seconds: readonly number[];
  readonly setPositions: readonly number[];
  /** Per-year masks, kept (a handful of years per series). */
  readonly years: Map<number, YearInfo>;
}

function lookup(values: readonly number[], offset = 0, size = 64): Uint8Array | undefined {
  if (values.length === 0) return undefined;
  const table = new Uint8Array(size);
  for (const value of values) table[value + offset] = 1;
  return table;
}

const ascending = (values: readonly number[]): number[] => [...new Set(values)].sort((a, b) => a - b);

/**
 * Compiles parts (`rrule`'s option defaults from DTSTART filled in) for a
 * series starting at `startWall`; UNTIL as wall ms.
 */
export function compilePeriodRule(
  parts: RuleParts & { freq: RuleFrequency },
  startWall: number,
  untilWall: number | undefined,
): PeriodRulePlan {
  const start = new Date(startWall);
  const freq = parts.freq;
  let months = parts.byMonth;
  let monthDays = parts.byMonthDay;
  let plainDays: number[] = [];
  const ranked: [number, number][] = [];
  for (const { day, nth } of parts.byDay) {
    // A rank means something in a month or a year only; finer frequencies drop it, as `rrule` does.
    if (nth !== undefined && (freq === 'MONTHLY' || freq === 'YEARLY')) ranked.push([WEEKDAYS.indexOf(day), nth]);
    else plainDays.push(WEEKDAYS.indexOf(day));
  }
  const noDaySelector =
    parts.byWeekNo.length === 0 &&
    parts.byYearDay.length === 0 &&
    parts.byMonthDay.length === 0 &&
    parts.byDay.length === 0;
  if (noDaySelector) {
    if (freq === 'YEARLY') {
      if (months.length === 0) months = [start.getUTCMonth() + 1];
      monthDays = [start.getUTCDate()];
    } else if (freq === 'MONTHLY') {
      monthDays = [start.getUTCDate()];
    } else if (freq === 'WEEKLY') {
      plainDays = [weekdayOfDay(Math.floor(startWall / DAY_MS))];
    }
  }
  const coarse = !isFine(freq);
  const hours = parts.byHour.length > 0 ? ascending(parts.byHour) : coarse ? [start.getUTCHours()] : [];
  const minutes =
    parts.byMinute.length > 0
      ? ascending(parts.byMinute)
      : freq !== 'MINUTELY' && freq !== 'SECONDLY'
        ? [start.getUTCMinutes()]
        : [];
  const seconds =
    parts.bySecond.length > 0 ? ascending(parts.bySecond) : freq !== 'SECONDLY' ? [start.getUTCSeconds()] : [];
  const times: number[] = [];
  if (coarse) {
    for (const hour of hours)
      for (const minute of minutes)
        for (const second of seconds) times.push(((hour * 60 + minute) * 60 + second) * 1000);
  }
  return {
    freq,
    interval: Math.max(1, parts.interval),
    count: parts.count,
    untilWall,
    startWall,
    months: lookup(months),
    weekdays: lookup(plainDays, 0, 8),
    ranked,
    monthDays: lookup(monthDays, 32),
    yearDays: lookup(parts.byYearDay, 366, 733),
    weekNumbers: parts.byWeekNo,
    weekStart: WEEKDAYS.indexOf(parts.wkst ?? 'MO'),
    times: ascending(times),
    hourSet: coarse ? undefined : lookup(hours),
    minuteSet: freq === 'MINUTELY' || freq === 'SECONDLY' ? lookup(parts.byMinute) : undefined,
    secondSet: freq === 'SECONDLY' ? lookup(parts.bySecond, 0, 64) : undefined,
    minutes,
    seconds,
    setPositions: parts.bySetPos,
    years: new Map(),
  };
}

/** `rrule`'s week-number mask of a year (`rebuildYear`), ported as it is. */
function weekNoMask(plan: PeriodRulePlan, info: Omit<YearInfo, 'weekNoMask'>): Uint8Array {
  const { length: yearLength, firstWeekday, year } = info;
  const wkst = plan.weekStart;
  const weekdayAt = (index: number): number => (firstWeekday + index) % 7;
  const mask = new Uint8Array(yearLength + 7);
  const firstWeekStart = pymod(7 - firstWeekday + wkst, 7);
  let no1WeekStart = firstWeekStart;
  let weekYearLength: number;
  if (no1WeekStart >= 4) {
    no1WeekStart = 0;
    weekYearLength = yearLength + pymod(firstWeekday - wkst, 7);
  } else {
    weekYearLength = yearLength - no1WeekStart;
  }
  const weeks = Math.floor(Math.floor(weekYearLength / 7) + pymod(weekYearLength, 7) / 4);
  for (const number of plan.weekNumbers) {
    const n = number < 0 ? number + weeks + 1 : number;
    if (!(n > 0 && n <= weeks)) continue;
    let i: number;
    if (n > 1) {
      i = no1WeekStart + (n - 1) * 7;
      if (no1WeekStart !== firstWeekStart) i -= 7 - firstWeekStart;
    } else {
      i = no1WeekStart;
    }
    for (let k = 0; k < 7; k++) {
      mask[i] = 1;
      i++;
      if (weekdayAt(i) === wkst) break;
    }
  }
  if (plan.weekNumbers.includes(1)) {
    // Week 1 of next year, when it starts in this one.
    let i = no1WeekStart + weeks * 7;
    if (no1WeekStart !== firstWeekStart) i -= 7 - firstWeekStart;
    if (i < yearLength) {
      for (let k = 0; k < 7; k++) {
        mask[i] = 1;
        i += 1;
        if (weekdayAt(i) === wkst) break;
      }
    }
  }
  if (no1WeekStart) {
    // The last week of last year, when its days reach into this one.
    let lastWeeks: number;
    if (!plan.weekNumbers.includes(-1)) {
      const lastFirstWeekday = weekdayOfDay(Date.UTC(year - 1, 0, 1) / DAY_MS);
      const lastNo1WeekStart = pymod(7 - lastFirstWeekday + wkst, 7);
      const lastLength = isLeapYear(year - 1) ? 366 : 365;
      const weekStartDays =
        lastNo1WeekStart >= 4 ? lastLength + pymod(lastFirstWeekday - wkst, 7) : yearLength - no1WeekStart;
      lastWeeks = Math.floor(52 + pymod(weekStartDays, 7) / 4);
    } else {
      lastWeeks = -1;
    }
    if (plan.weekNumbers.includes(lastWeeks)) for (let i = 0; i < no1WeekStart; i++) mask[i] = 1;
  }
  return mask;
}

/** The year info of the year holding a day, `current` when it is that year. */
function yearInfoOfDay(plan: PeriodRulePlan, day: number, current: YearInfo | undefined): YearInfo {
  if (current && day >= current.firstDay && day < current.firstDay + current.length) return current;
  return yearInfo(plan, new Date(day * DAY_MS).getUTCFullYear());
}

function yearInfo(plan: PeriodRulePlan, year: number): YearInfo {
  let info = plan.years.get(year);
  if (info) return info;
  const firstDay = Date.UTC(year, 0, 1) / DAY_MS;
  const leap = isLeapYear(year);
  const base = {
    year,
    firstDay,
    length: leap ? 366 : 365,
    nextLength: isLeapYear(year + 1) ? 366 : 365,
    firstWeekday: weekdayOfDay(firstDay),
    masks: leap ? LEAP_MASKS : COMMON_MASKS,
  };
  info = { ...base, weekNoMask: plan.weekNumbers.length > 0 ? weekNoMask(plan, base) : undefined };
  if (plan.years.size > 32) plan.years.clear();
  plan.years.set(year, info);
  return info;
}

/** Day indices of the ranked weekdays (`2TU`, `-1SU`) within ranges of a year (`rrule`'s `rebuildMonth`). */
function rankedIndices(
  plan: PeriodRulePlan,
  info: YearInfo,
  ranges: readonly (readonly [number, number])[],
): Set<number> {
  const found = new Set<number>();
  for (const [first, end] of ranges) {
    const last = end - 1;
    for (const [day, nth] of plan.ranked) {
      let i: number;
      if (nth < 0) {
        i = last + (nth + 1) * 7;
        i -= pymod(((info.firstWeekday + i) % 7) - day, 7);
      } else {
        i = first + (nth - 1) * 7;
        i += pymod(7 - ((info.firstWeekday + i) % 7) + day, 7);
      }
      if (first <= i && i <= last) found.add(i);
    }
  }
  return found;
}

/** Whether day `index` of a year (up to seven days past it) passes the rule's day filters. */
function dayMatches(plan: PeriodRulePlan, info: YearInfo, index: number, ranked: Set<number> | undefined): boolean {
  const masks = info.masks;
  if (plan.months && plan.months[masks.month[index] as number] !== 1) return false;
  if (info.weekNoMask && info.weekNoMask[index] !== 1) return false;
  if (plan.weekdays || ranked) {
    const plain = plan.weekdays !== undefined && plan.weekdays[(info.firstWeekday + index) % 7] === 1;
    if (!plain && !(ranked !== undefined && ranked.has(index))) return false;
  }
  if (
    plan.monthDays &&
    plan.monthDays[(masks.monthDay[index] as number) + 32] !== 1 &&
    plan.monthDays[(masks.negativeMonthDay[index] as number) + 32] !== 1
  )
    return false;
  if (plan.yearDays) {
    const inYear = index < info.length;
    const yearDay = inYear ? index + 1 : index + 1 - info.length;
    const negative = inYear ? index - info.length : index - info.length - info.nextLength;
    if (plan.yearDays[yearDay + 366] !== 1 && plan.yearDays[negative + 366] !== 1) return false;
  }
  return true;
}

/** BYSETPOS among a period's occurrences (ascending): the picked ones, ascending, once each. */
function pickPositions(positions: readonly number[], walls: readonly number[]): number[] {
  const picked: number[] = [];
  for (const position of positions) {
    const wall = walls[position > 0 ? position - 1 : walls.length + position];
    if (wall !== undefined && !picked.includes(wall)) picked.push(wall);
  }
  return picked.sort((a, b) => a - b);
}

/**
 * Wall ms of the plan's occurrences between `fromWall` and `toWall` (both
 * included), ascending. With COUNT the periods are counted from DTSTART's.
 */
export function expandPeriodRule(plan: PeriodRulePlan, fromWall: number, toWall: number): number[] {
  const found: number[] = [];
  const { startWall, count, interval } = plan;
  const lastWall = plan.untilWall === undefined ? toWall : Math.min(toWall, plan.untilWall);
  if (lastWall < startWall || fromWall > lastWall) return found;
  const counting = count !== undefined;
  const firstWall = counting ? startWall : Math.max(fromWall, startWall);
  const lastDay = Math.min(Math.floor(lastWall / DAY_MS), Date.UTC(LAST_YEAR + 1, 0, 1) / DAY_MS - 1);
  let emitted = 0;
  let done = false;

  /** Takes a period's occurrences (ascending); false once past UNTIL, the window or COUNT. */
  const emit = (walls: readonly number[]): boolean => {
    for (const wall of walls) {
      if (wall < startWall) continue;
      if (wall > lastWall) return !(done = true);
      if (counting && ++emitted > (count as number)) return !(done = true);
      if (wall >= fromWall) found.push(wall);
    }
    return true;
  };
  const setPositions = plan.setPositions;
  const times = plan.times;

  /** A coarse period's days (indices into `info`, ascending) → its occurrences. */
  const emitDays = (info: YearInfo, first: number, end: number, ranked: Set<number> | undefined): boolean => {
    // Without BYSETPOS and COUNT only the days the window can hold are looked at.
    let low = first;
    let high = end;
    if (setPositions.length === 0 && !counting) {
      low = Math.max(first, Math.floor(firstWall / DAY_MS) - info.firstDay);
      high = Math.min(end, lastDay - info.firstDay + 1);
    }
    const walls: number[] = [];
    for (let index = low; index < high; index++) {
      if (!dayMatches(plan, info, index, ranked)) continue;
      const dayWall = (info.firstDay + index) * DAY_MS;
      for (const time of times) walls.push(dayWall + time);
    }
    return emit(setPositions.length > 0 ? pickPositions(setPositions, walls) : walls);
  };

  const startDay = Math.floor(startWall / DAY_MS);
  const fromDay = Math.floor(firstWall / DAY_MS);
  const startDate = new Date(startWall);
  const startYear = startDate.getUTCFullYear();
  const startMonth0 = startDate.getUTCMonth();
  let info: YearInfo | undefined;
  const firstPeriod = (distance: number): number => (counting ? 0 : Math.max(0, Math.floor(distance / interval)));

  switch (plan.freq) {
    case 'YEARLY': {
      for (let k = firstPeriod(new Date(fromDay * DAY_MS).getUTCFullYear() - startYear); !done; k++) {
        const year = startYear + k * interval;
        if (year > LAST_YEAR || Date.UTC(year, 0, 1) > lastWall) break;
        info = yearInfo(plan, year);
        let ranked: Set<number> | undefined;
        if (plan.ranked.length > 0) {
          const starts = info.masks.monthStarts;
          const ranges: [number, number][] = [];
          if (plan.months) {
            for (let month = 1; month <= 12; month++)
              if (plan.months[month] === 1) ranges.push([starts[month - 1] as number, starts[month] as number]);
          } else {
            ranges.push([0, info.length]);
          }
          ranked = rankedIndices(plan, info, ranges);
        }
        emitDays(info, 0, info.length, ranked);
      }
      break;
    }
    case 'MONTHLY': {
      const from = new Date(fromDay * DAY_MS);
      const monthsAway = (from.getUTCFullYear() - startYear) * 12 + from.getUTCMonth() - startMonth0;
      for (let k = firstPeriod(monthsAway); !done; k++) {
        const monthIndex = startMonth0 + k * interval;
        const year = startYear + Math.floor(monthIndex / 12);
        const month0 = monthIndex - Math.floor(monthIndex / 12) * 12;
        if (year > LAST_YEAR || Date.UTC(year, month0, 1) > lastWall) break;
        info = yearInfo(plan, year);
        const first = info.masks.monthStarts[month0] as number;
        const end = info.masks.monthStarts[month0 + 1] as number;
        const ranked = plan.ranked.length > 0 ? rankedIndices(plan, info, [[first, end]]) : undefined;
        emitDays(info, first, end, ranked);
      }
      break;
    }
    case 'WEEKLY': {
      const weekOf = (day: number): number => day - pymod(weekdayOfDay(day) - plan.weekStart, 7);
      const firstWeek = weekOf(startDay);
      for (let k = firstPeriod(Math.floor((weekOf(fromDay) - firstWeek) / 7)); !done; k++) {
        const weekStart = firstWeek + k * 7 * interval;
        // Like `rrule`, the first week holds the days from DTSTART's on (BYSETPOS counts from there).
        const periodStart = k === 0 ? startDay : weekStart;
        if (periodStart > lastDay) break;
        info = yearInfoOfDay(plan, periodStart, info);
        emitDays(info, periodStart - info.firstDay, weekStart + 7 - info.firstDay, undefined);
      }
      break;
    }
    case 'DAILY': {
      for (let k = firstPeriod(fromDay - startDay); !done; k++) {
        const day = startDay + k * interval;
        if (day > lastDay) break;
        info = yearInfoOfDay(plan, day, info);
        emitDays(info, day - info.firstDay, day - info.firstDay + 1, undefined);
      }
      break;
    }
    default:
      expandFine(plan, plan.freq as FineFrequency, firstWall, lastDay, emit, () => done);
  }
  return found;
}

/** HOURLY, MINUTELY, SECONDLY: the INTERVAL-aligned periods of the days that pass the day filters. */
function expandFine(
  plan: PeriodRulePlan,
  freq: FineFrequency,
  firstWall: number,
  lastDay: number,
  emit: (walls: readonly number[]) => boolean,
  isDone: () => boolean,
): void {
  const unit = UNIT_MS[freq];
  const unitsPerDay = DAY_MS / unit;
  const step = plan.interval;
  const startUnit = Math.floor(plan.startWall / unit);
  const counting = plan.count !== undefined;
  let period = counting
    ? startUnit
    : startUnit + Math.max(0, Math.floor((Math.floor(firstWall / unit) - startUnit) / step)) * step;
  let info: YearInfo | undefined;
  const walls: number[] = [];
  while (!isDone()) {
    const day = Math.floor(period / unitsPerDay);
    if (day > lastDay) return;
    info = yearInfoOfDay(plan, day, info);
    const nextDayUnit = (day + 1) * unitsPerDay;
    if (!dayMatches(plan, info, day - info.firstDay, undefined)) {
      // The first aligned period of the next day.
      period += Math.ceil((nextDayUnit - period) / step) * step;
      continue;
    }
    for (; period < nextDayUnit && !isDone(); period += step) {
      const wall = period * unit;
      const ofDay = wall - day * DAY_MS;
      const hour = Math.floor(ofDay / 3_600_000);
      if (plan.hourSet && plan.hourSet[hour] !== 1) continue;
      walls.length = 0;
      if (freq === 'HOURLY') {
        for (const minute of plan.minutes)
          for (const second of plan.seconds) walls.push(wall + minute * 60_000 + second * 1000);
      } else {
        const minute = Math.floor(ofDay / 60_000) % 60;
        if (plan.minuteSet && plan.minuteSet[minute] !== 1) continue;
        if (freq === 'MINUTELY') {
          for (const second of plan.seconds) walls.push(wall + second * 1000);
        } else {
          if (plan.secondSet && plan.secondSet[Math.floor(ofDay / 1000) % 60] !== 1) continue;
          walls.push(wall);
        }
      }
      if (!emit(plan.setPositions.length > 0 ? pickPositions(plan.setPositions, walls) : walls)) return;
    }
  }
}
