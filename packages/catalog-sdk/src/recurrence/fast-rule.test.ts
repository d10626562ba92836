/** The fast path must give exactly what `rrule` gives in floating time. */
import { expect } from '@open-wc/testing';
import { compileFastRule, expandFastRule } from './fast-rule.js';
import { floatingRule } from './rrule-reference.js';
import { parseRuleParts } from './rule-parts.js';

const RULES = [
  'FREQ=DAILY',
  'FREQ=DAILY;INTERVAL=3;COUNT=40',
  'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
  'FREQ=DAILY;BYMONTH=1,7;INTERVAL=2',
  'FREQ=WEEKLY',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH',
  'FREQ=WEEKLY;INTERVAL=3;BYDAY=SU,SA,MO;WKST=SU',
  'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=25',
  'FREQ=WEEKLY;UNTIL=20270315T000000',
  'FREQ=MONTHLY',
  'FREQ=MONTHLY;INTERVAL=5',
  'FREQ=MONTHLY;BYMONTHDAY=31',
  'FREQ=MONTHLY;BYMONTHDAY=1,15,-1;COUNT=30',
  'FREQ=MONTHLY;BYDAY=2TU',
  'FREQ=MONTHLY;BYDAY=-1SU;INTERVAL=2',
  'FREQ=MONTHLY;BYDAY=5FR',
  'FREQ=MONTHLY;BYDAY=1MO,-2FR,3WE',
  'FREQ=MONTHLY;BYDAY=TH',
  'FREQ=YEARLY',
  'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
  'FREQ=YEARLY;INTERVAL=2;BYMONTH=3,9;BYMONTHDAY=1,-1;COUNT=9',
  'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
  'FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-1;BYHOUR=2;BYMINUTE=30',
  'FREQ=DAILY;BYHOUR=8,12,19;COUNT=50',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;BYHOUR=9,17;BYSETPOS=1,-1',
  'FREQ=MONTHLY;BYMONTHDAY=1,15,-1;BYSETPOS=2;BYMINUTE=0,30',
  'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1,2,3;BYSETPOS=-2;BYSECOND=5',
];
const STARTS = [
  '2024-01-31T08:15:00',
  '2025-02-28T23:30:00',
  '2026-03-29T02:30:00',
  '2023-12-31T00:00:00',
  '2026-06-10T12:00:00',
];

describe('fast rule path agrees with rrule', () => {
  it('covers the rules an agenda meets and leaves the others to rrule', () => {
    for (const rule of RULES) expect(compileFastRule(parseRuleParts(rule), undefined), rule).not.to.equal(undefined);
    for (const rule of [
      'FREQ=YEARLY;BYWEEKNO=1',
      'FREQ=YEARLY;BYDAY=20MO',
      'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
      'FREQ=HOURLY',
    ]) {
      expect(compileFastRule(parseRuleParts(rule), undefined), rule).to.equal(undefined);
    }
  });

  it(`gives the same occurrences for ${RULES.length} rules × ${STARTS.length} starts over several windows`, () => {
    const windows: [string, string][] = [
      ['2023-01-01T00:00:00Z', '2029-01-01T00:00:00Z'],
      ['2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'],
      ['2027-02-27T12:00:00Z', '2027-03-02T00:00:00Z'],
    ];
    let compared = 0;
    for (const rule of RULES) {
      for (const start of STARTS) {
        const startWall = Date.parse(`${start}Z`);
        const parts = parseRuleParts(rule);
        const untilWall = parts.until ? Date.UTC(parts.until.year, parts.until.month - 1, parts.until.day) : undefined;
        const plan = compileFastRule(parts, untilWall);
        const reference = floatingRule(rule, startWall, 'UTC');
        for (const [from, to] of windows) {
          const fromWall = Date.parse(from);
          const toWall = Date.parse(to);
          const expected = reference.between(new Date(fromWall), new Date(toWall), true).map((d) => d.toISOString());
          const actual = plan
            ? expandFastRule(plan, startWall, fromWall, toWall).map((ms) => new Date(ms).toISOString())
            : [];
          expect(actual, `${rule} from ${start} in ${from}..${to}`).to.deep.equal(expected);
          compared += expected.length;
        }
      }
    }
    expect(compared).to.be.greaterThan(5000);
  });
});
