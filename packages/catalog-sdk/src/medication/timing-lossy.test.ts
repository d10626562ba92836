import { expect } from '@open-wc/testing';
import type { Timing, TimingRepeat } from '@medplum/fhirtypes';
import { timingToRRule } from './timing-rrule.js';

const daily: TimingRepeat = { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00'] };
const fields = (timing: Timing): string[] => timingToRRule(timing).lossy.map((loss) => loss.field);

describe('timingToRRule — what cannot be represented is reported', () => {
  const ranges: [keyof TimingRepeat, TimingRepeat][] = [
    ['frequencyMax', { ...daily, frequency: 1, frequencyMax: 3 }],
    ['periodMax', { ...daily, periodMax: 2 }],
    ['duration', { ...daily, duration: 30, durationUnit: 'min' }],
    ['durationMax', { ...daily, durationMax: 2, durationUnit: 'h' }],
    ['countMax', { ...daily, count: 3, countMax: 5 }],
    ['boundsRange', { ...daily, boundsRange: { low: { value: 2, unit: 'a' } } }],
  ];
  for (const [field, r] of ranges) {
    it(`reports repeat.${field} and keeps the exact part`, () => {
      const c = timingToRRule({ repeat: r });
      expect(c.lossy.map((l) => l.field)).to.deep.equal([`repeat.${field}`]);
      expect(c.lossy[0]?.reason).to.be.a('string').and.not.equal('');
      expect(c.rrules.map((rule) => rule.time)).to.deep.equal(['08:00']);
    });
  }

  it('reports an event list', () => {
    expect(fields({ event: ['2026-04-01T08:00:00Z', '2026-04-09T08:00:00Z'], repeat: daily })).to.deep.equal(['event']);
  });

  it('reports when together with timeOfDay and keeps the exact times', () => {
    const c = timingToRRule({ repeat: { timeOfDay: ['07:15:00'], when: ['MORN'] } });
    expect(c.lossy.map((l) => l.field)).to.deep.equal(['repeat.when']);
    expect(c.rrules.map((r) => r.time)).to.deep.equal(['07:15']);
  });

  it('reports seconds and periods in s or min, without guessing a schedule', () => {
    const seconds = timingToRRule({ repeat: { frequency: 1, period: 30, periodUnit: 's' } });
    expect(seconds.lossy.map((l) => l.field)).to.deep.equal(['repeat.periodUnit']);
    expect(seconds.rrules).to.deep.equal([]);
    const minutes = timingToRRule({ repeat: { frequency: 1, period: 90, periodUnit: 'min' } });
    expect(minutes.lossy.map((l) => l.field)).to.deep.equal(['repeat.periodUnit']);
    expect(minutes.rrules).to.deep.equal([]);
  });

  it('reports 3 per 2 days (not a whole number a day)', () => {
    const c = timingToRRule({ repeat: { frequency: 3, period: 2, periodUnit: 'd' } });
    expect(c.lossy.map((l) => l.field)).to.deep.equal(['repeat.frequency']);
    expect(c.rrules).to.deep.equal([]);
  });

  it('reports several doses a week without the days, and several a month', () => {
    expect(fields({ repeat: { frequency: 3, period: 1, periodUnit: 'wk' } })).to.deep.equal(['repeat.dayOfWeek']);
    expect(timingToRRule({ repeat: { frequency: 3, period: 1, periodUnit: 'wk' } }).rrules).to.deep.equal([]);
    expect(fields({ repeat: { frequency: 2, period: 1, periodUnit: 'mo' } })).to.deep.equal(['repeat.frequency']);
  });

  it('reports dayOfWeek on a monthly timing or with an interval of days', () => {
    expect(fields({ repeat: { frequency: 1, period: 1, periodUnit: 'mo', dayOfWeek: ['mon'] } })).to.deep.equal([
      'repeat.dayOfWeek',
    ]);
    expect(fields({ repeat: { frequency: 1, period: 2, periodUnit: 'd', dayOfWeek: ['mon'] } })).to.deep.equal([
      'repeat.dayOfWeek',
    ]);
  });

  it('reports a frequency that disagrees with the times given, and keeps the times', () => {
    const c = timingToRRule({
      repeat: { frequency: 3, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00', '20:00:00'] },
    });
    expect(c.lossy.map((l) => l.field)).to.deep.equal(['repeat.frequency']);
    expect(c.rrules.map((r) => r.time)).to.deep.equal(['08:00', '20:00']);
  });

  it('reports a boundsDuration that does not fit the rule, and one next to boundsPeriod', () => {
    const monthly = timingToRRule({
      repeat: { frequency: 1, period: 1, periodUnit: 'mo', boundsDuration: { value: 10, code: 'd' } },
    });
    expect(monthly.lossy.map((l) => l.field)).to.deep.equal(['repeat.boundsDuration']);
    expect(monthly.rrules[0]?.rrule).to.equal('FREQ=MONTHLY');
    expect(monthly.count).to.equal(undefined);
    const both = { ...daily, boundsPeriod: { end: '2026-05-01' }, boundsDuration: { value: 10, code: 'd' } };
    expect(fields({ repeat: both })).to.deep.equal(['repeat.boundsDuration']);
  });

  it('reports a bound not precise to the day', () => {
    const c = timingToRRule({ repeat: { ...daily, boundsPeriod: { start: '2026', end: '2026-04' } } });
    expect(c.lossy.map((l) => l.field)).to.deep.equal(['repeat.boundsPeriod.start', 'repeat.boundsPeriod.end']);
    expect(c.rrules[0]?.rrule).to.equal('FREQ=DAILY');
  });

  it('reports PHS without an offset; with one it is that long after bedtime', () => {
    expect(fields({ repeat: { when: ['PHS'] } })).to.deep.equal(['repeat.when[0]']);
    expect(timingToRRule({ repeat: { when: ['PHS'] } }).rrules).to.deep.equal([]);
    expect(timingToRRule({ repeat: { when: ['PHS'], offset: 120 } }).rrules[0]?.time).to.equal('00:30');
  });

  it('reports two codes that fall at the same time and keeps one dose', () => {
    const c = timingToRRule({ repeat: { when: ['NIGHT', 'HS'] } });
    expect(c.lossy.map((l) => l.field)).to.deep.equal(['repeat.when']);
    expect(c.rrules).to.have.length(1);
    expect(c.rrules[0]?.source).to.equal('when NIGHT, when HS');
  });

  it('reports a missing repeat, a code without repeat, and a frequency without period', () => {
    expect(fields({})).to.deep.equal(['repeat']);
    expect(fields({ code: { text: 'BID' } })).to.deep.equal(['code']);
    expect(fields({ repeat: { frequency: 2 } })).to.deep.equal(['repeat.period']);
    expect(fields({ repeat: { frequency: 1, period: 1 } })).to.deep.equal(['repeat.periodUnit']);
  });
});
