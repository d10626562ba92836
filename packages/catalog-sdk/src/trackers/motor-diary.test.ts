import { expect } from '@open-wc/testing';
import type { MotorState, MotorStateEntry } from '../model/tracker.js';
import { motorDayRange, motorSlots, motorStatesBySlot, summariseMotorDay } from './motor-diary.js';

const slot = (at: string, state: MotorState, id = at): MotorStateEntry => ({
  id,
  version: '1',
  at,
  end: new Date(Date.parse(at) + 30 * 60_000).toISOString(),
  state,
  origin: 'entered',
});

describe('motor diary arithmetic', () => {
  it('a local day is 48 half-hour slots from midnight to midnight', () => {
    const range = motorDayRange(new Date(2026, 2, 4, 15, 20));
    expect(new Date(range.from).getHours()).to.equal(0);
    expect(new Date(range.from).getDate()).to.equal(4);
    const slots = motorSlots({ from: '2026-03-04T00:00:00.000Z', to: '2026-03-05T00:00:00.000Z' });
    expect(slots).to.have.length(48);
    expect(slots[1]).to.deep.equal({ start: '2026-03-04T00:30:00.000Z', end: '2026-03-04T01:00:00.000Z' });
    // A 23-hour day (spring forward) has 46 slots.
    expect(motorSlots({ from: '2026-03-29T00:00:00.000Z', to: '2026-03-29T23:00:00.000Z' })).to.have.length(46);
  });

  it('sums the off time, joins consecutive off slots into periods and counts dyskinesia', () => {
    const range = { from: '2026-03-04T00:00:00.000Z', to: '2026-03-05T00:00:00.000Z' };
    const entries = [
      slot('2026-03-04T07:00:00.000Z', 'off'),
      slot('2026-03-04T07:30:00.000Z', 'off'),
      slot('2026-03-04T08:00:00.000Z', 'on'),
      slot('2026-03-04T08:30:00.000Z', 'on-dyskinesia'),
      slot('2026-03-04T12:00:00.000Z', 'off'),
      slot('2026-03-04T22:00:00.000Z', 'asleep'),
      // Another day: left out.
      slot('2026-03-05T07:00:00.000Z', 'off'),
    ];
    const summary = summariseMotorDay(entries, range);
    expect(summary.offMinutes).to.equal(90);
    expect(summary.dyskinesiaMinutes).to.equal(30);
    expect(summary.minutes).to.deep.equal({ off: 90, on: 30, 'on-dyskinesia': 30, asleep: 30 });
    expect(summary.recordedMinutes).to.equal(180);
    expect(summary.offPeriods).to.deep.equal([
      { start: '2026-03-04T07:00:00.000Z', end: '2026-03-04T08:00:00.000Z', minutes: 60 },
      { start: '2026-03-04T12:00:00.000Z', end: '2026-03-04T12:30:00.000Z', minutes: 30 },
    ]);
    expect(summary.dyskinesiaPeriods).to.deep.equal([
      { start: '2026-03-04T08:30:00.000Z', end: '2026-03-04T09:00:00.000Z', minutes: 30 },
    ]);
  });

  it('counts one state per slot: the entry listed last wins', () => {
    const entries = [slot('2026-03-04T07:00:00.000Z', 'off', 'a'), slot('2026-03-04T07:00:00+00:00', 'on', 'b')];
    expect([...motorStatesBySlot(entries).values()].map((entry) => entry.id)).to.deep.equal(['b']);
    const summary = summariseMotorDay(entries, { from: '2026-03-04T00:00:00Z', to: '2026-03-05T00:00:00Z' });
    expect(summary.offMinutes).to.equal(0);
    expect(summary.offPeriods).to.deep.equal([]);
  });
});

describe('the Parkinson persona’s demo diary', () => {
  it('has three whole days before today, off before the first dose and dyskinesia at midday', async () => {
    const { buildMotorDiary } = await import('../demo-data/motor-diary.js');
    const now = new Date('2026-03-11T10:00:00Z');
    const entries = buildMotorDiary('patient-parkinson', 7, now);
    expect(entries).to.have.length(3 * 48);
    expect(entries.every((entry) => entry.at < '2026-03-11T00:00:00Z')).to.equal(true);
    const day = { from: '2026-03-09T23:00:00Z', to: '2026-03-10T23:00:00Z' };
    const summary = summariseMotorDay(entries, day);
    expect(summary.recordedMinutes).to.equal(24 * 60);
    expect(summary.offPeriods[0]?.start).to.equal('2026-03-10T06:00:00.000Z');
    expect(summary.dyskinesiaMinutes).to.equal(60);
  });
});
