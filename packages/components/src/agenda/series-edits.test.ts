import { expect } from '@open-wc/testing';
import type { AgendaEvent, Occurrence } from '@carnet/catalog-sdk';
import { expandOccurrences, zonedToInstant } from '@carnet/catalog-sdk';
import { draftFromEvent } from './event-draft.js';
import { planDelete, planEdit, ruleEndingBefore, withOccurrenceNote } from './series-edits.js';

const series: AgendaEvent = {
  id: 'dialyse',
  title: 'Hémodialyse',
  kind: 'appointment',
  start: '2026-11-02T07:30:00',
  end: '2026-11-02T11:30:00',
  timeZone: 'Europe/Paris',
  rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12',
  exdates: ['2026-11-06T07:30:00', '2026-11-20T07:30:00'],
  overrides: [{ originalStart: '2026-11-04T07:30:00', note: 'Séance difficile' }],
  reminders: [{ minutesBefore: 60 }],
  version: '3',
};

function starts(event: AgendaEvent): string[] {
  const range = {
    start: zonedToInstant('2026-10-01T00:00:00', 'Europe/Paris'),
    end: zonedToInstant('2027-01-01T00:00:00', 'Europe/Paris'),
  };
  return expandOccurrences(event, range).map((occurrence) => occurrence.localStart);
}

function occurrenceOn(day: string): Occurrence {
  const range = {
    start: zonedToInstant(`${day}T00:00:00`, 'Europe/Paris'),
    end: zonedToInstant(`${day}T23:59:00`, 'Europe/Paris'),
  };
  return expandOccurrences(series, range)[0] as Occurrence;
}

describe('series edits', () => {
  it('ends a rule one second before an occurrence, replacing COUNT', () => {
    expect(ruleEndingBefore('FREQ=WEEKLY;BYDAY=MO;COUNT=10', '2026-11-23T10:00:00', false)).to.equal(
      'FREQ=WEEKLY;BYDAY=MO;UNTIL=20261123T095959',
    );
    expect(ruleEndingBefore('FREQ=YEARLY;UNTIL=20300101', '2027-03-29T00:00:00', true)).to.equal(
      'FREQ=YEARLY;UNTIL=20270328',
    );
  });

  it('splits a COUNT series into the occurrences before and as many after, the same dates in all', () => {
    const draft = draftFromEvent(series, occurrenceOn('2026-11-16'));
    const edit = planEdit(series, draft, 'following', {
      originalStart: '2026-11-16T07:30:00',
      shownStart: '2026-11-16T07:30:00',
    });
    const before = { ...series, ...edit.update };
    const after: AgendaEvent = { ...series, ...edit.create, id: 'new', version: '1' };
    expect(before.rrule).to.equal('FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20261116T072959');
    expect(before.exdates).to.deep.equal(['2026-11-06T07:30:00']);
    expect(after.start).to.equal('2026-11-16T07:30:00');
    expect(after.exdates).to.deep.equal(['2026-11-20T07:30:00']);
    expect(after.rrule).to.contain('COUNT=6');
    expect([...starts(before), ...starts(after)]).to.deep.equal(starts(series));
  });

  it('moves one occurrence as an override and keeps its note', () => {
    const draft = draftFromEvent(series);
    draft.date = '2026-11-05';
    const edit = planEdit(series, draft, 'this', {
      originalStart: '2026-11-04T07:30:00',
      shownStart: '2026-11-02T07:30:00',
    });
    expect(edit.create).to.equal(undefined);
    expect(edit.update?.overrides).to.deep.equal([
      {
        originalStart: '2026-11-04T07:30:00',
        note: 'Séance difficile',
        start: '2026-11-05T07:30:00',
        end: '2026-11-05T11:30:00',
      },
    ]);
  });

  it('moves the whole series by as much as the shown occurrence moved', () => {
    const draft = draftFromEvent(series, occurrenceOn('2026-11-09'));
    draft.startTime = '08:00';
    draft.endTime = '12:00';
    const edit = planEdit(series, draft, 'all', {
      originalStart: '2026-11-09T07:30:00',
      shownStart: '2026-11-09T07:30:00',
    });
    expect(edit.update).to.deep.include({ start: '2026-11-02T08:00:00', end: '2026-11-02T12:00:00' });
    expect(edit.update?.exdates).to.deep.equal(['2026-11-06T08:00:00', '2026-11-20T08:00:00']);
    expect(edit.update?.overrides[0]?.originalStart).to.equal('2026-11-04T08:00:00');
  });

  it('deletes by scope: an EXDATE, an UNTIL, or the event', () => {
    expect(planDelete(series, 'this', '2026-11-09T07:30:00').update?.exdates).to.deep.equal([
      ...series.exdates,
      '2026-11-09T07:30:00',
    ]);
    expect(planDelete(series, 'following', '2026-11-09T07:30:00').update?.rrule).to.equal(
      'FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20261109T072959',
    );
    expect(planDelete(series, 'following', '2026-11-02T07:30:00').remove).to.equal(series);
    expect(planDelete(series, 'all', '2026-11-09T07:30:00').remove).to.equal(series);
  });

  it('adds, replaces and clears an occurrence note', () => {
    const noted = withOccurrenceNote(series, '2026-11-09T07:30:00', '  dose prise en retard ');
    expect(noted.overrides).to.deep.include({ originalStart: '2026-11-09T07:30:00', note: 'dose prise en retard' });
    expect(withOccurrenceNote(series, '2026-11-04T07:30:00', '').overrides).to.deep.equal([]);
  });
});
