/**
 * Node CPU time of Carnet's list keystroke (search, total, 30 rows with highlights) by the length typed
 * and the number of query words, on the bench corpora (bench code only): where the median goes.
 *   node --conditions=development --import tsx bench/search/node-lengths.ts [size] [growing]
 */
import { createDocumentIndex } from '../../packages/catalog-sdk/src/search/index.js';
import { TYPED_QUERIES, corpus, plant } from './corpus.js';
import { cpuMs, percentile } from './stats.js';

const size = Number(process.argv[2] ?? 100_000);
const documents = corpus(size, process.argv[3] === 'growing');
plant(documents);
const index = createDocumentIndex(documents);
const byShape = new Map<string, number[]>();
const all: number[] = [];
let sink = 0;
for (let round = 0; round < 4; round++) {
  for (const query of TYPED_QUERIES) {
    for (let length = 1; length <= query.length; length++) {
      const typed = query.slice(0, length);
      const start = cpuMs();
      const result = index.search(typed);
      sink += result.total;
      for (let row = 0; row < Math.min(30, result.total); row++)
        sink += Object.keys(result.hits[row]?.matches ?? {}).length;
      const spent = cpuMs() - start;
      if (round === 0) continue;
      all.push(spent);
      const shape = `${typed.includes(' ') ? 'two+ words' : 'one word'}, ${length >= 9 ? '9+' : length} typed`;
      const samples = byShape.get(shape) ?? [];
      samples.push(spent);
      byShape.set(shape, samples);
    }
    index.search('');
  }
}
const median = (values: number[]): number => percentile(values, 0.5);
for (const [shape, samples] of [...byShape].sort())
  process.stdout.write(`${shape}: ${samples.length} keystrokes, median ${median(samples).toFixed(3)} ms\n`);
process.stdout.write(`all: ${all.length} keystrokes, median ${median(all).toFixed(3)} ms${sink < 0 ? '!' : ''}\n`);
