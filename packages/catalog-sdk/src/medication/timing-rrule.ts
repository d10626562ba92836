/**
 * FHIR R4 `Timing` → RRULEs, one per time of day (floating wall-clock rules, as
 * the agenda expands them). No library does this mapping; what an RRULE cannot
 * say is listed in `lossy`, never guessed.
 */
import type { Timing, TimingRepeat } from '@medplum/fhirtypes';
import type { Weekday } from '../model/common.js';
import { WEEKDAYS } from '../model/common.js';
import type { MealTimes, TimeOfDay } from './meal-times.js';
import { formatTimeOfDay, minutesOfDay, resolveMealTimes } from './meal-times.js';
import type { TimingFrequency } from './timing-bounds.js';
import { dosesWithinDuration, readBounds, splitCount } from './timing-bounds.js';
import type { PrescribedTime, TimingLoss } from './timing-when.js';
import { whenToTimes } from './timing-when.js';

/** One RRULE of a timing: the doses at one time of day. */
export interface TimingRule {
  /** RRULE value without `RRULE:` or DTSTART, e.g. `FREQ=DAILY;INTERVAL=2`. */
  rrule: string;
  /** Wall-clock time of the doses (the DTSTART time). */
  time: TimeOfDay;
  /** The part of the timing it comes from, e.g. `timeOfDay 07:00` or `when MORN`. */
  source: string;
}

/** A FHIR timing as RRULEs, with what could not be represented. */
export interface TimingConversion {
  /** Rules sorted by time of day; empty when the timing could not be read. */
  rrules: TimingRule[];
  /** `boundsPeriod.start` as written: the first day, for DTSTART. */
  start?: string;
  /** `boundsPeriod.end` as written (also the rules' UNTIL, unless they carry COUNT). */
  until?: string;
  /** Total doses of all rules together (from `count` or `boundsDuration`). */
  count?: number;
  /** What the rules leave out, by field; empty when the conversion is exact. */
  lossy: TimingLoss[];
}

const FHIR_DAYS: Record<string, Weekday> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};

/** The recurrence of a timing before times of day are known. */
interface Pattern {
  freq: TimingFrequency;
  interval: number;
  byDay: Weekday[];
  /** Doses a day the frequency prescribes, for per-day timings. */
  dosesPerDay?: number;
  /** Administrations per period the frequency prescribes, for weekly ones. */
  perPeriod?: number;
  /** Minutes between doses when a day holds several at a fixed interval (every 8 h). */
  everyMinutes?: number;
}

const UNSUPPORTED: { key: keyof TimingRepeat; reason: string }[] = [
  { key: 'frequencyMax', reason: 'a range of doses per period is not a schedule' },
  { key: 'periodMax', reason: 'a range of periods is not a schedule' },
  { key: 'duration', reason: 'how long one administration lasts is not kept' },
  { key: 'durationMax', reason: 'how long one administration lasts is not kept' },
  { key: 'countMax', reason: 'a range of repetitions is not a schedule' },
  { key: 'boundsRange', reason: 'a range bound (e.g. an age) has no dates' },
];

function isPositive(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0;
}

/** The days of `dayOfWeek`, in week order; unknown codes are reported. */
function readDays(repeat: TimingRepeat, lossy: TimingLoss[]): Weekday[] {
  const days = new Set<Weekday>();
  (repeat.dayOfWeek ?? []).forEach((code, i) => {
    const day = FHIR_DAYS[code];
    if (day) days.add(day);
    else lossy.push({ field: `repeat.dayOfWeek[${i}]`, reason: 'is not a day of the week' });
  });
  return WEEKDAYS.filter((day) => days.has(day));
}

