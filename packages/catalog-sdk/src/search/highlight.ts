/**
 * Highlighting: where the query matched, as ranges of the ORIGINAL texts, and a
 * splitter that turns text + ranges into plain segments a template can render
 * without any HTML.
 */
import { documentKindInfo } from '../model/document.js';
import type { HealthDocument } from '../model/document.js';
import { foldWithPositions, foldedUnit } from './normalize.js';
import type { DocumentMatches, MatchRange } from './types.js';
import type { CarnetLocale } from '../model/common.js';

/** Matched spans inside folded vocabulary words: word → [start, end) pairs (a `Map` will do). */
export interface WordSpans {
  get(word: string): readonly (readonly [number, number])[] | undefined;
}

/** Sorts ranges, clamps them to `[0, length]` and merges overlapping or touching ones. */
function mergeRanges(ranges: readonly MatchRange[], length: number): MatchRange[] {
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

/**
 * Ranges of `text` whose folded words carry a matched span. Walks the text once, folding each
 * character in place ({@link foldedUnit}): the usual text (ASCII, precomposed accents) needs no
 * position map, since folded and original positions are the same there. A text where folding
 * changes lengths takes the letter-by-letter path ({@link rangesByFolding}), which gives the same ranges.
 */
export function rangesInText(text: string | undefined, spans: WordSpans): MatchRange[] {
  return rangesInPlace(text, spans);
}

function rangesInPlace(text: string | undefined, spans: WordSpans): MatchRange[] {
  if (text === undefined || text === '') return [];
  let ranges: MatchRange[] | undefined;
  let word = '';
  let wordStart = 0;
  for (let index = 0; index <= text.length; index++) {
    const folded = index < text.length ? foldedUnit(text, index) : ' ';
    if (folded === undefined) return rangesByFolding(text, spans);
    if (folded !== ' ') {
      if (word === '') wordStart = index;
      word += folded;
      continue;
    }
    if (word === '') continue;
    const wordSpans = spans.get(word);
    if (wordSpans !== undefined)
      for (const [start, end] of wordSpans) (ranges ??= []).push({ start: wordStart + start, end: wordStart + end });
    word = '';
  }
  return ranges === undefined ? [] : mergeRanges(ranges, text.length);
}

/** {@link rangesInText} through the whole position map of {@link foldWithPositions}, for any text. */
export function rangesByFolding(text: string | undefined, spans: WordSpans): MatchRange[] {
  if (text === undefined || text === '') return [];
  const folded = foldWithPositions(text);
  const ranges: MatchRange[] = [];
  let wordStart = 0;
  const foldedText = folded.text;
  while (wordStart < foldedText.length) {
    let wordEnd = foldedText.indexOf(' ', wordStart);
    if (wordEnd < 0) wordEnd = foldedText.length;
    const wordSpans = spans.get(foldedText.slice(wordStart, wordEnd));
    for (const [start, end] of wordSpans ?? []) {
      // Folded [s, e) maps to the original from the start of char s to the end of char e - 1 (accents included).
      const first = folded.starts[wordStart + start];
      const last = folded.ends[wordStart + end - 1];
      if (first !== undefined && last !== undefined) ranges.push({ start: first, end: last });
    }
    wordStart = wordEnd + 1;
  }
  return mergeRanges(ranges, text.length);
}

/** Highlight ranges of every field of `document` that contains a matched word. */
export function documentMatches(
  document: HealthDocument,
  spans: WordSpans,
  locale: CarnetLocale,
  rangesInText: (text: string | undefined, spans: WordSpans) => MatchRange[] = rangesInPlace,
): DocumentMatches {
  const matches: DocumentMatches = {};
  const title = rangesInText(document.title, spans);
  if (title.length > 0) matches.title = title;
  const info = documentKindInfo(document.kind);
  const kindLabel = rangesInText(locale === 'en' ? info.labelEn : info.labelFr, spans);
  if (kindLabel.length > 0) matches.kindLabel = kindLabel;
  const author = rangesInText(document.author, spans);
  if (author.length > 0) matches.author = author;
  const organisation = rangesInText(document.organisation, spans);
  if (organisation.length > 0) matches.organisation = organisation;
  for (const tag of document.tags) {
    const ranges = rangesInText(tag, spans);
    if (ranges.length > 0) (matches.tags ??= {})[tag] = ranges;
  }
  const description = rangesInText(document.description, spans);
  if (description.length > 0) matches.description = description;
  return matches;
}
