import type { AgendaEvent } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixtureCleanup, oneEvent } from '../test-helpers/fixture.js';
import type { CarnetEventChangeDetail } from '../events/carnet-event-change.js';
import type { CarnetOccurrenceNoteDetail } from '../events/carnet-occurrence-note.js';
import type { CarnetAgenda } from './agenda.js';
import {
  agendaEvent,
  agendaInProvider,
  itemSummaries,
  part,
  parts,
  seedAgenda,
  storedEvents,
  text,
} from './test-helpers/agenda-fixtures.js';
import {
  answerScope,
  deleteOpenOccurrence,
  editOpenOccurrence,
  fill,
  openOccurrence,
  save,
} from './test-helpers/editor-helpers.js';

// Kinésithérapie every Monday 10:00–11:00 from 2 November 2026.
const physio = agendaEvent({
  title: 'Kinésithérapie',
  start: '2026-11-02T10:00:00',
  end: '2026-11-02T11:00:00',
  rrule: 'FREQ=WEEKLY;BYDAY=MO',
  reminders: [{ minutesBefore: 60 }],
});

async function physioAgenda(
  label: string,
): Promise<{ dbName: string; agenda: CarnetAgenda; series: AgendaEvent; changes: CarnetEventChangeDetail[] }> {
  const dbName = uniqueDbName(label);
  const [series] = (await seedAgenda(dbName, [physio])).events;
  const { agenda } = await agendaInProvider(dbName, { view: 'week' });
  const changes: CarnetEventChangeDetail[] = [];
  agenda.addEventListener('carnet-event-change', (event) => changes.push(event.detail));
  return { dbName, agenda, series: series as AgendaEvent, changes };
}

/** The Monday items of the weeks of 16, 23 and 30 November. */
async function mondays(agenda: CarnetAgenda): Promise<string[][]> {
  const click = async (selector: string): Promise<void> => {
    part<HTMLButtonElement>(agenda, selector).click();
    await agenda.updateComplete;
  };
  const monday = (): string[] => itemSummaries(parts(agenda, '[part~="week-day"]')[0] as HTMLElement);
  await click('[part="previous"]');
  const seen = [monday()];
  await click('[part="next"]');
  seen.push(monday());
  await click('[part="next"]');
  seen.push(monday());
  await click('[part="today"]');
  return seen;
}

