/**
 * Benchmark of the document search index against plain Fuse over the raw
 * documents. Not a test: `npm run bench` runs it in real Chromium and records the
 * numbers in `docs/performance.md`.
 */
import Fuse from 'fuse.js';
import type { HealthDocument } from '../src/model/document.js';
import { createDocumentIndex } from '../src/search/index.js';

/** Timing summary of one engine, in milliseconds per keystroke. */
export interface KeystrokeTimings {
  medianMs: number;
  p95Ms: number;
}

/**
 * What {@link runSearchBench} measured. A type alias, not an interface, so it
 * stays assignable to the bench page's `Record<string, unknown>`.
 */
export type SearchBenchResult = {
  /** Time to build our index, in milliseconds. */
  build: number;
  /** Our index, keystroke to result (including highlights of the first visible rows). */
  ours: KeystrokeTimings;
  /** Plain Fuse over the raw documents with five keys. */
  plainFuse: KeystrokeTimings;
  /** Plain Fuse's median divided by ours (how many times faster we are). */
  ratio: number;
};

/** Rows a document browser shows at once, whose highlights are computed per keystroke. */
const VISIBLE_ROWS = 30;

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] as number;
}

function summarise(samples: number[]): KeystrokeTimings {
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) };
}

/** Lets the browser breathe (paint, GC) between queries, as between a patient's searches. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Every prefix of a query, as typed one character at a time. */
function keystrokes(query: string): string[] {
  return Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));
}

/**
 * Simulates typing each query character by character; every keystroke is one
 * timed search, with our index and with plain Fuse over the raw objects.
 */
export async function runSearchBench(docs: HealthDocument[], queries: string[]): Promise<SearchBenchResult> {
  const buildStart = performance.now();
  const index = createDocumentIndex(docs);
  const build = performance.now() - buildStart;

  const oursSamples: number[] = [];
  for (const query of queries) {
    for (const typed of keystrokes(query)) {
      const start = performance.now();
      const result = index.search(typed);
      // A browser highlights the rows it shows, so that cost belongs to the keystroke.
      for (const hit of result.hits.slice(0, VISIBLE_ROWS)) void hit.matches;
      oursSamples.push(performance.now() - start);
    }
    await nextTask();
  }

  const fuse = new Fuse(docs, {
    keys: ['title', 'author', 'organisation', 'tags', 'description'],
    includeMatches: true,
    threshold: 0.4,
    ignoreLocation: true,
  });
  const fuseSamples: number[] = [];
  for (const query of queries) {
    for (const typed of keystrokes(query)) {
      const start = performance.now();
      fuse.search(typed);
      fuseSamples.push(performance.now() - start);
    }
    await nextTask();
  }

  const ours = summarise(oursSamples);
  const plainFuse = summarise(fuseSamples);
  return { build, ours, plainFuse, ratio: ours.medianMs > 0 ? plainFuse.medianMs / ours.medianMs : Infinity };
}
