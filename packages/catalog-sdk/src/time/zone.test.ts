import { expect } from '@open-wc/testing';
import { ValidationError } from '../errors/errors.js';
import { instantToZoned, isKnownTimeZone, offsetAt, transitionsInYear, zonedToInstant } from './zone.js';

describe('zone conversions', () => {
  it('converts Paris wall-clock to instants in winter and summer', () => {
    expect(zonedToInstant('2026-01-15T09:00:00', 'Europe/Paris').toISOString()).to.equal('2026-01-15T08:00:00.000Z');
    expect(zonedToInstant('2026-07-15T09:00', 'Europe/Paris').toISOString()).to.equal('2026-07-15T07:00:00.000Z');
  });

  it('moves a skipped time forward by the gap and takes the first instance of a repeated time', () => {
    expect(zonedToInstant('2026-03-29T02:30:00', 'Europe/Paris').toISOString()).to.equal('2026-03-29T01:30:00.000Z');
    expect(zonedToInstant('2026-10-25T02:30:00', 'Europe/Paris').toISOString()).to.equal('2026-10-25T00:30:00.000Z');
    expect(zonedToInstant('2026-03-08T02:30:00', 'America/New_York').toISOString()).to.equal(
      '2026-03-08T07:30:00.000Z',
    );
    expect(zonedToInstant('2026-11-01T01:30:00', 'America/New_York').toISOString()).to.equal(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('reads instants back as wall-clock, including both instances of a repeated hour', () => {
    expect(instantToZoned(new Date('2026-10-25T00:30:00Z'), 'Europe/Paris')).to.equal('2026-10-25T02:30:00');
    expect(instantToZoned(new Date('2026-10-25T01:30:00Z'), 'Europe/Paris')).to.equal('2026-10-25T02:30:00');
    expect(instantToZoned(new Date('2026-06-01T12:00:00Z'), 'Asia/Kathmandu')).to.equal('2026-06-01T17:45:00');
    expect(instantToZoned(new Date('2026-06-01T12:00:00Z'), 'UTC')).to.equal('2026-06-01T12:00:00');
  });

  it('round-trips every hour of a year in Paris and Sydney (outside the gaps)', () => {
    for (const zone of ['Europe/Paris', 'Australia/Sydney']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
        const local = instantToZoned(new Date(t), zone);
        const back = zonedToInstant(local, zone).getTime();
        // Back is t itself, or the first instance of a repeated hour.
        expect(back === t || back === t - 3_600_000, `${zone} ${new Date(t).toISOString()}`).to.equal(true);
      }
    }
  });

  it('finds the 2026 transitions of Paris at 01:00Z on 29 March and 25 October', () => {
    expect(transitionsInYear('Europe/Paris', 2026)).to.deep.equal([
      { at: Date.UTC(2026, 2, 29, 1), offsetFrom: 3_600_000, offsetTo: 7_200_000 },
      { at: Date.UTC(2026, 9, 25, 1), offsetFrom: 7_200_000, offsetTo: 3_600_000 },
    ]);
    expect(transitionsInYear('Asia/Tokyo', 2026)).to.deep.equal([]);
    expect(offsetAt('Asia/Kolkata', Date.UTC(2026, 5, 1))).to.equal(19_800_000);
  });

  it('rejects unknown zones and malformed times with ValidationError', () => {
    expect(isKnownTimeZone('Europe/Paris')).to.equal(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).to.equal(false);
    expect(() => zonedToInstant('2026-01-01T09:00', 'Mars/Olympus_Mons')).to.throw(ValidationError);
    expect(() => zonedToInstant('2026-02-30T09:00', 'Europe/Paris')).to.throw(ValidationError);
    expect(() => zonedToInstant('lundi 9h', 'Europe/Paris')).to.throw(ValidationError);
  });
});
