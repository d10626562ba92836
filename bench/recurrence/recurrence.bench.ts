/**
 * Micro-benchmark (not a test): expanding 200 recurring series zoned
 * Europe/Paris over one year, with Carnet's expander (floating rrule + fast
 * path + Intl offsets) versus `rrule` given the TZID directly. Runs in the
 * browser (performance.now); `npm run bench` wires it in.
 */
import type { AgendaEvent } from '../../packages/catalog-sdk/src/model/agenda.js';
import { expandOccurrences } from '../../packages/catalog-sdk/src/recurrence/index.js';
import { RRule, rrulestr } from '../../packages/catalog-sdk/src/recurrence/rrule-interop.js';
import type { RRule as RRuleType } from '../../packages/catalog-sdk/src/recurrence/rrule-interop.js';

/** Median and 95th percentile of one contender's timings, in milliseconds. */
export interface BenchTimings {
  medianMs: number;
  p95Ms: number;
}

/** Result of {@link runRecurrenceBench}. */
export type RecurrenceBenchResult = {
  ours: BenchTimings;
  rruleTzid: BenchTimings;
  /** `rruleTzid.medianMs / ours.medianMs`: how many times faster ours is. */
  ratio: number;
  series: number;
};

/** Knobs of {@link runRecurrenceBench}. */
export interface RecurrenceBenchOptions {
  /** Timed runs per contender; default 15. */
  repetitions?: number;
  /** Untimed runs first; default 2. */
  warmUp?: number;
  /** Timed runs of `rrule` with a TZID, which takes seconds per run; default 3 (1 warm-up). */
  baselineRepetitions?: number;
}

const SERIES = 200;
const RULES = [
  'FREQ=DAILY',
  'FREQ=WEEKLY;BYDAY=MO,WE,FR',
  'FREQ=MONTHLY;BYDAY=2TU',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
  'FREQ=MONTHLY;BYMONTHDAY=15',
  'FREQ=DAILY;INTERVAL=3',
];
const pad = (n: number): string => String(n).padStart(2, '0');

function buildSeries(): AgendaEvent[] {
  return Array.from({ length: SERIES }, (_, i) => ({
    id: `bench-${i}`,
    title: 'Série',
    kind: 'appointment',
    start: `2026-01-${pad((i % 28) + 1)}T${pad(7 + (i % 12))}:${i % 2 === 0 ? '00' : '30'}:00`,
    end: `2026-01-${pad((i % 28) + 1)}T${pad(8 + (i % 12))}:${i % 2 === 0 ? '00' : '30'}:00`,
    timeZone: 'Europe/Paris',
    rrule: RULES[i % RULES.length] ?? 'FREQ=DAILY',
    exdates: [],
    overrides: [],
    reminders: [],
    version: '1',
  }));
}

/** The same series as `rrule` objects with DTSTART;TZID=Europe/Paris. */
function buildTzidRules(events: AgendaEvent[]): RRuleType[] {
  return events.map((event, i) => {
    const dtstart = event.start.replace(/[-:]/g, '');
    // Half through rrulestr (DTSTART;TZID line), half through the constructor with tzid.
    if (i % 2 === 0) return rrulestr(`DTSTART;TZID=Europe/Paris:${dtstart}\nRRULE:${event.rrule ?? ''}`) as RRuleType;
    const options = RRule.parseString(event.rrule ?? '');
    const [date, time] = event.start.split('T');
    const [y, m, d] = (date ?? '').split('-').map(Number);
    const [hh, mm] = (time ?? '').split(':').map(Number);
    return new RRule({
      ...options,
      dtstart: new Date(Date.UTC(y ?? 2026, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0)),
      tzid: 'Europe/Paris',
    });
  });
}

function timings(samples: number[]): BenchTimings {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { medianMs: Number(at(0.5).toFixed(3)), p95Ms: Number(at(0.95).toFixed(3)) };
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function measure(run: () => number, repetitions: number, warmUp: number): Promise<number[]> {
  let sink = 0;
  for (let i = 0; i < warmUp; i += 1) sink += run();
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i += 1) {
    // Let the page breathe between runs (rrule with TZID takes seconds per run).
    await nextTask();
    const began = performance.now();
    sink += run();
    samples.push(performance.now() - began);
  }
  if (sink < 0) throw new Error('unreachable'); // keeps the work observable
  return samples;
}

/**
 * Times expanding 200 Paris series over 2026, ours versus `rrule` with TZID.
 * Beware: `rrule` with TZID takes about 10 s per run on a shared 2-core machine,
 * so it runs fewer times than ours (`baselineRepetitions`).
 */
export async function runRecurrenceBench(options: RecurrenceBenchOptions = {}): Promise<RecurrenceBenchResult> {
  const repetitions = options.repetitions ?? 15;
  const warmUp = options.warmUp ?? 2;
  const events = buildSeries();
  const range = { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') };
  const ours = await measure(
    () => events.reduce((sum, event) => sum + expandOccurrences(event, range).length, 0),
    repetitions,
    warmUp,
  );
  const rules = buildTzidRules(events);
  const baselineRepetitions = options.baselineRepetitions ?? 3;
  const rruleTzid = await measure(
    () => rules.reduce((sum, rule) => sum + rule.between(range.start, range.end, true).length, 0),
    baselineRepetitions,
    Math.min(warmUp, 1),
  );
  const result = { ours: timings(ours), rruleTzid: timings(rruleTzid), ratio: 0, series: SERIES };
  result.ratio = Number((result.rruleTzid.medianMs / Math.max(result.ours.medianMs, 0.001)).toFixed(2));
  return result;
}
