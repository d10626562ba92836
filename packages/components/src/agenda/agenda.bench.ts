/**
 * Benchmarks of `<carnet-agenda>` on the dense kidney persona (dialysis three
 * times a week, monthly exams, medication doses), imported by the benchmark page
 * (`bench/page.ts`, `npm run bench`) and run in real Chromium. Not a test.
 *
 * - first month render after the data is ready: `domMs` until the grid is in the
 *   DOM, `frameMs` until the next animation frame (includes waiting for vsync);
 * - month to month navigation (expansion of the new range + render), the same two figures;
 * both without and with the medication doses shown. Medians of 10; target ≤ 16 ms.
 */
import type { AgendaEvent, DataSource, IntakeRecord, MedicationPlan } from '@carnet/catalog-sdk';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import { defineElement } from '../shared/define.js';
import { CarnetAgenda } from './agenda.component.js';
import type {} from './agenda.js';

// Registered here rather than by a bare import, which bundlers may drop (see package `sideEffects`).
defineElement('carnet-agenda', CarnetAgenda);

/** One benchmark, as the benchmark page expects it. */
interface Bench {
  name: string;
  run: () => Promise<Record<string, unknown>>;
}

const RUNS = 10;
const TARGET_MS = 16;
const TODAY = '2026-11-23';

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

/**
 * The kidney record answered from memory, noting when the last list resolved.
 * Only what the agenda reads is implemented; the cast says so.
 */
function timedSource(
  events: AgendaEvent[],
  plans: MedicationPlan[],
  intakes: IntakeRecord[],
): { source: DataSource; readyAt: () => number } {
  let readyAt = Number.NaN;
  const answer = <T>(value: T): Promise<T> =>
    Promise.resolve(value).then((result) => {
      readyAt = performance.now();
      return result;
    });
  const source = {
    kind: 'local',
    agenda: { list: () => answer(events) },
    medications: { listPlans: () => answer(plans), listIntakes: () => answer(intakes) },
    close: () => undefined,
  } as unknown as DataSource;
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

/** Mounts the agenda and resolves once its month grid is in the DOM, then painted. */
async function mount(showMedication: boolean): Promise<{ agenda: CarnetAgenda; domMs: number; frameMs: number }> {
  const record = generatePersona('kidney', { documentCount: 0 });
  const { source, readyAt } = timedSource(record.agendaEvents, record.medicationPlans, record.intakes);
  const agenda = document.createElement('carnet-agenda');
  agenda.style.inlineSize = '64rem';
  agenda.today = TODAY;
  agenda.showMedication = showMedication;
  agenda.dataSource = source;
  const gridInserted = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!agenda.shadowRoot?.querySelector('[role="grid"] td')) return;
      observer.disconnect();
      resolve(performance.now());
    });
    void agenda.updateComplete.then(() => {
      if (agenda.shadowRoot) observer.observe(agenda.shadowRoot, { childList: true, subtree: true });
    });
  });
  stage().append(agenda);
  const inserted = await gridInserted;
  await agenda.updateComplete;
  const rendered = performance.now();
  const painted = await nextFrame();
  return { agenda, domMs: Math.max(inserted, rendered) - readyAt(), frameMs: painted - readyAt() };
}

async function firstRender(showMedication: boolean): Promise<Record<string, unknown>> {
  const dom: number[] = [];
  const frame: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { agenda, domMs, frameMs } = await mount(showMedication);
    dom.push(domMs);
    frame.push(frameMs);
    agenda.remove();
    await nextFrame();
  }
  const domMedianMs = median(dom);
  return {
    runs: RUNS,
    domMedianMs,
    frameMedianMs: median(frame),
    targetMs: TARGET_MS,
    withinTarget: domMedianMs <= TARGET_MS,
  };
}

async function navigation(showMedication: boolean): Promise<Record<string, unknown>> {
  const { agenda } = await mount(showMedication);
  const dom: number[] = [];
  const frame: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const button = agenda.shadowRoot?.querySelector<HTMLButtonElement>(
      run % 2 === 0 ? '[part="next"]' : '[part="previous"]',
    );
    const start = performance.now();
    button?.click();
    await agenda.updateComplete;
    dom.push(performance.now() - start);
    frame.push((await nextFrame()) - start);
  }
  agenda.remove();
  const domMedianMs = median(dom);
  return {
    runs: RUNS,
    domMedianMs,
    frameMedianMs: median(frame),
    targetMs: TARGET_MS,
    withinTarget: domMedianMs <= TARGET_MS,
  };
}

const benches: Bench[] = [
  { name: 'agenda: dense kidney month, first render after data ready', run: () => firstRender(false) },
  {
    name: 'agenda: dense kidney month with medication doses, first render after data ready',
    run: () => firstRender(true),
  },
  { name: 'agenda: dense kidney month, next/previous month (expansion + render)', run: () => navigation(false) },
  { name: 'agenda: dense kidney month with medication doses, next/previous month', run: () => navigation(true) },
];

export default benches;