/** `frequency` per `period` `periodUnit` as a recurrence; undefined (reported) when an RRULE cannot say it. */
function readPattern(repeat: TimingRepeat, byDay: Weekday[], lossy: TimingLoss[]): Pattern | undefined {
  const { frequency, period, periodUnit: unit } = repeat;
  const weekly = (interval: number): Pattern => ({ freq: byDay.length > 0 ? 'WEEKLY' : 'DAILY', interval, byDay });
  if (frequency === undefined && period === undefined) return weekly(1);
  const n = frequency ?? 1;
  if (!Number.isInteger(n) || n < 1)
    return void lossy.push({ field: 'repeat.frequency', reason: 'is not a positive whole number' });
  if (!isPositive(period)) return void lossy.push({ field: 'repeat.period', reason: 'is missing or not positive' });
  if (unit === undefined) return void lossy.push({ field: 'repeat.periodUnit', reason: 'is missing' });
  const rejectDays = (why: string): undefined =>
    byDay.length > 0 ? void lossy.push({ field: 'repeat.dayOfWeek', reason: why }) : undefined;
  switch (unit) {
    case 's':
    case 'min':
      return void lossy.push({
        field: 'repeat.periodUnit',
        reason: `'${unit}' periods are too short for a pill organiser`,
      });
    case 'h': {
      const every = (period * 60) / n;
      if (!Number.isInteger(every))
        return void lossy.push({ field: 'repeat.period', reason: 'the interval is not whole minutes' });
      if (1440 % every === 0) return { ...weekly(1), dosesPerDay: 1440 / every, everyMinutes: every };
      if (every % 1440 === 0)
        return byDay.length > 0
          ? rejectDays('cannot be combined with an interval of several days')
          : weekly(every / 1440);
      if (every % 60 !== 0)
        return void lossy.push({ field: 'repeat.period', reason: 'the interval is not whole hours' });
      if (byDay.length > 0) return rejectDays('cannot be combined with an interval of hours');
      return { freq: 'HOURLY', interval: every / 60, byDay };
    }
    case 'd': {
      // « Matin et soir, tous les 2 jours »: n named times, all on one day of each period of k days.
      const named = (repeat.timeOfDay?.length ?? 0) || (repeat.when?.length ?? 0);
      if (n > 1 && Number.isInteger(period) && period > 1 && named === n) {
        if (byDay.length > 0) return rejectDays('cannot be combined with an interval of several days');
        return { ...weekly(period), dosesPerDay: n };
      }
      if (n === 1 && Number.isInteger(period)) {
        if (period > 1 && byDay.length > 0) return rejectDays('cannot be combined with an interval of several days');
        return { ...weekly(period), dosesPerDay: 1 };
      }
      if (n % period !== 0)
        return void lossy.push({
          field: 'repeat.frequency',
          reason: `${n} per ${period} d is not a whole number of doses a day`,
        });
      return { ...weekly(1), dosesPerDay: n / period };
    }
    case 'wk': {
      if (!Number.isInteger(period))
        return void lossy.push({ field: 'repeat.period', reason: 'is not a whole number of weeks' });
      if (byDay.length > 0) return { freq: 'WEEKLY', interval: period, byDay, perPeriod: n };
      if (n === 1) return { freq: 'WEEKLY', interval: period, byDay };
      if (period === 1 && n % 7 === 0) return { ...weekly(1), dosesPerDay: n / 7 };
      return void lossy.push({
        field: 'repeat.dayOfWeek',
        reason: `${n} doses per ${period} wk need the days of the week`,
      });
    }
    case 'mo':
    case 'a': {
      const freq = unit === 'mo' ? 'MONTHLY' : 'YEARLY';
      if (byDay.length > 0) return rejectDays(`cannot be combined with a ${freq.toLowerCase()} timing`);
      if (!Number.isInteger(period))
        return void lossy.push({ field: 'repeat.period', reason: 'is not a whole number' });
      if (n !== 1)
        return void lossy.push({ field: 'repeat.frequency', reason: `${n} doses per ${period} ${unit} have no days` });
      return { freq, interval: period, byDay };
    }
    default:
      return void lossy.push({ field: 'repeat.periodUnit', reason: `'${String(unit)}' is not a UCUM unit of time` });
  }
}

/** `timeOfDay` (to the minute) or `when` times; timeOfDay wins when both are set. */
function readTimes(
  repeat: TimingRepeat,
  pattern: Pattern,
  day: Required<MealTimes>,
  lossy: TimingLoss[],
): PrescribedTime[] {
  const exact = repeat.timeOfDay ?? [];
  const when = repeat.when ?? [];
  if (exact.length > 0 && when.length > 0) {
    lossy.push({
      field: 'repeat.when',
      reason: 'cannot be combined with timeOfDay (tim-10): the exact times are kept',
    });
  }
  if (exact.length > 0) {
    if (repeat.offset !== undefined) lossy.push({ field: 'repeat.offset', reason: 'only applies to when codes' });
    const times: PrescribedTime[] = [];
    exact.forEach((value, i) => {
      const m = /^(\d{2}:\d{2})(?::(\d{2}))?$/.exec(value);
      if (!m || !safeTime(m[1] as string))
        return void lossy.push({ field: `repeat.timeOfDay[${i}]`, reason: 'is not a time' });
      if (m[2] !== undefined && m[2] !== '00')
        lossy.push({ field: `repeat.timeOfDay[${i}]`, reason: 'seconds are dropped' });
      times.push({ time: m[1] as string, source: `timeOfDay ${m[1] as string}` });
    });
    return times;
  }
  if (when.length > 0) return whenToTimes(when, repeat.offset, pattern.dosesPerDay, day, lossy);
  return [];
}

