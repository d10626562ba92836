/**
 * The inverted index: every distinct folded word of the documents, with the
 * documents (and fields) it appears in. Query words are matched against the
 * distinct words — a few thousand — never against the documents themselves.
 */
import Fuse from 'fuse.js';
import { typoBudget, typoDistance } from './typo-distance.js';
import { VocabularyIndex } from './vocabulary-index.js';
import { bitCount, letterMask } from './normalize.js';

/** Bit of each searchable field in a posting's field mask. */
export const FIELD = {
  title: 1,
  kindLabel: 2,
  author: 4,
  organisation: 8,
  tag: 16,
  description: 32,
} as const;

/** Extra cost of a match by field: a word in the title says more than one in the description. */
const FIELD_COST: readonly (readonly [number, number])[] = [
  [FIELD.title, 0],
  [FIELD.kindLabel, 0.05],
  [FIELD.tag, 0.05],
  [FIELD.author, 0.1],
  [FIELD.organisation, 0.1],
  [FIELD.description, 0.25],
];

/** Cost of the best field in each of the 64 possible field masks. */
export const FIELD_MASK_COST: Float64Array = (() => {
  const costs = new Float64Array(64);
  for (let mask = 0; mask < 64; mask++) {
    let best = 1;
    for (const [field, cost] of FIELD_COST) if ((mask & field) !== 0 && cost < best) best = cost;
    costs[mask] = best;
  }
  return costs;
})();

/**
 * Cost of each kind of word match, before the field cost. Chosen so that any
 * exact, prefix or inner match, even in a description (≤ 0.5), beats any typo match (≥ 0.55).
 */
const MATCH_COST = {
  exact: 0,
  prefix: 0.1,
  inner: 0.25,
  typo: 0.4,
  typoPrefix: 0.45,
  perTypo: 0.15,
  loose: 0.72,
} as const;

/** One vocabulary word matched by one query word. */
export interface WordMatch {
  /** Id of the vocabulary word. */
  readonly wordId: number;
  /** Match cost, before the field cost. */
  readonly cost: number;
  /** Start of the matched span inside the vocabulary word, for highlighting. */
  readonly start: number;
  /** Exclusive end of that span. */
  readonly end: number;
}

/** The words matched by one query word, and whether the loose (Fuse) pass found them. */
export interface WordMatches {
  readonly matches: readonly WordMatch[];
  /** Set when only the Fuse pass matched: such results cannot narrow the next keystroke. */
  readonly loose: boolean;
}

/** Query words that are too shallow to be required when the query has other words. */
const FILLER_WORDS = new Set([
  'a',
  'au',
  'aux',
  'd',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'par',
  'pour',
  'sur',
  'un',
  'une',
  'avec',
  'dans',
  'and',
  'for',
  'in',
  'of',
  'on',
  'the',
]);

/** Whether a folded query word is a filler that may be dropped. */
export function isFillerWord(word: string): boolean {
  return FILLER_WORDS.has(word);
}

/** Profile of the matching rules for a word length; narrowing between keystrokes is only safe within one profile. */
export function matchingProfile(length: number): number {
  return typoBudget(length) * 4 + (length >= 4 ? 2 : 0) + (length >= 5 ? 1 : 0);
}

/**
 * Fuse threshold of the loose pass: about 1 error in 4 letters. Stricter than
 * Fuse's usual 0.3–0.4 because it runs word against word and only as a last
 * resort: at 0.3, « polygraphie » already matched « échographie ».
 */
const LOOSE_THRESHOLD = 0.25;

function grownInt32(column: Int32Array, needed: number): Int32Array {
  if (needed <= column.length) return column;
  const next = new Int32Array(Math.max(needed, column.length * 2, 1024));
  next.set(column);
  return next;
}

/** Postings of a word added after the last compaction (an update): small plain lists. */
interface ExtraPostings {
  readonly documents: number[];
  readonly fields: number[];
}

/**
 * Distinct folded words and their postings (document ordinal + field mask).
 *
 * Postings live in one compact block (CSR: `Int32Array` of ordinals and `Uint8Array`
 * of field masks, word by word, with an offset per word): at 100,000 documents
 * that is a few million integers in two typed arrays instead of hundreds of
 * thousands of small JavaScript arrays. Documents added or changed after the build
 * go to small per-word lists until the next compaction.
 */
