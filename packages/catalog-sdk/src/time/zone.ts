/**
 * Wall-clock times and IANA time zones, converted through `Intl` only.
 *
 * A wall-clock time is handled as "wall milliseconds": `Date.UTC` of its fields,
 * so calendar arithmetic is plain integer arithmetic. Offsets of a zone are read
 * once per zone and year (a sorted list of transitions found by bisection), so
 * converting thousands of occurrences costs array look-ups, not `Intl` calls.
 */
import type { LocalDateTime } from '../model/common.js';
import { ValidationError } from '../errors/errors.js';

/** One minute in milliseconds. */
export const MINUTE_MS = 60_000;
/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;
/** One day (24 h of wall-clock time) in milliseconds. */
export const DAY_MS = 86_400_000;

/** Offsets of one zone over one UTC year: `offsets[i]` applies from `starts[i]`. */
interface YearOffsets {
  readonly yearStart: number;
  readonly yearEnd: number;
  readonly starts: number[];
  readonly offsets: number[];
}

interface ZoneOffsets {
  readonly formatter: Intl.DateTimeFormat;
  readonly years: Map<number, YearOffsets>;
  /** Last year used: most look-ups of a series fall in the same year. */
  last: YearOffsets | undefined;
}

const zones = new Map<string, ZoneOffsets>();
// Sampling step while looking for transitions; no zone changes offset twice within it.
const SAMPLE_STEP_MS = 2 * DAY_MS;

function zoneOffsets(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (!zone) {
    let formatter: Intl.DateTimeFormat;
    try {
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
    } catch {
      throw new ValidationError('timeZone', 'is not a known IANA time zone');
    }
    zone = { formatter, years: new Map(), last: undefined };
    zones.set(timeZone, zone);
  }
  return zone;
}

/** Tells whether `timeZone` is an IANA zone this browser knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    zoneOffsets(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset (ms) of the zone at an instant, straight from Intl (slow path). */
function measureOffset(zone: ZoneOffsets, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of zone.formatter.formatToParts(whole)) {
    const value = Number(part.value);
    switch (part.type) {
      case 'year':
        year = value;
        break;
      case 'month':
        month = value;
        break;
      case 'day':
        day = value;
        break;
      case 'hour':
        hour = value;
        break;
      case 'minute':
        minute = value;
        break;
      case 'second':
        second = value;
        break;
      default:
        break;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) - whole;
}

function buildYear(zone: ZoneOffsets, year: number): YearOffsets {
  const yearStart = Date.UTC(year, 0, 1);
  const yearEnd = Date.UTC(year + 1, 0, 1);
  const starts = [-Infinity];
  const offsets = [measureOffset(zone, yearStart)];
  let previousAt = yearStart;
  let previousOffset = offsets[0] as number;
  while (previousAt < yearEnd) {
    const at = Math.min(previousAt + SAMPLE_STEP_MS, yearEnd);
    const offset = measureOffset(zone, at);
    if (offset !== previousOffset) {
      // Bisect to the second: the transition is the first second with the new offset.
      let low = previousAt;
      let high = at;
      while (high - low > 1000) {
        const middle = low + Math.floor((high - low) / 2000) * 1000;
        if (measureOffset(zone, middle) === previousOffset) low = middle;
        else high = middle;
      }
      starts.push(high);
      offsets.push(offset);
    }
    previousAt = at;
    previousOffset = offset;
  }
  return { yearStart, yearEnd, starts, offsets };
}

function yearOffsets(zone: ZoneOffsets, instantMs: number): YearOffsets {
  const last = zone.last;
  if (last && instantMs >= last.yearStart && instantMs < last.yearEnd) return last;
  const year = new Date(instantMs).getUTCFullYear();
  let table = zone.years.get(year);
  if (!table) {
    table = buildYear(zone, year);
    zone.years.set(year, table);
  }
  zone.last = table;
  return table;
}

function offsetIn(zone: ZoneOffsets, instantMs: number): number {
  const { starts, offsets } = yearOffsets(zone, instantMs);
  let index = starts.length - 1;
  while (index > 0 && (starts[index] as number) > instantMs) index -= 1;
  return offsets[index] as number;
}

/**
 * Conversions for one zone, resolved once so that converting thousands of
 * occurrences skips the zone look-up.
 */
export interface ZoneClock {
  /** UTC offset (ms, east positive) at an instant. */
  offsetAt(instantMs: number): number;
  /**
   * Instant of wall ms. A time skipped by a spring-forward change is moved
   * forward by the gap (02:30 → 03:30 in Paris); a time repeated by a
   * fall-back change resolves to its first instance.
   */
  toInstant(wallMs: number): number;
  /** Wall ms of an instant. */
  toWall(instantMs: number): number;
}

const clocks = new Map<string, ZoneClock>();

/**
 * The conversions of an IANA zone.
 * @throws ValidationError (field `timeZone`) when the zone is unknown.
 */
