/**
 * Property test: every rule shape of the month-view benchmark and of the
 * recurrence and agenda tests, from random starts, over random windows of
 * 2024–2040 (DST changes and year ends included), expanded by our own code (the
 * fast path or `period-rule.ts`, never `rrule`) must give exactly what `rrule`
 * gives iterating from DTSTART, in floating time. Seeded, so a failure replays.
 */
import { expect } from '@open-wc/testing';
import { wallExpander } from './expand.js';
import { floatingRule } from './rrule-reference.js';
import { compileFastRule } from './fast-rule.js';
import { parseRuleParts } from './rule-parts.js';
import { sortedBetween } from './period-jump.js';

/** The shapes of `bench/recurrence/month-view.bench.ts` and of every recurrence and agenda test (valid ones). */
const SHAPES = [
  'FREQ=DAILY',
  'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
  'FREQ=DAILY;BYHOUR=8,12,19',
  'FREQ=DAILY;BYHOUR=8,12,19;COUNT=50',
  'FREQ=DAILY;BYMONTH=1,7;INTERVAL=2',
  'FREQ=DAILY;COUNT=1',
  'FREQ=DAILY;COUNT=10',
  'FREQ=DAILY;COUNT=3',
  'FREQ=DAILY;COUNT=4',
  'FREQ=DAILY;COUNT=5',
  'FREQ=DAILY;COUNT=6',
  'FREQ=DAILY;INTERVAL=10;COUNT=5',
  'FREQ=DAILY;INTERVAL=2',
  'FREQ=DAILY;INTERVAL=2;COUNT=400',
  'FREQ=DAILY;INTERVAL=3',
  'FREQ=DAILY;INTERVAL=3;COUNT=10',
  'FREQ=DAILY;INTERVAL=3;COUNT=40',
  'FREQ=DAILY;UNTIL=19971224T000000Z',
  'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1',
  'FREQ=DAILY;UNTIL=20260316',
  'FREQ=DAILY;UNTIL=20260316T083000',
  'FREQ=DAILY;UNTIL=20260316T083000Z',
  'FREQ=HOURLY',
  'FREQ=HOURLY;INTERVAL=6;BYMINUTE=0',
  'FREQ=HOURLY;INTERVAL=8',
  'FREQ=MONTHLY',
  'FREQ=MONTHLY;BYDAY=-1SU',
  'FREQ=MONTHLY;BYDAY=-1SU;INTERVAL=2',
  'FREQ=MONTHLY;BYDAY=-1TU',
  'FREQ=MONTHLY;BYDAY=-2MO',
  'FREQ=MONTHLY;BYDAY=1MO',
  'FREQ=MONTHLY;BYDAY=1MO,-2FR,3WE',
  'FREQ=MONTHLY;BYDAY=2TU',
  'FREQ=MONTHLY;BYDAY=5FR',
  'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
  'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
  'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2',
  'FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=13;BYSETPOS=1,-1',
  'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13',
  'FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-1;BYHOUR=2;BYMINUTE=30',
  'FREQ=MONTHLY;BYDAY=TH',
  'FREQ=MONTHLY;BYMONTHDAY=-3',
  'FREQ=MONTHLY;BYMONTHDAY=1,-1',
  'FREQ=MONTHLY;BYMONTHDAY=1,15,-1;BYSETPOS=2',
  'FREQ=MONTHLY;BYMONTHDAY=1,15,-1;BYSETPOS=2;BYMINUTE=0,30',
  'FREQ=MONTHLY;BYMONTHDAY=1,15,-1;COUNT=30',
  'FREQ=MONTHLY;BYMONTHDAY=10',
  'FREQ=MONTHLY;BYMONTHDAY=15',
  'FREQ=MONTHLY;BYMONTHDAY=15,2',
  'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5',
  'FREQ=MONTHLY;BYMONTHDAY=2,15',
  'FREQ=MONTHLY;BYMONTHDAY=31',
  'FREQ=MONTHLY;COUNT=10;BYDAY=1FR',
  'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1',
  'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15',
  'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
  'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO',
  'FREQ=MONTHLY;COUNT=6;BYDAY=2TU',
  'FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15',
  'FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU',
  'FREQ=MONTHLY;INTERVAL=2;BYDAY=TU',
  'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU',
  'FREQ=MONTHLY;INTERVAL=3',
  'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR',
  'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO;COUNT=4',
  'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=23',
  'FREQ=MONTHLY;INTERVAL=3;COUNT=4;BYDAY=1MO',
  'FREQ=MONTHLY;INTERVAL=5',
  'FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR',
  'FREQ=MONTHLY;UNTIL=20270101',
  'FREQ=WEEKLY',
  'FREQ=WEEKLY;BYDAY=FR,MO',
  'FREQ=WEEKLY;BYDAY=MO',
  'FREQ=WEEKLY;BYDAY=MO,WE,FR',
  'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12',
  'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=25',
  'FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20261109T072959',
  'FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20261116T072959',
  'FREQ=WEEKLY;BYDAY=MO;BYHOUR=8,20',
  'FREQ=WEEKLY;BYDAY=MO;COUNT=10',
  'FREQ=WEEKLY;BYDAY=MO;UNTIL=20261123T095959',
  'FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T235959',
  'FREQ=WEEKLY;BYDAY=SA;BYHOUR=10;UNTIL=20400101T000000',
  'FREQ=WEEKLY;BYDAY=SU',
  'FREQ=WEEKLY;BYDAY=TU',
  'FREQ=WEEKLY;BYDAY=WE',
  'FREQ=WEEKLY;COUNT=10',
  'FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH',
  'FREQ=WEEKLY;COUNT=8;BYDAY=WE',
  'FREQ=WEEKLY;INTERVAL=2',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;BYHOUR=9,17',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;BYHOUR=9,17;BYSETPOS=1,-1',
  'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO',
  'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU',
  'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH',
  'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR',
  'FREQ=WEEKLY;INTERVAL=2;UNTIL=20261231T235959;BYDAY=TU,TH',
  'FREQ=WEEKLY;INTERVAL=2;WKST=SU',
  'FREQ=WEEKLY;INTERVAL=3;BYDAY=SU,SA,MO;WKST=SU',
  'FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH',
  'FREQ=WEEKLY;UNTIL=19971224T000000Z',
  'FREQ=WEEKLY;UNTIL=20260629T093000;BYDAY=MO',
  'FREQ=WEEKLY;UNTIL=20260630T235959;BYDAY=MO,WE,FR',
  'FREQ=WEEKLY;UNTIL=20270315T000000',
  'FREQ=WEEKLY;WKST=MO;UNTIL=20260629T073000Z;BYDAY=MO',
  'FREQ=YEARLY',
  'FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
  'FREQ=YEARLY;BYDAY=20MO',
  'FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8',
  'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
  'FREQ=YEARLY;BYMONTH=3,9;BYDAY=MO;BYSETPOS=1',
  'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'FREQ=YEARLY;BYMONTH=3;BYDAY=TH',
  'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1,2,3;BYSETPOS=-2;BYSECOND=5',
  'FREQ=YEARLY;BYMONTH=6,7',
  'FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=14',
  'FREQ=YEARLY;BYWEEKNO=1',
  'FREQ=YEARLY;BYWEEKNO=10,20,30,40;BYDAY=TH',
  'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
  'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;COUNT=3',
  'FREQ=YEARLY;BYYEARDAY=1,100,200,300',
  'FREQ=YEARLY;COUNT=10;BYMONTH=6,7',
  'FREQ=YEARLY;INTERVAL=2;BYMONTH=1;BYMONTHDAY=1',
  'FREQ=YEARLY;INTERVAL=2;BYMONTH=3,9;BYMONTHDAY=1,-1;COUNT=9',
  'FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3',
  'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200',
  'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8',
  'FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA',
  'FREQ=YEARLY;UNTIL=20270328',
  'FREQ=YEARLY;UNTIL=20300101',
  'FREQ=YEARLY;UNTIL=20300310T235959',
];

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

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(2024, 0, 1);
const LAST = Date.UTC(2041, 0, 1);
/** Days windows like to start on: DST changes in Paris, year ends, leap days. */
const ANCHORS = [
  '2026-03-29',
  '2026-10-25',
  '2036-03-30',
  '2036-10-26',
  '2031-12-29',
  '2032-02-29',
  '2039-12-31',
  '2024-12-30',
];

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const iso = (walls: readonly number[]): string[] => walls.map((wall) => new Date(wall).toISOString());

