import { expect } from '@open-wc/testing';
import { ValidationError } from '../errors/errors.js';
import { createSeededRandom, deriveSeed, mulberry32 } from './random.js';

describe('demo-data seeded random', () => {
  it('mulberry32 repeats the same sequence for the same seed and differs for another', () => {
    const first = mulberry32(42);
    const again = mulberry32(42);
    const other = mulberry32(43);
    const a = Array.from({ length: 5 }, () => first());
    const b = Array.from({ length: 5 }, () => again());
    const c = Array.from({ length: 5 }, () => other());
    expect(a).to.deep.equal(b);
    expect(a).to.not.deep.equal(c);
    for (const value of a) expect(value).to.be.within(0, 0.9999999999);
  });

  it('mulberry32 is engine-independent (known first values for seed 1)', () => {
    const next = mulberry32(1);
    expect(next()).to.be.closeTo(0.6270739405881613, 1e-12);
    expect(next()).to.be.closeTo(0.002735721180215478, 1e-12);
  });

  it('int stays within its inclusive bounds and reaches both ends', () => {
    const random = createSeededRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) {
      const value = random.int(3, 6);
      expect(value).to.be.within(3, 6);
      seen.add(value);
    }
    expect([...seen].sort()).to.deep.equal([3, 4, 5, 6]);
  });

  it('weighted never picks a zero-weight entry and follows the weights', () => {
    const random = createSeededRandom(11);
    const counts = { rare: 0, common: 0, never: 0 };
    for (let i = 0; i < 4000; i += 1) {
      const choice = random.weighted([
        ['rare', 1],
        ['common', 9],
        ['never', 0],
      ] as const);
      counts[choice] += 1;
    }
    expect(counts.never).to.equal(0);
    expect(counts.common / 4000).to.be.within(0.85, 0.95);
  });

  it('sample returns distinct items, no more than the list holds', () => {
    const random = createSeededRandom(3);
    const chosen = random.sample(['a', 'b', 'c', 'd'], 3);
    expect(new Set(chosen).size).to.equal(3);
    expect(random.sample(['a', 'b'], 5)).to.have.length(2);
  });

  it('pick on an empty list throws a ValidationError', () => {
    expect(() => createSeededRandom(1).pick([])).to.throw(ValidationError);
  });

  it('deriveSeed separates streams by label and by seed', () => {
    expect(deriveSeed(1, 'documents:kidney')).to.equal(deriveSeed(1, 'documents:kidney'));
    expect(deriveSeed(1, 'documents:kidney')).to.not.equal(deriveSeed(1, 'forum:kidney'));
    expect(deriveSeed(1, 'documents:kidney')).to.not.equal(deriveSeed(2, 'documents:kidney'));
  });
});