export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (clock) return clock;
  const zone = zoneOffsets(timeZone);
  const offsetAt = (instantMs: number): number => offsetIn(zone, instantMs);
  clock = {
    offsetAt,
    toWall: (instantMs) => instantMs + offsetAt(instantMs),
    toInstant: (wallMs) => {
      const offsetBefore = offsetAt(wallMs - DAY_MS);
      const offsetAfter = offsetAt(wallMs + DAY_MS);
      if (offsetBefore === offsetAfter) return wallMs - offsetBefore;
      const withBefore = wallMs - offsetBefore;
      const withAfter = wallMs - offsetAfter;
      const beforeValid = offsetAt(withBefore) === offsetBefore;
      const afterValid = offsetAt(withAfter) === offsetAfter;
      if (beforeValid && afterValid) return Math.min(withBefore, withAfter);
      if (afterValid) return withAfter;
      // Valid with the earlier offset, or in the gap: read with the offset in force before it.
      return withBefore;
    },
  };
  clocks.set(timeZone, clock);
  return clock;
}

/** UTC offset (ms, east positive) of `timeZone` at an instant. */
export function offsetAt(timeZone: string, instantMs: number): number {
  return zoneClock(timeZone).offsetAt(instantMs);
}

/**
 * Instants (ms) where the zone's offset changes within a UTC year, with the
 * offsets before and after; used to write VTIMEZONE components.
 */
export function transitionsInYear(
  timeZone: string,
  year: number,
): { at: number; offsetFrom: number; offsetTo: number }[] {
  const table = yearOffsets(zoneOffsets(timeZone), Date.UTC(year, 0, 1));
  const transitions: { at: number; offsetFrom: number; offsetTo: number }[] = [];
  for (let index = 1; index < table.starts.length; index += 1) {
    transitions.push({
      at: table.starts[index] as number,
      offsetFrom: table.offsets[index - 1] as number,
      offsetTo: table.offsets[index] as number,
    });
  }
  return transitions;
}

/** Instant (ms) of wall ms in a zone; see {@link ZoneClock.toInstant}. */
export function wallToInstant(wallMs: number, timeZone: string): number {
  return zoneClock(timeZone).toInstant(wallMs);
}

/** Wall ms of an instant in a zone. */
export function instantToWall(instantMs: number, timeZone: string): number {
  return zoneClock(timeZone).toWall(instantMs);
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * Wall ms of a wall-clock string (`YYYY-MM-DD`, `YYYY-MM-DDTHH:mm` or with seconds).
 * @throws ValidationError naming `field` when the text is not such a time.
 */
export function parseWall(local: string, field = 'start'): number {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) throw new ValidationError(field, 'is not a wall-clock date-time');
  const [, year, month, day, hour, minute, second] = match;
  const month0 = Number(month) - 1;
  const wall = Date.UTC(Number(year), month0, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0));
  const check = new Date(wall);
  if (
    check.getUTCMonth() !== month0 ||
    check.getUTCDate() !== Number(day) ||
    Number(hour ?? 0) > 23 ||
    Number(minute ?? 0) > 59
  ) {
    throw new ValidationError(field, 'is not a calendar date-time');
  }
  return wall;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
// Formatting dominates expansion time (Date#toISOString is slow): days and times are memoised.
const dayTexts = new Map<number, string>();
const timeTexts = new Map<number, string>();

function dayText(dayNumber: number): string {
  let text = dayTexts.get(dayNumber);
  if (text === undefined) {
    text = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    if (dayTexts.size > 20_000) dayTexts.clear();
    dayTexts.set(dayNumber, text);
  }
  return text;
}

function timeText(secondOfDay: number): string {
  let text = timeTexts.get(secondOfDay);
  if (text === undefined) {
    const hours = Math.floor(secondOfDay / 3600);
    const minutes = Math.floor((secondOfDay % 3600) / 60);
    text = `${TWO_DIGITS[hours] ?? ''}:${TWO_DIGITS[minutes] ?? ''}:${TWO_DIGITS[secondOfDay % 60] ?? ''}`;
    timeTexts.set(secondOfDay, text);
  }
  return text;
}

/** `YYYY-MM-DDTHH:mm:ss` of wall ms (milliseconds dropped). */
export function formatWall(wallMs: number): LocalDateTime {
  const dayNumber = Math.floor(wallMs / DAY_MS);
  return `${dayText(dayNumber)}T${timeText(Math.floor((wallMs - dayNumber * DAY_MS) / 1000))}`;
}

/** ISO 8601 instant (`YYYY-MM-DDTHH:mm:ss.sssZ`, as `Date#toISOString`) of ms, faster. */
export function formatInstant(instantMs: number): string {
  const millis = ((instantMs % 1000) + 1000) % 1000;
  return `${formatWall(instantMs)}${millis === 0 ? '.000' : `.${String(millis).padStart(3, '0')}`}Z`;
}

/**
 * Instant of a wall-clock time in an IANA zone, resolving the skipped hour
 * forward and the repeated hour to its first instance.
 * @example zonedToInstant('2026-03-29T02:30:00', 'Europe/Paris') // 2026-03-29T01:30:00Z (03:30 local)
 * @throws ValidationError on a malformed time or unknown zone.
 */
export function zonedToInstant(local: LocalDateTime, timeZone: string): Date {
  return new Date(wallToInstant(parseWall(local, 'local'), timeZone));
}

/**
 * Wall-clock time (`YYYY-MM-DDTHH:mm:ss`) of an instant in an IANA zone.
 * @throws ValidationError on an unknown zone.
 */
export function instantToZoned(instant: Date, timeZone: string): LocalDateTime {
  return formatWall(instantToWall(instant.getTime(), timeZone));
}
