/**
 * Benchmarks of `<carnet-document-browser>` at 10,000 documents, imported by the
 * benchmark page (`bench/page.ts`, `npm run bench`) and run in real Chromium.
 * Not a test: it measures and asserts nothing.
 *
 * - first list paint after the data is ready (median of 5 fresh mounts);
 * - keystroke → updated list for queries typed character by character, once the search
 *   field is focused and a first search answered (the index is then built): `domMs`
 *   until the element has rendered the new rows, `frameMs` until the next
 *   animation frame after that (what the patient sees; includes waiting for vsync),
 *   `facetsMs` until the filter panel shows the counts of that answer (`aria-busy` gone);
 *   at 10,000 and at 100,000 documents;
 * - JS heap after load and after the search field is focused, so with the search index
 *   (after `gc()` when Chromium exposes it).
 */
import type { DataSource, HealthDocument } from '@carnet/catalog-sdk';
import { generateDocuments } from '@carnet/catalog-sdk/demo-data';
import { defineElement } from '../shared/define.js';
import { CarnetDocumentBrowser } from './document-browser.component.js';
import { createInMemoryDataSource } from './test-helpers/in-memory-source.js';
import type {} from './document-browser.js';

// Registered here rather than by a bare import: bundlers may drop a bare import of a
// module the package's `sideEffects` list does not name (it names the built files).
defineElement('carnet-document-browser', CarnetDocumentBrowser);

/** One benchmark, as the benchmark page expects it. */
interface Bench {
  name: string;
  run: () => Promise<Record<string, unknown>>;
}

const DOCUMENT_COUNT = 10_000;
const MOUNTS = 5;
const QUERIES = ['ordonnance', 'resultat hba1c', 'irm', 'neurologue', 'dialyse', 'vaccin grippe'];

/**
 * `__carnetHeapUsage` (optional, exposed by the runner through CDP: collect garbage,
 * then `Runtime.getHeapUsage`) is exact; `performance.memory` is a fallback that
 * headless Chromium may not refresh (it is bucketed and cached).
 */
type BenchWindow = Window & { gc?: () => void; __carnetHeapUsage?: () => Promise<number> };
type MemoryPerformance = Performance & { memory?: { usedJSHeapSize: number } };

async function usedHeap(page: BenchWindow): Promise<{ bytes: number; source: string }> {
  if (page.__carnetHeapUsage)
    return { bytes: await page.__carnetHeapUsage(), source: 'cdp Runtime.getHeapUsage after GC' };
  page.gc?.();
  await nextFrame();
  const memory = (performance as MemoryPerformance).memory;
  return {
    bytes: memory?.usedJSHeapSize ?? Number.NaN,
    source: 'performance.memory (may be stale in headless Chromium)',
  };
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return round(sorted[position] ?? Number.NaN);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A source whose `listAll` resolves at once and notes when the data was ready. */
function timedSource(documents: HealthDocument[]): { source: DataSource; readyAt: () => number } {
  const source = createInMemoryDataSource(documents);
  let readyAt = Number.NaN;
  const documentsRepository = source.documents;
  const listAll = documentsRepository.listAll.bind(documentsRepository);
  (documentsRepository as { listAll: typeof listAll }).listAll = (options) =>
    listAll(options).then((all) => {
      readyAt = performance.now();
      return all;
    });
  return { source, readyAt: () => readyAt };
}

function stage(): HTMLElement {
  const existing = document.getElementById('stage');
  if (existing) return existing;
  const created = document.createElement('div');
  created.id = 'stage';
  document.body.append(created);
  return created;
}

function rowCount(browser: CarnetDocumentBrowser): number {
  return browser.shadowRoot?.querySelectorAll('li.row').length ?? 0;
}

/** Mounts a browser on `documents` and resolves once its first rows are painted. */
async function mount(documents: HealthDocument[]): Promise<{ browser: CarnetDocumentBrowser; paintMs: number }> {
  const { source, readyAt } = timedSource(documents);
  const browser = document.createElement('carnet-document-browser');
  browser.style.inlineSize = '64rem';
  browser.dataSource = source;
  const rowsInserted = new Promise<void>((resolve) => {
    // Notices the first rows as soon as they are inserted, not a frame later.
    const observer = new MutationObserver(() => {
      if (rowCount(browser) === 0) return;
      observer.disconnect();
      resolve();
    });
    void browser.updateComplete.then(() => {
      if (browser.shadowRoot) observer.observe(browser.shadowRoot, { childList: true, subtree: true });
    });
  });
  stage().append(browser);
  await rowsInserted;
  const painted = await nextFrame();
  return { browser, paintMs: painted - readyAt() };
}

/**
 * Turns to the search as the patient does (focus: the search code loads), then waits for a first
 * search to be answered by the complete index: the keystrokes measured next find it built.
 */
async function searchReady(browser: CarnetDocumentBrowser): Promise<void> {
  const input = browser.shadowRoot?.querySelector<HTMLInputElement>('#search');
  if (!input) throw new Error('search field missing');
  input.focus();
  input.value = 'a';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await browser.updateComplete;
  while (browser.matches(':state(searching)')) await nextFrame();
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await browser.updateComplete;
  await nextFrame();
  await facetsShown(browser);
}

/** Resolves with the time the filter panel shows current counts (`aria-busy` not `true`). */
function facetsShown(browser: CarnetDocumentBrowser): Promise<number> {
  const body = browser.shadowRoot?.querySelector('#facets-body');
  if (!body || body.getAttribute('aria-busy') !== 'true') return Promise.resolve(performance.now());
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (body.getAttribute('aria-busy') === 'true') return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(body, { attributes: true, attributeFilter: ['aria-busy'] });
  });
}