describe('<carnet-agenda> recurring events: which occurrences', () => {
  afterEach(deleteTestDatabases);

  it('asks which occurrences, in words, before saving a recurring event', async () => {
    const { agenda } = await physioAgenda('scope-ask');
    await openOccurrence(agenda, 'Kinésithérapie');
    await editOpenOccurrence(agenda);
    await fill(agenda, { startTime: '14:00', endTime: '15:00' });
    await save(agenda);
    const question = part<HTMLDialogElement>(agenda, 'dialog[part="scope-dialog"]');
    expect(question.open).to.equal(true);
    expect(parts(agenda, '[data-scope]').map((button) => text(button))).to.deep.equal([
      'Cette occurrence',
      'Cette occurrence et les suivantes',
      'Toutes les occurrences',
    ]);
    await expect(agenda).to.be.accessible();
  });

  it('« Cette occurrence » moves only that Monday (an override on the series)', async () => {
    const { dbName, agenda, series, changes } = await physioAgenda('scope-this');
    await openOccurrence(agenda, 'Kinésithérapie');
    await editOpenOccurrence(agenda);
    await fill(agenda, { startTime: '14:00', endTime: '15:00' });
    await save(agenda);
    await answerScope(agenda, 'this');
    const stored = await storedEvents(dbName);
    expect(stored).to.have.length(1);
    expect(stored[0]?.overrides).to.deep.equal([
      { originalStart: '2026-11-23T10:00:00', start: '2026-11-23T14:00:00', end: '2026-11-23T15:00:00' },
    ]);
    expect(stored[0]?.start).to.equal('2026-11-02T10:00:00');
    expect(changes).to.deep.equal([{ action: 'update', eventId: series.id, scope: 'this' }]);
    expect(await mondays(agenda)).to.deep.equal([
      ['10:00–11:00 Kinésithérapie'],
      ['14:00–15:00 Kinésithérapie'],
      ['10:00–11:00 Kinésithérapie'],
    ]);
    expect(text(parts(agenda, '[part="event"]')[0])).to.contain('Déplacé');
  });

  it('« Cette occurrence » with a new title detaches that Monday into its own event', async () => {
    const { dbName, agenda } = await physioAgenda('scope-detach');
    await openOccurrence(agenda, 'Kinésithérapie');
    await editOpenOccurrence(agenda);
    await fill(agenda, { title: 'Kinésithérapie — bilan' });
    await save(agenda);
    await answerScope(agenda, 'this');
    const stored = await storedEvents(dbName);
    const master = stored.find((event) => event.rrule);
    const detached = stored.find((event) => !event.rrule);
    expect(master?.exdates).to.deep.equal(['2026-11-23T10:00:00']);
    expect(detached).to.deep.include({
      title: 'Kinésithérapie — bilan',
      start: '2026-11-23T10:00:00',
      end: '2026-11-23T11:00:00',
    });
    expect(await mondays(agenda)).to.deep.equal([
      ['10:00–11:00 Kinésithérapie'],
      ['10:00–11:00 Kinésithérapie — bilan'],
      ['10:00–11:00 Kinésithérapie'],
    ]);
  });

  it('« Cette occurrence et les suivantes » ends the series before and starts a new one', async () => {
    const { dbName, agenda, series, changes } = await physioAgenda('scope-following');
    await openOccurrence(agenda, 'Kinésithérapie');
    await editOpenOccurrence(agenda);
    await fill(agenda, { startTime: '09:00', endTime: '09:45' });
    await save(agenda);
    await answerScope(agenda, 'following');
    const stored = await storedEvents(dbName);
    expect(stored).to.have.length(2);
    const old = stored.find((event) => event.id === series.id);
    const next = stored.find((event) => event.id !== series.id);
    expect(old?.rrule).to.equal('FREQ=WEEKLY;BYDAY=MO;UNTIL=20261123T095959');
    expect(old?.start).to.equal('2026-11-02T10:00:00');
    expect(next).to.deep.include({ start: '2026-11-23T09:00:00', end: '2026-11-23T09:45:00', title: 'Kinésithérapie' });
    expect(next?.rrule?.split(';').sort()).to.deep.equal(['BYDAY=MO', 'FREQ=WEEKLY']);
    expect(next?.reminders).to.deep.equal([{ minutesBefore: 60 }]);
    expect(changes).to.deep.equal([{ action: 'update', eventId: series.id, scope: 'following', newEventId: next?.id }]);
    expect(await mondays(agenda)).to.deep.equal([
      ['10:00–11:00 Kinésithérapie'],
      ['09:00–09:45 Kinésithérapie'],
      ['09:00–09:45 Kinésithérapie'],
    ]);
  });

  it('« Toutes les occurrences » changes the series itself', async () => {
    const { dbName, agenda, series, changes } = await physioAgenda('scope-all');
    await openOccurrence(agenda, 'Kinésithérapie');
    await editOpenOccurrence(agenda);
    await fill(agenda, { title: 'Kiné — équilibre', startTime: '11:00', endTime: '12:00' });
    await save(agenda);
    await answerScope(agenda, 'all');
    const stored = await storedEvents(dbName);
    expect(stored).to.have.length(1);
    expect(stored[0]).to.deep.include({
      id: series.id,
      title: 'Kiné — équilibre',
      start: '2026-11-02T11:00:00',
      end: '2026-11-02T12:00:00',
    });
    expect(changes).to.deep.equal([{ action: 'update', eventId: series.id, scope: 'all' }]);
    expect(await mondays(agenda)).to.deep.equal([
      ['11:00–12:00 Kiné — équilibre'],
      ['11:00–12:00 Kiné — équilibre'],
      ['11:00–12:00 Kiné — équilibre'],
    ]);
  });

  it('deletes this occurrence, this and the following, or all of them', async () => {
    const one = await physioAgenda('delete-this');
    await openOccurrence(one.agenda, 'Kinésithérapie');
    await deleteOpenOccurrence(one.agenda);
    await answerScope(one.agenda, 'this');
    expect((await storedEvents(one.dbName))[0]?.exdates).to.deep.equal(['2026-11-23T10:00:00']);
    expect(await mondays(one.agenda)).to.deep.equal([
      ['10:00–11:00 Kinésithérapie'],
      [],
      ['10:00–11:00 Kinésithérapie'],
    ]);
    expect(one.changes).to.deep.equal([{ action: 'update', eventId: one.series.id, scope: 'this' }]);
    fixtureCleanup();

    const following = await physioAgenda('delete-following');
    await openOccurrence(following.agenda, 'Kinésithérapie');
    await deleteOpenOccurrence(following.agenda);
    await answerScope(following.agenda, 'following');
    expect((await storedEvents(following.dbName))[0]?.rrule).to.equal('FREQ=WEEKLY;BYDAY=MO;UNTIL=20261123T095959');
    expect(await mondays(following.agenda)).to.deep.equal([['10:00–11:00 Kinésithérapie'], [], []]);
    fixtureCleanup();

    const all = await physioAgenda('delete-all');
    await openOccurrence(all.agenda, 'Kinésithérapie');
    await deleteOpenOccurrence(all.agenda);
    await answerScope(all.agenda, 'all');
    expect(await storedEvents(all.dbName)).to.deep.equal([]);
    expect(all.changes).to.deep.equal([{ action: 'delete', eventId: all.series.id, scope: 'all' }]);
  });
});

