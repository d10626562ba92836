import { expect } from '@open-wc/testing';
import type { Timing, TimingRepeat } from '@medplum/fhirtypes';
import { expandOccurrences } from '../recurrence/index.js';
import { timingToRRule, type TimingConversion } from './timing-rrule.js';

const repeat = (r: TimingRepeat): Timing => ({ repeat: r });
const rules = (c: TimingConversion): string[] => c.rrules.map((r) => `${r.time} ${r.rrule}`);

describe('timingToRRule — when codes', () => {
  it('maps MORN, NOON, EVE, HS to breakfast, lunch, dinner and bedtime, exactly', () => {
    const c = timingToRRule(repeat({ frequency: 4, period: 1, periodUnit: 'd', when: ['HS', 'MORN', 'NOON', 'EVE'] }));
    expect(rules(c)).to.deep.equal(['08:00 FREQ=DAILY', '12:30 FREQ=DAILY', '19:30 FREQ=DAILY', '22:30 FREQ=DAILY']);
    expect(c.rrules.map((r) => r.source)).to.deep.equal(['when MORN', 'when NOON', 'when EVE', 'when HS']);
    expect(c.lossy).to.deep.equal([]);
  });

  it('maps the early/late moments, WAKE, AFT and NIGHT with the documented times', () => {
    const time = (code: NonNullable<TimingRepeat['when']>[number]): string | undefined =>
      timingToRRule(repeat({ when: [code] })).rrules[0]?.time;
    expect(time('WAKE')).to.equal('07:00');
    expect(time('MORN.early')).to.equal('07:00');
    expect(time('MORN.late')).to.equal('10:00');
    expect(time('AFT.early')).to.equal('14:15');
    expect(time('AFT')).to.equal('16:00');
    expect(time('AFT.late')).to.equal('17:45');
    expect(time('EVE.early')).to.equal('18:30');
    expect(time('EVE.late')).to.equal('21:00');
    expect(time('NIGHT')).to.equal('22:30');
  });

  it('maps CM, CD, CV to the meals themselves', () => {
    const c = timingToRRule(repeat({ frequency: 3, period: 1, periodUnit: 'd', when: ['CM', 'CD', 'CV'] }));
    expect(c.rrules.map((r) => r.time)).to.deep.equal(['08:00', '12:30', '19:30']);
  });

  it('puts ACM, ACD, ACV 30 minutes before the meal by default, or `offset` minutes before', () => {
    const c = timingToRRule(repeat({ when: ['ACM', 'ACD', 'ACV'] }));
    expect(c.rrules.map((r) => r.time)).to.deep.equal(['07:30', '12:00', '19:00']);
    const withOffset = timingToRRule(repeat({ when: ['ACM'], offset: 15 }));
    expect(withOffset.rrules[0]?.time).to.equal('07:45');
  });

  it('puts PCM, PCD, PCV 30 minutes after the meal by default, or `offset` minutes after', () => {
    const c = timingToRRule(repeat({ when: ['PCM', 'PCD', 'PCV'] }));
    expect(c.rrules.map((r) => r.time)).to.deep.equal(['08:30', '13:00', '20:00']);
    expect(timingToRRule(repeat({ when: ['PCV'], offset: 60 })).rrules[0]?.time).to.equal('20:30');
  });

  it('expands C, AC, PC to the meals the daily frequency implies', () => {
    const times = (frequency: number | undefined, code: 'C' | 'AC' | 'PC'): string[] =>
      timingToRRule(
        repeat(frequency === undefined ? { when: [code] } : { frequency, period: 1, periodUnit: 'd', when: [code] }),
      ).rrules.map((r) => r.time);
    expect(times(3, 'AC')).to.deep.equal(['07:30', '12:00', '19:00']);
    expect(times(2, 'PC')).to.deep.equal(['08:30', '20:00']);
    expect(times(1, 'C')).to.deep.equal(['08:00']);
    expect(times(undefined, 'C')).to.deep.equal(['08:00', '12:30', '19:30']);
    expect(
      timingToRRule(repeat({ frequency: 2, period: 1, periodUnit: 'd', when: ['AC'] })).rrules[1]?.source,
    ).to.equal('when AC dinner');
  });

  it("uses the patient's own meal times", () => {
    const meals = { breakfast: '06:45', lunch: '12:00', dinner: '19:00', bedtime: '23:00', wake: '06:00' };
    const c = timingToRRule(repeat({ when: ['WAKE', 'MORN', 'ACM', 'HS'] }), meals);
    expect(c.rrules.map((r) => r.time)).to.deep.equal(['06:00', '06:15', '06:45', '23:00']);
  });
});

