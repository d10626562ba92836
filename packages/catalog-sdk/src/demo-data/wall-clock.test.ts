import { expect } from '@open-wc/testing';
import { ValidationError } from '../errors/errors.js';
import {
  addMonths,
  instantToWallClock,
  nthWeekdayOfMonth,
  wallClockToInstant,
  weekdayOf,
  zoneOffsetMinutes,
} from './wall-clock.js';

describe('demo-data wall clock', () => {
  it('reads 07:00 in Paris as 06:00Z in winter and 05:00Z in summer', () => {
    expect(wallClockToInstant('2026-01-15T07:00:00', 'Europe/Paris').toISOString()).to.equal(
      '2026-01-15T06:00:00.000Z',
    );
    expect(wallClockToInstant('2026-07-15T07:00:00', 'Europe/Paris').toISOString()).to.equal(
      '2026-07-15T05:00:00.000Z',
    );
  });

  it('handles the days of the change themselves', () => {
    // Last Sunday of March 2026 is the 29th, of October the 25th.
    expect(wallClockToInstant('2026-03-29T07:00:00', 'Europe/Paris').toISOString()).to.equal(
      '2026-03-29T05:00:00.000Z',
    );
    expect(wallClockToInstant('2026-03-29T01:30:00', 'Europe/Paris').toISOString()).to.equal(
      '2026-03-29T00:30:00.000Z',
    );
    expect(wallClockToInstant('2026-10-25T07:00:00', 'Europe/Paris').toISOString()).to.equal(
      '2026-10-25T06:00:00.000Z',
    );
  });

  it('moves a skipped spring time forward and takes the first of a repeated autumn time', () => {
    expect(wallClockToInstant('2026-03-29T02:30:00', 'Europe/Paris').toISOString()).to.equal(
      '2026-03-29T01:30:00.000Z',
    );
    expect(wallClockToInstant('2026-10-25T02:30:00', 'Europe/Paris').toISOString()).to.equal(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('works for other zones too', () => {
    expect(wallClockToInstant('2026-07-04T09:00', 'America/New_York').toISOString()).to.equal(
      '2026-07-04T13:00:00.000Z',
    );
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 1), 'Europe/Paris')).to.equal(60);
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 1), 'Europe/Paris')).to.equal(120);
  });

  it('rejects a malformed wall-clock time', () => {
    expect(() => wallClockToInstant('23/11/2026 07:00', 'Europe/Paris')).to.throw(ValidationError);
  });

  it('gives the Paris calendar day of an instant, across midnight', () => {
    const late = instantToWallClock(new Date('2026-11-22T23:30:00Z'), 'Europe/Paris');
    expect(late.day).to.deep.equal({ year: 2026, month: 11, day: 23 });
    expect(late.minutes).to.equal(30);
  });

  it('computes weekdays, n-th weekdays and clamped months', () => {
    expect(weekdayOf({ year: 2026, month: 11, day: 23 })).to.equal('MO');
    expect(nthWeekdayOfMonth(2026, 11, 'TU', 2)).to.deep.equal({ year: 2026, month: 11, day: 10 });
    expect(addMonths({ year: 2026, month: 1, day: 31 }, 1)).to.deep.equal({ year: 2026, month: 2, day: 28 });
    expect(addMonths({ year: 2026, month: 11, day: 23 }, -24)).to.deep.equal({ year: 2024, month: 11, day: 23 });
  });
});
