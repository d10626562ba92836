/**
 * Turns a query into the documents matching every one of its words, with a cost
 * per document, reusing work between keystrokes: each query word's result is
 * cached, and the word being typed is only re-matched against the vocabulary
 * words its shorter version matched.
 */
import { bitCount, foldedWords, letterMask, normalizeForSearch } from './normalize.js';
import type { WordSpans } from './document-highlights.js';
import { FIELD_MASK_COST, isFillerWord, matchingProfile } from './word-index.js';
import { Stamps } from './stamps.js';
import { typoBudget } from './typo-distance.js';
import type { WordIndex, WordMatch, WordMatches } from './word-index.js';

/** Documents matched by one query word: compact, sized to the matches (no array the size of the collection). */
interface WordDocuments {
  /** Ordinals of the matching documents, each once. */
  readonly ordinals: Int32Array;
  /** Best cost (match cost + field cost), parallel to {@link ordinals}. */
  readonly costs: Float32Array;
}

/** One query word's vocabulary matches, and its documents once a full pass collected them. */
interface WordResult {
  readonly matches: WordMatches;
  documents: WordDocuments | undefined;
  /** What the ranked path derived from the matches (its total and first rows), kept with them. */
  ranked: unknown;
}

/** Documents matched by a whole query. */
export interface QueryMatch {
  /** Matching ordinals, unordered. */
  readonly ordinals: Int32Array;
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
  /**
   * Scratch by ordinal, reused by every query: a stamp says which pass last wrote
   * an ordinal, so nothing is cleared or allocated per query.
   */
  private readonly stamps = new Stamps();
  private best = new Float64Array(0);
  /** The second word's best cost, by ordinal (two-word queries). */
  private other = new Float64Array(0);
  private seen = new Uint16Array(0);
  private found = new Int32Array(0);

  constructor(
    private readonly index: WordIndex,
    private capacity: number,
    /** Off only in tests: every query through the general path and spans listed in a map, to compare. */
    private readonly shortcuts = true,
  ) {}

  /** Drops cached results: call after documents changed (`capacity` = ordinals in use). */
  reset(capacity: number): void {
    this.cache.clear();
    this.capacity = capacity;
  }

  /** Documents containing every word of the query, with their scores (written into `scores` by ordinal). */
  match(query: ParsedQuery, scores: Float64Array): QueryMatch {
    const results = query.words.map((word, position) =>
      this.wordResult(word, query.lastBeingTyped && position === query.words.length - 1),
    );
    const [first, last] = results;
    if (
      this.shortcuts &&
      results.length === 2 &&
      first !== undefined &&
      last !== undefined &&
      last.documents === undefined
    ) {
      // The second word (usually being typed) is only checked against the first word's documents.
      const ordinals = this.matchPair(first, last, scores);
      let spans: WordSpans | undefined;
      const matched = results.map((result) => result.matches);
      return { ordinals, scores, spans: () => (spans ??= this.spansOf(query.words, matched)) };
    }
    const bySelectivity = results
      .map((result) => (result.documents ??= this.collect(result.matches)))
      .sort((a, b) => a.ordinals.length - b.ordinals.length);
    let ordinals: Int32Array = new Int32Array(0);
    const narrowest = bySelectivity[0];
    const wordCount = bySelectivity.length;
    if (narrowest !== undefined && wordCount === 1) {
      ordinals = narrowest.ordinals;
      for (let i = 0; i < ordinals.length; i++)
        scores[ordinals[i] as number] = Math.min(1, narrowest.costs[i] as number);
    } else if (narrowest !== undefined) {
      // Sum the costs of each word over the narrowest word's documents: O(matches of every word), no dense array per word.
      const generation = this.nextGeneration();
      const stamp = this.stamps.array;
      const { best, seen } = this;
      for (let i = 0; i < narrowest.ordinals.length; i++) {
        const ordinal = narrowest.ordinals[i] as number;
        stamp[ordinal] = generation;
        best[ordinal] = narrowest.costs[i] as number;
        seen[ordinal] = 1;
      }
      for (let w = 1; w < wordCount; w++) {
        const result = bySelectivity[w] as WordDocuments;
        for (let i = 0; i < result.ordinals.length; i++) {
          const ordinal = result.ordinals[i] as number;
          if (stamp[ordinal] !== generation || seen[ordinal] !== w) continue;
          best[ordinal] = (best[ordinal] as number) + (result.costs[i] as number);
          seen[ordinal] = w + 1;
        }
      }
      const kept = new Int32Array(narrowest.ordinals.length);
      let count = 0;
      for (let i = 0; i < narrowest.ordinals.length; i++) {
        const ordinal = narrowest.ordinals[i] as number;
        if (seen[ordinal] !== wordCount) continue;
        kept[count++] = ordinal;
        scores[ordinal] = Math.min(1, (best[ordinal] as number) / wordCount);
      }
      ordinals = kept.subarray(0, count);
    }
    let spans: WordSpans | undefined;
    const matched = results.map((result) => result.matches);
    return { ordinals, scores, spans: () => (spans ??= this.spansOf(query.words, matched)) };
  }

