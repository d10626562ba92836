/**
 * Turns a query into the documents matching every one of its words, with a cost
 * per document, reusing work between keystrokes: each query word's result is
 * cached, and the word being typed is only re-matched against the vocabulary
 * words its shorter version matched.
 */
import { foldedWords, normalizeForSearch } from './normalize.js';
import type { WordSpans } from './highlight.js';
import { FIELD_MASK_COST, isFillerWord, matchingProfile } from './word-index.js';
import type { WordIndex, WordMatches } from './word-index.js';

/** Documents matched by one query word. */
interface WordResult {
  readonly matches: WordMatches;
  /** Ordinals of the matching documents, each once. */
  readonly ordinals: readonly number[];
  /** Best cost by ordinal (match cost + field cost); Infinity where the word is absent. */
  readonly cost: Float32Array;
}

/** Documents matched by a whole query. */
export interface QueryMatch {
  /** Matching ordinals, unordered. */
  readonly ordinals: number[];
  /** Score (0 best … 1) by ordinal, valid for {@link ordinals}. */
  readonly scores: Float64Array;
  /** The matched vocabulary words and their highlighted spans. */
  readonly spans: () => WordSpans;
}

/** A folded query split into the words every document must contain. */
export interface ParsedQuery {
  /** Required folded words. */
  readonly words: readonly string[];
  /** Whether the last word may still grow (no separator typed after it). */
  readonly lastBeingTyped: boolean;
}

/** Cached word results kept between keystrokes (a typing session rarely needs more). */
const WORD_CACHE_LIMIT = 32;

/** Splits a query into required words; filler words (« de », « d’ », « the ») are dropped when others remain. */
export function parseQuery(query: string): ParsedQuery {
  const all = foldedWords(normalizeForSearch(query));
  const meaningful = all.filter((word) => !isFillerWord(word));
  const words = meaningful.length > 0 ? meaningful : all;
  const lastBeingTyped =
    /[\p{L}\p{N}\p{M}]$/u.test(query) && all.length > 0 && words[words.length - 1] === all[all.length - 1];
  return { words: [...new Set(words)], lastBeingTyped };
}

/** Matches queries against a {@link WordIndex}; forget everything with {@link reset} after any change. */
export class QueryMatcher {
  private readonly cache = new Map<string, WordResult>();

  constructor(
    private readonly index: WordIndex,
    private capacity: number,
  ) {}

  /** Drops cached results: call after documents changed (`capacity` = ordinals in use). */
  reset(capacity: number): void {
    this.cache.clear();
    this.capacity = capacity;
  }

  /** Documents containing every word of the query, with their scores. */
  match(query: ParsedQuery, scores: Float64Array): QueryMatch {
    const results = query.words.map((word, position) =>
      this.wordResult(word, query.lastBeingTyped && position === query.words.length - 1),
    );
    const bySelectivity = [...results].sort((a, b) => a.ordinals.length - b.ordinals.length);
    const ordinals: number[] = [];
    const narrowest = bySelectivity[0];
    if (narrowest !== undefined) {
      const costs = bySelectivity.map((result) => result.cost);
      const wordCount = costs.length;
      for (const ordinal of narrowest.ordinals) {
        let total = 0;
        for (let w = 0; w < wordCount && total !== Infinity; w++)
          total += (costs[w] as Float32Array)[ordinal] as number;
        if (total === Infinity) continue;
        ordinals.push(ordinal);
        scores[ordinal] = Math.min(1, total / wordCount);
      }
    }
    let spans: WordSpans | undefined;
    return { ordinals, scores, spans: () => (spans ??= this.spansOf(results)) };
  }

  private wordResult(word: string, beingTyped: boolean): WordResult {
    const key = (beingTyped ? '~' : '=') + word;
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      // Refresh its place: the Map's order is the eviction order.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const matches = this.index.match(word, beingTyped, this.narrowingBase(word, beingTyped));
    const result = this.collect(matches);
    this.cache.set(key, result);
    if (this.cache.size > WORD_CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return result;
  }

  /**
   * Matches of a shorter version of the same word, when they are a safe superset:
   * the same matching rules apply (typo budget, inner matching) and no loose pass was involved.
   */
  private narrowingBase(word: string, beingTyped: boolean): WordMatches['matches'] | undefined {
    if (!beingTyped) {
      // A finished word matches a subset of what it matched while being typed.
      const typed = this.cache.get('~' + word);
      return typed !== undefined && !typed.matches.loose ? typed.matches.matches : undefined;
    }
    const profile = matchingProfile(word.length);
    for (let length = word.length - 1; length >= 1 && matchingProfile(length) === profile; length--) {
      const shorter = this.cache.get('~' + word.slice(0, length));
      if (shorter !== undefined) return shorter.matches.loose ? undefined : shorter.matches.matches;
    }
    return undefined;
  }

  private collect(matches: WordMatches): WordResult {
    const cost = new Float32Array(this.capacity).fill(Infinity);
    const ordinals: number[] = [];
    for (const match of matches.matches) {
      const documents = this.index.postingDocuments[match.wordId] as number[];
      const fields = this.index.postingFields[match.wordId] as number[];
      for (let i = 0; i < documents.length; i++) {
        const ordinal = documents[i] as number;
        const candidate = match.cost + (FIELD_MASK_COST[fields[i] as number] as number);
        const previous = cost[ordinal] as number;
        if (candidate < previous) {
          if (previous === Infinity) ordinals.push(ordinal);
          cost[ordinal] = candidate;
        }
      }
    }
    return { matches, ordinals, cost };
  }

  private spansOf(results: readonly WordResult[]): WordSpans {
    const spans = new Map<string, (readonly [number, number])[]>();
    for (const result of results) {
      for (const match of result.matches.matches) {
        const word = this.index.words[match.wordId] as string;
        const list = spans.get(word);
        if (list === undefined) spans.set(word, [[match.start, match.end]]);
        else list.push([match.start, match.end]);
      }
    }
    return spans;
  }
}
