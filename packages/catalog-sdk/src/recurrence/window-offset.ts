/**
 * Whether a zone keeps one UTC offset over a span of instants: most month views
 * hold no change of offset, and their occurrences then need no per-occurrence
 * zone look-up (`expand.ts`).
 */
import { offsetAt, transitionsInYear } from '../time/zone.js';

// The instants where a zone's offset changes within a UTC year, by zone and year (a few per zone).
const changes = new Map<string, number[]>();

function changesIn(timeZone: string, year: number): number[] {
  const key = `${timeZone} ${year}`;
  let found = changes.get(key);
  if (!found) {
    found = transitionsInYear(timeZone, year).map((transition) => transition.at);
    if (changes.size > 512) changes.clear();
    changes.set(key, found);
  }
  return found;
}

/**
 * The UTC offset of `timeZone` when it is the same at every instant from
 * `fromMs` to `toMs` (no change between them), otherwise undefined: over such
 * a span wall ms and instants differ by that offset alone.
 * @throws ValidationError (field `timeZone`) when the zone is unknown.
 */
export function constantOffset(timeZone: string, fromMs: number, toMs: number): number | undefined {
  const offset = offsetAt(timeZone, fromMs);
  const firstYear = new Date(fromMs).getUTCFullYear();
  const lastYear = new Date(toMs).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    // A change at midnight UTC on 1 January is not listed as a transition of either year.
    if (year > firstYear && offsetAt(timeZone, Date.UTC(year, 0, 1)) !== offset) return undefined;
    for (const at of changesIn(timeZone, year)) if (at > fromMs && at <= toMs) return undefined;
  }
  return offset;
}
