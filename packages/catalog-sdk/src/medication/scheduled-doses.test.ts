import { expect } from '@open-wc/testing';
import { ValidationError } from '../errors/errors.js';
import { planToDoseSchedule } from './dose-schedule.js';
import { doseKey, scheduledDoses } from './scheduled-doses.js';
import { plan, range } from './test-helpers/plans.js';

describe('planToDoseSchedule', () => {
  it('gives one daily rule per exact time, with the grid column derived from the time', () => {
    const p = plan({
      slots: [{ time: '21:00' }, { time: '07:00' }, { time: '11:00' }, { time: '16:00' }, { time: '03:00' }],
    });
    const schedule = planToDoseSchedule(p);
    expect(schedule.map((s) => `${s.time} ${s.period} ${s.rrule}`)).to.deep.equal([
      '03:00 bedtime FREQ=DAILY',
      '07:00 morning FREQ=DAILY',
      '11:00 noon FREQ=DAILY',
      '16:00 evening FREQ=DAILY',
      '21:00 bedtime FREQ=DAILY',
    ]);
    expect(schedule[1]?.slotIndex).to.equal(1);
    expect(schedule[1]?.source).to.equal('time 07:00');
  });

  it("maps moments to the patient's meal times: morning → breakfast … bedtime → bedtime", () => {
    const p = plan({
      slots: [{ period: 'bedtime' }, { period: 'morning' }, { period: 'noon' }, { period: 'evening' }],
    });
    expect(planToDoseSchedule(p).map((s) => s.time)).to.deep.equal(['08:00', '12:30', '19:30', '22:30']);
    const meals = { breakfast: '07:15', lunch: '12:00', dinner: '20:00', bedtime: '23:15' };
    expect(planToDoseSchedule(p, meals).map((s) => `${s.period} ${s.time}`)).to.deep.equal([
      'morning 07:15',
      'noon 12:00',
      'evening 20:00',
      'bedtime 23:15',
    ]);
  });

  it('turns days of the week into BYDAY in week order, and the end into UNTIL', () => {
    const p = plan({ slots: [{ period: 'morning' }], daysOfWeek: ['TH', 'MO'], end: '2026-12-31' });
    expect(planToDoseSchedule(p)[0]?.rrule).to.equal('FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261231T235959');
  });

  it('rejects a slot with neither time nor moment, and a malformed time', () => {
    expect(() => planToDoseSchedule(plan({ slots: [{}] }))).to.throw(ValidationError);
    expect(() => planToDoseSchedule(plan({ slots: [{ time: '7h' }] }))).to.throw(ValidationError);
  });
});

describe('scheduledDoses across the Paris daylight-saving changes', () => {
  const morning = plan({ slots: [{ time: '07:00' }], start: '2026-03-01' });

  it('a 07:00 dose is 06:00Z in winter and 05:00Z in summer, once on the spring changeover day', () => {
    const doses = scheduledDoses([morning], range('2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z'));
    expect(doses.map((d) => d.scheduledAt)).to.deep.equal([
      '2026-03-27T06:00:00.000Z',
      '2026-03-28T06:00:00.000Z',
      '2026-03-29T05:00:00.000Z',
      '2026-03-30T05:00:00.000Z',
    ]);
    expect(doses.every((d) => d.localTime.endsWith('T07:00:00'))).to.equal(true);
  });

  it('exactly one 07:00 dose on the autumn changeover day, back at 06:00Z', () => {
    const doses = scheduledDoses([morning], range('2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z'));
    expect(doses.map((d) => d.scheduledAt)).to.deep.equal([
      '2026-10-24T05:00:00.000Z',
      '2026-10-25T06:00:00.000Z',
      '2026-10-26T06:00:00.000Z',
    ]);
  });

  it('a 02:30 dose on 2026-03-29 (skipped hour) lands at 03:30 local; on 2026-10-25 it is taken once', () => {
    const night = plan({ slots: [{ time: '02:30' }], start: '2026-03-01' });
    const spring = scheduledDoses([night], range('2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z'));
    expect(spring.map((d) => [d.scheduledAt, d.localTime])).to.deep.equal([
      ['2026-03-29T01:30:00.000Z', '2026-03-29T03:30:00'],
    ]);
    const autumn = scheduledDoses([night], range('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z'));
    expect(autumn.map((d) => d.scheduledAt)).to.deep.equal(['2026-10-25T00:30:00.000Z']);
  });

  it("follows the plan's own zone", () => {
    const newYork = plan({ timeZone: 'America/New_York', slots: [{ time: '07:00' }] });
    expect(scheduledDoses([newYork], range('2026-07-01T00:00:00Z', '2026-07-02T00:00:00Z'))[0]?.scheduledAt).to.equal(
      '2026-07-01T11:00:00.000Z',
    );
  });
});

