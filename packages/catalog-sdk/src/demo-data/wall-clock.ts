/**
 * Calendar helpers private to the demo data: wall-clock calendar days in a zone
 * (Europe/Paris); zone conversion itself is the SDK's (`time/zone.ts`).
 */
import type { IsoDate, LocalDateTime, Weekday } from '../model/common.js';
import { DAY_MS, instantToWall, offsetAt, zonedToInstant } from '../time/zone.js';

/** A calendar day, month 1–12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const WEEKDAY_BY_UTC_INDEX: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** Offset of the zone from UTC at an instant, in minutes (Paris: 60 in winter, 120 in summer). */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  return Math.round(offsetAt(timeZone, instantMs) / 60_000);
}

/**
 * The instant at which a wall-clock time happens in a zone: the skipped spring
 * hour moves forward (02:30 → 03:30), the repeated autumn hour takes its first instance.
 */
export function wallClockToInstant(local: LocalDateTime, timeZone: string): Date {
  return zonedToInstant(local, timeZone);
}

/** The wall-clock calendar day and minutes since midnight of an instant in a zone. */
export function instantToWallClock(instant: Date, timeZone: string): { day: CalendarDay; minutes: number } {
  const wall = new Date(instantToWall(instant.getTime(), timeZone));
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
