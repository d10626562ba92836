import { runCorpus } from './search/run-search.js';

/** `?quick`: 10,000 documents only (the runner's `--quick`). */
const quick = new URLSearchParams(location.search).has('quick');
const sizes = quick ? [10_000] : [10_000, 100_000];

export default sizes.flatMap((size) =>
  [false, true].map((growing) => ({
    name: `search: ${size.toLocaleString('en')} documents, ${growing ? 'growing vocabulary' : 'demo generator'}`,
    run: async () => runCorpus({ size, growing, fuseKeystrokes: size > 20_000 ? 20 : 60 }),
  })),
);
