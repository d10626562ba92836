/**
 * Europe/Paris across the 2025 (30 March / 26 October) and 2026 (29 March /
 * 25 October) daylight-saving changes, compared with `rrule` given the TZID.
 */
import { expect } from '@open-wc/testing';
import { expandOccurrences } from './expand.js';
import { instantToZoned } from '../time/zone.js';
import { RRule } from './rrule-interop.js';
import { agendaEvent, range } from './test-helpers/events.js';

describe('expandOccurrences across Paris DST changes', () => {
  const weekly = agendaEvent({ start: '2025-03-02T02:30', rrule: 'FREQ=WEEKLY;BYDAY=SU' });
  const occurrences = expandOccurrences(weekly, range('2025-01-01T00:00:00Z', '2027-01-01T00:00:00Z'));
  const byDay = new Map(occurrences.map((o) => [o.originalStart.slice(0, 10), o]));

  it('a weekly 02:30 event on 30 March 2025 (skipped hour) lands at 03:30 local = 01:30Z', () => {
    const march = byDay.get('2025-03-30');
    expect(march?.start).to.equal('2025-03-30T01:30:00.000Z');
    expect(instantToZoned(new Date(march?.start ?? ''), 'Europe/Paris')).to.equal('2025-03-30T03:30:00');
    expect(march?.localStart).to.equal('2025-03-30T02:30:00');
    // The whole hour moves forward by the gap: 03:30–04:30 local.
    expect(march?.end).to.equal('2025-03-30T02:30:00.000Z');
  });

  it('the same on 29 March 2026', () => {
    expect(byDay.get('2026-03-29')?.start).to.equal('2026-03-29T01:30:00.000Z');
  });

  it('other Sundays stay at 02:30 local with the right offset (+01:00 in winter, +02:00 in summer)', () => {
    expect(byDay.get('2025-03-23')?.start).to.equal('2025-03-23T01:30:00.000Z');
    expect(byDay.get('2025-04-06')?.start).to.equal('2025-04-06T00:30:00.000Z');
    expect(byDay.get('2025-07-13')?.start).to.equal('2025-07-13T00:30:00.000Z');
    expect(byDay.get('2025-11-02')?.start).to.equal('2025-11-02T01:30:00.000Z');
    expect(byDay.get('2026-03-22')?.start).to.equal('2026-03-22T01:30:00.000Z');
    expect(byDay.get('2026-04-05')?.start).to.equal('2026-04-05T00:30:00.000Z');
    for (const occurrence of occurrences) {
      const local = instantToZoned(new Date(occurrence.start), 'Europe/Paris').slice(11);
      const isSpringForward = ['2025-03-30', '2026-03-29'].includes(occurrence.originalStart.slice(0, 10));
      expect(local, occurrence.originalStart).to.equal(isSpringForward ? '03:30:00' : '02:30:00');
    }
    expect(occurrences).to.have.length(96);
  });

  it('02:30 on 26 October 2025 and 25 October 2026 (repeated hour) is the first instance, 00:30Z', () => {
    expect(byDay.get('2025-10-26')?.start).to.equal('2025-10-26T00:30:00.000Z');
    expect(byDay.get('2026-10-25')?.start).to.equal('2026-10-25T00:30:00.000Z');
  });

  it('an event ending in the skipped hour ends at the moved-forward time', () => {
    const event = agendaEvent({ start: '2026-03-29T01:30', end: '2026-03-29T02:30' });
    const [only] = expandOccurrences(event, range('2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z'));
    expect(only?.start).to.equal('2026-03-29T00:30:00.000Z');
    expect(only?.end).to.equal('2026-03-29T01:30:00.000Z');
  });

  for (const [year, changeDay] of [
    ['2025', 26],
    ['2026', 25],
  ] as const) {
    it(`a daily 01:30 event stays at 01:30 local through October ${year} (23:30Z before, 00:30Z after)`, () => {
      const daily = agendaEvent({ start: `${year}-10-${changeDay - 3}T01:30`, rrule: 'FREQ=DAILY;COUNT=6' });
      const starts = expandOccurrences(daily, range(`${year}-10-01T00:00:00Z`, `${year}-11-01T00:00:00Z`)).map(
        (o) => o.start,
      );
      const day = (n: number): string => `${year}-10-${String(n).padStart(2, '0')}`;
      expect(starts).to.deep.equal([
        `${day(changeDay - 4)}T23:30:00.000Z`,
        `${day(changeDay - 3)}T23:30:00.000Z`,
        `${day(changeDay - 2)}T23:30:00.000Z`,
        `${day(changeDay - 1)}T23:30:00.000Z`,
        `${day(changeDay + 1)}T00:30:00.000Z`,
        `${day(changeDay + 2)}T00:30:00.000Z`,
      ]);
      for (const start of starts)
        expect(instantToZoned(new Date(start), 'Europe/Paris').slice(11)).to.equal('01:30:00');
    });
  }

  it('compared with rrule given the TZID: ours keeps the wall-clock rules stated above', () => {
    const daily = agendaEvent({ start: '2025-10-24T01:30', rrule: 'FREQ=DAILY;COUNT=5' });
    const ours = expandOccurrences(daily, range('2025-10-01T00:00:00Z', '2025-11-01T00:00:00Z')).map((o) => o.start);
    const withTzid = new RRule({
      freq: RRule.DAILY,
      count: 5,
      dtstart: new Date(Date.UTC(2025, 9, 24, 1, 30)),
      tzid: 'Europe/Paris',
    })
      .all()
      .map((date) => date.toISOString());
    // rrule's TZID results depend on the browser's own zone; only their number is stable.
    expect(withTzid).to.have.length(ours.length);
    expect(ours).to.deep.equal([
      '2025-10-23T23:30:00.000Z',
      '2025-10-24T23:30:00.000Z',
      '2025-10-25T23:30:00.000Z',
      '2025-10-27T00:30:00.000Z',
      '2025-10-28T00:30:00.000Z',
    ]);
  });
});
