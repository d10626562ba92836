/**
 * Page of `node bench/search/sliced-build.mjs`: the index built in slices alone, in two runs per
 * collection. Steps: the build with nothing else to do but a message task between every two slices
 * (message tasks run in order, so the gap between two of them is one step of the build). Frames: a
 * search at every animation frame during the build, as `run-search.ts` measures it (longest gap between
 * frames, time to answer). Bench code only.
 */
import type { HealthDocument } from '@carnet/catalog-sdk';
import { buildDocumentIndex } from '@carnet/catalog-sdk';
import { yieldToPage } from '../../packages/catalog-sdk/src/search/yield-to-page.js';
import { corpus } from './corpus.js';
import { percentile as percentileOf } from './stats.js';

/** To a tenth of a millisecond. */
const percentile = (values: readonly number[], fraction: number): number => percentileOf(values, fraction, 0.1);

async function steps(documents: HealthDocument[]): Promise<Record<string, number | string>> {
  const began = performance.now();
  const build = buildDocumentIndex(documents);
  let finished = false;
  void build.done.then(() => {
    finished = true;
  });
  let last = performance.now();
  const gaps = [last - began];
  const long: string[] = [];
  while (!finished) {
    await yieldToPage();
    const now = performance.now();
    gaps.push(now - last);
    if (now - last > 25) long.push(`${Math.round(now - last)} ms at ${build.index.size}`);
    last = now;
  }
  return {
    buildMs: Math.round(performance.now() - began),
    steps: gaps.length,
    longestStepMs: percentile(gaps, 1),
    p99StepMs: percentile(gaps, 0.99),
    stepsOver25Ms: long.join(', '),
  };
}

async function frames(documents: HealthDocument[]): Promise<Record<string, number | string>> {
  const began = performance.now();
  const build = buildDocumentIndex(documents);
  let finished = false;
  void build.done.then(() => {
    finished = true;
  });
  const queries = ['o', 'or', 'ord', 'ordo', 'ordon', 'irm', 'dialyse'];
  const gaps: number[] = [];
  const answers: number[] = [];
  const slow: string[] = [];
  let last = performance.now();
  while (!finished) {
    const frame = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    gaps.push(frame - last);
    last = frame;
    if (finished) break;
    const query = queries[answers.length % queries.length] as string;
    const start = performance.now();
    const result = build.index.search(query);
    for (let i = 0; i < Math.min(30, result.total); i++) void result.hits[i]?.matches;
    void result.facets;
    const took = performance.now() - start;
    answers.push(took);
    if (took > 20) slow.push(`« ${query} » ${Math.round(took)} ms at ${build.index.size}`);
  }
  return {
    buildMs: Math.round(performance.now() - began),
    frames: gaps.length,
    longestFrameGapMs: percentile(gaps, 1),
    medianFrameGapMs: percentile(gaps, 0.5),
    keystrokeMedianMs: percentile(answers, 0.5),
    keystrokeP95Ms: percentile(answers, 0.95),
    keystrokeMaxMs: percentile(answers, 1),
    keystrokesOver20Ms: slow.join(', '),
  };
}

/** Both runs over one collection, given newest first as the document browser does. */
async function run(size: number, growing: boolean): Promise<Record<string, unknown>> {
  const documents = corpus(size, growing).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  await yieldToPage();
  const alone = await steps(documents);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const searched = await frames(documents);
  return { documents: size, corpus: growing ? 'growing vocabulary' : 'demo generator', steps: alone, frames: searched };
}

(window as Window & { slicedBuild?: typeof run }).slicedBuild = run;
