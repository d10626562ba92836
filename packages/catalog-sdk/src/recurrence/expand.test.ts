import { expect } from '@open-wc/testing';
import { ValidationError } from '../errors/errors.js';
import type { AgendaEvent } from '../model/agenda.js';
import { expandOccurrences } from './expand.js';
import { agendaEvent, range } from './test-helpers/events.js';

const MARCH_2026 = range('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');

describe('expandOccurrences: exceptions, moves, bounds and ranges', () => {
  const weekly = (extra: Partial<AgendaEvent> = {}): AgendaEvent =>
    agendaEvent({ start: '2026-03-02T09:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', ...extra });

  it('expands a weekly Monday/Wednesday/Friday series, sorted, with instants in Paris time', () => {
    const occurrences = expandOccurrences(weekly(), MARCH_2026);
    expect(occurrences).to.have.length(13);
    expect(occurrences[0]).to.include({
      start: '2026-03-02T08:00:00.000Z',
      end: '2026-03-02T09:00:00.000Z',
      recurring: true,
      moved: false,
    });
    // After 29 March Paris is at +02:00.
    expect(occurrences.at(-1)).to.include({ originalStart: '2026-03-30T09:00:00', start: '2026-03-30T07:00:00.000Z' });
    const starts = occurrences.map((o) => o.start);
    expect(starts).to.deep.equal([...starts].sort());
  });

  it('EXDATE removes an occurrence', () => {
    const occurrences = expandOccurrences(weekly({ exdates: ['2026-03-04T09:00:00', '2026-03-06T09:00'] }), MARCH_2026);
    expect(occurrences.map((o) => o.originalStart)).not.to.include.members([
      '2026-03-04T09:00:00',
      '2026-03-06T09:00:00',
    ]);
    expect(occurrences).to.have.length(11);
  });

  it('a moved occurrence appears at its new time, flagged moved, with its note', () => {
    const event = weekly({
      overrides: [
        {
          originalStart: '2026-03-04T09:00:00',
          start: '2026-03-05T14:00:00',
          end: '2026-03-05T15:30:00',
          note: 'Décalé',
        },
      ],
    });
    const occurrences = expandOccurrences(event, MARCH_2026);
    expect(occurrences).to.have.length(13);
    const moved = occurrences.find((o) => o.originalStart === '2026-03-04T09:00:00');
    expect(moved).to.include({
      moved: true,
      note: 'Décalé',
      localStart: '2026-03-05T14:00:00',
      start: '2026-03-05T13:00:00.000Z',
      end: '2026-03-05T14:30:00.000Z',
    });
    expect(occurrences.map((o) => o.localStart)).not.to.include('2026-03-04T09:00:00');
    expect(occurrences.indexOf(moved as (typeof occurrences)[number])).to.equal(1);
  });

  it('a moved occurrence is found by range on its new time, not its original one', () => {
    const event = weekly({ overrides: [{ originalStart: '2026-03-30T09:00:00', start: '2026-04-08T10:00:00' }] });
    expect(expandOccurrences(event, MARCH_2026).map((o) => o.originalStart)).not.to.include('2026-03-30T09:00:00');
    const april = expandOccurrences(event, range('2026-04-08T00:00:00Z', '2026-04-09T00:00:00Z'));
    expect(april.map((o) => [o.originalStart, o.localStart])).to.deep.equal([
      ['2026-04-08T09:00:00', '2026-04-08T09:00:00'],
      ['2026-03-30T09:00:00', '2026-04-08T10:00:00'],
    ]);
    expect(april[1]?.end).to.equal('2026-04-08T09:00:00.000Z');
  });

  it('a cancelled override removes the occurrence; a note-only override annotates it', () => {
    const event = weekly({
      overrides: [
        { originalStart: '2026-03-09T09:00:00', cancelled: true },
        { originalStart: '2026-03-11T09:00:00', note: 'Prise de sang à jeun' },
      ],
    });
    const occurrences = expandOccurrences(event, MARCH_2026);
    expect(occurrences.map((o) => o.originalStart)).not.to.include('2026-03-09T09:00:00');
    expect(occurrences.find((o) => o.originalStart === '2026-03-11T09:00:00')).to.include({
      note: 'Prise de sang à jeun',
      moved: false,
    });
  });

  it('an override of an occurrence the rule no longer produces is ignored', () => {
    const event = weekly({ overrides: [{ originalStart: '2026-03-03T09:00:00', start: '2026-03-10T12:00:00' }] });
    expect(expandOccurrences(event, MARCH_2026)).to.have.length(13);
  });

  it('COUNT counts from the start even when the range begins later', () => {
    const event = agendaEvent({ start: '2026-01-05T09:00', rrule: 'FREQ=WEEKLY;COUNT=10' });
    const occurrences = expandOccurrences(event, MARCH_2026);
    expect(occurrences.map((o) => o.originalStart)).to.deep.equal(['2026-03-02T09:00:00', '2026-03-09T09:00:00']);
  });

  it('UNTIL with Z is an instant; UNTIL without Z is Paris wall-clock', () => {
    // 08:30Z is 09:30 in Paris: the 09:00 occurrence of 16 March is included.
    const zulu = agendaEvent({ start: '2026-03-02T09:00', rrule: 'FREQ=DAILY;UNTIL=20260316T083000Z' });
    expect(expandOccurrences(zulu, MARCH_2026).at(-1)?.originalStart).to.equal('2026-03-16T09:00:00');
    // 08:30 wall-clock is before 09:00: 16 March is not.
    const floating = agendaEvent({ start: '2026-03-02T09:00', rrule: 'FREQ=DAILY;UNTIL=20260316T083000' });
    expect(expandOccurrences(floating, MARCH_2026).at(-1)?.originalStart).to.equal('2026-03-15T09:00:00');
    const dateOnly = agendaEvent({ start: '2026-03-02T09:00', rrule: 'FREQ=DAILY;UNTIL=20260316' });
    expect(expandOccurrences(dateOnly, MARCH_2026).at(-1)?.originalStart).to.equal('2026-03-16T09:00:00');
  });

  it('includes occurrences overlapping the range edges and excludes those that only touch them', () => {
    const event = agendaEvent({ start: '2026-03-10T09:00', end: '2026-03-10T10:00' }); // 08:00Z–09:00Z
    const count = (start: string, end: string): number => expandOccurrences(event, range(start, end)).length;
    expect(count('2026-03-10T08:59:00Z', '2026-03-11T00:00:00Z')).to.equal(1); // ends inside
    expect(count('2026-03-10T09:00:00Z', '2026-03-11T00:00:00Z')).to.equal(0); // ends at range start
    expect(count('2026-03-10T00:00:00Z', '2026-03-10T08:00:00Z')).to.equal(0); // starts at range end
    expect(count('2026-03-10T00:00:00Z', '2026-03-10T08:00:01Z')).to.equal(1);
    expect(count('2026-03-10T08:15:00Z', '2026-03-10T08:30:00Z')).to.equal(1); // range inside the event
  });

  it('a non-recurring event yields one occurrence when in range, none otherwise', () => {
    const event = agendaEvent({ start: '2026-03-10T09:00', location: 'CHU de Nantes' });
    const [single] = expandOccurrences(event, MARCH_2026);
    expect(single).to.include({
      recurring: false,
      moved: false,
      location: 'CHU de Nantes',
      originalStart: '2026-03-10T09:00:00',
    });
    expect(expandOccurrences(event, range('2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'))).to.deep.equal([]);
  });

  it('all-day events span local midnights and are flagged allDay', () => {
    const event = agendaEvent({
      start: '2026-03-29T00:00',
      end: '2026-03-30T00:00',
      allDay: true,
      rrule: 'FREQ=YEARLY',
    });
    const [birthday] = expandOccurrences(event, MARCH_2026);
    expect(birthday).to.include({ allDay: true, start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
  });

  it('long series starting years ago expand only the range asked', () => {
    const event = agendaEvent({ start: '2015-01-01T08:00', rrule: 'FREQ=DAILY' });
    const occurrences = expandOccurrences(event, MARCH_2026);
    expect(occurrences).to.have.length(31);
    expect(occurrences[0]?.originalStart).to.equal('2026-03-01T08:00:00');
  });

  it('follows changes to the event object (the cached rule is rebuilt)', () => {
    const event = weekly();
    expect(expandOccurrences(event, MARCH_2026)).to.have.length(13);
    event.rrule = 'FREQ=WEEKLY;BYDAY=MO';
    expect(expandOccurrences(event, MARCH_2026)).to.have.length(5);
    event.start = '2026-03-09T09:00:00';
    expect(expandOccurrences(event, MARCH_2026)).to.have.length(4);
  });

  it('throws ValidationError on an unreadable rule, start or zone', () => {
    expect(() => expandOccurrences(weekly({ rrule: 'FREQ=FORTNIGHTLY' }), MARCH_2026)).to.throw(ValidationError);
    expect(() => expandOccurrences(weekly({ rrule: 'FREQ=DAILY;BYFOO=1' }), MARCH_2026)).to.throw(ValidationError);
    expect(() => expandOccurrences(weekly({ start: 'demain', end: '2026-03-02T10:00:00' }), MARCH_2026)).to.throw(
      ValidationError,
    );
    expect(() => expandOccurrences(weekly({ timeZone: 'Europe/Atlantis' }), MARCH_2026)).to.throw(ValidationError);
  });

  it('200 daily/weekly/monthly series over one year expand, each to the count its rule gives', () => {
    // Speed is measured by `npm run bench`, not here; this checks the bulk path stays correct.
    const rules = ['FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=MO,WE,FR', 'FREQ=MONTHLY;BYDAY=2TU', 'FREQ=WEEKLY;INTERVAL=2'];
    const events = Array.from({ length: 200 }, (_, i) =>
      agendaEvent({
        id: `evt-${i}`,
        start: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T${String(7 + (i % 12)).padStart(2, '0')}:30`,
        rrule: rules[i % 4],
      }),
    );
    const year = range('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
    const first = events.map((event) => expandOccurrences(event, year).length);
    const second = events.map((event) => expandOccurrences(event, year).length);
    expect(second).to.deep.equal(first);
    // A daily series starting on 1 January has every day of 2026 but the first's 07:30 start.
    expect(first[0]).to.equal(365);
    expect(first.reduce((sum, n) => sum + n, 0)).to.be.greaterThan(25_000);
  });
});
