/**
 * Expansion of an agenda event into the occurrences a calendar shows.
 *
 * Rules are expanded in *floating* wall-clock time by our own code (`fast-rule.ts`
 * for the everyday shapes, `period-rule.ts` for the others, both checked against
 * `rrule` in the tests — `rrule-reference.ts`); each wall-clock occurrence then
 * becomes an instant in the event's IANA zone through `zone.ts`, which resolves
 * the skipped and the repeated hour explicitly. `rrule` is not used at run time.
 */
import type { AgendaEvent, Occurrence, OccurrenceOverride } from '../model/agenda.js';
import { DEFAULT_TIME_ZONE } from '../model/common.js';
import { ValidationError } from '../errors/errors.js';
import type { RuleFrequency, RuleParts } from './rule-parts.js';
import { parseRuleParts } from './rule-parts.js';
import { compileFastRule, expandFastRule } from './fast-rule.js';
import { COUNT_CACHE_LIMIT, sortedBetween } from './period-jump.js';
import { compilePeriodRule, expandPeriodRule } from './period-rule.js';
import { constantOffset } from './window-offset.js';
import { DAY_MS, formatInstant, formatWall, instantToWall, parseWall, zoneClock } from '../time/zone.js';

/** A span of time between two instants, end excluded. */
export interface InstantRange {
  start: Date;
  end: Date;
}

/** The until of a rule as wall ms: an instant (`Z`) is read in the event's zone. */
export function untilWall(parts: RuleParts, timeZone: string): number | undefined {
  const until = parts.until;
  if (!until) return undefined;
  if (until.dateOnly) return Date.UTC(until.year, until.month - 1, until.day, 23, 59, 59);
  const fields = Date.UTC(until.year, until.month - 1, until.day, until.hour, until.minute, until.second);
  return until.utc ? instantToWall(fields, timeZone) : fields;
}

/**
 * The parts of a rule value.
 * @throws ValidationError (field `rrule`) when the rule is not one we can expand.
 */
export function readableParts(rrule: string): RuleParts & { freq: RuleFrequency } {
  const parts = parseRuleParts(rrule);
  if (!parts.freq || parts.unknown.length > 0) {
    throw new ValidationError('rrule', 'is not a supported recurrence rule');
  }
  return { ...parts, freq: parts.freq };
}

/** Past any occurrence a COUNT rule is listed to (`rrule` stops at the year 9999 too). */
const LAST_WALL = Date.UTC(10_000, 0, 1);

/** Wall ms of a series' occurrences between two wall times, both included. */
export type WallExpander = (fromWall: number, toWall: number) => number[];

/**
 * The expander of a rule from a wall-clock start: the fast path when it covers
 * the rule, `period-rule.ts` otherwise (both in floating time, never from the
 * series start unless COUNT must be counted).
 * @throws ValidationError (field `rrule`) when the rule is not one we can expand.
 */
export function wallExpander(rrule: string, startWall: number, timeZone: string): WallExpander {
  const parts = readableParts(rrule);
  const until = untilWall(parts, timeZone);
  const plan = compileFastRule(parts, until);
  let expand: WallExpander;
  if (plan) {
    expand = (fromWall, toWall) => expandFastRule(plan, startWall, fromWall, toWall);
  } else {
    const periodPlan = compilePeriodRule(parts, startWall, until);
    expand = (fromWall, toWall) => expandPeriodRule(periodPlan, fromWall, toWall);
  }
  // A rule with COUNT is counted from its start: finite, so listed once, then each window is a binary search.
  if (parts.count === undefined || parts.count > COUNT_CACHE_LIMIT) return expand;
  let all: number[] | undefined;
  return (fromWall, toWall) => sortedBetween((all ??= expand(startWall, LAST_WALL)), fromWall, toWall);
}

interface CachedSeries {
  rrule: string | undefined;
  start: string;
  end: string;
  timeZone: string;
  startWall: number;
  endWall: number;
  expand: WallExpander | undefined;
}

// Keyed by the event object: a changed rule, start, end or zone is noticed and rebuilt.
const seriesCache = new WeakMap<AgendaEvent, CachedSeries>();

/** The parsed start and end of an event and the expander of its rule, worked out once per event object. */
function seriesOf(event: AgendaEvent, rrule: string | undefined, timeZone: string): CachedSeries {
  const cached = seriesCache.get(event);
  if (
    cached &&
    cached.rrule === rrule &&
    cached.start === event.start &&
    cached.end === event.end &&
    cached.timeZone === timeZone
  ) {
    return cached;
  }
  const startWall = parseWall(event.start, 'start');
  const endWall = Math.max(parseWall(event.end, 'end'), startWall);
  const expand = rrule === undefined ? undefined : wallExpander(rrule, startWall, timeZone);
  const series = { rrule, start: event.start, end: event.end, timeZone, startWall, endWall, expand };
  seriesCache.set(event, series);
  return series;
}

/** Wall ms of a stored wall-clock time, or undefined when malformed (it can then match nothing). */
function wallOrUndefined(local: string | undefined): number | undefined {
  if (local === undefined) return undefined;
  try {
    return parseWall(local);
  } catch {
    return undefined;
  }
}

function isMoved(override: OccurrenceOverride): boolean {
  return !override.cancelled && (override.start !== undefined || override.end !== undefined);
}