  /**
   * The vocabulary words matched by one query word, without collecting their documents (cached
   * like {@link match}'s, which collects them when it needs them).
   */
  wordMatches(word: string, beingTyped: boolean): WordMatches {
    return this.wordResult(word, beingTyped).matches;
  }

  /**
   * What `derive` makes of one query word's matches (and of its documents' count, when a full pass
   * already collected them), cached with the word until the index changes: retyping a word, or
   * coming back to it with Backspace, costs nothing.
   */
  derived<T>(word: string, beingTyped: boolean, derive: (matches: WordMatches, collected: number | undefined) => T): T {
    const result = this.wordResult(word, beingTyped);
    result.ranked ??= derive(result.matches, result.documents?.ordinals.length);
    return result.ranked as T;
  }

  /** Highlighted spans of these matched vocabulary words (one entry per query word). */
  spansOf(words: readonly string[], matched: readonly WordMatches[]): WordSpans {
    if (this.shortcuts) return new MatchedSpans(this.index, words, matched);
    const spans = new Map<string, (readonly [number, number])[]>();
    for (const result of matched) {
      for (const match of result.matches) {
        const word = this.index.words[match.wordId] as string;
        const list = spans.get(word);
        if (list === undefined) spans.set(word, [[match.start, match.end]]);
        else list.push([match.start, match.end]);
      }
    }
    return spans;
  }

  /**
   * Documents of a two-word query, without collecting the second word's documents: its postings are
   * read once and only the first word's documents are looked at (a stamp each). The same scores as
   * {@link match}'s general path: each word's best cost kept as a float32, the two summed (in either
   * order: addition of two floats commutes), halved, clamped.
   */
  private matchPair(first: WordResult, second: WordResult, scores: Float64Array): Int32Array {
    const base = (first.documents ??= this.collect(first.matches));
    const generation = this.nextGeneration();
    const stamp = this.stamps.array;
    const { best, seen, other } = this;
    for (let i = 0; i < base.ordinals.length; i++) {
      const ordinal = base.ordinals[i] as number;
      stamp[ordinal] = generation;
      best[ordinal] = base.costs[i] as number;
      seen[ordinal] = 1;
    }
    const index = this.index;
    const documents = index.blockDocuments;
    const fields = index.blockFields;
    const fieldCost = FIELD_MASK_COST;
    const visit = (ordinal: number, cost: number): void => {
      if (stamp[ordinal] !== generation) return;
      if (seen[ordinal] === 1) {
        seen[ordinal] = 2;
        other[ordinal] = cost;
      } else if (cost < (other[ordinal] as number)) {
        other[ordinal] = cost;
      }
    };
    for (const match of second.matches.matches) {
      const [start, end] = index.blockRange(match.wordId);
      // `visit` written out for the block, the hot loop (the cost is computed only for the first word's documents).
      for (let p = start; p < end; p++) {
        const ordinal = documents[p] as number;
        if (stamp[ordinal] !== generation) continue;
        const cost = match.cost + (fieldCost[fields[p] as number] as number);
        if (seen[ordinal] === 1) {
          seen[ordinal] = 2;
          other[ordinal] = cost;
        } else if (cost < (other[ordinal] as number)) {
          other[ordinal] = cost;
        }
      }
      const extra = index.extraOf(match.wordId);
      if (extra !== undefined)
        for (let i = 0; i < extra.documents.length; i++)
          visit(extra.documents[i] as number, match.cost + (fieldCost[extra.fields[i] as number] as number));
    }
    const kept = new Int32Array(base.ordinals.length);
    let count = 0;
    for (let i = 0; i < base.ordinals.length; i++) {
      const ordinal = base.ordinals[i] as number;
      if (seen[ordinal] !== 2) continue;
      kept[count++] = ordinal;
      scores[ordinal] = Math.min(1, ((best[ordinal] as number) + Math.fround(other[ordinal] as number)) / 2);
    }
    return kept.subarray(0, count);
  }

