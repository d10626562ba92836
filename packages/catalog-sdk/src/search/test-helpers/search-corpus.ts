/**
 * The search benchmark's queries and « growing vocabulary » corpus, shared by the bench
 * (`bench/search/corpus.ts`) and the tests that compare a fast path with the full one on
 * the same documents. Everything is seeded: the same call gives the same documents.
 */
import { generateDocuments } from '../../demo-data/index.js';
import type { HealthDocument } from '../../model/document.js';
import { seededRandom } from './synthetic-record.js';

/** 30 French queries as a patient types them (accents left out, some misspelt). */
export const TYPED_QUERIES: readonly string[] = [
  'ordonnance',
  'resultat hba1c',
  'irm',
  'neurologue',
  'dialyse',
  'vaccin grippe',
  'ordonance',
  'hemoglobine glyquee',
  'compte rendu hospitalisation',
  'fond d oeil',
  'kinesitherapie',
  'levodopa',
  'creatinine',
  'echographie renale',
  'bilan sanguin',
  'dr martin',
  'chu bordeaux',
  'consultation diabetologue',
  'potassium',
  'radiographie thoracique',
  'insuline',
  'tension arterielle',
  'scanner',
  'lettre adressage',
  'glycemie',
  'neurolgue',
  'fistule',
  'parkinson',
  'analyses',
  'cardiologue',
];

/** The syllables the growing lexicon's words are written in. */
const SYLLABLES: readonly string[] = [
  'ba',
  'ri',
  'to',
  'mel',
  'san',
  'ju',
  'ver',
  'clo',
  'pa',
  'di',
  'nor',
  'fe',
  'li',
  'gu',
  'ost',
  'ra',
];

/** The word of a lexicon rank, written in syllables (rank 0 → « ri »). */
export function lexiconWord(rank: number): string {
  let n = rank + 1;
  let text = '';
  while (n > 0) {
    text += SYLLABLES[n % SYLLABLES.length] as string;
    n = Math.floor(n / SYLLABLES.length);
  }
  return text;
}

/**
 * The demo generator's documents (seed 7) with, in each description, a unique reference number
 * (`REF-…`) and eight words of a Zipf-distributed lexicon that grows with the collection, so the
 * vocabulary grows with the number of documents, as with real free text.
 */
export function growingCorpus(count: number): HealthDocument[] {
  const random = seededRandom(17);
  const lexiconSize = Math.round(count * 1.5);
  return generateDocuments(count, { seed: 7 }).map((document, index) => {
    const words: string[] = [];
    // Zipf-like: rank = lexicon^u - 1 favours small ranks.
    for (let i = 0; i < 8; i++) words.push(lexiconWord(Math.floor(Math.pow(lexiconSize, random())) - 1));
    const reference = `REF-${(100_000 + index * 7919) % 10_000_000}-${Math.floor(random() * 90 + 10)}`;
    return { ...document, description: `${document.description ?? ''} ${reference} ${words.join(' ')}`.trim() };
  });
}
