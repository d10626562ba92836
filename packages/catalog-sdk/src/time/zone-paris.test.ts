import { expect } from '@open-wc/testing';
import { ValidationError } from '../errors/errors.js';
import { instantToZoned, zonedToInstant } from './zone.js';

const PARIS = 'Europe/Paris';
const iso = (local: string, zone = PARIS): string => zonedToInstant(local, zone).toISOString();

describe('zonedToInstant', () => {
  it('converts an ordinary winter time (CET, UTC+1)', () => {
    expect(iso('2026-01-15T07:30:00')).to.equal('2026-01-15T06:30:00.000Z');
  });

  it('converts an ordinary summer time (CEST, UTC+2)', () => {
    expect(iso('2026-07-14T07:30')).to.equal('2026-07-14T05:30:00.000Z');
  });

  it('moves a time skipped by the spring change forward by the gap (02:30 → 03:30 CEST)', () => {
    expect(iso('2026-03-29T02:30:00')).to.equal('2026-03-29T01:30:00.000Z');
    expect(instantToZoned(zonedToInstant('2026-03-29T02:30:00', PARIS), PARIS)).to.equal('2026-03-29T03:30:00');
  });

  it('keeps the times around the spring gap exact', () => {
    expect(iso('2026-03-29T01:59:00')).to.equal('2026-03-29T00:59:00.000Z');
    expect(iso('2026-03-29T03:00:00')).to.equal('2026-03-29T01:00:00.000Z');
  });

  it('resolves a time repeated by the autumn change to its first instance (CEST)', () => {
    expect(iso('2026-10-25T02:30:00')).to.equal('2026-10-25T00:30:00.000Z');
  });

  it('keeps the times around the autumn overlap exact', () => {
    expect(iso('2026-10-25T01:30:00')).to.equal('2026-10-24T23:30:00.000Z');
    expect(iso('2026-10-25T03:00:00')).to.equal('2026-10-25T02:00:00.000Z');
  });

  it('handles other zones, with and without DST', () => {
    expect(iso('2026-03-08T02:30:00', 'America/New_York')).to.equal('2026-03-08T07:30:00.000Z');
    expect(iso('2026-06-01T12:00:00', 'Asia/Tokyo')).to.equal('2026-06-01T03:00:00.000Z');
    // Wall-clock times are to the second: a fraction is read and dropped.
    expect(iso('2026-06-01T12:00:00.250', 'UTC')).to.equal('2026-06-01T12:00:00.000Z');
  });

  it('rejects an unknown zone and a malformed or impossible wall clock with ValidationError', () => {
    expect(() => zonedToInstant('2026-01-15T07:30', 'Europe/Lutece')).to.throw(ValidationError);
    expect(() => zonedToInstant('15/01/2026 07:30', PARIS)).to.throw(ValidationError);
    expect(() => zonedToInstant('2026-02-30T07:30', PARIS)).to.throw(ValidationError);
    expect(() => zonedToInstant('2026-01-15T24:30', PARIS)).to.throw(ValidationError);
  });
});

describe('instantToZoned', () => {
  it('shows the wall clock of an instant in summer and winter', () => {
    expect(instantToZoned(new Date('2026-07-14T05:30:00Z'), PARIS)).to.equal('2026-07-14T07:30:00');
    expect(instantToZoned(new Date('2026-01-15T23:30:00Z'), PARIS)).to.equal('2026-01-16T00:30:00');
  });

  it('shows both instances of the repeated autumn hour as the same wall clock', () => {
    expect(instantToZoned(new Date('2026-10-25T00:30:00Z'), PARIS)).to.equal('2026-10-25T02:30:00');
    expect(instantToZoned(new Date('2026-10-25T01:30:00Z'), PARIS)).to.equal('2026-10-25T02:30:00');
  });
});
