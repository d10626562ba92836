import { expect } from '@open-wc/testing';
import { DEFAULT_GLUCOSE_TARGETS, fromMgPerDl, glucoseLevel, timeInRange, toMgPerDl } from './glucose.js';

describe('glucose arithmetic', () => {
  it('converts between mg/dL and mmol/L', () => {
    expect(Math.round(toMgPerDl(5.5, 'mmol/L'))).to.equal(99);
    expect(fromMgPerDl(180, 'mmol/L')).to.equal(10);
    expect(fromMgPerDl(99.4, 'mg/dL')).to.equal(99);
  });

  it('places a value against the targets, very low and very high by the consensus levels', () => {
    expect(glucoseLevel(50)).to.equal('very-low');
    expect(glucoseLevel(65)).to.equal('low');
    expect(glucoseLevel(70)).to.equal('in-range');
    expect(glucoseLevel(180)).to.equal('in-range');
    expect(glucoseLevel(200)).to.equal('high');
    expect(glucoseLevel(260)).to.equal('very-high');
    expect(glucoseLevel(120, { low: 80, high: 110 })).to.equal('high');
  });

  it('computes time in range over the last days only', () => {
    const now = new Date('2026-03-31T12:00:00Z');
    const at = (daysAgo: number): string => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
    const readings = [
      { at: at(1), value: 60, unit: 'mg/dL' as const },
      { at: at(2), value: 120, unit: 'mg/dL' as const },
      { at: at(3), value: 6, unit: 'mmol/L' as const },
      { at: at(4), value: 220, unit: 'mg/dL' as const },
      { at: at(10), value: 300, unit: 'mg/dL' as const },
    ];
    const week = timeInRange(readings, { days: 7, now });
    expect(week).to.deep.equal({ days: 7, count: 4, below: 0.25, inRange: 0.5, above: 0.25 });
    expect(timeInRange(readings, { days: 14, now }).count).to.equal(5);
    expect(timeInRange([], { days: 30, now, targets: DEFAULT_GLUCOSE_TARGETS })).to.include({ count: 0, inRange: 0 });
  });
});
