/**
 * A tolerant reader of RFC 5545 RRULE values into plain parts, shared by the
 * expander, the plain-words description and the editor model. It never throws:
 * what it cannot read is listed in `unknown` so each caller decides.
 */
import type { Weekday } from '../model/common.js';
import { WEEKDAYS } from '../model/common.js';

/** Frequencies of RFC 5545. */
export type RuleFrequency = 'SECONDLY' | 'MINUTELY' | 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

const FREQUENCIES: readonly RuleFrequency[] = [
  'SECONDLY',
  'MINUTELY',
  'HOURLY',
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'YEARLY',
];

/** A BYDAY entry: a weekday, optionally the nth (negative from the end) of the period. */
export interface RuleWeekday {
  day: Weekday;
  nth?: number;
}

/** The UNTIL part: its wall-clock fields and whether it was an instant (`Z`) or a date. */
export interface RuleUntil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** True when written with `Z`: an instant, not a wall-clock time. */
  utc: boolean;
  /** True when written as a date only (`UNTIL=20261231`). */
  dateOnly: boolean;
}

/** An RRULE read into parts. */
export interface RuleParts {
  freq?: RuleFrequency;
  interval: number;
  count?: number;
  until?: RuleUntil;
  byDay: RuleWeekday[];
  byMonth: number[];
  byMonthDay: number[];
  byYearDay: number[];
  byWeekNo: number[];
  bySetPos: number[];
  byHour: number[];
  byMinute: number[];
  bySecond: number[];
  wkst?: Weekday;
  /** Parts that were unknown or malformed, as written. */
  unknown: string[];
}

function isWeekday(value: string): value is Weekday {
  return (WEEKDAYS as readonly string[]).includes(value);
}

function integers(value: string, min: number, max: number): number[] | undefined {
  const numbers = value.split(',').map((item) => (/^[+-]?\d+$/.test(item) ? Number(item) : Number.NaN));
  const valid = numbers.every((n) => Number.isInteger(n) && n !== 0 && Math.abs(n) <= max && n >= min);
  return valid ? numbers : undefined;
}

function readUntil(value: string): RuleUntil | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, zulu] = match;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    utc: zulu === 'Z',
    dateOnly: hour === undefined,
  };
}

function readByDay(value: string): RuleWeekday[] | undefined {
  const days: RuleWeekday[] = [];
  for (const item of value.split(',')) {
    const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
    const day = match?.[2];
    if (!match || day === undefined || !isWeekday(day)) return undefined;
    const nth = match[1] === undefined ? undefined : Number(match[1]);
    if (nth !== undefined && (nth === 0 || Math.abs(nth) > 53)) return undefined;
    days.push(nth === undefined ? { day } : { day, nth });
  }
  return days;
}

/** Reads an RRULE value (with or without the `RRULE:` prefix) into parts; never throws. */
export function parseRuleParts(rrule: string): RuleParts {
  const parts: RuleParts = {
    interval: 1,
    byDay: [],
    byMonth: [],
    byMonthDay: [],
    byYearDay: [],
    byWeekNo: [],
    bySetPos: [],
    byHour: [],
    byMinute: [],
    bySecond: [],
    unknown: [],
  };
  const text = rrule.trim().replace(/^RRULE:/i, '');
  for (const item of text.split(';')) {
    if (item === '') continue;
    const equals = item.indexOf('=');
    const key = (equals < 0 ? item : item.slice(0, equals)).toUpperCase();
    const value = equals < 0 ? '' : item.slice(equals + 1).toUpperCase();
    let understood = true;
    const numbers = (min: number, max: number): number[] => {
      const read = integers(value, min, max);
      if (!read) understood = false;
      return read ?? [];
    };
    const clockNumbers = (max: number): number[] => {
      const read = numbersFrom0(value, max);
      if (!read) understood = false;
      return read ?? [];
    };
    switch (key) {
      case 'FREQ':
        if ((FREQUENCIES as readonly string[]).includes(value)) parts.freq = value as RuleFrequency;
        else understood = false;
        break;
      case 'INTERVAL': {
        const [interval] = numbers(1, 100_000);
        if (interval !== undefined && interval > 0) parts.interval = interval;
        else understood = false;
        break;
      }
      case 'COUNT': {
        const [count] = numbers(1, 1_000_000);
        if (count !== undefined && count > 0) parts.count = count;
        else understood = false;
        break;
      }
      case 'UNTIL': {
        const until = readUntil(value);
        if (until) parts.until = until;
        else understood = false;
        break;
      }
      case 'BYDAY': {
        const days = readByDay(value);
        if (days) parts.byDay = days;
        else understood = false;
        break;
      }
      case 'BYMONTH':
        parts.byMonth = numbers(1, 12);
        break;
      case 'BYMONTHDAY':
        parts.byMonthDay = numbers(-31, 31);
        break;
      case 'BYYEARDAY':
        parts.byYearDay = numbers(-366, 366);
        break;
      case 'BYWEEKNO':
        parts.byWeekNo = numbers(-53, 53);
        break;
      case 'BYSETPOS':
        parts.bySetPos = numbers(-366, 366);
        break;
      // Hours, minutes and seconds may be 0, unlike the other lists.
      case 'BYHOUR':
        parts.byHour = clockNumbers(23);
        break;
      case 'BYMINUTE':
        parts.byMinute = clockNumbers(59);
        break;
      case 'BYSECOND':
        parts.bySecond = clockNumbers(60);
        break;
      case 'WKST':
        if (isWeekday(value)) parts.wkst = value;
        else understood = false;
        break;
      default:
        understood = false;
    }
    if (!understood) parts.unknown.push(item);
  }
  return parts;
}

function numbersFrom0(value: string, max: number): number[] | undefined {
  const numbers = value.split(',').map((item) => (/^\d+$/.test(item) ? Number(item) : Number.NaN));
  return numbers.every((n) => Number.isInteger(n) && n >= 0 && n <= max) ? numbers : undefined;
}

/** The RRULE value of parts, in a stable order (`FREQ` first). */
export function formatRuleParts(parts: RuleParts): string {
  const out: string[] = [];
  if (parts.freq) out.push(`FREQ=${parts.freq}`);
  if (parts.interval !== 1) out.push(`INTERVAL=${parts.interval}`);
  if (parts.until) out.push(`UNTIL=${formatUntil(parts.until)}`);
  if (parts.count !== undefined) out.push(`COUNT=${parts.count}`);
  const list = (key: string, values: number[]): void => {
    if (values.length > 0) out.push(`${key}=${values.join(',')}`);
  };
  list('BYSECOND', parts.bySecond);
  list('BYMINUTE', parts.byMinute);
  list('BYHOUR', parts.byHour);
  if (parts.byDay.length > 0) out.push(`BYDAY=${parts.byDay.map((d) => `${d.nth ?? ''}${d.day}`).join(',')}`);
  list('BYMONTHDAY', parts.byMonthDay);
  list('BYYEARDAY', parts.byYearDay);
  list('BYWEEKNO', parts.byWeekNo);
  list('BYMONTH', parts.byMonth);
  list('BYSETPOS', parts.bySetPos);
  if (parts.wkst) out.push(`WKST=${parts.wkst}`);
  return out.join(';');
}

/** `YYYYMMDD`, `YYYYMMDDTHHMMSS` or with `Z`, as the until was written. */
export function formatUntil(until: RuleUntil): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const date = `${pad(until.year, 4)}${pad(until.month)}${pad(until.day)}`;
  if (until.dateOnly) return date;
  return `${date}T${pad(until.hour)}${pad(until.minute)}${pad(until.second)}${until.utc ? 'Z' : ''}`;
}
