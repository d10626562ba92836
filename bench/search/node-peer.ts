/**
 * Node CPU time per keystroke of FlexSearch 0.8 as the browser bench configures it (limit 30) — and of the
 * same keystroke counting the matches too, as Carnet shows their number — on the
 * same corpora and typed queries as `node-ab.ts`, to set Carnet's Node figures beside it (bench code only):
 *   node --conditions=development --import tsx bench/search/node-peer.ts [size] [growing] [rounds]
 */
import { TYPED_QUERIES, corpus, plant } from './corpus.js';
import { flexSearch } from './engines.js';
import { cpuMs, percentile } from './stats.js';

const size = Number(process.argv[2] ?? 100_000);
const growing = process.argv[3] === 'growing';
const rounds = Number(process.argv[4] ?? 3);
const documents = corpus(size, growing);
plant(documents);
const engine = flexSearch();
const began = performance.now();
engine.build(documents);
const buildMs = performance.now() - began;
const samples: number[] = [];
/** The same keystroke counting the matches too (`Engine.counted`), as Carnet's shows their number. */
const counted: number[] = [];
let sink = 0;
for (let round = 0; round < rounds; round++) {
  for (const query of TYPED_QUERIES) {
    for (let i = 1; i <= query.length; i++) {
      const start = cpuMs();
      sink += engine.keystroke(query.slice(0, i));
      if (round > 0) samples.push(cpuMs() - start);
    }
  }
}
// Counting in a pass of its own: fetching every id between two keystrokes would slow the next one down.
for (let round = 0; round < rounds && engine.counted; round++) {
  for (const query of TYPED_QUERIES) {
    for (let i = 1; i <= query.length; i++) {
      const start = cpuMs();
      sink += engine.counted(query.slice(0, i));
      if (round > 0) counted.push(cpuMs() - start);
    }
  }
}
const pct = (f: number, values = samples): number => percentile(values, f);
process.stdout.write(
  JSON.stringify({
    engine: engine.name,
    size,
    growing,
    buildMs: Math.round(buildMs),
    keystrokes: samples.length,
    median: pct(0.5),
    p95: pct(0.95),
    ...(engine.counted ? { countedMedian: pct(0.5, counted), countedP95: pct(0.95, counted) } : {}),
    sink: sink > 0,
  }) + '\n',
);
