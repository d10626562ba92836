/**
 * The inverted index: every distinct folded word of the documents, with the
 * documents (and fields) it appears in. Query words are matched against the
 * distinct words — a few thousand — never against the documents themselves.
 */
import Fuse from 'fuse.js';
import { typoBudget, typoDistance } from './typo-distance.js';

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

/** Vocabulary words of one length searched together by the loose pass. */
interface LooseGroup {
  /** Word ids, parallel to the Fuse collection. */
  readonly ids: readonly number[];
  readonly fuse: Fuse<string>;
}

/** Distinct folded words and their postings (document ordinal + field mask). */
export class WordIndex {
  private readonly ids = new Map<string, number>();
  /** Folded text of each word id. */
  readonly words: string[] = [];
  /** Document ordinals per word id. */
  readonly postingDocuments: number[][] = [];
  /** Field masks parallel to {@link postingDocuments}. */
  readonly postingFields: number[][] = [];
  /** Fuse collections for the loose pass, by word length and digits; built on first need. */
  private readonly looseGroups = new Map<number, LooseGroup>();

  /** Records that document `ordinal` contains these words (word → field mask). */
  add(ordinal: number, words: ReadonlyMap<string, number>): void {
    for (const [word, mask] of words) {
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.ids.set(word, id);
        this.words.push(word);
        this.postingDocuments.push([]);
        this.postingFields.push([]);
        this.looseGroups.clear();
      }
      (this.postingDocuments[id] as number[]).push(ordinal);
      (this.postingFields[id] as number[]).push(mask);
    }
  }

  /** Forgets that document `ordinal` contains these words. */
  delete(ordinal: number, words: ReadonlyMap<string, number>): void {
    for (const word of words.keys()) {
      const id = this.ids.get(word);
      if (id === undefined) continue;
      const documents = this.postingDocuments[id] as number[];
      const fields = this.postingFields[id] as number[];
      const at = documents.lastIndexOf(ordinal);
      if (at < 0) continue;
      // Posting order does not matter, so the last entry fills the hole.
      const last = documents.length - 1;
      documents[at] = documents[last] as number;
      fields[at] = fields[last] as number;
      documents.pop();
      fields.pop();
    }
  }

  /**
   * Vocabulary words matching a folded query word: exact, prefix, inner
   * (4+ letters), typos within the budget (and, for a word of 5+ letters being
   * typed, typos in a prefix). When none of these match, a loose Fuse pass over the
   * vocabulary catches heavier misspellings of long words.
   * `within` restricts the scan to the matches of a shorter version of the same word.
   */
  match(query: string, beingTyped: boolean, within?: readonly WordMatch[]): WordMatches {
    const matches: WordMatch[] = [];
    const budget = typoBudget(query.length);
    const innerAllowed = query.length >= 4;
    const consider = (id: number): void => {
      if ((this.postingDocuments[id] as number[]).length === 0) return;
      const word = this.words[id] as string;
      if (word.length >= query.length && word.startsWith(query)) {
        const cost =
          word.length === query.length ? MATCH_COST.exact : MATCH_COST.prefix + 0.05 * (1 - query.length / word.length);
        matches.push({ wordId: id, cost, start: 0, end: query.length });
        return;
      }
      if (innerAllowed) {
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
    if (within === undefined) {
      for (let id = 0; id < this.words.length; id++) consider(id);
    } else {
      for (const previous of within) consider(previous.wordId);
    }
    if (matches.length > 0 || query.length < 5) return { matches, loose: false };
    return { matches: this.looseMatch(query), loose: true };
  }

  /**
   * Fuse (Bitap) over the vocabulary words of a similar length and of the same
   * sort (with or without digits): shorter or longer words would only match as
   * fragments, and grouping keeps each Fuse collection small.
   */
  private looseMatch(query: string): WordMatch[] {
    const withDigits = /\d/.test(query);
    const matches: WordMatch[] = [];
    for (let length = Math.max(1, query.length - 2); length <= query.length + 3; length++) {
      const group = this.looseGroup(length, withDigits);
      for (const found of group.fuse.search(query)) {
        const id = group.ids[found.refIndex] as number;
        if ((this.postingDocuments[id] as number[]).length === 0) continue;
        matches.push({
          wordId: id,
          cost: MATCH_COST.loose + 0.1 * (found.score ?? LOOSE_THRESHOLD),
          start: 0,
          end: length,
        });
      }
    }
    return matches;
  }

  private looseGroup(length: number, withDigits: boolean): LooseGroup {
    const key = length * 2 + (withDigits ? 1 : 0);
    let group = this.looseGroups.get(key);
    if (group === undefined) {
      const ids: number[] = [];
      this.words.forEach((word, id) => {
        if (word.length === length && /\d/.test(word) === withDigits) ids.push(id);
      });
      const fuse = new Fuse(
        ids.map((id) => this.words[id] as string),
        { includeScore: true, ignoreLocation: true, threshold: LOOSE_THRESHOLD },
      );
      group = { ids, fuse };
      this.looseGroups.set(key, group);
    }
    return group;
  }
}