  private nextGeneration(): number {
    const generation = this.stamps.next(this.capacity);
    const size = this.stamps.array.length;
    if (this.best.length < size) {
      this.best = new Float64Array(size);
      this.other = new Float64Array(size);
      this.seen = new Uint16Array(size);
      this.found = new Int32Array(size);
    }
    return generation;
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
    const result: WordResult = { matches, documents: undefined, ranked: undefined };
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

  private collect(matches: WordMatches): WordDocuments {
    const generation = this.nextGeneration();
    const stamp = this.stamps.array;
    const { best, found } = this;
    let count = 0;
    const index = this.index;
    const visit = (ordinal: number, cost: number): void => {
      if (stamp[ordinal] !== generation) {
        stamp[ordinal] = generation;
        best[ordinal] = cost;
        found[count++] = ordinal;
      } else if (cost < (best[ordinal] as number)) {
        best[ordinal] = cost;
      }
    };
    const documents = index.blockDocuments;
    const fields = index.blockFields;
    const fieldCost = FIELD_MASK_COST;
    for (const match of matches.matches) {
      const [start, end] = index.blockRange(match.wordId);
      // `visit` written out for the block, the hot loop (calling it measured 5–15 % slower for the facets).
      for (let p = start; p < end; p++) {
        const ordinal = documents[p] as number;
        const cost = match.cost + (fieldCost[fields[p] as number] as number);
        if (stamp[ordinal] !== generation) {
          stamp[ordinal] = generation;
          best[ordinal] = cost;
          found[count++] = ordinal;
        } else if (cost < (best[ordinal] as number)) {
          best[ordinal] = cost;
        }
      }
      const extra = index.extraOf(match.wordId);
      if (extra !== undefined)
        for (let i = 0; i < extra.documents.length; i++)
          visit(extra.documents[i] as number, match.cost + (fieldCost[extra.fields[i] as number] as number));
    }
    const ordinals = found.slice(0, count);
    const costs = new Float32Array(count);
    for (let i = 0; i < count; i++) costs[i] = best[ordinals[i] as number] as number;
    return { ordinals, costs };
  }
}

/**
 * The spans of the matched vocabulary words, looked up by word: a short prefix matches thousands of
 * words, and only those of the rows shown are ever asked for. Per query word: a word starting with it is
 * a prefix match (span: the query word's length); a word that cannot match otherwise (a query word of
 * 1–3 letters matches by prefix only; a word missing more of its letters than its typo budget) has no
 * span; any other word is looked up among the matches, sorted by word id once (natively).
 */
class MatchedSpans implements WordSpans {
  private readonly lookups: (MatchLookup | undefined)[];
  /** The spans of the words looked up so far (`null`: none). */
  private readonly known = new Map<string, readonly (readonly [number, number])[] | null>();
  /** Each query word's letter mask and typo budget, for {@link mayMatch}. */
  private readonly queries: readonly { readonly mask: number; readonly budget: number }[];

