/**
 * Search benchmark: Carnet's index beside MiniSearch, FlexSearch and Fuse on the same
 * documents, queries and page, in one run. Per corpus and size: build time, index
 * memory (CDP heap after GC, with the index alive minus without), per-keystroke
 * median and p95 over 30 queries typed letter by letter, and quality (planted
 * documents found at rank 1, class precision in the first 10). Bench code only.
 */
import type { HealthDocument } from '@carnet/catalog-sdk';
import { buildDocumentIndex } from '@carnet/catalog-sdk';
import { CLASS_QUERIES, TYPED_QUERIES, corpus, plant } from './corpus.js';
import type { Engine } from './engines.js';
import { carnet, flexSearch, fuse, miniSearch } from './engines.js';
import { percentile } from './stats.js';

type BenchWindow = Window & { __carnetHeapUsage?: () => Promise<number> };

async function heap(): Promise<number> {
  const page = window as BenchWindow;
  if (page.__carnetHeapUsage) return page.__carnetHeapUsage();
  return Number.NaN;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const round = (value: number): number => Math.round(value * 100) / 100;

function keystrokes(query: string): string[] {
  return Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));
}

/** Figures of one engine on one corpus. */
export type EngineFigures = {
  buildMs: number;
  indexMB: number;
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Work after the list is painted (Carnet: the facets), per keystroke, when the engine has any. */
  afterPaintMedianMs?: number;
  afterPaintP95Ms?: number;
  /** The keystroke with the number of matching documents too (`Engine.counted`), when it differs. */
  countedMedianMs?: number;
  countedP95Ms?: number;
  plantedAtRank1: number;
  planted: number;
  missedPlanted: string[];
  /** Mean share of the first 10 results of the class the query names. */
  classPrecisionAt10: number;
};

/** Options of one corpus run. */
export interface CorpusRunOptions {
  size: number;
  growing: boolean;
  /** Typed keystrokes timed for Fuse (it takes about a second each at 100k); all by default. */
  fuseKeystrokes?: number;
  /** Leaves Fuse out. */
  skipFuse?: boolean;
}

async function measureEngine(
  engine: Engine,
  documents: HealthDocument[],
  planted: { query: string; document: HealthDocument }[],
  maxKeystrokes: number,
): Promise<EngineFigures> {
  await nextTask();
  const before = await heap();
  const began = performance.now();
  await engine.build(documents);
  const buildMs = performance.now() - began;
  const after = await heap();
  const samples: number[] = [];
  const afterPaint: number[] = [];
  const counted: number[] = [];
  let sink = 0;
  /**
   * Times `keystroke` on the typed queries, letter by letter (after an untimed warm-up for the JIT), into
   * `times`; `after`, when given, runs after each keystroke and is timed into `afterTimes`.
   */
  const timeKeystrokes = async (
    keystroke: (typed: string) => number,
    times: number[],
    after?: { run: (typed: string) => number; times: number[] },
  ): Promise<void> => {
    keystroke('ordo');
    keystroke('ordonnance');
    outer: for (const query of TYPED_QUERIES) {
      for (const typed of keystrokes(query)) {
        if (times.length >= maxKeystrokes) break outer;
        const start = performance.now();
        sink += keystroke(typed);
        times.push(performance.now() - start);
        if (after) {
          const painted = performance.now();
          sink += after.run(typed);
          after.times.push(performance.now() - painted);
        }
      }
      // The patient pauses between searches: the engine starts the next query afresh.
      engine.keystroke('');
      await nextTask();
    }
  };
  await timeKeystrokes(
    (typed) => engine.keystroke(typed),
    samples,
    engine.afterPaint ? { run: (typed) => engine.afterPaint?.(typed) ?? 0, times: afterPaint } : undefined,
  );
  // The same keystrokes counting the matches too, in a pass of their own (fetching every id between two
  // keystrokes would slow the next one down).
  if (engine.counted) await timeKeystrokes((typed) => engine.counted?.(typed) ?? 0, counted);
  let plantedAtRank1 = 0;
  const missedPlanted: string[] = [];
  for (const { query, document } of planted) {
    if (engine.top(query, 1)[0] === document.id) plantedAtRank1++;
    else missedPlanted.push(query);
  }
  const byId = new Map(documents.map((document) => [document.id, document]));
  let precision = 0;
  for (const { query, kind } of CLASS_QUERIES) {
    const top = engine.top(query, 10);
    precision += top.filter((id) => byId.get(id)?.kind === kind).length / 10;
  }
  engine.dispose();
  if (sink < 0) throw new Error('unreachable');
  return {
    buildMs: round(buildMs),
    indexMB: round((after - before) / 1_048_576),
    keystrokes: samples.length,
    medianMs: percentile(samples, 0.5),
    p95Ms: percentile(samples, 0.95),
    maxMs: percentile(samples, 1),
    ...(afterPaint.length > 0
      ? { afterPaintMedianMs: percentile(afterPaint, 0.5), afterPaintP95Ms: percentile(afterPaint, 0.95) }
      : {}),
    ...(counted.length > 0
      ? { countedMedianMs: percentile(counted, 0.5), countedP95Ms: percentile(counted, 0.95) }
      : {}),
    plantedAtRank1,
    planted: planted.length,
    missedPlanted,
    classPrecisionAt10: round(precision / CLASS_QUERIES.length),
  };
}

