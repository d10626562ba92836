/**
 * Benchmarks of the glucose chart of `<carnet-tracker>` with a year of four
 * finger-prick values a day (1,460 readings), imported by the benchmark page
 * (`bench/page.ts`, `npm run bench -- --only=glucose`) and run in real Chromium. Not a test.
 *
 * - entering: the year imported into a real on-device record (IndexedDB), as a meter's export is;
 * - the chart of the whole year (1,460 points): the view model, the render into the DOM, then
 *   style and layout forced synchronously; `workMs` is the main-thread work a frame must hold
 *   (target: one frame, 16.7 ms); `frameMs` runs until the next animation frame (includes vsync);
 * - the real tracker reading that record: first render after the data is ready (its default 7-day view).
 * Medians of 20, and the best run (the figure least disturbed by other work on a shared machine).
 */
import { html, render } from 'lit';
import { DEFAULT_GLUCOSE_TARGETS, createLocalDataSource } from '@carnet/catalog-sdk';
import type { DataSource, GlucoseReading, MealContext, NewGlucoseReading } from '@carnet/catalog-sdk';
import { baseStyles } from '../shared/base.styles.js';
import { defineElement } from '../shared/define.js';
import { CarnetTracker } from './tracker.component.js';
import { renderGlucoseChart } from './glucose-chart.template.js';
import { glucoseView, type GlucosePeriod } from './glucose-view.model.js';
import { trackerStyles } from './tracker.styles.js';
import type {} from './tracker.js';
// The event the tracker fires: `tracker.component.ts` does not import its type, the package index does.
import type {} from '../events/carnet-measurement-change.js';

// Registered here rather than by a bare import, which bundlers may drop (see package `sideEffects`).
defineElement('carnet-tracker', CarnetTracker);

/** One benchmark, as the benchmark page expects it. */
interface Bench {
  name: string;
  run: () => Promise<Record<string, unknown>>;
}

const RUNS = 20;
const FRAME_MS = 16.7;
const DAYS = 365;
/** Four values a day: before breakfast, after lunch, before dinner, at bedtime (UTC hours). */
const MOMENTS: readonly { hour: number; mealContext: MealContext }[] = [
  { hour: 6, mealContext: 'before-meal' },
  { hour: 13, mealContext: 'after-meal' },
  { hour: 18, mealContext: 'before-meal' },
  { hour: 21, mealContext: 'bedtime' },
];

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value * 100) / 100;
}

/** A year of values ending now, the same every run (a small linear congruential generator). */
function yearOfReadings(now: Date): NewGlucoseReading[] {
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const readings: NewGlucoseReading[] = [];
  for (let day = DAYS; day >= 1; day--) {
    for (const moment of MOMENTS) {
      const at = today - day * 86_400_000 + moment.hour * 3_600_000;
      const base = moment.mealContext === 'after-meal' ? 160 : 115;
      readings.push({
        at: new Date(at).toISOString(),
        value: Math.round(base + (random() - 0.5) * 150),
        unit: 'mg/dL',
        mealContext: moment.mealContext,
      });
    }
  }
  return readings;
}

function stage(): HTMLElement {
  const existing = document.getElementById('stage');
  if (existing) return existing;
  const created = document.createElement('div');
  created.id = 'stage';
  document.body.append(created);
  return created;
}

/** A year imported into a fresh on-device record. */
async function enterYear(): Promise<{ source: DataSource; readings: GlucoseReading[]; enterMs: number }> {
  const source = createLocalDataSource({ dbName: `bench-glucose-year-${Date.now()}` });
  const entries = yearOfReadings(new Date());
  const start = performance.now();
  const outcome = await source.trackers!.import('glucose', entries);
  const enterMs = performance.now() - start;
  return { source, readings: outcome.added, enterMs };
}

