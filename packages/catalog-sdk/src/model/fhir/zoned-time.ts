/**
 * Wall-clock ↔ instant conversion in an IANA time zone, with `Intl` only.
 * Carnet keeps appointment and dose times as wall-clock times (09:00 stays 09:00
 * across daylight-saving changes) and turns them into instants here.
 */
import { ValidationError } from '../../errors/errors.js';
import type { LocalDateTime } from '../common.js';

const DAY = 86_400_000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: creating them is the slow part of `Intl`. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Milliseconds of a wall clock read as if it were UTC (years below 100 included). */
function wallClockAsUtc(w: WallClock, millisecond = 0): number {
  const date = new Date(Date.UTC(2000, 0, 1, w.hour, w.minute, w.second, millisecond));
  date.setUTCFullYear(w.year, w.month - 1, w.day);
  return date.getTime();
}

/** The wall clock shown in `timeZone` at instant `ms` (to the second). */
function wallClockAt(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClockAsUtc(wallClockAt(whole, timeZone)) - whole;
}

/**
 * Converts a wall-clock date-time in an IANA zone to the instant it denotes.
 * A wall-clock time skipped by a DST change (Paris, last Sunday of March, 02:30)
 * moves forward by the gap (→ 03:30 CEST); a repeated one (last Sunday of October,
 * 02:30) resolves to its first instance (CEST), as RFC 5545 prescribes.
 * @param local wall-clock `YYYY-MM-DDTHH:mm[:ss[.SSS]]`, no offset
 * @param timeZone IANA zone, e.g. `Europe/Paris`
 * @throws ValidationError when `local` or `timeZone` is not valid
 */
export function zonedWallClockToInstant(local: LocalDateTime, timeZone: string): Date {
  const m = LOCAL.exec(local);
  if (!m) throw new ValidationError('localDateTime', 'is not a wall-clock date-time');
  if (!isValidTimeZone(timeZone)) throw new ValidationError('timeZone', 'is not an IANA time zone');
  const wall: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
  const asUtc = wallClockAsUtc(wall, Number((m[7] ?? '0').padEnd(3, '0')));
  const roundTrip = new Date(asUtc);
  if (
    roundTrip.getUTCMonth() + 1 !== wall.month ||
    roundTrip.getUTCDate() !== wall.day ||
    wall.hour > 23 ||
    wall.minute > 59 ||
    wall.second > 59
  ) {
    throw new ValidationError('localDateTime', 'is not a real calendar date-time');
  }
  // A day either side covers the zone's offsets around any single transition.
  const offsets = new Set([
    offsetAt(asUtc - DAY, timeZone),
    offsetAt(asUtc, timeZone),
    offsetAt(asUtc + DAY, timeZone),
  ]);
  const candidates = [...offsets].map((offset) => asUtc - offset);
  const valid = candidates.filter((instant) => offsetAt(instant, timeZone) === asUtc - instant);
  // Repeated hour: earliest instance. Skipped hour: the pre-gap offset, i.e. the later instant.
  return new Date(valid.length > 0 ? Math.min(...valid) : Math.max(...candidates));
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * The wall clock shown in an IANA zone at an instant, as `YYYY-MM-DDTHH:mm:ss`.
 * @throws ValidationError when `timeZone` is not valid or the instant is invalid
 */
export function instantToZonedWallClock(instant: Date, timeZone: string): LocalDateTime {
  if (!isValidTimeZone(timeZone)) throw new ValidationError('timeZone', 'is not an IANA time zone');
  if (Number.isNaN(instant.getTime())) throw new ValidationError('instant', 'is not a valid date');
  const w = wallClockAt(instant.getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}
