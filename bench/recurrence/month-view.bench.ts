/**
 * Month view of 200 series of mixed rule shapes (the everyday ones of the fast
 * path and BYSETPOS, BYYEARDAY, BYWEEKNO, BYHOUR, COUNT…), zoned Europe/Paris,
 * started in 2024–2026, expanded for each month of 2026 and of 2036 (the grid's six
 * weeks). `expandOccurrences` as the agenda calls it, beside the previous path for
 * rules outside the fast path (`rrule` from DTSTART, wall times only). Bench code only.
 */
import type { AgendaEvent } from '../../packages/catalog-sdk/src/model/agenda.js';
import { expandOccurrences } from '../../packages/catalog-sdk/src/recurrence/index.js';
import { floatingRule } from '../../packages/catalog-sdk/src/recurrence/rrule-reference.js';
import { compileFastRule, expandFastRule } from '../../packages/catalog-sdk/src/recurrence/fast-rule.js';
import { parseRuleParts } from '../../packages/catalog-sdk/src/recurrence/rule-parts.js';

const SHAPES = [
  'FREQ=DAILY',
  'FREQ=WEEKLY;BYDAY=MO,WE,FR',
  'FREQ=MONTHLY;BYDAY=2TU',
  'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
  'FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-1;BYHOUR=2;BYMINUTE=30',
  'FREQ=YEARLY;BYYEARDAY=1,100,200,300',
  'FREQ=YEARLY;BYWEEKNO=10,20,30,40;BYDAY=TH',
  'FREQ=DAILY;BYHOUR=8,12,19',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;BYHOUR=9,17',
  'FREQ=MONTHLY;BYMONTHDAY=1,15,-1;BYSETPOS=2',
  'FREQ=YEARLY;BYMONTH=3,9;BYDAY=MO;BYSETPOS=1',
  'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR',
  'FREQ=DAILY;INTERVAL=2;COUNT=400',
  'FREQ=HOURLY;INTERVAL=6;BYMINUTE=0',
  'FREQ=WEEKLY;BYDAY=SA;BYHOUR=10;UNTIL=20400101T000000',
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** 200 series; `copy` gives new objects (the expanders are cached per event object). */
export function monthViewSeries(): AgendaEvent[] {
  return Array.from({ length: 200 }, (_, i) => {
    const year = 2024 + (i % 3);
    const month = (i % 12) + 1;
    const day = (i % 27) + 1;
    const hour = 7 + (i % 12);
    return {
      id: `series-${i}`,
      title: 'Série',
      kind: 'appointment',
      start: `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${i % 2 === 0 ? '00' : '30'}:00`,
      end: `${year}-${pad(month)}-${pad(day)}T${pad(hour + 1)}:${i % 2 === 0 ? '00' : '30'}:00`,
      timeZone: 'Europe/Paris',
      rrule: SHAPES[i % SHAPES.length] ?? 'FREQ=DAILY',
      exdates: [],
      overrides: [],
      reminders: [],
      version: '1',
    };
  });
}

/** The six-week grid of a month view (Monday before the 1st, 42 days). */
function grid(year: number, month0: number): { start: Date; end: Date } {
  const first = Date.UTC(year, month0, 1);
  const weekday = (new Date(first).getUTCDay() + 6) % 7;
  const start = first - weekday * 86_400_000;
  return { start: new Date(start), end: new Date(start + 42 * 86_400_000) };
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return Math.round((sorted[index] ?? Number.NaN) * 100) / 100;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The previous path: fast path when it applies, otherwise `rrule` iterating from DTSTART (wall times only). */
function previousPath(events: AgendaEvent[]): (range: { start: Date; end: Date }) => number {
  const expanders = events.map((event) => {
    const startWall = Date.parse(`${event.start}Z`);
    const rule = event.rrule ?? '';
    const parts = parseRuleParts(rule);
    const until = parts.until ? Date.UTC(parts.until.year, parts.until.month - 1, parts.until.day) : undefined;
    const plan = compileFastRule(parts, until);
    if (plan) return (from: number, to: number) => expandFastRule(plan, startWall, from, to).length;
    const reference = floatingRule(rule, startWall, 'Europe/Paris');
    return (from: number, to: number) => reference.between(new Date(from), new Date(to), true).length;
  });
  return (range) =>
    expanders.reduce(
      (sum, expand) => sum + expand(range.start.getTime() - 2 * 86_400_000, range.end.getTime() + 86_400_000),
      0,
    );
}

/** Times every month view of a year, `rounds` times (the first round on fresh event objects). */
async function year(yearNumber: number, rounds: number): Promise<Record<string, number>> {
  const cold: number[] = [];
  const warm: number[] = [];
  const previous: number[] = [];
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    const events = monthViewSeries();
    const before = previousPath(events);
    for (let month0 = 0; month0 < 12; month0++) {
      const range = grid(yearNumber, month0);
      const began = performance.now();
      for (const event of events) sink += expandOccurrences(event, range).length;
      (month0 === 0 ? cold : warm).push(performance.now() - began);
      const beganPrevious = performance.now();
      sink += before(range);
      previous.push(performance.now() - beganPrevious);
      await nextTask();
    }
  }
  if (sink < 0) throw new Error('unreachable');
  return {
    medianMs: percentile([...cold, ...warm], 0.5),
    p95Ms: percentile([...cold, ...warm], 0.95),
    firstViewMedianMs: percentile(cold, 0.5),
    previousPathMedianMs: percentile(previous, 0.5),
    previousPathP95Ms: percentile(previous, 0.95),
    views: cold.length + warm.length,
  };
}

/** Month views of 200 mixed series in 2026 and in 2036. */
export async function runMonthViewBench(rounds = 4): Promise<Record<string, unknown>> {
  for (const event of monthViewSeries()) expandOccurrences(event, grid(2026, 0)); // warm-up (JIT)
  return {
    series: 200,
    shapes: SHAPES,
    '2026': await year(2026, rounds),
    '2036': await year(2036, rounds),
    targetP95Ms: 8,
  };
}