/**
 * The occurrences of an event that overlap a range of instants (end after
 * `range.start` and start before `range.end`), sorted by start.
 *
 * Honours the RRULE (COUNT, UNTIL — with `Z` an instant, otherwise wall-clock),
 * EXDATEs, cancelled occurrences, and moved ones (found by range at their new
 * time, flagged `moved`). A non-recurring event yields one occurrence when in range.
 * @throws ValidationError when the start, the zone or the rule cannot be read.
 */
export function expandOccurrences(event: AgendaEvent, range: InstantRange): Occurrence[] {
  const timeZone = event.timeZone || DEFAULT_TIME_ZONE;
  const rrule = event.rrule?.trim() || undefined;
  const series = seriesOf(event, rrule, timeZone);
  const { startWall, endWall } = series;
  const duration = endWall - startWall;
  const rangeStart = range.start.getTime();
  const rangeEnd = range.end.getTime();
  if (!(rangeEnd > rangeStart)) return [];
  const recurring = rrule !== undefined;

  // Offsets never exceed a day, so ±1 day (plus the duration) holds every candidate.
  const windowStart = rangeStart - DAY_MS - duration;
  const windowEnd = rangeEnd + DAY_MS;
  let generated: number[];
  const expand = series.expand;
  if (expand !== undefined) {
    generated = expand(windowStart, windowEnd);
  } else {
    generated = startWall >= windowStart && startWall <= windowEnd ? [startWall] : [];
  }

  const excluded = new Set<number>();
  for (const exdate of event.exdates) {
    const wall = wallOrUndefined(exdate);
    if (wall !== undefined) excluded.add(wall);
  }
  const overrides = new Map<number, OccurrenceOverride>();
  for (const override of event.overrides) {
    const wall = wallOrUndefined(override.originalStart);
    if (wall !== undefined) overrides.set(wall, override);
  }

  const clock = zoneClock(timeZone);
  // Without an offset change near the window (most months), an instant is the wall time minus one offset.
  const spanFrom = windowStart - DAY_MS;
  const spanTo = windowEnd + duration + DAY_MS;
  const fixedOffset = constantOffset(timeZone, spanFrom, spanTo);
  const allDay = event.allDay === true;
  const occurrences: Occurrence[] = [];
  const startInstants: number[] = [];
  let inOrder = true;
  const push = (originalWall: number, fromWall: number, toWall: number, moved: boolean, note?: string): void => {
    let start: number;
    let end: number;
    if (fixedOffset !== undefined && fromWall >= windowStart && toWall <= spanTo - DAY_MS) {
      start = fromWall - fixedOffset;
      end = Math.max(toWall - fixedOffset, start);
    } else {
      start = clock.toInstant(fromWall);
      // A start in a skipped hour moves forward by the gap; the end moves with it.
      const gapShift = clock.toWall(start) - fromWall;
      end = toWall === fromWall ? start : Math.max(clock.toInstant(toWall + gapShift), start);
    }
    if (!(start < rangeEnd && (end > rangeStart || start >= rangeStart))) return;
    const originalStart = formatWall(originalWall);
    const occurrence: Occurrence = {
      eventId: event.id,
      title: event.title,
      kind: event.kind,
      start: formatInstant(start),
      end: formatInstant(end),
      originalStart,
      localStart: fromWall === originalWall ? originalStart : formatWall(fromWall),
      timeZone,
      allDay,
      moved,
      recurring,
    };
    if (note !== undefined) occurrence.note = note;
    if (event.location !== undefined) occurrence.location = event.location;
    if (startInstants.length > 0 && (startInstants[startInstants.length - 1] as number) > start) inOrder = false;
    occurrences.push(occurrence);
    startInstants.push(start);
  };

  for (const wall of generated) {
    if (excluded.has(wall)) continue;
    const override = overrides.get(wall);
    if (override?.cancelled) continue;
    if (override && isMoved(override)) continue; // shown at its new time below
    push(wall, wall, wall + duration, false, override?.note);
  }

  // Moved occurrences are looked up by their new time, wherever the rule put them.
  for (const [originalWall, override] of overrides) {
    if (!isMoved(override) || excluded.has(originalWall)) continue;
    const fromWall = wallOrUndefined(override.start) ?? originalWall;
    const toWall = Math.max(wallOrUndefined(override.end) ?? fromWall + duration, fromWall);
    const stillInSeries = expand
      ? includesSorted(generated, originalWall) ||
        ((originalWall < windowStart || originalWall > windowEnd) && expand(originalWall, originalWall).length > 0)
      : originalWall === startWall;
    if (!stillInSeries) continue;
    const moved = fromWall !== originalWall || toWall !== originalWall + duration;
    push(originalWall, fromWall, toWall, moved, override.note);
  }

  if (inOrder) return occurrences;
  // Only moves (and starts inside a skipped hour) break the rule's order.
  const order = occurrences.map((_, index) => index);
  order.sort((a, b) => (startInstants[a] as number) - (startInstants[b] as number) || a - b);
  return order.map((index) => occurrences[index] as Occurrence);
}

function includesSorted(values: readonly number[], wanted: number): boolean {
  let low = 0;
  let high = values.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = values[middle] as number;
    if (value === wanted) return true;
    if (value < wanted) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