describe('timingToRRule — timeOfDay and frequency per period', () => {
  it('turns a timeOfDay list into one daily rule per time, sorted, to the minute', () => {
    const c = timingToRRule(
      repeat({ frequency: 4, period: 1, periodUnit: 'd', timeOfDay: ['19:00:00', '07:00:00', '11:00:00', '15:00:00'] }),
    );
    expect(rules(c)).to.deep.equal(['07:00 FREQ=DAILY', '11:00 FREQ=DAILY', '15:00 FREQ=DAILY', '19:00 FREQ=DAILY']);
    expect(c.rrules[0]?.source).to.equal('timeOfDay 07:00');
    expect(c.lossy).to.deep.equal([]);
  });

  it('1 per day without times → once a day at breakfast', () => {
    expect(rules(timingToRRule(repeat({ frequency: 1, period: 1, periodUnit: 'd' })))).to.deep.equal([
      '08:00 FREQ=DAILY',
    ]);
  });

  it('2 and 3 per day without times → spread from wake to bedtime', () => {
    const two = timingToRRule(repeat({ frequency: 2, period: 1, periodUnit: 'd' }));
    expect(two.rrules.map((r) => r.time)).to.deep.equal(['07:00', '22:30']);
    const three = timingToRRule(repeat({ frequency: 3, period: 1, periodUnit: 'd' }));
    expect(three.rrules.map((r) => r.time)).to.deep.equal(['07:00', '14:45', '22:30']);
    expect(three.rrules[1]?.source).to.equal('3 a day from wake to bedtime');
    expect(three.lossy).to.deep.equal([]);
  });

  it('every 2 days → FREQ=DAILY;INTERVAL=2; 2 per 0.5 d reads as 4 a day', () => {
    expect(
      rules(timingToRRule(repeat({ frequency: 1, period: 2, periodUnit: 'd', timeOfDay: ['09:00:00'] }))),
    ).to.deep.equal(['09:00 FREQ=DAILY;INTERVAL=2']);
    expect(timingToRRule(repeat({ frequency: 2, period: 0.5, periodUnit: 'd' })).rrules).to.have.length(4);
  });

  it('every 8 hours → three daily rules from wake, or from the given time', () => {
    const c = timingToRRule(repeat({ frequency: 1, period: 8, periodUnit: 'h' }));
    expect(rules(c)).to.deep.equal(['07:00 FREQ=DAILY', '15:00 FREQ=DAILY', '23:00 FREQ=DAILY']);
    expect(c.rrules[0]?.source).to.equal('every 8 h from wake');
    const anchored = timingToRRule(repeat({ frequency: 1, period: 8, periodUnit: 'h', timeOfDay: ['06:00:00'] }));
    expect(anchored.rrules.map((r) => r.time)).to.deep.equal(['06:00', '14:00', '22:00']);
  });

  it('every 36 hours (not a divisor of a day) → FREQ=HOURLY;INTERVAL=36; every 48 h → every 2 days', () => {
    expect(rules(timingToRRule(repeat({ frequency: 1, period: 36, periodUnit: 'h' })))).to.deep.equal([
      '07:00 FREQ=HOURLY;INTERVAL=36',
    ]);
    expect(rules(timingToRRule(repeat({ frequency: 1, period: 48, periodUnit: 'h' })))).to.deep.equal([
      '08:00 FREQ=DAILY;INTERVAL=2',
    ]);
  });

  it('weekly with dayOfWeek → FREQ=WEEKLY;BYDAY in week order', () => {
    const once = timingToRRule(
      repeat({ frequency: 1, period: 1, periodUnit: 'wk', dayOfWeek: ['mon'], timeOfDay: ['09:00:00'] }),
    );
    expect(rules(once)).to.deep.equal(['09:00 FREQ=WEEKLY;BYDAY=MO']);
    const thrice = timingToRRule(
      repeat({ frequency: 3, period: 1, periodUnit: 'wk', dayOfWeek: ['fri', 'mon', 'wed'] }),
    );
    expect(rules(thrice)).to.deep.equal(['08:00 FREQ=WEEKLY;BYDAY=MO,WE,FR']);
    expect(thrice.lossy).to.deep.equal([]);
  });

  it('twice a day on some days → one weekly rule per time', () => {
    const c = timingToRRule(
      repeat({ frequency: 2, period: 1, periodUnit: 'd', dayOfWeek: ['thu', 'tue'], when: ['MORN', 'EVE'] }),
    );
    expect(rules(c)).to.deep.equal(['08:00 FREQ=WEEKLY;BYDAY=TU,TH', '19:30 FREQ=WEEKLY;BYDAY=TU,TH']);
  });

  it('every 2 weeks, every 3 months and yearly', () => {
    expect(rules(timingToRRule(repeat({ frequency: 1, period: 2, periodUnit: 'wk' })))).to.deep.equal([
      '08:00 FREQ=WEEKLY;INTERVAL=2',
    ]);
    expect(rules(timingToRRule(repeat({ frequency: 1, period: 3, periodUnit: 'mo' })))).to.deep.equal([
      '08:00 FREQ=MONTHLY;INTERVAL=3',
    ]);
    expect(
      rules(timingToRRule(repeat({ frequency: 1, period: 1, periodUnit: 'a', timeOfDay: ['10:00:00'] }))),
    ).to.deep.equal(['10:00 FREQ=YEARLY']);
  });
});