/** The year's chart alone, in a shadow root styled as the tracker's, `RUNS` times. */
async function chartOfYear(readings: readonly GlucoseReading[]): Promise<Record<string, unknown>> {
  const model: number[] = [];
  const dom: number[] = [];
  const work: number[] = [];
  const frame: number[] = [];
  let points = 0;
  let nodes = 0;
  for (let run = 0; run < RUNS; run++) {
    const host = document.createElement('div');
    host.style.inlineSize = '40rem';
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [baseStyles, trackerStyles].flatMap((sheet) =>
      sheet.styleSheet ? [sheet.styleSheet] : [],
    );
    stage().append(host);
    await nextFrame();
    const start = performance.now();
    // The tracker offers 7, 14 and 30 days; the chart is measured at a whole year's worth.
    const view = glucoseView(readings, {
      period: DAYS as GlucosePeriod,
      unit: 'mg/dL',
      targets: DEFAULT_GLUCOSE_TARGETS,
      now: new Date(),
    });
    const modelled = performance.now();
    render(html`${renderGlucoseChart(view, 'fr')}`, root);
    const inDom = performance.now();
    // Style and layout now, as the frame would.
    root.querySelector('svg')?.getBoundingClientRect();
    const laidOut = performance.now();
    const painted = await nextFrame();
    model.push(modelled - start);
    dom.push(inDom - modelled);
    work.push(laidOut - start);
    frame.push(painted - start);
    points = view.chart.points.length;
    nodes = root.querySelectorAll('svg *').length;
    host.remove();
    await nextFrame();
  }
  const workMedianMs = median(work);
  return {
    runs: RUNS,
    readings: readings.length,
    points,
    svgNodes: nodes,
    modelMedianMs: median(model),
    renderMedianMs: median(dom),
    workMedianMs,
    workBestMs: Math.round(Math.min(...work) * 100) / 100,
    frameMedianMs: median(frame),
    frameBudgetMs: FRAME_MS,
    withinOneFrame: workMedianMs <= FRAME_MS,
  };
}

/** The real tracker on the year's record: chart in the DOM after the readings arrive. */
async function trackerOnYear(source: DataSource): Promise<Record<string, unknown>> {
  const dom: number[] = [];
  const frame: number[] = [];
  let points = 0;
  for (let run = 0; run < RUNS; run++) {
    let readyAt = Number.NaN;
    const trackers = source.trackers!;
    // The same record, noting when the readings arrive.
    const timed: DataSource = Object.create(source, {
      trackers: {
        value: Object.create(trackers, {
          list: {
            value: ((kind, range) =>
              trackers.list(kind, range).then((entries) => {
                readyAt = performance.now();
                return entries;
              })) as typeof trackers.list,
          },
        }),
      },
    });
    const tracker = document.createElement('carnet-tracker');
    tracker.style.inlineSize = '40rem';
    tracker.pathology = 'diabetes';
    const charted = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!tracker.shadowRoot?.querySelector('[part="chart"]')) return;
        observer.disconnect();
        resolve(performance.now());
      });
      void tracker.updateComplete.then(() => {
        if (tracker.shadowRoot) observer.observe(tracker.shadowRoot, { childList: true, subtree: true });
      });
    });
    tracker.dataSource = timed;
    stage().append(tracker);
    const inserted = await charted;
    await tracker.updateComplete;
    tracker.shadowRoot?.querySelector('[part="chart"]')?.getBoundingClientRect();
    const laidOut = performance.now();
    const painted = await nextFrame();
    dom.push(Math.max(inserted, laidOut) - readyAt);
    frame.push(painted - readyAt);
    points = tracker.shadowRoot?.querySelectorAll('[part="chart"] .point').length ?? 0;
    tracker.remove();
    await nextFrame();
  }
  const workMedianMs = median(dom);
  return {
    runs: RUNS,
    pointsShown: points,
    workMedianMs,
    workBestMs: Math.round(Math.min(...dom) * 100) / 100,
    frameMedianMs: median(frame),
    frameBudgetMs: FRAME_MS,
    withinOneFrame: workMedianMs <= FRAME_MS,
  };
}

let entered: Promise<{ source: DataSource; readings: GlucoseReading[]; enterMs: number }> | undefined;
const year = (): Promise<{ source: DataSource; readings: GlucoseReading[]; enterMs: number }> =>
  (entered ??= enterYear());

const benches: Bench[] = [
  {
    name: 'glucose: a year of 4 values a day entered (import into IndexedDB)',
    run: async () => {
      const { readings, enterMs } = await year();
      return { readings: readings.length, enterMs: Math.round(enterMs) };
    },
  },
  {
    name: 'glucose chart: a year (≈1,500 points), model + render + layout',
    run: async () => chartOfYear((await year()).readings),
  },
  {
    name: 'glucose tracker: first render on a year of values (default 7-day view), after data ready',
    run: async () => {
      const { source } = await year();
      try {
        return await trackerOnYear(source);
      } finally {
        source.close();
      }
    },
  },
];

export default benches;
