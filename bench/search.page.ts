import { generateDocuments } from '@carnet/catalog-sdk/demo-data';
import { runSearchBench } from '../packages/catalog-sdk/bench/search.bench.js';

/** Queries typed character by character, as a patient would. */
export const SEARCH_QUERIES = [
  'ordonnance',
  'resultat hba1c',
  'irm',
  'neurologue',
  'dialyse',
  'vaccin grippe',
  'ordonance',
  'hemoglobine glyquee',
];

export default [
  {
    name: 'search index vs plain Fuse (10,000 documents)',
    run: async () => runSearchBench(generateDocuments(10_000, { seed: 7 }), SEARCH_QUERIES),
  },
];
