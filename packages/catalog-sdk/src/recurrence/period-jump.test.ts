/**
 * Rules outside the fast path are expanded from the window's period, not from
 * DTSTART: on many random rules of every shape and random windows (2036 and the
 * DST changes included) the result must be exactly what `rrule` gives from DTSTART.
 */
import { expect } from '@open-wc/testing';
import { wallExpander } from './expand.js';
import { floatingRule } from './rrule-reference.js';
import { expandOccurrences } from './index.js';
import { parseRuleParts } from './rule-parts.js';
import type { RuleFrequency } from './rule-parts.js';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * A random rule that has occurrences (an impossible rule, e.g. the second Friday
 * of a week, makes `rrule` scan up to the year 9999, with or without the jump).
 */
function randomRule(random: () => number): { rule: string; freq: RuleFrequency } {
  const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const some = (count: number, make: () => number | string): string =>
    [...new Set(Array.from({ length: count }, make))].join(',');
  // Hours and minutes in ascending order: `rrule` keeps BYHOUR's written order for BYSETPOS where
  // RFC 5545 (and the fast path) order the times; an agenda writes them sorted.
  const sorted = (count: number, make: () => number): string =>
    [...new Set(Array.from({ length: count }, make))].sort((a, b) => a - b).join(',');
  const freq = (['YEARLY', 'YEARLY', 'MONTHLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY'] as const)[
    int(0, 6)
  ] as RuleFrequency;
  const parts = [`FREQ=${freq}`];
  const interval = random() < 0.4 ? int(2, 4) : 1;
  if (interval > 1) parts.push(`INTERVAL=${interval}`);
  const weekNo = freq === 'YEARLY' && random() < 0.3;
  const yearDay = freq === 'YEARLY' && !weekNo && random() < 0.3;
  const month = !weekNo && !yearDay && freq !== 'HOURLY' && !(freq === 'MONTHLY' && interval > 1) && random() < 0.25;
  const monthDay = !weekNo && !yearDay && freq !== 'WEEKLY' && random() < 0.25;
  const ranked = (freq === 'MONTHLY' || freq === 'YEARLY') && !weekNo && !yearDay && !monthDay && !month;
  if (weekNo) parts.push(`BYWEEKNO=${some(int(1, 2), () => [1, 13, 26, 52, -1][int(0, 4)] as number)}`);
  if (yearDay) parts.push(`BYYEARDAY=${some(int(1, 3), () => [1, 100, 200, 365, -1, -30][int(0, 5)] as number)}`);
  if (month) parts.push(`BYMONTH=${some(int(1, 3), () => int(1, 12))}`);
  if (monthDay) parts.push(`BYMONTHDAY=${some(int(1, 3), () => [1, 13, 15, 28, -1][int(0, 4)] as number)}`);
  if (random() < 0.6) {
    // Ranked and plain weekdays are not mixed: `rrule` (like python-dateutil) then keeps only days
    // that are both, where RFC 5545 and the fast path keep either (a known difference, left as is).
    const nth = ranked && random() < 0.4;
    parts.push(`BYDAY=${some(int(1, 3), () => (nth ? `${[1, 2, -1, 3][int(0, 3)]}` : '') + DAYS[int(0, 6)])}`);
  }
  // An hourly rule stepping over the chosen hours would never match.
  if (random() < 0.4 && !(freq === 'HOURLY' && interval > 1))
    parts.push(`BYHOUR=${sorted(int(1, 2), () => [2, 3, 8, 14, 20][int(0, 4)] as number)}`);
  if (random() < 0.3) parts.push(`BYMINUTE=${sorted(int(1, 2), () => [0, 15, 30, 45][int(0, 3)] as number)}`);
  if (random() < 0.45) parts.push(`BYSETPOS=${some(int(1, 2), () => [1, -1][int(0, 1)] as number)}`);
  if (random() < 0.2) parts.push(`WKST=${DAYS[int(0, 6)]}`);
  if (random() < 0.15) parts.push(`COUNT=${int(5, 60)}`);
  else if (random() < 0.15) parts.push(`UNTIL=${int(2030, 2038)}0615T120000`);
  return { rule: parts.join(';'), freq };
}

/** Longest period of each frequency, in days. */
const PERIOD_DAYS: Partial<Record<RuleFrequency, number>> = {
  YEARLY: 366,
  MONTHLY: 31,
  WEEKLY: 7,
  DAILY: 1,
  HOURLY: 1 / 24,
};

