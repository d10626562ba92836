/**
 * The ranked path of a keystroke (first rows merged from per-word ranked postings, total counted
 * without keys, first letters kept until a change, two-word first rows walked from one word's ranked
 * postings with a bound, highlight spans looked up by word, highlights folded in place) against the full path it replaced (`createFullPathIndex`: every
 * match keyed and heap-selected, spans listed in a map, every text folded with a position map).
 * The vocabulary scan's shortcuts are checked against the previous release by
 * `bench/search/node-ab.ts` on the 100,000-document corpora.
 */
import { expect } from '@open-wc/testing';
import { generateDocuments } from '../demo-data/index.js';
import type { HealthDocument } from '../model/document.js';
import { createDocumentIndex, createFullPathIndex } from './document-index.js';
import { TextWordsCache, rangesByFolding, rangesInText } from './document-highlights.js';
import type { WordSpans } from './document-highlights.js';
import type { DocumentHit, DocumentIndex, DocumentSearchResult } from './types.js';
import { growingCorpus, TYPED_QUERIES as BENCH_QUERIES } from './test-helpers/search-corpus.js';

/** The search benchmark's 30 typed queries, and typos of its planted documents, typed letter by letter below. */
const TYPED_QUERIES = [
  ...BENCH_QUERIES,
  // Typos and loose matches of the bench's planted documents.
  'scintigrafie',
  'polysomnografie',
  'osteodensitometire',
  'electroencefalogramme',
];

/** Everything a reader of a result can see: first 100 hits with scores and highlights, a later page, total, facets. */
function summary(result: DocumentSearchResult): string {
  const hit = (place: number): unknown => {
    const found = result.hits[place];
    return found === undefined ? null : [found.document.id, found.score, found.matches];
  };
  const first = Array.from({ length: Math.min(100, result.total) }, (_, place) => hit(place));
  const later = Array.from({ length: Math.min(20, Math.max(0, result.total - 100)) }, (_, place) => hit(100 + place));
  return JSON.stringify([result.total, result.hits.length, first, later, result.facets]);
}

/** Types every query letter by letter into both indexes; returns the keystrokes whose results differ. */
function differences(ranked: DocumentIndex, full: DocumentIndex, queries: readonly string[]): string[] {
  const differ: string[] = [];
  for (const query of queries) {
    for (let length = 1; length <= query.length; length++) {
      const typed = query.slice(0, length);
      if (summary(ranked.search(typed)) !== summary(full.search(typed))) differ.push(typed);
    }
    // Finished words (no longer being typed) take the other matching rules.
    if (summary(ranked.search(`${query} `)) !== summary(full.search(`${query} `))) differ.push(`${query} `);
  }
  return differ;
}

/**
 * Two-word queries of every shape: a first word with few or many documents, a second word of one letter
 * (thousands of vocabulary words) or a whole word, typos and loose matches, both finished and being typed.
 */
const PAIRS = [
  'dr m',
  'dr ma',
  'compte r',
  'bilan s',
  'c bordeaux',
  'o c',
  'r d',
  'resultat h',
  'hopital s',
  'consultation d',
  'analyses sang',
  'vaccin grippe ',
  'scintigrafie myocardique',
  'ordonance levodopa',
  'neurolgue consultation ',
  'polysomnografie apnees',
  'zzz a',
  'a zzz',
  'irm ref',
  'chu b',
];