describe('every rule shape expanded for the window agrees with rrule from DTSTART', function () {
  this.timeout(120_000);

  it(`gives the same occurrences for ${SHAPES.length} shapes, random starts and windows over 2024–2040`, () => {
    const random = seeded(17);
    const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
    let compared = 0;
    let windows = 0;
    let outsideFastPath = 0;
    for (const rule of SHAPES) {
      const parts = parseRuleParts(rule);
      const fine = parts.freq === 'HOURLY' || parts.freq === 'MINUTELY' || parts.freq === 'SECONDLY';
      if (!compileFastRule(parts, undefined)) outsideFastPath++;
      for (let s = 0; s < 2; s++) {
        // Coarse rules start in 2024–2026 and are compared up to 2040; hourly ones anywhere, over 120 days.
        const startDay = fine
          ? int(FIRST / DAY_MS, LAST / DAY_MS - 130)
          : int(FIRST / DAY_MS, Date.UTC(2027, 0, 1) / DAY_MS);
        const startWall = startDay * DAY_MS + int(0, 23) * 3_600_000 + [0, 30, 45][int(0, 2)]! * 60_000;
        const horizon = fine ? startWall + 120 * DAY_MS : LAST;
        const reference = floatingRule(rule, startWall, 'Europe/Paris');
        const all = [
          ...new Set(reference.between(new Date(startWall), new Date(horizon), true).map((d) => d.getTime())),
        ].sort((a, b) => a - b);
        const expand = wallExpander(rule, startWall, 'Europe/Paris');
        for (let w = 0; w < 8; w++) {
          const anchor = w < 2 ? Date.parse(`${ANCHORS[int(0, ANCHORS.length - 1)]}T00:00:00Z`) : undefined;
          const lowDay = fine ? startDay - 2 : FIRST / DAY_MS;
          const highDay = fine ? horizon / DAY_MS - 46 : LAST / DAY_MS - 46;
          const fromDay = anchor !== undefined && !fine ? anchor / DAY_MS - int(0, 3) : int(lowDay, highDay);
          const fromWall = fromDay * DAY_MS + int(0, 23) * 3_600_000;
          const toWall = fromWall + (fine ? int(1, 15) : int(1, 45)) * DAY_MS - int(0, 1) * 1_800_000;
          const expected = iso(sortedBetween(all, fromWall, toWall));
          expect(
            iso(expand(fromWall, toWall)),
            `${rule} from ${new Date(startWall).toISOString()} in ${new Date(fromWall).toISOString()}..${new Date(toWall).toISOString()}`,
          ).to.deep.equal(expected);
          compared += expected.length;
          windows++;
        }
      }
    }
    expect(windows).to.equal(SHAPES.length * 16);
    expect(outsideFastPath).to.be.greaterThan(10);
    expect(compared).to.be.greaterThan(5000);
  });

  it('gives the same occurrences for 150 random rules of the shapes outside the fast path', () => {
    const random = seeded(2040);
    const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
    const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)] as T;
    const some = <T>(values: readonly T[], most = 3): T[] => [
      ...new Set(Array.from({ length: int(1, most) }, () => pick(values))),
    ];
    const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);
    let compared = 0;
    for (let n = 0; n < 150; n++) {
      const kind = pick([
        'weekno',
        'yearday',
        'ranked',
        'setpos',
        'mixed',
        'hourly',
        'hourly',
        'minutely',
        'secondly',
      ] as const);
      const parts: string[] = [];
      let fine = false;
      switch (kind) {
        case 'weekno':
          parts.push(`FREQ=${pick(['YEARLY', 'YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'])}`);
          parts.push(`BYWEEKNO=${some([1, 2, 10, 26, 52, 53, -1, -2]).join(',')}`);
          if (random() < 0.6) parts.push(`BYDAY=${some(DAYS).join(',')}`);
          break;
        case 'yearday':
          parts.push(`FREQ=${pick(['YEARLY', 'YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'])}`);
          parts.push(`BYYEARDAY=${some([1, 2, 59, 60, 100, 200, 365, 366, -1, -2, -365, -366], 4).join(',')}`);
          if (random() < 0.3) parts.push(`BYDAY=${some(DAYS, 5).join(',')}`);
          break;
        case 'ranked': {
          const month = random() < 0.5;
          parts.push('FREQ=YEARLY');
          if (month) parts.push(`BYMONTH=${some([1, 2, 3, 6, 10, 12]).join(',')}`);
          const ranks = month ? [1, 2, 4, 5, -1, -2, -5] : [1, 2, 20, 52, 53, -1, -20, -53];
          parts.push(`BYDAY=${some(DAYS.map((day) => `${pick(ranks)}${day}`)).join(',')}`);
          break;
        }
        case 'setpos':
          parts.push('FREQ=YEARLY', `BYMONTH=${some([1, 3, 9, 12]).join(',')}`, `BYDAY=${some(DAYS).join(',')}`);
          parts.push(`BYSETPOS=${some([1, 2, -1, -2], 2).join(',')}`);
          break;
        case 'mixed':
          parts.push(`FREQ=${pick(['MONTHLY', 'YEARLY', 'DAILY'])}`, `BYDAY=${some(DAYS, 4).join(',')}`);
          parts.push(`BYMONTHDAY=${some([1, 7, 13, 28, 31, -1, -7], 4).join(',')}`);
          if (random() < 0.4) parts.push(`BYSETPOS=${pick([1, -1])}`);
          break;
        case 'hourly': {
          fine = true;
          const byHour = random() < 0.4;
          // With BYHOUR an interval coprime with 24 reaches every hour (otherwise rrule may loop for ever).
          const interval = byHour ? pick([1, 5, 7, 11, 13]) : pick([1, 2, 3, 4, 6, 8, 9, 12, 25, 36]);
          parts.push('FREQ=HOURLY');
          if (interval > 1) parts.push(`INTERVAL=${interval}`);
          if (byHour) parts.push(`BYHOUR=${sorted(some([2, 3, 8, 9, 12, 20, 23])).join(',')}`);
          if (random() < 0.5) parts.push(`BYMINUTE=${sorted(some([0, 15, 30, 45])).join(',')}`);
          if (random() < 0.2) parts.push(`BYSECOND=${sorted(some([0, 30])).join(',')}`);
          if (random() < 0.3) parts.push(`BYDAY=${some(DAYS, 5).join(',')}`);
          else if (random() < 0.2) parts.push(`BYMONTHDAY=${some([1, 15, -1]).join(',')}`);
          if (random() < 0.3) parts.push(`BYSETPOS=${pick([1, -1])}`);
          break;
        }
        case 'minutely': {
          fine = true;
          const byHour = random() < 0.5;
          // rrule drifts off the INTERVAL grid when BYHOUR skips hours with an interval not dividing 60 (see period-rule.ts).
          parts.push('FREQ=MINUTELY', `INTERVAL=${byHour ? pick([15, 20, 30, 60]) : pick([7, 45, 90, 150])}`);
          // …and when a day filter jumps to the next day with BYHOUR (it steps hours by the carry, skipping days).
          if (byHour) parts.push(`BYHOUR=${sorted(some([8, 9, 14, 23])).join(',')}`);
          else if (random() < 0.3) parts.push(`BYDAY=${some(DAYS, 5).join(',')}`);
          break;
        }
        case 'secondly':
          fine = true;
          parts.push('FREQ=SECONDLY', `INTERVAL=${pick([600, 900, 1800, 3600])}`);
          if (random() < 0.3) parts.push(`BYDAY=${some(DAYS, 5).join(',')}`);
          break;
      }
      if (!fine && random() < 0.3) parts.push(`INTERVAL=${int(2, 3)}`);
      if (random() < 0.2) parts.push(`WKST=${pick(DAYS)}`);
      if (random() < 0.15) parts.push(`COUNT=${int(3, 40)}`);
      else if (random() < 0.15)
        parts.push(fine ? `UNTIL=${int(2024, 2040)}0615T120000` : `UNTIL=${int(2030, 2040)}0615T120000Z`);
      const rule = parts.join(';');

      // Coarse rules start in 2024–2026 and are looked at up to 2040; finer ones within weeks of the window.
      // A third of the windows hold a year's end, where week numbers and year days are delicate.
      const yearEnd = Date.UTC(int(2024, 2039), 11, 31) / DAY_MS;
      const fromDay = random() < 0.35 ? yearEnd - int(0, 20) : int(FIRST / DAY_MS, LAST / DAY_MS - 46);
      const fromWall = fromDay * DAY_MS + int(0, 23) * 3_600_000;
      const toWall = fromWall + (fine ? int(1, 4) : int(1, 45)) * DAY_MS;
      const startDay = fine
        ? fromDay - int(0, 20)
        : int(FIRST / DAY_MS, Math.min(fromDay, Date.UTC(2027, 0, 1) / DAY_MS));
      const startWall = startDay * DAY_MS + int(0, 23) * 3_600_000 + pick([0, 15, 30]) * 60_000;
      const expected = [
        ...new Set(
          floatingRule(rule, startWall, 'Europe/Paris')
            .between(new Date(fromWall), new Date(toWall), true)
            .map((date) => date.getTime()),
        ),
      ].sort((a, b) => a - b);
      expect(compileFastRule(parseRuleParts(rule), undefined), rule).to.equal(undefined);
      expect(
        iso(wallExpander(rule, startWall, 'Europe/Paris')(fromWall, toWall)),
        `${rule} from ${new Date(startWall).toISOString()} in ${new Date(fromWall).toISOString()}..${new Date(toWall).toISOString()}`,
      ).to.deep.equal(iso(expected));
      compared += expected.length;
    }
    expect(compared).to.be.greaterThan(2000);
  });

  it('keeps to RFC 5545 where rrule departs from it: INTERVAL steps kept, BYSETPOS out of range picks nothing', () => {
    const at = (iso: string): number => Date.parse(`${iso}Z`);
    const walls = (rule: string, start: string, from: string, to: string): string[] =>
      wallExpander(
        rule,
        at(start),
        'Europe/Paris',
      )(at(from), at(to)).map((wall) => new Date(wall).toISOString().slice(0, 16));
    // Every 60 minutes from 04:30, at 14 h, on Mondays: 14:30 each Monday (rrule, after a skipped day,
    // steps by the carried hours and leaves the INTERVAL grid: other days, or none).
    expect(
      walls(
        'FREQ=MINUTELY;INTERVAL=60;BYHOUR=14;BYDAY=MO',
        '2038-12-09T04:30:00',
        '2038-12-26T00:00:00',
        '2039-01-11T00:00:00',
      ),
    ).to.deep.equal(['2038-12-27T14:30', '2039-01-03T14:30', '2039-01-10T14:30']);
    // March has four or five Mondays: the tenth from the end does not exist (rrule gives the first Monday).
    expect(
      walls(
        'FREQ=YEARLY;BYMONTH=3;BYDAY=MO;BYSETPOS=-10,-1',
        '2026-01-05T09:00:00',
        '2026-01-01T00:00:00',
        '2028-01-01T00:00:00',
      ),
    ).to.deep.equal(['2026-03-30T09:00', '2027-03-29T09:00']);
  });
});