/** Windows around DST changes in Paris (2026, 2036) and elsewhere, from a day to six weeks. */
const ANCHORS = ['2026-03-29', '2026-10-25', '2036-03-30', '2036-10-26', '2031-01-01', '2036-06-15', '2029-12-28'];

describe('expansion from the window period agrees with rrule from DTSTART', function () {
  this.timeout(120_000);

  it('gives the same occurrences for 160 random rules of every shape', () => {
    const random = seeded(2036);
    let compared = 0;
    let jumped = 0;
    for (let n = 0; n < 160; n++) {
      const { rule, freq } = randomRule(random);
      const anchor = Date.parse(`${ANCHORS[n % ANCHORS.length]}T00:00:00Z`);
      const fromWall = anchor - Math.floor(random() * 20) * 86_400_000 - Math.floor(random() * 86_400_000);
      const span = freq === 'HOURLY' ? 3 : 1 + Math.floor(random() * 42);
      const toWall = fromWall + span * 86_400_000;
      // Hourly series start within a year of the window (rrule from DTSTART is the slow reference).
      const back = freq === 'HOURLY' ? 30 + Math.floor(random() * 300) : 150 + Math.floor(random() * 2400);
      const start = new Date(fromWall - back * 86_400_000);
      const startWall = Date.UTC(
        start.getUTCFullYear(),
        start.getUTCMonth(),
        start.getUTCDate(),
        Math.floor(random() * 24),
        [0, 30, 45][Math.floor(random() * 3)] as number,
      );
      const expected = floatingRule(rule, startWall, 'UTC')
        .between(new Date(fromWall), new Date(toWall), true)
        .map((date) => date.toISOString())
        // rrule repeats an occurrence two BYSETPOS values pick (python-dateutil and we do not).
        .filter((iso, index, all) => index === 0 || all[index - 1] !== iso);
      const actual = wallExpander(rule, startWall, 'UTC')(fromWall, toWall).map((ms) => new Date(ms).toISOString());
      expect(
        actual,
        `${rule} from ${new Date(startWall).toISOString()} in ${new Date(fromWall).toISOString()}+${span}d`,
      ).to.deep.equal(expected);
      compared += expected.length;
      const parts = parseRuleParts(rule);
      // The window lies at least one whole INTERVAL of periods after DTSTART's: expanded without the periods before it.
      const period = (PERIOD_DAYS[freq] ?? 1) * 86_400_000;
      if (parts.count === undefined && fromWall - startWall > 2 * period * parts.interval) jumped++;
    }
    expect(compared).to.be.greaterThan(300);
    expect(jumped).to.be.greaterThan(100);
  });

  it('resolves a last-Sunday 02:30 rule into the skipped hour of 2036 in Paris', () => {
    const occurrences = expandOccurrences(
      {
        id: 'setpos',
        title: 'Pansement',
        kind: 'appointment',
        start: '2020-01-26T02:30:00',
        end: '2020-01-26T03:00:00',
        timeZone: 'Europe/Paris',
        rrule: 'FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-1;BYHOUR=2;BYMINUTE=30',
        exdates: [],
        overrides: [],
        reminders: [],
        version: '1',
      },
      { start: new Date('2036-03-01T00:00:00Z'), end: new Date('2036-05-01T00:00:00Z') },
    );
    // 30 March 2036 02:30 does not exist in Paris: shown at 03:30 (+02:00); 27 April at 02:30 (+02:00).
    expect(occurrences.map((occurrence) => occurrence.start)).to.deep.equal([
      '2036-03-30T01:30:00.000Z',
      '2036-04-27T00:30:00.000Z',
    ]);
  });

  it('shows an occurrence two BYSETPOS values pick once (rrule gives it twice)', () => {
    const occurrences = expandOccurrences(
      {
        id: 'monday-13',
        title: 'Bilan',
        kind: 'appointment',
        start: '2026-01-01T09:00:00',
        end: '2026-01-01T10:00:00',
        timeZone: 'Europe/Paris',
        rrule: 'FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=13;BYSETPOS=1,-1',
        exdates: [],
        overrides: [],
        reminders: [],
        version: '1',
      },
      { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') },
    );
    // Mondays the 13th in 2026: April and July.
    expect(occurrences.map((occurrence) => occurrence.localStart)).to.deep.equal([
      '2026-04-13T09:00:00',
      '2026-07-13T09:00:00',
    ]);
  });
});
