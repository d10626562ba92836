/**
 * Calendar-day arithmetic on ISO dates (`YYYY-MM-DD`) and wall-clock strings.
 * Days carry no zone: zones are the SDK's job (`zonedToInstant`, `instantToZoned`).
 */
import type { IsoDate, LocalDateTime } from '@carnet/catalog-sdk';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

// Date.UTC keeps day arithmetic free of the browser's own zone.
function utcOf(day: IsoDate): number {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date);
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** The ISO date of a UTC midnight in ms. */
export function dayOfUtc(ms: number): IsoDate {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Whether the text is a real calendar date `YYYY-MM-DD`. */
export function isIsoDate(text: string | null | undefined): text is IsoDate {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return dayOfUtc(utcOf(text)) === text;
}

/** `day` moved by `count` days. */
export function addDays(day: IsoDate, count: number): IsoDate {
  return dayOfUtc(utcOf(day) + count * DAY_MS);
}

/** `day` moved by `count` months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: IsoDate, count: number): IsoDate {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + count, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return dayOfUtc(target.getTime());
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: IsoDate): number {
  return (new Date(utcOf(day)).getUTCDay() + 6) % 7;
}

/** The Monday of the week holding `day`. */
export function startOfWeek(day: IsoDate): IsoDate {
  return addDays(day, -weekdayIndex(day));
}

/** The first day of the month holding `day`. */
export function startOfMonth(day: IsoDate): IsoDate {
  return `${day.slice(0, 7)}-01`;
}

/** The last day of the month holding `day`. */
export function endOfMonth(day: IsoDate): IsoDate {
  return addDays(addMonths(startOfMonth(day), 1), -1);
}

/** Every day from `first` to `last`, both included. */
export function daysFrom(first: IsoDate, last: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  const end = utcOf(last);
  for (let ms = utcOf(first); ms <= end; ms += DAY_MS) days.push(dayOfUtc(ms));
  return days;
}

/** A UTC `Date` at the day's midnight, for formatting calendar days with `timeZone: 'UTC'`. */
export function utcDate(day: IsoDate): Date {
  return new Date(utcOf(day));
}

/** Wall-clock ms of `YYYY-MM-DDTHH:mm[:ss]`, read as if in UTC (for differences only). */
export function wallMs(local: LocalDateTime): number {
  const [day = '1970-01-01', time = '00:00:00'] = local.split('T');
  const [hour = 0, minute = 0, second = 0] = time.split(':').map(Number);
  return utcOf(day) + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** `YYYY-MM-DDTHH:mm:ss` of wall-clock ms (see `wallMs`). */
export function wallText(ms: number): LocalDateTime {
  const date = new Date(ms);
  return `${dayOfUtc(ms)}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** A wall-clock time moved by `minutes`. */
export function addMinutesToWall(local: LocalDateTime, minutes: number): LocalDateTime {
  return wallText(wallMs(local) + minutes * MINUTE_MS);
}

/** The `HH:mm` of a wall-clock string. */
export function timeOfWall(local: LocalDateTime): string {
  return local.slice(11, 16) || '00:00';
}

/** The day of a wall-clock string. */
export function dayOfWall(local: LocalDateTime): IsoDate {
  return local.slice(0, 10);
}

/**
 * The day a key of the month grid leads to from `day` (ARIA grid pattern): arrows by
 * day and week, Home/End to the week's ends, Ctrl+Home/End to the month's, Page Up/Down
 * by month (with Shift by year); undefined for keys the grid ignores.
 */
export function monthGridTarget(
  day: IsoDate,
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): IsoDate | undefined {
  const control = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return control ? startOfMonth(day) : startOfWeek(day);
    case 'End':
      return control ? endOfMonth(day) : addDays(startOfWeek(day), 6);
    case 'PageUp':
      return addMonths(day, event.shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonths(day, event.shiftKey ? 12 : 1);
    default:
      return undefined;
  }
}