describe('timingToRRule — bounds and count', () => {
  it('boundsPeriod dates → start, until and UNTIL at the end of the last day', () => {
    const c = timingToRRule(repeat({ when: ['MORN'], boundsPeriod: { start: '2026-04-01', end: '2026-04-30' } }));
    expect(c.start).to.equal('2026-04-01');
    expect(c.until).to.equal('2026-04-30');
    expect(rules(c)).to.deep.equal(['08:00 FREQ=DAILY;UNTIL=20260430T235959']);
  });

  it('a boundsPeriod end with a time and offset → an UNTIL instant in UTC', () => {
    const c = timingToRRule(repeat({ when: ['MORN'], boundsPeriod: { end: '2026-04-30T12:00:00+02:00' } }));
    expect(c.rrules[0]?.rrule).to.equal('FREQ=DAILY;UNTIL=20260430T100000Z');
  });

  it('count is split over the rules so they give exactly that many doses', () => {
    const c = timingToRRule(
      repeat({ count: 10, frequency: 3, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00', '12:00:00', '18:00:00'] }),
    );
    expect(c.rrules.map((r) => r.rrule)).to.deep.equal([
      'FREQ=DAILY;COUNT=4',
      'FREQ=DAILY;COUNT=3',
      'FREQ=DAILY;COUNT=3',
    ]);
    expect(c.count).to.equal(10);
    const starts = c.rrules.flatMap((r) =>
      expandOccurrences(
        {
          id: 'x',
          title: 'x',
          kind: 'reminder',
          start: `2026-04-01T${r.time}:00`,
          end: `2026-04-01T${r.time}:00`,
          timeZone: 'Europe/Paris',
          rrule: r.rrule,
          exdates: [],
          overrides: [],
          reminders: [],
          version: '1',
        },
        { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-06-01T00:00:00Z') },
      ).map((o) => o.localStart),
    );
    expect(starts).to.have.length(10);
    expect(starts.sort().at(-1)).to.equal('2026-04-04T08:00:00');
  });

  it('a count smaller than the times a day drops the rules left without a dose', () => {
    const c = timingToRRule(repeat({ count: 2, frequency: 3, period: 1, periodUnit: 'd' }));
    expect(rules(c)).to.deep.equal(['07:00 FREQ=DAILY;COUNT=1', '14:45 FREQ=DAILY;COUNT=1']);
  });

  it('boundsDuration becomes a COUNT: 10 days twice a day, 4 weeks on Monday and Thursday', () => {
    const days = timingToRRule(
      repeat({
        frequency: 2,
        period: 1,
        periodUnit: 'd',
        when: ['MORN', 'EVE'],
        boundsDuration: { value: 10, code: 'd' },
      }),
    );
    expect(days.rrules.map((r) => r.rrule)).to.deep.equal(['FREQ=DAILY;COUNT=10', 'FREQ=DAILY;COUNT=10']);
    expect(days.count).to.equal(20);
    const weeks = timingToRRule(
      repeat({
        frequency: 2,
        period: 1,
        periodUnit: 'wk',
        dayOfWeek: ['mon', 'thu'],
        boundsDuration: { value: 4, unit: 'wk' },
      }),
    );
    expect(weeks.rrules[0]?.rrule).to.equal('FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8');
    const everyOther = timingToRRule(
      repeat({ frequency: 1, period: 2, periodUnit: 'd', boundsDuration: { value: 9, code: 'd' } }),
    );
    expect(everyOther.rrules[0]?.rrule).to.equal('FREQ=DAILY;INTERVAL=2;COUNT=5');
  });

  it('count with an end: the rules carry COUNT (RFC 5545 forbids both) and `until` still bounds them', () => {
    const c = timingToRRule(
      repeat({ count: 5, when: ['MORN'], boundsPeriod: { start: '2026-04-01', end: '2026-04-03' } }),
    );
    expect(c.rrules[0]?.rrule).to.equal('FREQ=DAILY;COUNT=5');
    expect(c.until).to.equal('2026-04-03');
    expect(c.count).to.equal(5);
  });
});
