/**
 * What a window of a series needs besides the rule's own expansion
 * (`fast-rule.ts`, `period-rule.ts`, which start at the INTERVAL-aligned period
 * holding the window, never at DTSTART): a rule with COUNT must be counted from
 * its start, so it is finite; its occurrences are listed once (up to
 * {@link COUNT_CACHE_LIMIT}) and each window is then a binary search.
 */

/** Largest COUNT whose occurrences are listed once and kept. */
export const COUNT_CACHE_LIMIT = 20_000;

/** Values of a sorted list between two bounds, both included. */
export function sortedBetween(values: readonly number[], from: number, to: number): number[] {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] as number) < from) low = middle + 1;
    else high = middle;
  }
  const found: number[] = [];
  for (let i = low; i < values.length && (values[i] as number) <= to; i++) found.push(values[i] as number);
  return found;
}
