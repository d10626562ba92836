/**
 * A/B of two versions of Carnet's index in one Node process (bench code only), keystroke by
 * keystroke interleaved so that load on a shared machine hits both alike:
 *
 *   node --conditions=development --import tsx bench/search/node-ab.ts <old search/index.ts> [size] [growing] [rounds]
 *
 * `<old search/index.ts>` is `packages/catalog-sdk/src/search/index.ts` of an older checkout (e.g.
 * `git archive <commit> packages/catalog-sdk/src | tar -x -C node_modules/.baseline`). Per keystroke of the
 * bench's 30 typed queries it times, in process CPU time, what the document browser waits for before it
 * paints the list — `search()`, `total` and the 30 visible rows with their highlights; also by shape of
 * keystroke: the first letter, one word, two words, three (as typed) — and, separately,
 * the facets it reads after the paint. It also checks that both versions give the same results (first 100
 * hits with their scores and highlights, total, facets). `PROFILE=<file>` writes a V8 CPU profile of the
 * current version's keystrokes only (`ONLY=after` skips the old version's timing), sampled every
 * `PROFILE_INTERVAL_US` microseconds (default 1000; a keystroke takes a few hundred).
 */
import { pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';
import * as current from '../../packages/catalog-sdk/src/search/index.js';
import { TYPED_QUERIES, corpus, plant } from './corpus.js';
import { cpuMs, percentile } from './stats.js';

type Module = typeof current;
type Index = ReturnType<Module['createDocumentIndex']>;
const other = (await import(pathToFileURL(process.argv[2] as string).href)) as Module;
const size = Number(process.argv[3] ?? 100_000);
const growing = process.argv[4] === 'growing';
const rounds = Number(process.argv[5] ?? 3);
const onlyAfter = process.env.ONLY === 'after';
const documents = corpus(size, growing);
plant(documents);
const indexes: Index[] = [other.createDocumentIndex(documents), current.createDocumentIndex(documents)];
const VISIBLE = 30;
const list: number[][] = [[], []];
/** The list's times by shape of keystroke: the first letter, one word of 2+ letters, two words, three. */
const byShape = new Map<string, number[][]>();
const shapeOf = (typed: string): string => {
  const words = typed.trim().split(/\s+/);
  if (words.length > 2) return 'three words';
  if (words.length === 2) return 'two words';
  return typed.trim().length === 1 ? 'first letter' : 'one word';
};
const facets: number[][] = [[], []];
let sink = 0;

/** CPU time is per process; with one thread of JS and no other work in it, it is this keystroke's. */
const keystroke = (which: number, typed: string, record: boolean): void => {
  const index = indexes[which] as Index;
  const start = cpuMs();
  const result = index.search(typed);
  sink += result.total;
  const shown = Math.min(VISIBLE, result.total);
  for (let r = 0; r < shown; r++) sink += Object.keys(result.hits[r]?.matches ?? {}).length;
  const painted = cpuMs();
  sink += result.facets.kinds.length + result.facets.years.length + result.facets.authors.length;
  const end = cpuMs();
  if (record) {
    (list[which] as number[]).push(painted - start);
    const shape = byShape.get(shapeOf(typed)) ?? [[], []];
    byShape.set(shapeOf(typed), shape);
    (shape[which] as number[]).push(painted - start);
    (facets[which] as number[]).push(end - painted);
  }
};

const summary = (r: current.DocumentSearchResult): string =>
  JSON.stringify([r.total, r.hits.slice(0, 100).map((h) => [h.document.id, h.score, h.matches]), r.facets]);

let differ = 0;
const differences: string[] = [];
const session = process.env.PROFILE ? new (await import('node:inspector/promises')).Session() : undefined;
for (let round = 0; round < rounds; round++) {
  const record = round > 0;
  if (session && round === 1) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: Number(process.env.PROFILE_INTERVAL_US ?? 1000) });
    await session.post('Profiler.start');
  }
  let turn = 0;
  for (const query of TYPED_QUERIES) {
    for (let i = 1; i <= query.length; i++) {
      const typed = query.slice(0, i);
      if (onlyAfter) keystroke(1, typed, record);
      else {
        const first = turn++ % 2;
        keystroke(first, typed, record);
        keystroke(1 - first, typed, record);
      }
      if (round === 0 && !onlyAfter) {
        const a = summary((indexes[0] as Index).search(typed));
        const b = summary((indexes[1] as Index).search(typed));
        if (a !== b) {
          differ++;
          if (differences.length < 5) differences.push(typed);
        }
      }
    }
    (indexes[0] as Index).search('');
    (indexes[1] as Index).search('');
  }
}
if (session) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(process.env.PROFILE as string, JSON.stringify(profile));
}
const pct = percentile;
const figures = (which: number): Record<string, number> => ({
  listMedian: pct(list[which] as number[], 0.5),
  listP95: pct(list[which] as number[], 0.95),
  facetsMedian: pct(facets[which] as number[], 0.5),
  facetsP95: pct(facets[which] as number[], 0.95),
});
process.stdout.write(
  JSON.stringify({
    size,
    growing,
    keystrokes: (list[1] as number[]).length,
    differentResults: differ,
    differences,
    before: onlyAfter ? undefined : figures(0),
    after: figures(1),
    // List median / p95 by shape of keystroke, before → after.
    shapes: Object.fromEntries(
      [...byShape].map(([shape, times]) => [
        shape,
        `${(times[1] as number[]).length} keystrokes: ${
          onlyAfter ? '' : `${pct(times[0] as number[], 0.5)} / ${pct(times[0] as number[], 0.95)} → `
        }${pct(times[1] as number[], 0.5)} / ${pct(times[1] as number[], 0.95)} ms`,
      ]),
    ),
    sink: sink > 0,
  }) + '\n',
);
