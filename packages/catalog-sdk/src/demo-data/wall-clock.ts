/**
 * Calendar and time-zone helpers private to the demo data: wall-clock dates in
 * a zone (Europe/Paris) and their conversion to instants through Intl.
 */
import type { IsoDate, LocalDateTime, Weekday } from '../model/common.js';
import { ValidationError } from '../errors/errors.js';

/** A calendar day, month 1–12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
const WEEKDAY_BY_UTC_INDEX: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock fields of an instant in a zone, as a UTC timestamp of the same fields. */
function wallClockAsUtc(instantMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const hour = fields['hour'] === 24 ? 0 : (fields['hour'] ?? 0);
  return Date.UTC(
    fields['year'] ?? 1970,
    (fields['month'] ?? 1) - 1,
    fields['day'] ?? 1,
    hour,
    fields['minute'] ?? 0,
    fields['second'] ?? 0,
  );
}

/** Offset of the zone from UTC at an instant, in minutes (Paris: 60 in winter, 120 in summer). */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return Math.round((wallClockAsUtc(wholeSecond, timeZone) - wholeSecond) / 60_000);
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant at which a wall-clock time happens in a zone. In the skipped
 * spring hour the time is read with the offset before the change (02:30 → 03:30),
 * in the repeated autumn hour the first occurrence wins, as RFC 5545 says.
 */
export function wallClockToInstant(local: LocalDateTime, timeZone: string): Date {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) throw new ValidationError('local', 'is not a wall-clock date-time');
  const [, y, mo, d, h, mi, s] = match;
  const wallMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const offsetBefore = zoneOffsetMinutes(wallMs - DAY_MS, timeZone);
  const offsetAfter = zoneOffsetMinutes(wallMs + DAY_MS, timeZone);
  const candidates = [wallMs - offsetBefore * 60_000, wallMs - offsetAfter * 60_000]
    .filter((instant) => wallClockAsUtc(instant, timeZone) === wallMs)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wallMs - offsetBefore * 60_000);
}

/** The wall-clock calendar day and minutes since midnight of an instant in a zone. */
export function instantToWallClock(instant: Date, timeZone: string): { day: CalendarDay; minutes: number } {
  const wall = new Date(wallClockAsUtc(instant.getTime(), timeZone));
  return {
    day: { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() },
    minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function toUtcMs(day: CalendarDay): number {
  return Date.UTC(day.year, day.month - 1, day.day);
}

function fromUtcMs(ms: number): CalendarDay {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The day `count` days later (earlier when negative). */
export function addDays(day: CalendarDay, count: number): CalendarDay {
  return fromUtcMs(toUtcMs(day) + count * DAY_MS);
}

/** The same day-of-month `count` months later, clamped to the month's length. */
export function addMonths(day: CalendarDay, count: number): CalendarDay {
  const monthIndex = day.year * 12 + (day.month - 1) + count;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(day.day, lastDay) };
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** RFC 5545 weekday of a day. */
export function weekdayOf(day: CalendarDay): Weekday {
  return WEEKDAY_BY_UTC_INDEX[new Date(toUtcMs(day)).getUTCDay()] as Weekday;
}

/** The first day on or after `day` that falls on `weekday`. */
export function nextWeekday(day: CalendarDay, weekday: Weekday): CalendarDay {
  let current = day;
  while (weekdayOf(current) !== weekday) current = addDays(current, 1);
  return current;
}

/** The n-th (1-based) given weekday of a month, e.g. the 2nd Tuesday. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: Weekday, n: number): CalendarDay {
  return addDays(nextWeekday({ year, month, day: 1 }, weekday), (n - 1) * 7);
}

/** `YYYY-MM-DD`. */
export function formatIsoDate(day: CalendarDay): IsoDate {
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

/** `YYYY-MM-DDTHH:mm:00` from a day and a `HH:mm` time. */
export function formatLocalDateTime(day: CalendarDay, time: string): LocalDateTime {
  return `${formatIsoDate(day)}T${time}:00`;
}

/** `HH:mm` from minutes since midnight. */
export function formatTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