for (const [name, generate] of [
  ['demo generator', () => generateDocuments(6_000, { seed: 7 })],
  ['growing vocabulary', () => growingCorpus(6_000)],
] as const) {
  describe(`ranked first rows give the full path's results (${name}, 6,000 documents)`, function () {
    this.timeout(120_000);
    let documents: readonly HealthDocument[];
    // Generated before the tests, within their time limit (not when the file loads).
    before(() => {
      documents = generate();
    });

    it('on every keystroke of the bench queries: same hits, scores, highlights, total and facets', () => {
      const ranked = createDocumentIndex([...documents]);
      const full = createFullPathIndex([...documents]);
      expect(differences(ranked, full, TYPED_QUERIES)).to.deep.equal([]);
    });

    it('on two-word queries of every shape, and first letters asked again later', () => {
      const ranked = createDocumentIndex([...documents]);
      const full = createFullPathIndex([...documents]);
      const differ: string[] = [];
      for (const query of PAIRS) {
        if (summary(ranked.search(query)) !== summary(full.search(query))) differ.push(query);
        // The other word typed first: the other word's costs kept, the walk on the other side.
        const swapped = query.trim().split(' ').reverse().join(' ');
        if (summary(ranked.search(swapped)) !== summary(full.search(swapped))) differ.push(swapped);
      }
      // One letter again after more than the word cache holds: from the letters kept.
      for (const letter of ['o', 'c', 'd', 'r', 'z', 'c ', 'o']) {
        if (summary(ranked.search(letter)) !== summary(full.search(letter))) differ.push(letter);
      }
      expect(differ).to.deep.equal([]);
    });

    it('results read after other searches: the same rows, highlights, later page and facets', () => {
      const ranked = createDocumentIndex([...documents]);
      const full = createFullPathIndex([...documents]);
      const queries = ['d', 'dr m', 'bilan s', 'o c', 'c bordeaux', 'r', 'resultat h'];
      // Results made first, read (hits, highlights, facets) only after every other search.
      const early = [queries.map((query) => ranked.search(query)), queries.map((query) => full.search(query))] as const;
      for (const query of [...PAIRS, 'o', 'c', 'a']) {
        ranked.search(query);
        full.search(query);
      }
      expect(early[0].map(summary)).to.deep.equal(early[1].map(summary));
    });

    it('after updates and removals (re-sorted words, postings outside the compact block, a new date order)', () => {
      const ranked = createDocumentIndex([...documents]);
      const full = createFullPathIndex([...documents]);
      const queries = ['ordonnance', 'irm', 'neurologue', 'bilan sanguin', 'dr martin', 'vaccin g'];
      expect(differences(ranked, full, queries)).to.deep.equal([]);
      const topOf = (query: string): HealthDocument => (ranked.search(query).hits[0] as DocumentHit).document;
      // A tag on the first hit (same date): its words leave the compact block for small lists.
      const tagged = topOf('ordonnance');
      for (const index of [ranked, full]) index.update({ ...tagged, tags: [...tagged.tags, 'neurologue'] });
      expect(differences(ranked, full, queries)).to.deep.equal([]);
      expect(topOf('ordonnance').id).to.equal(tagged.id);
      // A removed first hit: the ranked lists of its words are re-sorted without it.
      const removed = topOf('irm');
      for (const index of [ranked, full]) index.remove(removed.id);
      expect(differences(ranked, full, queries)).to.deep.equal([]);
      // A new date for the first hit: the date order changes under every ranked list.
      const redated = topOf('bilan sanguin');
      for (const index of [ranked, full]) index.update({ ...redated, date: '2001-01-01T08:00:00.000Z' });
      expect(differences(ranked, full, queries)).to.deep.equal([]);
    });
  });
}

/** Spans of folded words, and texts to find them in: accents, ligatures, symbols, decomposed and astral text. */
const SPANS = new Map<string, (readonly [number, number])[]>([
  ['echographie', [[0, 4]]],
  ['coeur', [[0, 5]]],
  ['resultats', [[0, 9]]],
  ['d', [[0, 1]]],
  ['analyses', [[1, 4]]],
  ['irm', [[0, 3]]],
  ['strasse', [[0, 7]]],
  ['e', [[0, 1]]],
]);
const TEXTS = [
  'Échographie du cœur',
  'Résultats d’analyses — IRM',
  'ÉCHOGRAPHIE, résultats; irm!',
  'Straße 12 · Cœur',
  'Echographie e\u0301 analyses', // a combining accent in decomposed text
  'IRM 😀 analyses', // a character outside the BMP
  'ﬁn de l’échographie',
  '  ',
];

describe('highlights folded in place', () => {
  it('give the ranges of the letter-by-letter folding, accents, ligatures and symbols included', () => {
    for (const text of TEXTS) expect(rangesInText(text, SPANS), text).to.deep.equal(rangesByFolding(text, SPANS));
  });

  it('give the same ranges from words kept for the texts shown lately, kept or dropped, with a quick test or not', () => {
    // A quick test that lets through only the words starting with a letter the map knows: it must change nothing.
    const quick: WordSpans = {
      get: (word) => SPANS.get(word),
      mayMatch: (word) => [...SPANS.keys()].some((known) => known[0] === word[0]),
    };
    // Two texts per generation: the texts, read three times, are split, kept, dropped and split again.
    const cache = new TextWordsCache(2);
    for (let round = 0; round < 3; round++)
      for (const text of TEXTS) {
        expect(cache.ranges(text, SPANS), `${text} (round ${round})`).to.deep.equal(rangesByFolding(text, SPANS));
        expect(cache.ranges(text, quick), `${text} (round ${round}, quick test)`).to.deep.equal(
          rangesByFolding(text, SPANS),
        );
      }
    expect(cache.ranges(undefined, SPANS)).to.deep.equal([]);
    expect(cache.ranges('', SPANS)).to.deep.equal([]);
  });
});
