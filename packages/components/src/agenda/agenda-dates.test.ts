import { expect } from '@open-wc/testing';
import { addDays, addMonths, daysFrom, isIsoDate, monthGridTarget, startOfWeek, weekdayIndex } from './agenda-dates.js';
import { agendaFormat } from './agenda-format.js';

describe('agenda calendar days', () => {
  it('counts days and months whatever the browser zone', () => {
    expect(addDays('2026-03-28', 2)).to.equal('2026-03-30');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addMonths('2026-01-31', 1)).to.equal('2026-02-28');
    expect(addMonths('2028-03-31', -1)).to.equal('2028-02-29');
    expect(startOfWeek('2026-11-29')).to.equal('2026-11-23');
    expect(weekdayIndex('2026-11-23')).to.equal(0);
    expect(daysFrom('2026-10-25', '2026-10-26')).to.deep.equal(['2026-10-25', '2026-10-26']);
    expect(isIsoDate('2026-02-30')).to.equal(false);
    expect(isIsoDate('2026-02-28')).to.equal(true);
  });

  it('maps keys of the ARIA grid pattern to days', () => {
    const key = (name: string, modifiers: Partial<KeyboardEvent> = {}): string | undefined =>
      monthGridTarget('2026-11-25', {
        key: name,
        ctrlKey: false,
        metaKey: false,
        shiftKey: false,
        ...modifiers,
      });
    expect(key('ArrowLeft')).to.equal('2026-11-24');
    expect(key('ArrowDown')).to.equal('2026-12-02');
    expect(key('Home')).to.equal('2026-11-23');
    expect(key('End')).to.equal('2026-11-29');
    expect(key('Home', { ctrlKey: true })).to.equal('2026-11-01');
    expect(key('End', { ctrlKey: true })).to.equal('2026-11-30');
    expect(key('PageUp')).to.equal('2026-10-25');
    expect(key('PageDown', { shiftKey: true })).to.equal('2027-11-25');
    expect(key('a')).to.equal(undefined);
  });

  it('formats dates and times through Intl in French and English', () => {
    const fr = agendaFormat('fr');
    const en = agendaFormat('en');
    expect(fr.fullDate('2026-11-23')).to.equal('lundi 23 novembre 2026');
    expect(en.fullDate('2026-11-23')).to.equal('Monday, 23 November 2026');
    expect(fr.monthTitle('2026-11-23')).to.equal('novembre 2026');
    expect(fr.time(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Paris')).to.equal('03:30');
    expect(en.time(Date.parse('2026-03-29T01:30:00Z'), 'America/New_York')).to.equal('21:30');
  });
});
