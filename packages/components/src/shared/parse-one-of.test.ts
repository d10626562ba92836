import { expect } from '@open-wc/testing';
import { parseOneOf } from './parse-one-of.js';

const VIEWS = ['month', 'week', 'list'] as const;

describe('parseOneOf', () => {
  it('returns an allowed value, typed', () => {
    const view: 'month' | 'week' | 'list' | undefined = parseOneOf('week', VIEWS);
    expect(view).to.equal('week');
  });

  it('refuses anything else: unknown, other case, empty, missing', () => {
    for (const value of ['year', 'Week', '', null, undefined])
      expect(parseOneOf(value, VIEWS), String(value)).to.equal(undefined);
  });

  it('falls back when asked to', () => {
    expect(parseOneOf('year', VIEWS, 'month')).to.equal('month');
    expect(parseOneOf(null, VIEWS, 'list')).to.equal('list');
  });
});
