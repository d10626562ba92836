/**
 * Where the query matched in a document, as ranges of the ORIGINAL texts (title, kind label, author,
 * organisation, tags, description), from the spans of the matched vocabulary words.
 */
import { documentKindInfo } from '../model/document.js';
import type { HealthDocument } from '../model/document.js';
import type { CarnetLocale } from '../model/common.js';
import { mergeRanges } from './highlight.js';
import { ASCII_FOLD, foldWithPositions, foldedCode, letterMask } from './normalize.js';
import type { DocumentMatches, MatchRange } from './types.js';

/** Matched spans inside folded vocabulary words: word → [start, end) pairs (a `Map` will do). */
export interface WordSpans {
  /** The spans of a folded word; `letters`, when given, is its `letterMask`. */
  get(word: string, letters?: number): readonly (readonly [number, number])[] | undefined;
  /**
   * Optional quick test of a folded word and its `letterMask`: `false` when {@link WordSpans.get} would
   * surely answer `undefined`. Most words of a row fail it without a lookup.
   */
  mayMatch?(word: string, letters: number): boolean;
}

/**
 * A text's folded words: each word, its `letterMask`, where it starts in the folded text and, when
 * folding changed lengths (ligatures, combining marks…), where each folded character came from.
 */
export interface TextWords {
  readonly words: readonly string[];
  readonly masks: Int32Array;
  readonly at: Int32Array;
  /** `undefined` when folding kept every position (ASCII, precomposed accents): folded = original. */
  readonly starts: readonly number[] | undefined;
  readonly ends: readonly number[] | undefined;
}

/**
 * Splits `text` into its folded words. The usual text (ASCII, precomposed accents) is folded in place,
 * character by character ({@link foldedCode}), a word sliced from the text when folding left it unchanged;
 * a text where folding changes lengths goes through the position map of {@link foldWithPositions}.
 */
export function textWords(text: string): TextWords {
  const words: string[] = [];
  const at: number[] = [];
  let start = -1;
  let unchanged = true;
  let folded = '';
  for (let index = 0; index <= text.length; index++) {
    const unit = index < text.length ? text.charCodeAt(index) : 32;
    const code = unit < 128 ? (ASCII_FOLD[unit] as number) : foldedCode(text, index);
    if (code < 0) return wordsByFolding(text);
    if (code !== 0) {
      if (start < 0) {
        start = index;
        unchanged = true;
        folded = '';
      }
      if (code !== unit && unchanged) {
        unchanged = false;
        folded = text.slice(start, index);
      }
      if (!unchanged) folded += String.fromCharCode(code);
      continue;
    }
    if (start < 0) continue;
    words.push(unchanged ? text.slice(start, index) : folded);
    at.push(start);
    start = -1;
  }
  return {
    words,
    masks: Int32Array.from(words, (word) => letterMask(word)),
    at: Int32Array.from(at),
    starts: undefined,
    ends: undefined,
  };
}

function wordsByFolding(text: string): TextWords {
  const folded = foldWithPositions(text);
  const words: string[] = [];
  const at: number[] = [];
  const foldedText = folded.text;
  let wordStart = 0;
  while (wordStart < foldedText.length) {
    let wordEnd = foldedText.indexOf(' ', wordStart);
    if (wordEnd < 0) wordEnd = foldedText.length;
    if (wordEnd > wordStart) {
      words.push(foldedText.slice(wordStart, wordEnd));
      at.push(wordStart);
    }
    wordStart = wordEnd + 1;
  }
  return {
    words,
    masks: Int32Array.from(words, (word) => letterMask(word)),
    at: Int32Array.from(at),
    starts: folded.starts,
    ends: folded.ends,
  };
}

/** Ranges of `text` (split into `words` by {@link textWords}) whose folded words carry a matched span. */
export function rangesOfWords(text: string, words: TextWords, spans: WordSpans): MatchRange[] {
  let ranges: MatchRange[] | undefined;
  const { starts, ends } = words;
  for (let k = 0; k < words.words.length; k++) {
    const word = words.words[k] as string;
    const letters = words.masks[k] as number;
    if (spans.mayMatch !== undefined && !spans.mayMatch(word, letters)) continue;
    const wordSpans = spans.get(word, letters);
    if (wordSpans === undefined) continue;
    const wordStart = words.at[k] as number;
    for (const [start, end] of wordSpans) {
      if (starts === undefined || ends === undefined) {
        (ranges ??= []).push({ start: wordStart + start, end: wordStart + end });
        continue;
      }
      // Folded [s, e) maps to the original from the start of char s to the end of char e - 1 (accents included).
      const first = starts[wordStart + start];
      const last = ends[wordStart + end - 1];
      if (first !== undefined && last !== undefined) (ranges ??= []).push({ start: first, end: last });
    }
  }
  return ranges === undefined ? [] : mergeRanges(ranges, text.length);
}

/** Ranges of `text` whose folded words carry a matched span ({@link textWords}, then {@link rangesOfWords}). */
export function rangesInText(text: string | undefined, spans: WordSpans): MatchRange[] {
  if (text === undefined || text === '') return [];
  return rangesOfWords(text, textWords(text), spans);
}

/**
 * The words of the texts highlighted lately, so that a row shown again as the patient types on (its
 * title, author, organisation, kind label and tags repeat across rows too) is not split again: two
 * generations of at most `limit` texts each, the older dropped when the newer fills. Owned by one index
 * (dropped with it).
 */
export class TextWordsCache {
  private young = new Map<string, TextWords>();
  private old = new Map<string, TextWords>();

  constructor(private readonly limit = 4096) {}

  /** The words of `text`, split now or kept. */
  of(text: string): TextWords {
    let words = this.young.get(text);
    if (words !== undefined) return words;
    words = this.old.get(text) ?? textWords(text);
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(text, words);
    return words;
  }

  /** {@link rangesInText} through this cache. */
  readonly ranges = (text: string | undefined, spans: WordSpans): MatchRange[] =>
    text === undefined || text === '' ? [] : rangesOfWords(text, this.of(text), spans);

  /** Forgets every text (the documents changed). */
  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }
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
  ranges: (text: string | undefined, spans: WordSpans) => MatchRange[] = rangesInText,
): DocumentMatches {
  const matches: DocumentMatches = {};
  const title = ranges(document.title, spans);
  if (title.length > 0) matches.title = title;
  const info = documentKindInfo(document.kind);
  const kindLabel = ranges(locale === 'en' ? info.labelEn : info.labelFr, spans);
  if (kindLabel.length > 0) matches.kindLabel = kindLabel;
  const author = ranges(document.author, spans);
  if (author.length > 0) matches.author = author;
  const organisation = ranges(document.organisation, spans);
  if (organisation.length > 0) matches.organisation = organisation;
  for (const tag of document.tags) {
    const tagRanges = ranges(tag, spans);
    if (tagRanges.length > 0) (matches.tags ??= {})[tag] = tagRanges;
  }
  const description = ranges(document.description, spans);
  if (description.length > 0) matches.description = description;
  return matches;
}