describe('<carnet-agenda> notes on one occurrence', () => {
  afterEach(deleteTestDatabases);

  it('saves an adherence note on one occurrence, shows it there only, and keeps it after a reload', async () => {
    const { dbName, agenda, series } = await physioAgenda('note');
    const notes: CarnetOccurrenceNoteDetail[] = [];
    agenda.addEventListener('carnet-occurrence-note', (event) => notes.push(event.detail));
    const dialog = await openOccurrence(agenda, 'Kinésithérapie');
    const textarea = dialog.querySelector<HTMLTextAreaElement>(
      'textarea[name="occurrenceNote"]',
    ) as HTMLTextAreaElement;
    expect(textarea.placeholder).to.equal('Par exemple : dose prise en retard');
    textarea.value = 'Séance écourtée, dose prise en retard';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    const noteSaved = oneEvent(agenda, 'carnet-occurrence-note');
    dialog.querySelector<HTMLButtonElement>('[part="save-note"]')?.click();
    await noteSaved;
    await agenda.dataReady();
    await agenda.updateComplete;
    expect(notes).to.deep.equal([
      { eventId: series.id, originalStart: '2026-11-23T10:00:00', note: 'Séance écourtée, dose prise en retard' },
    ]);
    expect(text(dialog.querySelector('[role="status"]'))).to.equal('Note enregistrée.');
    const stored = await storedEvents(dbName);
    expect(stored[0]?.overrides).to.deep.equal([
      { originalStart: '2026-11-23T10:00:00', note: 'Séance écourtée, dose prise en retard' },
    ]);
    await expect(agenda).to.be.accessible();

    fixtureCleanup();
    const { agenda: again } = await agendaInProvider(dbName, { view: 'week' });
    const noted = parts(again, '[part="occurrence-note"]').map((note) => text(note));
    expect(noted).to.deep.equal(['Note : Séance écourtée, dose prise en retard']);
    const reopened = await openOccurrence(again, 'Kinésithérapie');
    expect(reopened.querySelector<HTMLTextAreaElement>('textarea')?.value).to.equal(
      'Séance écourtée, dose prise en retard',
    );
  });
});
