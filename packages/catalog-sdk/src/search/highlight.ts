/**
 * Highlighting for templates: a splitter that turns text + ranges into plain segments a template can
 * render without any HTML. Where the query matched is found by the index (`document-highlights.ts`).
 */
import type { MatchRange } from './types.js';

/** Sorts ranges, clamps them to `[0, length]` and merges overlapping or touching ones. */
export function mergeRanges(ranges: readonly MatchRange[], length: number): MatchRange[] {
  if (ranges.length === 1) {
    // The usual case of a row: one matched word in a field.
    const range = ranges[0] as MatchRange;
    const start = Math.max(0, Math.min(length, range.start));
    const end = Math.max(0, Math.min(length, range.end));
    return end > start ? [{ start, end }] : [];
  }
  const sorted = ranges
    .map((range) => ({
      start: Math.max(0, Math.min(length, range.start)),
      end: Math.max(0, Math.min(length, range.end)),
    }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: MatchRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * Splits `text` into consecutive segments, flagging those inside `ranges`
 * (unsorted and overlapping ranges are fine; out-of-bounds parts are ignored).
 * Render each segment as text — e.g. `<mark>` around the matching ones — never as HTML.
 *
 * @example highlightSegments('Ordonnance', [{ start: 0, end: 5 }])
 * // → [{ text: 'Ordon', match: true }, { text: 'nance', match: false }]
 */
export function highlightSegments(text: string, ranges: MatchRange[]): { text: string; match: boolean }[] {
  const segments: { text: string; match: boolean }[] = [];
  let position = 0;
  for (const range of mergeRanges(ranges, text.length)) {
    if (range.start > position) segments.push({ text: text.slice(position, range.start), match: false });
    segments.push({ text: text.slice(range.start, range.end), match: true });
    position = range.end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), match: false });
  return segments;
}
