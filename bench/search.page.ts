import { runCorpus } from './search/run-search.js';

/** `?quick`: 10,000 documents only (the runner's `--quick`). */
const quick = new URLSearchParams(location.search).has('quick');
const sizes = quick ? [10_000] : [10_000, 100_000];

export default sizes.flatMap((size) =>
  [false, true].map((growing) => ({
    name: `search: ${size.toLocaleString('en')} documents, ${growing ? 'growing vocabulary' : 'demo generator'}`,
    run: async () =>
      // Fuse needs seconds per keystroke at 100,000 documents: it is measured at 10,000 only.
      runCorpus({ size, growing, fuseKeystrokes: 60, skipFuse: size > 20_000 }),
  })),
);