export class WordIndex {
  private readonly ids = new Map<string, number>();
  /** Folded text of each word id. */
  readonly words: string[] = [];
  /** {@link letterMask} of each word id. */
  private masks: Int32Array = new Int32Array(0);
  /** Length of each word id (capped at 255): the vocabulary scan filters on it without touching the strings. */
  private lengths: Uint8Array = new Uint8Array(0);
  /** Word ids by first letter (char code), ascending, for short query words; covers ids below {@link byFirstCovers}. */
  private readonly byFirst = new Map<number, number[]>();
  private byFirstCovers = 0;
  /** Live postings per word id (compact block + extra). */
  private counts: Int32Array = new Int32Array(0);
  /** Compact block: postings of word `w` start at `offsets[w]`; `live[w]` of them are in use. */
  private offsets = new Int32Array(1);
  private live = new Int32Array(0);
  /** Ordinals of the compact block. */
  blockDocuments = new Int32Array(0);
  /** Field masks of the compact block. */
  blockFields = new Uint8Array(0);
  /** Words covered by the compact block. */
  private compacted = 0;
  private readonly extra = new Map<number, ExtraPostings>();
  private extraPostings = 0;
  /** Postings added in bulk (a build) and not yet compacted: word id, ordinal, field mask. */
  private pendingWord: Int32Array = new Int32Array(0);
  private pendingDocument: Int32Array = new Int32Array(0);
  private pendingField: Int32Array = new Int32Array(0);
  private pending = 0;
  /** Bumped by every change of the postings, so a stepwise compaction notices it is stale. */
  private version = 0;
  /**
   * Sorted words and trigram lists of the words it covers (ids below `vocabulary.covered`): a query
   * word's candidates without a scan of the vocabulary. Rebuilt by a compaction once many words were added.
   */
  private vocabulary: VocabularyIndex | undefined;

  /** Off only in tests: every query word compared with every vocabulary word, to compare. */
  useVocabulary = true;

  /** Number of words with at least one posting — or ever seen (ids are never reused). */
  get vocabularySize(): number {
    return this.words.length;
  }

