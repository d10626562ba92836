import { expect } from '@open-wc/testing';
import { ValidationError } from '../errors/errors.js';
import { computeAdherence } from './adherence.js';
import { plan, skipped, taken } from './test-helpers/plans.js';

// 20:30 in Paris (CEST): the 08:00 dose is 06:00Z, the 20:00 one 18:00Z and 30 minutes old.
const now = new Date('2026-06-10T18:30:00Z');
const twiceDaily = plan({ slots: [{ time: '08:00' }, { time: '20:00' }] });
const at = (day: string, utcTime: string): string => `2026-06-${day}T${utcTime}:00.000Z`;

describe('computeAdherence', () => {
  it('counts every dose due in the last 7 days: missed when older than the tolerance, pending within it', () => {
    const report = computeAdherence([twiceDaily], [], { now, days: 7 });
    expect(report.overall).to.deep.equal({
      scheduled: 14,
      taken: 0,
      takenOnTime: 0,
      takenLate: 0,
      skipped: 0,
      missed: 13,
      pending: 1,
      rate: 0,
      onTimeRate: 0,
    });
    expect(report.from).to.equal('2026-06-03T22:00:00.000Z');
    expect(report.to).to.equal(now.toISOString());
  });

  it('tells on time from late around the 60-minute tolerance, and counts skipped doses', () => {
    const intakes = [
      taken('plan-1', at('10', '06:00'), 10),
      taken('plan-1', at('09', '18:00'), 61),
      taken('plan-1', at('09', '06:00'), 59),
      taken('plan-1', at('08', '06:00'), 60),
      skipped('plan-1', at('08', '18:00')),
    ];
    const { overall } = computeAdherence([twiceDaily], intakes, { now, days: 7 });
    expect(overall).to.include({
      scheduled: 14,
      taken: 4,
      takenOnTime: 3,
      takenLate: 1,
      skipped: 1,
      missed: 8,
      pending: 1,
    });
    expect(overall.rate).to.be.closeTo(4 / 13, 1e-12);
    expect(overall.onTimeRate).to.be.closeTo(3 / 13, 1e-12);
  });

  it('gives a per-day series for the chart, oldest first', () => {
    const intakes = [
      taken('plan-1', at('10', '06:00')),
      taken('plan-1', at('09', '18:00'), 90),
      taken('plan-1', at('09', '06:00')),
      skipped('plan-1', at('08', '18:00')),
    ];
    const { days } = computeAdherence([twiceDaily], intakes, { now, days: 7 });
    expect(days.map((d) => d.date)).to.deep.equal([
      '2026-06-04',
      '2026-06-05',
      '2026-06-06',
      '2026-06-07',
      '2026-06-08',
      '2026-06-09',
      '2026-06-10',
    ]);
    expect(days[0]).to.deep.equal({
      date: '2026-06-04',
      scheduled: 2,
      taken: 0,
      late: 0,
      skipped: 0,
      missed: 2,
      pending: 0,
    });
    expect(days[4]).to.deep.equal({
      date: '2026-06-08',
      scheduled: 2,
      taken: 0,
      late: 0,
      skipped: 1,
      missed: 1,
      pending: 0,
    });
    expect(days[5]).to.deep.equal({
      date: '2026-06-09',
      scheduled: 2,
      taken: 2,
      late: 1,
      skipped: 0,
      missed: 0,
      pending: 0,
    });
    expect(days[6]).to.deep.equal({
      date: '2026-06-10',
      scheduled: 2,
      taken: 1,
      late: 0,
      skipped: 0,
      missed: 0,
      pending: 1,
    });
  });

  it('uses the plan’s tighter tolerance (Parkinson’s preset): 20 minutes late is late, 30 unrecorded is missed', () => {
    const levodopa = plan({ slots: [{ time: '08:00' }, { time: '20:00' }], lateToleranceMinutes: 15 });
    const { overall } = computeAdherence([levodopa], [taken('plan-1', at('10', '06:00'), 20)], { now, days: 1 });
    expect(overall).to.include({ scheduled: 2, taken: 1, takenLate: 1, takenOnTime: 0, missed: 1, pending: 0 });
    expect(overall.rate).to.equal(0.5);
  });

  it('counts a dose recorded twice once, a taken record winning over a skipped one', () => {
    const first = skipped('plan-1', at('10', '06:00'));
    const second = taken('plan-1', '2026-06-10T08:00:00+02:00', 5);
    const third = taken('plan-1', at('09', '18:00'));
    const fourth = taken('plan-1', at('09', '18:00'), 3);
    const report = computeAdherence([twiceDaily], [first, second, third, fourth], { now, days: 2 });
    expect(report.overall).to.include({ scheduled: 4, taken: 2, skipped: 0, missed: 1, pending: 1 });
    expect(report.duplicateIntakes.map((r) => r.id)).to.deep.equal([first.id, fourth.id]);
  });

  it('reports intakes that match no scheduled dose apart, without counting them', () => {
    const offSchedule = taken('plan-1', at('09', '07:00'));
    const removedPlan = taken('old-plan', at('09', '06:00'));
    const beforeWindow = taken('plan-1', '2026-05-01T06:00:00.000Z');
    const notYetDue = taken('plan-1', at('11', '06:00'));
    const report = computeAdherence([twiceDaily], [offSchedule, removedPlan, beforeWindow, notYetDue], {
      now,
      days: 7,
    });
    expect(report.unmatchedIntakes.map((r) => r.id)).to.deep.equal([offSchedule.id, removedPlan.id]);
    expect(report.overall).to.include({ scheduled: 14, taken: 0, missed: 13 });
  });

  it('7 days vs 30 days', () => {
    const intakes = [taken('plan-1', at('10', '06:00')), taken('plan-1', '2026-05-20T06:00:00.000Z')];
    const week = computeAdherence([twiceDaily], intakes, { now, days: 7 });
    const month = computeAdherence([twiceDaily], intakes, { now, days: 30 });
    expect([week.overall.scheduled, week.overall.taken, week.days.length]).to.deep.equal([14, 1, 7]);
    expect([month.overall.scheduled, month.overall.taken, month.days.length]).to.deep.equal([60, 2, 30]);
    expect(month.days[0]?.date).to.equal('2026-05-12');
    expect(month.from).to.equal('2026-05-11T22:00:00.000Z');
    expect(month.overall.rate).to.be.closeTo(2 / 59, 1e-12);
  });

  it('reports each plan apart and overall together', () => {
    const evening = plan({ id: 'plan-2', medication: { display: 'Atorvastatine 20 mg' }, slots: [{ time: '19:00' }] });
    const report = computeAdherence([twiceDaily, evening], [taken('plan-2', at('10', '17:00'))], { now, days: 1 });
    expect(report.plans.map((p) => [p.planId, p.medication, p.scheduled, p.taken])).to.deep.equal([
      ['plan-1', 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé', 2, 0],
      ['plan-2', 'Atorvastatine 20 mg', 1, 1],
    ]);
    expect(report.overall).to.include({ scheduled: 3, taken: 1, missed: 1, pending: 1 });
    expect(report.plans[1]?.days).to.deep.equal([
      { date: '2026-06-10', scheduled: 1, taken: 1, late: 0, skipped: 0, missed: 0, pending: 0 },
    ]);
  });

  it('counts only doses since the plan started; the rate is undefined when nothing is due yet', () => {
    const startedToday = plan({ start: '2026-06-10', slots: [{ time: '08:00' }, { time: '20:00' }] });
    expect(computeAdherence([startedToday], [], { now, days: 30 }).overall.scheduled).to.equal(2);
    const startsTomorrow = plan({ start: '2026-06-11' });
    const report = computeAdherence([startsTomorrow], [], { now, days: 7 });
    expect(report.overall.scheduled).to.equal(0);
    expect(report.overall.rate).to.equal(undefined);
    expect(report.overall.onTimeRate).to.equal(undefined);
    const onlyPending = computeAdherence([plan({ slots: [{ time: '20:00' }] })], [], { now, days: 1 });
    expect(onlyPending.overall).to.include({ scheduled: 1, pending: 1, rate: undefined });
  });

  it('files each dose under its day in the report’s zone', () => {
    // 00:30 in Paris (CEST) is 22:30Z the day before.
    const nightly = plan({ slots: [{ time: '00:30' }] });
    const report = computeAdherence([nightly], [], { now, days: 2, timeZone: 'UTC' });
    expect(report.timeZone).to.equal('UTC');
    expect(report.days.map((d) => [d.date, d.scheduled])).to.deep.equal([
      ['2026-06-09', 1],
      ['2026-06-10', 0],
    ]);
    expect(computeAdherence([nightly], [], { now, days: 2 }).days.map((d) => d.scheduled)).to.deep.equal([1, 1]);
  });

  it('rejects a window that is not a positive whole number of days', () => {
    expect(() => computeAdherence([twiceDaily], [], { now, days: 0 })).to.throw(ValidationError);
    expect(() => computeAdherence([twiceDaily], [], { now, days: 2.5 })).to.throw(ValidationError);
  });
});
