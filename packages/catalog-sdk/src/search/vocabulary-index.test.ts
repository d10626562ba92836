/**
 * The vocabulary index only narrows which words are compared: a query word matches exactly the same
 * vocabulary words, with the same costs and spans, as a comparison with every word (issue 17).
 */
import { expect } from '@open-wc/testing';
import { WordIndex } from './word-index.js';
import type { WordMatches } from './word-index.js';
import { lexiconWord } from './test-helpers/search-corpus.js';
import { seededRandom as seeded } from './test-helpers/synthetic-record.js';

const FRENCH = [
  'ordonnance',
  'ordonnances',
  'ordinateur',
  'coordonnees',
  'neurologue',
  'neurologie',
  'dialyse',
  'hemodialyse',
  'glycemie',
  'hypoglycemie',
  'creatinine',
  'echographie',
  'radiographie',
  'kinesitherapie',
  'parkinson',
  'levodopa',
  'potassium',
  'cardiologue',
  'analyses',
  'analyse',
  'bilan',
  'sanguin',
  'hba1c',
  'irm',
  'dr',
  'ab',
  'ostrava',
  'nordic',
];

/** A growing vocabulary as in the bench (Zipf ranks written in syllables), plus French words. */
function vocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>(FRENCH);
  while (words.size < size) {
    // A rank of 1 or more (a power of a number above 1).
    let text = lexiconWord(Math.floor(Math.pow(size * 1.5, random())) - 1);
    if (random() < 0.1) text += String(Math.floor(random() * 100));
    words.add(text);
  }
  return [...words];
}

/** Typed queries: prefixes of every length, and misspellings (each kind of edit, once or twice). */
function queries(words: readonly string[], random: () => number, count: number): string[] {
  const letters = 'abcdefgijlmnoprstuv';
  const edit = (word: string): string => {
    const at = Math.floor(random() * word.length);
    const letter = letters[Math.floor(random() * letters.length)] as string;
    switch (Math.floor(random() * 4)) {
      case 0:
        return word.slice(0, at) + word.slice(at + 1);
      case 1:
        return word.slice(0, at) + letter + word.slice(at);
      case 2:
        return word.slice(0, at) + letter + word.slice(at + 1);
      default:
        return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word;
    }
  };
  const result = new Set<string>([
    'ordo',
    'ordon',
    'ordonan',
    'ordonnan',
    'neurolgue',
    'rdon',
    'ologue',
    'alys',
    // Longer than any typo comparison (48 letters) and than the walk (64): compared with every word.
    FRENCH.join('').slice(0, 49),
    FRENCH.join('').slice(0, 70),
  ]);
  while (result.size < count) {
    const word = words[Math.floor(random() * words.length)] as string;
    let query = word;
    const kind = random();
    if (kind < 0.3) query = edit(word);
    else if (kind < 0.5) query = edit(edit(word));
    else if (kind < 0.7) query = word.slice(Math.floor(random() * 3), Math.floor(random() * word.length) + 4);
    if (random() < 0.5) query = query.slice(0, 4 + Math.floor(random() * 6));
    if (query.length >= 4) result.add(query);
  }
  return [...result];
}

function indexOf(words: readonly string[]): WordIndex {
  const index = new WordIndex();
  words.forEach((word, ordinal) => index.add(ordinal, new Map([[word, 1]]), true));
  index.compact();
  return index;
}

function matchesOf(index: WordIndex, query: string, beingTyped: boolean, scan: boolean): WordMatches {
  index.useVocabulary = !scan;
  try {
    return index.match(query, beingTyped);
  } finally {
    index.useVocabulary = true;
  }
}

describe('vocabulary index', function () {
  this.timeout(120_000);
  let words: string[];
  let index: WordIndex;
  let typed: string[];
  // Built before the tests, within their time limit (not when the file loads).
  before(() => {
    const random = seeded(2026);
    words = vocabulary(30_000, random);
    index = indexOf(words);
    typed = queries(words, random, 600);
  });

  it('matches exactly the words a comparison with every word matches (prefix, inner, typos)', () => {
    let matched = 0;
    for (const query of typed) {
      for (const beingTyped of [true, false]) {
        const expected = matchesOf(index, query, beingTyped, true);
        expect(matchesOf(index, query, beingTyped, false), `${query} ${String(beingTyped)}`).to.deep.equal(expected);
        matched += expected.matches.length;
      }
    }
    // The queries do reach every kind of match.
    expect(matched).to.be.greaterThan(typed.length);
  });

  it('matches a word of 1–3 letters by the same prefixes as a comparison with every word', () => {
    const short = new Set<string>([...'abcdefghijklmnopqrstuvwxyz0123456789é']);
    for (const word of words.slice(0, 400)) {
      short.add(word.slice(0, 2));
      short.add(word.slice(0, 3));
    }
    let matched = 0;
    for (const query of short) {
      for (const beingTyped of [true, false]) {
        const expected = matchesOf(index, query, beingTyped, true);
        expect(matchesOf(index, query, beingTyped, false), query).to.deep.equal(expected);
        matched += expected.matches.length;
      }
    }
    expect(matched).to.be.greaterThan(words.length);
  });

  it('finds every kind of match among the candidates', () => {
    const kinds = new Set<string>();
    for (const query of typed) {
      for (const match of matchesOf(index, query, true, false).matches) {
        const word = words[match.wordId] as string;
        kinds.add(
          match.start > 0
            ? 'inner'
            : word.startsWith(query)
              ? 'prefix'
              : match.end < word.length
                ? 'typo prefix'
                : 'typo',
        );
      }
    }
    expect([...kinds].sort()).to.deep.equal(['inner', 'prefix', 'typo', 'typo prefix']);
  });

  it('still finds the words added after it was built (rebuilt or not), and forgets removed ones', () => {
    const grown = indexOf(words);
    const known = new Set(words);
    // Enough new words that a compaction during the updates rebuilds the index; the later ones stay outside it.
    const more = vocabulary(40_000, seeded(7)).filter((word) => !known.has(word));
    expect(more.length).to.be.greaterThan(4096);
    more.forEach((word, i) => grown.add(words.length + i, new Map([[word, 1]])));
    grown.delete(0, new Map([[words[0] as string, 1]]));
    for (const query of [...typed.slice(0, 200), ...queries(more, seeded(8), 100), 'o', 'ba', 'ost', 'ri']) {
      for (const beingTyped of [true, false]) {
        expect(matchesOf(grown, query, beingTyped, false), query).to.deep.equal(
          matchesOf(grown, query, beingTyped, true),
        );
      }
    }
  });
});
