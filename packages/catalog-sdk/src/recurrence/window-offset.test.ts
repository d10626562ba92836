import { expect } from '@open-wc/testing';
import { offsetAt } from '../time/zone.js';
import { constantOffset } from './window-offset.js';

describe('one offset over a window', () => {
  const at = (iso: string): number => Date.parse(iso);

  it('is given only when no change of offset falls inside the span', () => {
    expect(constantOffset('Europe/Paris', at('2026-05-01T00:00:00Z'), at('2026-06-30T00:00:00Z'))).to.equal(7_200_000);
    expect(constantOffset('Europe/Paris', at('2026-12-01T00:00:00Z'), at('2027-02-15T00:00:00Z'))).to.equal(3_600_000);
    expect(constantOffset('Europe/Paris', at('2026-03-01T00:00:00Z'), at('2026-04-15T00:00:00Z'))).to.equal(undefined);
    // The change itself (01:00Z on 29 March 2026) ends a span that reaches it.
    expect(constantOffset('Europe/Paris', at('2026-03-20T00:00:00Z'), at('2026-03-29T00:59:59Z'))).to.equal(3_600_000);
    expect(constantOffset('Europe/Paris', at('2026-03-20T00:00:00Z'), at('2026-03-29T01:00:00Z'))).to.equal(undefined);
    expect(constantOffset('UTC', at('2024-01-01T00:00:00Z'), at('2040-01-01T00:00:00Z'))).to.equal(0);
  });

  it('sees two changes a month apart that leave the same offset at both ends (Casablanca, Ramadan 2026)', () => {
    const from = at('2026-01-15T00:00:00Z');
    const to = at('2026-04-15T00:00:00Z');
    expect(offsetAt('Africa/Casablanca', from)).to.equal(offsetAt('Africa/Casablanca', to));
    expect(constantOffset('Africa/Casablanca', from, to)).to.equal(undefined);
  });
});
