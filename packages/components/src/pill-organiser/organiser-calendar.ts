/**
 * Calendar days in the plans' time zone for the week grid: « today » and the
 * week's seven days are local dates, not UTC ones.
 */
import { instantToZoned, zonedToInstant } from '@carnet/catalog-sdk';
import type { IsoDate } from '@carnet/catalog-sdk';

const DAY_MS = 86_400_000;

/** The date `days` after (before, when negative) a calendar date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date shown in `timeZone` at an instant. */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  return instantToZoned(instant, timeZone).slice(0, 10);
}

/** Wall-clock `HH:mm` in `timeZone` at an instant. */
export function localTimeOf(instant: Date, timeZone: string): string {
  return instantToZoned(instant, timeZone).slice(11, 16);
}

/** The instant a wall-clock date and `HH:mm` time names in `timeZone`. */
export function instantAt(date: IsoDate, time: string, timeZone: string): Date {
  return zonedToInstant(`${date}T${time}:00`, timeZone);
}

/** The instant a calendar day starts in `timeZone` (its local midnight). */
export function startOfLocalDay(date: IsoDate, timeZone: string): Date {
  return instantAt(date, '00:00', timeZone);
}

/** The Monday of the week holding `date` (weeks start on Monday, as in France). */
export function mondayOf(date: IsoDate): IsoDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The seven days of the week starting on `monday`. */
export function weekDays(monday: IsoDate): IsoDate[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** `YYYY-MM-DD` as a Date at noon UTC, so Intl shows the same calendar day in any zone. */
export function calendarDateValue(date: IsoDate): Date {
  return new Date(`${date}T12:00:00Z`);
}