  constructor(
    private readonly index: WordIndex,
    private readonly words: readonly string[],
    private readonly matched: readonly WordMatches[],
  ) {
    this.lookups = matched.map(() => undefined);
    this.queries = words.map((word) => ({ mask: letterMask(word), budget: typoBudget(word.length) }));
  }

  /**
   * How a folded word (`letters`: its `letterMask`) may carry query word `i`'s span, without a lookup:
   * `prefix` (it starts with the query word), `lookup` (only the matches can say: a loose word, or a
   * typo its letters allow), or `none`.
   */
  private reach(i: number, word: string, letters: number): 'prefix' | 'lookup' | 'none' {
    if ((this.matched[i] as WordMatches).loose) return 'lookup';
    const query = this.words[i] as string;
    if (word.startsWith(query)) return 'prefix';
    if (query.length < 4) return 'none';
    const { mask, budget } = this.queries[i] as { readonly mask: number; readonly budget: number };
    const missing = mask & ~letters;
    return missing === 0 || bitCount(missing) <= budget ? 'lookup' : 'none';
  }

  /** `false` when {@link get} would find no span for this word (`letters`: its `letterMask`). */
  mayMatch(word: string, letters: number): boolean {
    for (let i = 0; i < this.matched.length; i++) if (this.reach(i, word, letters) !== 'none') return true;
    return false;
  }

  get(word: string, letters?: number): readonly (readonly [number, number])[] | undefined {
    // The rows shown share many words (a title, an author, a kind): each is looked up once.
    const known = this.known.get(word);
    if (known !== undefined) return known === null ? undefined : known;
    const spans = this.lookUp(word, letters ?? letterMask(word));
    this.known.set(word, spans ?? null);
    return spans;
  }

  private lookUp(word: string, letters: number): readonly (readonly [number, number])[] | undefined {
    let spans: (readonly [number, number])[] | undefined;
    let id: number | undefined | null = null;
    for (let i = 0; i < this.matched.length; i++) {
      const reach = this.reach(i, word, letters);
      if (reach === 'none') continue;
      const matches = this.matched[i] as WordMatches;
      if (reach === 'prefix') {
        if (matches.matches.length > 0) (spans ??= []).push([0, (this.words[i] as string).length]);
        continue;
      }
      if (id === null) id = this.index.find(word);
      if (id === undefined) return spans;
      let lookup = this.lookups[i];
      if (lookup === undefined) {
        lookup = new MatchLookup(matches.matches);
        this.lookups[i] = lookup;
      }
      lookup.spansOf(id, (spans ??= []));
    }
    return spans === undefined || spans.length === 0 ? undefined : spans;
  }
}

/** One query word's matches sorted by word id (`wordId * count + place`), for binary search. */
class MatchLookup {
  private readonly sorted: Float64Array;

  constructor(private readonly all: readonly WordMatch[]) {
    const count = all.length;
    const sorted = new Float64Array(count);
    for (let place = 0; place < count; place++) sorted[place] = (all[place] as WordMatch).wordId * count + place;
    this.sorted = sorted.sort();
  }

  /** Appends the spans of the matches of word `id`. */
  spansOf(id: number, spans: (readonly [number, number])[]): void {
    const { sorted, all } = this;
    const count = all.length;
    const first = id * count;
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((sorted[middle] as number) < first) low = middle + 1;
      else high = middle;
    }
    for (let at = low; at < count && (sorted[at] as number) < first + count; at++) {
      const match = all[(sorted[at] as number) - first] as WordMatch;
      spans.push([match.start, match.end]);
    }
  }
}