function safeTime(time: string): boolean {
  try {
    minutesOfDay(time);
    return true;
  } catch {
    return false;
  }
}

/**
 * Times when the timing names none: every N hours from wake (or from the first
 * given time); N doses a day spread evenly from wake to bedtime, both included,
 * to the nearest 5 minutes; a single daily or longer-period dose at breakfast.
 */
function defaultTimes(
  pattern: Pattern,
  given: PrescribedTime[],
  day: Required<MealTimes>,
  lossy: TimingLoss[],
): PrescribedTime[] {
  if (pattern.everyMinutes !== undefined) {
    if (given.length > 1)
      lossy.push({ field: 'repeat.timeOfDay', reason: 'only the first time anchors an interval of hours' });
    const anchor = given[0] ? minutesOfDay(given[0].time) : minutesOfDay(day.wake);
    const label = given[0] ? given[0].source : 'wake';
    return Array.from({ length: pattern.dosesPerDay ?? 1 }, (_, k) => ({
      time: formatTimeOfDay(anchor + k * (pattern.everyMinutes as number)),
      source: `every ${(pattern.everyMinutes as number) / 60} h from ${label}`,
    }));
  }
  if (given.length > 0) return given;
  const perDay = pattern.dosesPerDay ?? 1;
  if (perDay === 1) return [{ time: day.breakfast, source: 'once: breakfast' }];
  const wake = minutesOfDay(day.wake);
  const span = (((minutesOfDay(day.bedtime) - wake) % 1440) + 1440) % 1440;
  return Array.from({ length: perDay }, (_, k) => ({
    time: formatTimeOfDay(Math.round((wake + (k * span) / (perDay - 1)) / 5) * 5),
    source: `${perDay} a day from wake to bedtime`,
  }));
}

/** Merges times that fall at the same minute (reported: one dose is kept). */
function distinctTimes(times: PrescribedTime[], lossy: TimingLoss[]): PrescribedTime[] {
  const byTime = new Map<string, PrescribedTime>();
  for (const entry of times) {
    const seen = byTime.get(entry.time);
    if (!seen) byTime.set(entry.time, { ...entry });
    else {
      lossy.push({
        field: 'repeat.when',
        reason: `${seen.source} and ${entry.source} fall at ${entry.time}: one dose is kept`,
      });
      seen.source = `${seen.source}, ${entry.source}`;
    }
  }
  return [...byTime.values()].sort((a, b) => minutesOfDay(a.time) - minutesOfDay(b.time));
}

/** Reports a `frequency` that disagrees with the days and times given (which are kept). */
function checkFrequency(pattern: Pattern, times: number, lossy: TimingLoss[]): void {
  if (pattern.dosesPerDay !== undefined && pattern.everyMinutes === undefined && times !== pattern.dosesPerDay) {
    lossy.push({
      field: 'repeat.frequency',
      reason: `says ${pattern.dosesPerDay} a day but ${times} times are given: the times are kept`,
    });
  }
  const perPeriod = pattern.perPeriod;
  if (
    perPeriod !== undefined &&
    perPeriod !== pattern.byDay.length * times &&
    !(times > 1 && perPeriod === pattern.byDay.length)
  ) {
    lossy.push({
      field: 'repeat.frequency',
      reason: `says ${perPeriod} per period but the days and times give another count: they are kept`,
    });
  }
}