describe('scheduledDoses', () => {
  it('gives dose, unit, slot, grid column and medication, with per-slot quantities', () => {
    const p = plan({ dose: 1, slots: [{ period: 'morning' }, { time: '20:00', quantity: 2 }] });
    const doses = scheduledDoses([p], range('2026-06-10T00:00:00Z', '2026-06-11T00:00:00Z'));
    expect(doses.map((d) => [d.localTime, d.dose, d.period, d.slotIndex])).to.deep.equal([
      ['2026-06-10T08:00:00', 1, 'morning', 0],
      ['2026-06-10T20:00:00', 2, 'evening', 1],
    ]);
    expect(doses[0]?.medication).to.equal('Lévodopa/Carbidopa 100 mg/25 mg, comprimé');
    expect(doses[0]?.doseUnit).to.equal('comprimé');
    expect(doses[1]?.slot).to.deep.equal({ time: '20:00', quantity: 2 });
    expect(doses[1]?.key).to.equal(doseKey('plan-1', '2026-06-10T18:00:00.000Z'));
  });

  it('stays within the first and last day of the plan', () => {
    const p = plan({ start: '2026-06-10', end: '2026-06-12', slots: [{ time: '00:00' }, { time: '23:30' }] });
    const doses = scheduledDoses([p], range('2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z'));
    expect(doses.map((d) => d.localTime)).to.deep.equal([
      '2026-06-10T00:00:00',
      '2026-06-10T23:30:00',
      '2026-06-11T00:00:00',
      '2026-06-11T23:30:00',
      '2026-06-12T00:00:00',
      '2026-06-12T23:30:00',
    ]);
  });

  it('starts a weekly plan on its first named day after the start date', () => {
    // 2026-06-10 is a Wednesday.
    const p = plan({ start: '2026-06-10', daysOfWeek: ['MO', 'FR'], slots: [{ period: 'morning' }] });
    const doses = scheduledDoses([p], range('2026-06-01T00:00:00Z', '2026-06-20T00:00:00Z'));
    expect(doses.map((d) => d.localTime.slice(0, 10))).to.deep.equal(['2026-06-12', '2026-06-15', '2026-06-19']);
  });

  it('sorts the doses of several plans by instant; the range end is excluded', () => {
    const a = plan({ id: 'a', slots: [{ time: '09:00' }] });
    const b = plan({ id: 'b', slots: [{ time: '08:00' }, { time: '09:00' }] });
    const doses = scheduledDoses([a, b], range('2026-06-10T06:00:00Z', '2026-06-11T06:00:00Z'));
    expect(doses.map((d) => `${d.planId} ${d.localTime.slice(11, 16)}`)).to.deep.equal([
      'b 08:00',
      'a 09:00',
      'b 09:00',
    ]);
  });

  it('doseKey is deterministic and names one instant however it is written', () => {
    expect(doseKey('p', '2026-06-10T06:00:00Z')).to.equal('p@2026-06-10T06:00:00.000Z');
    expect(doseKey('p', '2026-06-10T08:00:00+02:00')).to.equal(doseKey('p', '2026-06-10T06:00:00.000Z'));
    expect(doseKey('p', '2026-06-10T06:00:00Z')).not.to.equal(doseKey('q', '2026-06-10T06:00:00Z'));
  });
});