/** Per-keystroke timings, in milliseconds. */
interface Keystrokes {
  dom: number[];
  frame: number[];
  facets: number[];
}

async function typeQuery(browser: CarnetDocumentBrowser, query: string, times: Keystrokes): Promise<void> {
  const input = browser.shadowRoot?.querySelector<HTMLInputElement>('#search');
  if (!input) throw new Error('search field missing');
  for (let length = 1; length <= query.length; length++) {
    input.value = query.slice(0, length);
    const start = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await browser.updateComplete;
    times.dom.push(performance.now() - start);
    const [frame, facets] = await Promise.all([nextFrame(), facetsShown(browser)]);
    times.frame.push(frame - start);
    times.facets.push(facets - start);
  }
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await browser.updateComplete;
  await nextFrame();
  await facetsShown(browser);
}

/** The keystroke benchmark at `count` documents. */
function keystrokeBench(count: number): Bench {
  return {
    name: `document-browser: keystroke to updated list (${count.toLocaleString('en')} documents)`,
    async run() {
      const { browser } = await mount(generateDocuments(count));
      while (browser.matches(':state(indexing)')) await nextFrame();
      await searchReady(browser);
      const times: Keystrokes = { dom: [], frame: [], facets: [] };
      for (const query of QUERIES) await typeQuery(browser, query, times);
      browser.remove();
      return {
        queries: QUERIES,
        keystrokes: times.dom.length,
        domMedianMs: percentile(times.dom, 0.5),
        domP95Ms: percentile(times.dom, 0.95),
        frameMedianMs: percentile(times.frame, 0.5),
        frameP95Ms: percentile(times.frame, 0.95),
        facetsMedianMs: percentile(times.facets, 0.5),
        facetsP95Ms: percentile(times.facets, 0.95),
        targets: { medianMs: 16, p95Ms: 50 },
      };
    },
  };
}

const benches: Bench[] = [
  {
    name: 'document-browser: JS heap after load (10,000 documents)',
    async run() {
      const page = window as BenchWindow;
      const documents = generateDocuments(DOCUMENT_COUNT);
      const before = await usedHeap(page);
      const { browser } = await mount(documents);
      while (browser.matches(':state(indexing)')) await nextFrame();
      // With the search index, as before it loaded on intent (focus of the search field).
      await searchReady(browser);
      const after = await usedHeap(page);
      browser.remove();
      return {
        source: before.source,
        heapAfterLoadMB: round(after.bytes / 1_048_576),
        heapBeforeMountMB: round(before.bytes / 1_048_576),
        heapAddedByBrowserMB: round((after.bytes - before.bytes) / 1_048_576),
        targetMB: 60,
      };
    },
  },
  {
    name: 'document-browser: first list paint (10,000 documents)',
    async run() {
      const documents = generateDocuments(DOCUMENT_COUNT);
      const paints: number[] = [];
      for (let mountNumber = 0; mountNumber < MOUNTS; mountNumber++) {
        const { browser, paintMs } = await mount(documents);
        paints.push(paintMs);
        // Let the facets be counted (just after the first paint) before the next mount.
        while (browser.matches(':state(indexing)')) await nextFrame();
        browser.remove();
        await nextFrame();
      }
      return {
        documents: DOCUMENT_COUNT,
        mounts: MOUNTS,
        medianMs: percentile(paints, 0.5),
        runsMs: paints.map(round),
        targetMs: 150,
      };
    },
  },
  keystrokeBench(DOCUMENT_COUNT),
  keystrokeBench(100_000),
];

export default benches;