/**
 * Converts a FHIR `Timing` to RRULEs, one per time of day (a single rule for an
 * interval of hours that does not divide a day). Decisions, documented:
 * - N per 1 d without times → spread from wake to bedtime; 1 per d → breakfast;
 * - every k h dividing 24 (8 h, 6 h…) → that many daily rules from wake; 36 h → FREQ=HOURLY;INTERVAL=36;
 * - every k d → `FREQ=DAILY;INTERVAL=k`; n per k d with n times named → those times every k days; per week with `dayOfWeek` → `FREQ=WEEKLY;BYDAY=…`;
 *   per k months / years → `FREQ=MONTHLY|YEARLY;INTERVAL=k` (on DTSTART's day);
 * - `when` codes map to the patient's meal times (see `whenToTimes`);
 * - `boundsPeriod.end` → UNTIL; `count` and `boundsDuration` → COUNT split over the rules;
 *   with both COUNT and an end, the rules carry COUNT (RFC 5545 forbids both) and `until` still bounds them.
 * Not representable, and so listed in `lossy`: frequencyMax, periodMax, duration(Max),
 * countMax, boundsRange, `event` dates, `when` together with `timeOfDay`, s/min units,
 * N per week without days, several doses a month or a year.
 */
export function timingToRRule(timing: Timing, mealTimes?: Partial<MealTimes>): TimingConversion {
  const day = resolveMealTimes(mealTimes);
  const lossy: TimingLoss[] = [];
  if (timing.event !== undefined && timing.event.length > 0) {
    lossy.push({ field: 'event', reason: 'a list of dates is not a recurrence' });
  }
  const repeat = timing.repeat;
  if (!repeat) {
    lossy.push({
      field: timing.code ? 'code' : 'repeat',
      reason: timing.code ? 'a coded timing without repeat is not expanded' : 'is missing',
    });
    return { rrules: [], lossy };
  }
  for (const { key, reason } of UNSUPPORTED) {
    if (repeat[key] !== undefined) lossy.push({ field: `repeat.${key}`, reason });
  }
  const bounds = readBounds(repeat, lossy);
  const conversion: TimingConversion = { rrules: [], lossy };
  if (bounds.start !== undefined) conversion.start = bounds.start;
  if (bounds.until !== undefined) conversion.until = bounds.until;
  const pattern = readPattern(repeat, readDays(repeat, lossy), lossy);
  if (!pattern) return conversion;

  const given = readTimes(repeat, pattern, day, lossy);
  if ((repeat.when?.length ?? 0) > 0 && given.length === 0 && (repeat.timeOfDay?.length ?? 0) === 0) return conversion;
  const times =
    pattern.freq === 'HOURLY'
      ? [given[0] ?? { time: day.wake, source: 'wake' }]
      : distinctTimes(defaultTimes(pattern, given, day, lossy), lossy);
  if (pattern.freq === 'HOURLY' && given.length > 1)
    lossy.push({ field: 'repeat.timeOfDay', reason: 'only the first time anchors an interval of hours' });
  checkFrequency(pattern, times.length, lossy);

  let perRule: number[] | undefined;
  if (repeat.count !== undefined) {
    if (Number.isInteger(repeat.count) && repeat.count > 0) perRule = splitCount(repeat.count, times.length);
    else lossy.push({ field: 'repeat.count', reason: 'is not a positive whole number' });
  }
  if (repeat.boundsDuration !== undefined) {
    if (repeat.boundsPeriod !== undefined) {
      lossy.push({ field: 'repeat.boundsDuration', reason: 'is given together with boundsPeriod: the period is kept' });
    } else {
      const each = dosesWithinDuration(
        repeat.boundsDuration,
        pattern.freq,
        pattern.interval,
        pattern.byDay.length,
        lossy,
      );
      if (each !== undefined) perRule = times.map((_, i) => Math.min(perRule?.[i] ?? each, each));
    }
  }

  times.forEach((entry, i) => {
    const count = perRule?.[i];
    if (count === 0) return;
    const parts = [`FREQ=${pattern.freq}`];
    if (pattern.interval > 1) parts.push(`INTERVAL=${pattern.interval}`);
    if (pattern.byDay.length > 0) parts.push(`BYDAY=${pattern.byDay.join(',')}`);
    if (count !== undefined) parts.push(`COUNT=${count}`);
    else if (bounds.untilRule !== undefined) parts.push(`UNTIL=${bounds.untilRule}`);
    conversion.rrules.push({ rrule: parts.join(';'), time: entry.time, source: entry.source });
  });
  if (perRule !== undefined) conversion.count = perRule.reduce((sum, n) => sum + n, 0);
  return conversion;
}
