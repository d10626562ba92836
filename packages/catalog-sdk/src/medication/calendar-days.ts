/**
 * Calendar days in the patient's zone, on top of the shared zone helpers:
 * « today », « 7 days ago » and « runs out on » are local dates, not UTC ones.
 */
import type { IsoDate, Weekday } from '../model/common.js';
import { instantToZoned, zonedToInstant } from '../time/zone.js';

const DAY_MS = 86_400_000;
const WEEKDAY_BY_UTC_INDEX: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The date `days` after (before, when negative) a calendar date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Day of the week of a calendar date. */
export function weekdayOf(date: IsoDate): Weekday {
  return WEEKDAY_BY_UTC_INDEX[new Date(`${date}T00:00:00Z`).getUTCDay()] as Weekday;
}

/** The calendar date shown in `timeZone` at an instant. */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  return instantToZoned(instant, timeZone).slice(0, 10);
}

/** The instant a calendar day starts in `timeZone` (its local midnight). */
export function startOfLocalDay(date: IsoDate, timeZone: string): Date {
  return zonedToInstant(`${date}T00:00:00`, timeZone);
}
