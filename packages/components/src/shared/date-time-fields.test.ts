import { expect } from '../test-helpers/fixture.js';
import { dateFieldPattern, formatDateField, parseDateField, parseTimeField } from './date-time-fields.js';

describe('agenda date and time fields', () => {
  it('writes and reads dates day first in French and British English', () => {
    expect(dateFieldPattern('fr')).to.deep.equal({ order: ['day', 'month', 'year'], separator: '/' });
    expect(formatDateField('2026-12-04', 'fr')).to.equal('04/12/2026');
    expect(parseDateField('4/12/2026', 'fr')).to.equal('2026-12-04');
    expect(parseDateField('04.12.26', 'fr')).to.equal('2026-12-04');
    expect(parseDateField('4/12/2026', 'en')).to.equal('2026-12-04');
    expect(parseDateField('2026-12-04', 'fr')).to.equal('2026-12-04');
  });

  it('refuses days that do not exist and half-typed dates', () => {
    expect(parseDateField('31/02/2026', 'fr')).to.equal(undefined);
    expect(parseDateField('12/2026', 'fr')).to.equal(undefined);
    expect(parseDateField('4/13/2026', 'fr')).to.equal(undefined);
    expect(parseDateField('4/12/202', 'fr')).to.equal(undefined);
  });

  it('reads 24-hour times the French way, and 12-hour times only in English', () => {
    expect(parseTimeField('14:30', 'fr')).to.equal('14:30');
    expect(parseTimeField('14h30', 'fr')).to.equal('14:30');
    expect(parseTimeField('9 h', 'fr')).to.equal('09:00');
    expect(parseTimeField('0930', 'fr')).to.equal('09:30');
    expect(parseTimeField('2:30 pm', 'fr')).to.equal(undefined);
    expect(parseTimeField('2:30 pm', 'en')).to.equal('14:30');
    expect(parseTimeField('12am', 'en')).to.equal('00:00');
    expect(parseTimeField('24:00', 'fr')).to.equal(undefined);
    expect(parseTimeField('9:75', 'fr')).to.equal(undefined);
  });
});