  /** Id of a folded word, if it was ever indexed. */
  find(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** Live postings of a word. */
  postingCount(id: number): number {
    return this.counts[id] ?? 0;
  }

  /** Start and end (exclusive) of a word's postings in the compact block. */
  blockRange(id: number): readonly [number, number] {
    if (id >= this.compacted) return [0, 0];
    const start = this.offsets[id] as number;
    return [start, start + (this.live[id] as number)];
  }

  /** Postings of a word outside the compact block. */
  extraOf(id: number): ExtraPostings | undefined {
    return this.extra.get(id);
  }

  /** Records that document `ordinal` contains these words (word → field mask). */
  add(ordinal: number, words: ReadonlyMap<string, number>, bulk = false): void {
    this.version++;
    for (const [word, mask] of words) {
      const id = this.idOf(word);
      this.counts[id] = (this.counts[id] as number) + 1;
      if (bulk) {
        const at = this.pending++;
        if (at >= this.pendingWord.length) {
          this.pendingWord = grownInt32(this.pendingWord, at + 1);
          this.pendingDocument = grownInt32(this.pendingDocument, at + 1);
          this.pendingField = grownInt32(this.pendingField, at + 1);
        }
        this.pendingWord[at] = id;
        this.pendingDocument[at] = ordinal;
        this.pendingField[at] = mask;
      } else {
        let list = this.extra.get(id);
        if (list === undefined) {
          list = { documents: [], fields: [] };
          this.extra.set(id, list);
        }
        list.documents.push(ordinal);
        list.fields.push(mask);
        this.extraPostings++;
      }
    }
    if (!bulk && this.extraPostings > 4096 && this.extraPostings * 8 > this.blockDocuments.length) this.compact();
  }

  /** Forgets that document `ordinal` contains these words. */
  delete(ordinal: number, words: ReadonlyMap<string, number>): void {
    if (this.pending > 0) this.compact();
    this.version++;
    for (const word of words.keys()) {
      const id = this.ids.get(word);
      if (id === undefined) continue;
      if (this.removeFromBlock(id, ordinal) || this.removeFromExtra(id, ordinal))
        this.counts[id] = (this.counts[id] as number) - 1;
    }
  }

  /** Moves every posting into one compact block (after a build, or when updates piled up). */
  compact(): void {
    for (const _step of this.compactSteps()) {
      // Drained at once.
    }
  }

  /**
   * Moves the postings added in bulk since the last call to the per-word lists a search reads, in time
   * proportional to them (a build in slices calls it before each yield: a search in between then needs
   * no compaction of everything indexed so far).
   */
  compactPending(): void {
    if (this.pending === 0) return;
    this.version++;
    for (let p = 0; p < this.pending; p++) {
      const id = this.pendingWord[p] as number;
      let list = this.extra.get(id);
      if (list === undefined) {
        list = { documents: [], fields: [] };
        this.extra.set(id, list);
      }
      list.documents.push(this.pendingDocument[p] as number);
      list.fields.push(this.pendingField[p] as number);
    }
    this.extraPostings += this.pending;
    this.pending = 0;
  }

  /**
   * {@link compact} in steps (a yield every 16k postings), for a build that must
   * leave the page responsive; returns whether the new block was swapped in. It is
   * swapped in at the end; if anything changed the postings meanwhile (an update),
   * the steps stop, moot, and return `false`.
   */
  *compactSteps(): Generator<void, boolean, void> {
    const version = ++this.version;
    const wordCount = this.words.length;
    const total = this.totalPostings();
    const offsets = new Int32Array(wordCount + 1);
    for (let id = 0; id < wordCount; id++) offsets[id + 1] = (offsets[id] as number) + (this.counts[id] as number);
    const documents = new Int32Array(total);
    const fields = new Uint8Array(total);
    const fill = new Int32Array(wordCount);
    let moved = 0;
    const put = (id: number, ordinal: number, mask: number): void => {
      const at = (offsets[id] as number) + (fill[id] as number);
      documents[at] = ordinal;
      fields[at] = mask;
      fill[id] = (fill[id] as number) + 1;
      moved++;
    };
    const STEP = 16_384;
    for (let id = 0; id < this.compacted; id++) {
      const start = this.offsets[id] as number;
      const end = start + (this.live[id] as number);
      for (let p = start; p < end; p++) put(id, this.blockDocuments[p] as number, this.blockFields[p] as number);
      if (moved >= STEP) {
        moved = 0;
        yield;
        if (version !== this.version) return false;
      }
    }
    for (const [id, list] of this.extra) {
      for (let i = 0; i < list.documents.length; i++) put(id, list.documents[i] as number, list.fields[i] as number);
      // A word's list is moved whole (one word's postings are at most one per document).
      if (moved >= STEP) {
        moved = 0;
        yield;
        if (version !== this.version) return false;
      }
    }
    for (let p = 0; p < this.pending; p++) {
      put(this.pendingWord[p] as number, this.pendingDocument[p] as number, this.pendingField[p] as number);
      if (moved >= STEP) {
        moved = 0;
        yield;
        if (version !== this.version) return false;
      }
    }
    this.version++;
    this.offsets = offsets;
    this.live = fill;
    this.blockDocuments = documents;
    this.blockFields = fields;
    this.compacted = wordCount;
    this.extra.clear();
    this.extraPostings = 0;
    this.pendingWord = new Int32Array(0);
    this.pendingDocument = new Int32Array(0);
    this.pendingField = new Int32Array(0);
    this.pending = 0;
    // The vocabulary index reads only the words (never changed for the ids it covers): nothing an
    // update does meanwhile makes it stale.
    const covered = this.vocabulary?.covered ?? 0;
    const added = this.words.length - covered;
    if (added > 0 && (covered === 0 || added >= 8192 || added * 16 > covered))
      this.vocabulary = yield* VocabularyIndex.build(this.words);
    return true;
  }

  /**
   * Vocabulary words matching a folded query word: exact, prefix, inner
   * (4+ letters), typos within the budget (and, for a word of 5+ letters being
   * typed, typos in a prefix). When none of these match, a loose Fuse pass over the
   * vocabulary catches heavier misspellings of long words.
   * `within` restricts the scan to the matches of a shorter version of the same word.
   */
  match(query: string, beingTyped: boolean, within?: readonly WordMatch[]): WordMatches {
    if (this.pending > 0) this.compact();
    const matches: WordMatch[] = [];
    const budget = typoBudget(query.length);
    const innerAllowed = query.length >= 4;
    const wanted = letterMask(query);
    const consider = (id: number): void => {
      if (this.counts[id] === 0) return;
      const word = this.words[id] as string;
      // A word missing one of the query's letters can only match with typos.
      const complete = (wanted & ~(this.masks[id] as number)) === 0;
      if (complete && word.length >= query.length && word.startsWith(query)) {
        const cost =
          word.length === query.length ? MATCH_COST.exact : MATCH_COST.prefix + 0.05 * (1 - query.length / word.length);
        matches.push({ wordId: id, cost, start: 0, end: query.length });
        return;
      }
      if (innerAllowed && complete) {
        const at = word.indexOf(query);
        if (at > 0) {
          matches.push({ wordId: id, cost: MATCH_COST.inner, start: at, end: at + query.length });
          return;
        }
      }
      if (budget === 0) return;
      const full = typoDistance(query, word, budget, false);
      if (full !== undefined) {
        matches.push({
          wordId: id,
          cost: MATCH_COST.typo + MATCH_COST.perTypo * full.distance,
          start: 0,
          end: word.length,
        });
        return;
      }
      if (!beingTyped || query.length < 5) return;
      // The prefix compared is at most query length + budget long: each of the query's letters missing
      // from it costs an edit, so more missing letters than the budget rule it out before the alignment.
      const compared = Math.min(word.length, query.length + budget);
      if (compared < word.length && bitCount(wanted & ~letterMask(word, compared)) > budget) return;
      const partial = typoDistance(query, word, budget, true);
      if (partial !== undefined) {
        matches.push({
          wordId: id,
          cost: MATCH_COST.typoPrefix + MATCH_COST.perTypo * partial.distance,
          start: 0,
          end: partial.end,
        });
      }
    };
    const vocabulary = this.useVocabulary ? this.vocabulary : undefined;
    if (budget === 0 && !innerAllowed && vocabulary !== undefined) {
      // A word of 1–3 letters matches by prefix only: the range of the sorted words starting with it
      // (whatever a shorter version matched), with no string touched (the same cost as `consider`'s).
      const { counts, lengths, words } = this;
      const length = query.length;
      vocabulary.withPrefix(query, (id) => {
        if (counts[id] === 0) return;
        const wordLength = (lengths[id] as number) < 255 ? (lengths[id] as number) : (words[id] as string).length;
        const cost = wordLength === length ? MATCH_COST.exact : MATCH_COST.prefix + 0.05 * (1 - length / wordLength);
        matches.push({ wordId: id, cost, start: 0, end: length });
      });
      for (let id = vocabulary.covered; id < words.length; id++) consider(id);
    } else if (within === undefined && budget === 0 && !innerAllowed) {
      // A short word matches by prefix only: the words starting with its first letter, in id order.
      for (const id of this.wordsStartingWith(query.charCodeAt(0))) consider(id);
    } else if (within === undefined) {
      // One integer test per word; the string comparisons run on the few that pass. The words the
      // vocabulary index covers are only those it lists as candidates (a superset of the matches).
      const masks = this.masks;
      const lengths = this.lengths;
      const shortest = query.length - budget;
      // A word missing one of the query's letters can only match with typos: over the whole word, its
      // length is within the budget; only a word being typed (5+ letters) may match a longer word's prefix.
      const typoPrefix = beingTyped && query.length >= 5;
      const longestTypo = typoPrefix ? Infinity : query.length + budget;
      const test = (id: number): void => {
        const missing = wanted & ~(masks[id] as number);
        if (missing !== 0 && (budget === 0 || bitCount(missing) > budget)) return;
        const length = lengths[id] as number;
        if (length < shortest || (missing !== 0 && length > longestTypo)) return;
        consider(id);
      };
      let from = 0;
      if (vocabulary !== undefined) {
        vocabulary.candidates(query, budget, typoPrefix, test);
        from = vocabulary.covered;
      }
      for (let id = from; id < this.words.length; id++) test(id);
    } else {
      for (const previous of within) consider(previous.wordId);
    }
    if (matches.length > 0 || query.length < 5) return { matches, loose: false };
    return { matches: this.looseMatch(query), loose: true };
  }

  /**
   * Fuse (Bitap) over the vocabulary words of a similar length and of the same
   * sort (with or without digits): shorter or longer words would only match as
   * fragments. Fuse scores each word on its own, so it runs only over the words
   * whose letters allow a match at the threshold (a Bitap error removes at most
   * one of the query's letters): the same results as over the whole vocabulary.
   */
  private looseMatch(query: string): WordMatch[] {
    const withDigits = /\d/.test(query);
    const wanted = letterMask(query);
    const allowed = Math.ceil(query.length * LOOSE_THRESHOLD) + 1;
    const ids: number[] = [];
    for (let id = 0; id < this.words.length; id++) {
      if (this.counts[id] === 0) continue;
      const word = this.words[id] as string;
      if (word.length < query.length - 2 || word.length > query.length + 3) continue;
      if (bitCount(wanted & ~(this.masks[id] as number)) > allowed) continue;
      if (/\d/.test(word) !== withDigits) continue;
      ids.push(id);
    }
    if (ids.length === 0) return [];
    const fuse = new Fuse(
      ids.map((id) => this.words[id] as string),
      { includeScore: true, ignoreLocation: true, threshold: LOOSE_THRESHOLD },
    );
    const matches: WordMatch[] = [];
    for (const found of fuse.search(query)) {
      const id = ids[found.refIndex] as number;
      matches.push({
        wordId: id,
        cost: MATCH_COST.loose + 0.1 * (found.score ?? LOOSE_THRESHOLD),
        start: 0,
        end: (this.words[id] as string).length,
      });
    }
    return matches;
  }

  /** Ids of the words starting with this char code, ascending (kept up to date as words are added). */
  private wordsStartingWith(code: number): readonly number[] {
    for (let id = this.byFirstCovers; id < this.words.length; id++) {
      const first = (this.words[id] as string).charCodeAt(0);
      const list = this.byFirst.get(first);
      if (list === undefined) this.byFirst.set(first, [id]);
      else list.push(id);
    }
    this.byFirstCovers = this.words.length;
    return this.byFirst.get(code) ?? [];
  }

  private idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.masks = grownInt32(this.masks, id + 1);
      this.counts = grownInt32(this.counts, id + 1);
      this.masks[id] = letterMask(word);
      if (id >= this.lengths.length) {
        const lengths = new Uint8Array(Math.max(id + 1, this.lengths.length * 2, 1024));
        lengths.set(this.lengths);
        this.lengths = lengths;
      }
      this.lengths[id] = Math.min(255, word.length);
    }
    return id;
  }

  private totalPostings(): number {
    let total = 0;
    for (let id = 0; id < this.words.length; id++) total += this.counts[id] as number;
    return total;
  }

  private removeFromBlock(id: number, ordinal: number): boolean {
    if (id >= this.compacted) return false;
    const start = this.offsets[id] as number;
    const last = start + (this.live[id] as number) - 1;
    for (let p = last; p >= start; p--) {
      if (this.blockDocuments[p] !== ordinal) continue;
      // Posting order does not matter, so the last entry fills the hole.
      this.blockDocuments[p] = this.blockDocuments[last] as number;
      this.blockFields[p] = this.blockFields[last] as number;
      this.live[id] = (this.live[id] as number) - 1;
      return true;
    }
    return false;
  }

  private removeFromExtra(id: number, ordinal: number): boolean {
    const list = this.extra.get(id);
    if (list === undefined) return false;
    const at = list.documents.lastIndexOf(ordinal);
    if (at < 0) return false;
    const last = list.documents.length - 1;
    list.documents[at] = list.documents[last] as number;
    list.fields[at] = list.fields[last] as number;
    list.documents.pop();
    list.fields.pop();
    this.extraPostings--;
    return true;
  }
}