/**
 * The build in slices, as the document browser runs it after the first paint:
 * every animation frame during the build, a keystroke is answered over the
 * documents indexed so far. Reports the longest gap between frames (how long input
 * and paint could wait) and the time of those answers.
 */
async function measureSlicedBuild(documents: HealthDocument[]): Promise<Record<string, number>> {
  await nextTask();
  const newestFirst = [...documents].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const began = performance.now();
  const build = buildDocumentIndex(newestFirst);
  const gaps: number[] = [];
  const answers: number[] = [];
  let last = performance.now();
  let finished = false;
  void build.done.then(() => {
    finished = true;
  });
  const queries = ['o', 'or', 'ord', 'ordo', 'ordon', 'irm', 'dialyse'];
  while (!finished) {
    const frame = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    gaps.push(frame - last);
    last = frame;
    if (finished) break;
    const start = performance.now();
    const result = build.index.search(queries[answers.length % queries.length] as string);
    for (let i = 0; i < Math.min(VISIBLE, result.total); i++) void result.hits[i]?.matches;
    void result.facets;
    answers.push(performance.now() - start);
  }
  return {
    buildMs: round(performance.now() - began),
    frames: gaps.length,
    longestFrameGapMs: percentile(gaps, 1),
    medianFrameGapMs: percentile(gaps, 0.5),
    keystrokesDuringBuild: answers.length,
    keystrokeDuringBuildMedianMs: percentile(answers, 0.5),
    keystrokeDuringBuildMaxMs: percentile(answers, 1),
  };
}

const VISIBLE = 30;

/** Runs every engine on one corpus. */
export async function runCorpus(options: CorpusRunOptions): Promise<Record<string, unknown>> {
  const documents = corpus(options.size, options.growing);
  const planted = plant(documents);
  const engines = [carnet(), flexSearch(), miniSearch()];
  if (!options.skipFuse) engines.push(fuse());
  const result: Record<string, unknown> = {
    documents: documents.length,
    corpus: options.growing ? 'growing vocabulary (reference numbers, free text)' : 'demo generator',
  };
  try {
    result['Carnet, build in slices'] = await measureSlicedBuild(documents);
  } catch (error) {
    result['Carnet, build in slices'] = { error: String(error) };
  }
  for (const engine of engines) {
    const max = engine.name.startsWith('Fuse') ? (options.fuseKeystrokes ?? Infinity) : Infinity;
    try {
      result[engine.name] = await measureEngine(engine, documents, planted, max);
    } catch (error) {
      result[engine.name] = { error: String(error) };
    }
  }
  return result;
}
