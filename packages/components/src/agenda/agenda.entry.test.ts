import type { AgendaEvent } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, oneEvent, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetAgenda } from './agenda.js';
import {
  agendaEvent,
  agendaInProvider,
  itemSummaries,
  part,
  seedAgenda,
  storedEvents,
  text,
} from './test-helpers/agenda-fixtures.js';
import {
  deleteOpenOccurrence,
  editOpenOccurrence,
  editorDialog,
  field,
  fill,
  openNewEvent,
  openOccurrence,
  save,
  saved,
} from './test-helpers/editor-helpers.js';

// Kinésithérapie every Monday 10:00–11:00 from 2 November 2026.
const physio = agendaEvent({
  title: 'Kinésithérapie',
  start: '2026-11-02T10:00:00',
  end: '2026-11-02T11:00:00',
  rrule: 'FREQ=WEEKLY;BYDAY=MO',
});

function scopeDialog(agenda: CarnetAgenda): HTMLDialogElement {
  return part<HTMLDialogElement>(agenda, 'dialog[part="scope-dialog"]');
}

function focusedName(agenda: CarnetAgenda): string {
  return text(agenda.shadowRoot?.activeElement);
}

describe('<carnet-agenda> entering an event', () => {
  afterEach(deleteTestDatabases);

  it('moves the end with the start, keeping the duration', async () => {
    const { agenda } = await agendaInProvider(uniqueDbName('entry-move'));
    await openNewEvent(agenda);
    expect(field(agenda, 'startTime').value).to.equal('09:00');
    expect(field(agenda, 'endTime').value).to.equal('09:30');
    await fill(agenda, { startTime: '14:00' });
    expect(field(agenda, 'endTime').value).to.equal('14:30');
    await fill(agenda, { endTime: '15:15' });
    await fill(agenda, { startTime: '16:00' });
    expect(field(agenda, 'endTime').value).to.equal('17:15');
  });

  it('refuses an end before the start with a clear message, and saves nothing', async () => {
    const dbName = uniqueDbName('entry-end-before');
    const { agenda } = await agendaInProvider(dbName);
    await openNewEvent(agenda);
    await fill(agenda, { title: 'Consultation', startTime: '15:00' });
    await fill(agenda, { endTime: '09:30' });
    await save(agenda);
    await agenda.updateComplete;
    const end = field(agenda, 'endTime');
    expect(end.getAttribute('aria-invalid')).to.equal('true');
    const message = part(agenda, '#endTime-error');
    expect(text(message)).to.equal("La fin (09:30) est avant le début (15:00) : corrigez l'heure de fin.");
    expect(end.getAttribute('aria-describedby')).to.contain('endTime-error');
    await waitUntil(() => agenda.shadowRoot?.activeElement === end, 'end time focused');
    expect(editorDialog(agenda).open).to.equal(true);
    expect(await storedEvents(dbName)).to.deep.equal([]);
    await expect(agenda).to.be.accessible();

    await fill(agenda, { endTime: '15:30' });
    await save(agenda);
    await saved(agenda);
    const [stored] = await storedEvents(dbName);
    expect(stored).to.deep.include({ start: '2026-11-23T15:00:00', end: '2026-11-23T15:30:00' });
  });

  it('asks to confirm deleting a series, with focus on « Annuler », and can undo it', async () => {
    const dbName = uniqueDbName('entry-delete-series');
    const [series] = (await seedAgenda(dbName, [physio])).events as AgendaEvent[];
    const { agenda } = await agendaInProvider(dbName, { view: 'week' });

    // First time: the patient backs out at the confirmation.
    await openOccurrence(agenda, 'Kinésithérapie');
    await deleteOpenOccurrence(agenda);
    await waitUntil(() => scopeDialog(agenda).open, 'question asked');
    part<HTMLButtonElement>(agenda, '[part="scope-all"]').click();
    await agenda.updateComplete;
    await waitUntil(() => agenda.shadowRoot?.querySelector('[part="confirm-delete"]'), 'confirmation asked');
    expect(text(scopeDialog(agenda))).to.contain('Supprimer toutes les occurrences de « Kinésithérapie » ?');
    await waitUntil(() => focusedName(agenda) === 'Annuler', 'focus on the safe choice');
    await expect(agenda).to.be.accessible();
    (agenda.shadowRoot?.activeElement as HTMLButtonElement).click();
    await agenda.updateComplete;
    await waitUntil(() => !scopeDialog(agenda).open, 'confirmation closed');
    expect(await storedEvents(dbName)).to.have.length(1);

    // Second time: confirmed, then undone.
    await openOccurrence(agenda, 'Kinésithérapie');
    await deleteOpenOccurrence(agenda);
    await waitUntil(() => scopeDialog(agenda).open, 'question asked again');
    part<HTMLButtonElement>(agenda, '[part="scope-all"]').click();
    await agenda.updateComplete;
    const deleted = oneEvent(agenda, 'carnet-event-change');
    part<HTMLButtonElement>(agenda, '[part="confirm-delete"]').click();
    expect((await deleted).detail).to.deep.equal({ action: 'delete', eventId: series?.id, scope: 'all' });
    await saved(agenda);
    expect(await storedEvents(dbName)).to.deep.equal([]);
    expect(itemSummaries(part(agenda, '[part="week"]'))).to.deep.equal([]);
    const undoBar = part(agenda, '[part="undo"]');
    expect(text(undoBar)).to.contain('« Kinésithérapie » supprimé');

    const restored = oneEvent(agenda, 'carnet-event-change');
    part<HTMLButtonElement>(agenda, '[part="undo"] button').click();
    expect((await restored).detail.action).to.equal('create');
    await waitUntil(() => itemSummaries(part(agenda, '[part="week"]')).length === 1, 'series shown again');
    expect(itemSummaries(part(agenda, '[part="week"]'))).to.deep.equal(['10:00–11:00 Kinésithérapie']);
    const [again] = await storedEvents(dbName);
    expect(again).to.deep.include({
      title: 'Kinésithérapie',
      start: '2026-11-02T10:00:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
    });
    expect(agenda.shadowRoot?.querySelector('[part="undo"]')).to.equal(null);
  });

  it('writes dates and times in the page language: day/month/year and 24-hour in French', async () => {
    const dbName = uniqueDbName('entry-locale-fr');
    const { agenda } = await agendaInProvider(dbName);
    await openNewEvent(agenda);
    const date = field(agenda, 'date');
    expect(date.type).to.equal('text');
    expect(date.value).to.equal('23/11/2026');
    expect(text(part(agenda, '#date-hint'))).to.equal('jj/mm/aaaa · lundi 23 novembre 2026');
    await fill(agenda, { title: 'Néphrologue', date: '4/12/2026', startTime: '14h30' });
    expect(field(agenda, 'date').value).to.equal('04/12/2026');
    expect(field(agenda, 'startTime').value).to.equal('14:30');
    expect(field(agenda, 'endTime').value).to.equal('15:00');
    expect(text(part(agenda, '#date-hint'))).to.contain('vendredi 4 décembre 2026');

    await fill(agenda, { date: '31/02/2026' });
    await save(agenda);
    await agenda.updateComplete;
    expect(field(agenda, 'date').getAttribute('aria-invalid')).to.equal('true');
    expect(text(part(agenda, '#date-error'))).to.equal('Date non reconnue : écrivez-la jj/mm/aaaa.');
    expect(await storedEvents(dbName)).to.deep.equal([]);

    await fill(agenda, { date: '04/12/2026' });
    await save(agenda);
    await saved(agenda);
    const [stored] = await storedEvents(dbName);
    expect(stored).to.deep.include({ start: '2026-12-04T14:30:00', end: '2026-12-04T15:00:00' });
  });

  it('writes the form in English when the page is in English, whatever the browser says', async () => {
    const dbName = uniqueDbName('entry-locale-en');
    const [event] = (
      await seedAgenda(dbName, [
        agendaEvent({ title: 'Podiatrist', start: '2026-11-25T16:00:00', end: '2026-11-25T16:30:00' }),
      ])
    ).events;
    const { agenda } = await agendaInProvider(dbName, { locale: 'en', view: 'week' });
    await waitUntil(() => text(part(agenda, '[part="create"]')) === 'New event', 'English strings');
    await openOccurrence(agenda, 'Podiatrist');
    await editOpenOccurrence(agenda);
    expect(field(agenda, 'date').value).to.equal('25/11/2026');
    expect(field(agenda, 'startTime').value).to.equal('16:00');
    expect(text(part(agenda, '#date-hint'))).to.equal('dd/mm/yyyy · Wednesday, 25 November 2026');
    await fill(agenda, { startTime: '5:15 pm' });
    expect(field(agenda, 'startTime').value).to.equal('17:15');
    expect(field(agenda, 'endTime').value).to.equal('17:45');
    await save(agenda);
    await saved(agenda);
    const [stored] = await storedEvents(dbName);
    expect(stored).to.deep.include({ id: event?.id, start: '2026-11-25T17:15:00', end: '2026-11-25T17:45:00' });
  });
});
