import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { AgendaEvent } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixtureCleanup, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetEventChangeDetail } from '../events/carnet-event-change.js';
import { describeRecurrence } from '@carnet/catalog-sdk';
import {
  agendaEvent,
  agendaInProvider,
  cellLabel,
  itemSummaries,
  part,
  parts,
  seedAgenda,
  storedEvents,
  text,
} from './test-helpers/agenda-fixtures.js';
import {
  answerScope,
  choose,
  deleteOpenOccurrence,
  editOpenOccurrence,
  editorDialog,
  field,
  fill,
  openNewEvent,
  openDay,
  openOccurrence,
  save,
  saved,
} from './test-helpers/editor-helpers.js';

function changesOf(target: HTMLElement): CarnetEventChangeDetail[] {
  const changes: CarnetEventChangeDetail[] = [];
  target.addEventListener('carnet-event-change', (event) => changes.push(event.detail));
  return changes;
}

describe('<carnet-agenda> event editor', () => {
  afterEach(deleteTestDatabases);

  it('creates an event through the form, and it survives a new provider on the same database', async () => {
    const dbName = uniqueDbName('agenda-create');
    const { agenda } = await agendaInProvider(dbName);
    const changes = changesOf(document.body);
    await openNewEvent(agenda);
    expect(field(agenda, 'date').value).to.equal('23/11/2026');
    await fill(agenda, {
      title: 'Consultation de néphrologie',
      date: '2026-11-26',
      startTime: '10:00',
      endTime: '10:45',
      location: 'CHU Gabriel-Montpied',
      practitioner: 'Dr Morel, néphrologue',
      notes: 'Apporter le dernier bilan.',
    });
    await fill(agenda, { kind: 'exam' });
    await save(agenda);
    await saved(agenda);

    const [stored] = await storedEvents(dbName);
    expect(stored).to.deep.include({
      title: 'Consultation de néphrologie',
      kind: 'exam',
      start: '2026-11-26T10:00:00',
      end: '2026-11-26T10:45:00',
      timeZone: 'Europe/Paris',
      location: 'CHU Gabriel-Montpied',
      practitioner: 'Dr Morel, néphrologue',
      notes: 'Apporter le dernier bilan.',
    });
    expect(stored?.rrule).to.equal(undefined);
    expect(stored?.reminders).to.deep.equal([{ minutesBefore: 1440 }]);
    expect(changes).to.deep.equal([{ action: 'create', eventId: stored?.id }]);
    expect(cellLabel(agenda, '2026-11-26')).to.equal(
      'jeudi 26 novembre 2026, 1 événement : Consultation de néphrologie 10:00',
    );

    fixtureCleanup();
    const again = await agendaInProvider(dbName);
    expect(cellLabel(again.agenda, '2026-11-26')).to.contain('Consultation de néphrologie 10:00');
  });

  it('refuses to save without a title: marks the field, says why, focuses it, creates nothing', async () => {
    const dbName = uniqueDbName('agenda-invalid');
    const { agenda } = await agendaInProvider(dbName);
    await openNewEvent(agenda);
    await save(agenda);
    await agenda.updateComplete;
    const title = field(agenda, 'title');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(text(part(agenda, '#title-error'))).to.equal('Donnez un titre à cet événement.');
    await waitUntil(() => agenda.shadowRoot?.activeElement === title, 'title focused');
    expect(editorDialog(agenda).open).to.equal(true);
    expect(await storedEvents(dbName)).to.deep.equal([]);
    await expect(agenda).to.be.accessible();
  });

  it('edits a single event from its details, without asking which occurrences', async () => {
    const dbName = uniqueDbName('agenda-edit');
    const [event] = (
      await seedAgenda(dbName, [
        agendaEvent({
          title: 'Échographie',
          kind: 'exam',
          start: '2026-11-24T14:00:00',
          end: '2026-11-24T14:30:00',
          location: 'Imagerie',
        }),
      ])
    ).events;
    const { agenda } = await agendaInProvider(dbName, { view: 'week' });
    const changes = changesOf(agenda);
    const details = await openOccurrence(agenda, 'Échographie');
    expect(text(details)).to.contain('mardi 24 novembre 2026, 14:00–14:30');
    expect(text(details)).to.contain('Imagerie');
    await expect(agenda).to.be.accessible();
    await editOpenOccurrence(agenda);
    expect(field(agenda, 'title').value).to.equal('Échographie');
    expect(field<HTMLSelectElement>(agenda, 'kind').value).to.equal('exam');
    expect(field(agenda, 'startTime').value).to.equal('14:00');
    await fill(agenda, { title: 'Échographie rénale', startTime: '15:00', endTime: '15:20', location: '' });
    await save(agenda);
    await saved(agenda);
    const [stored] = await storedEvents(dbName);
    expect(stored).to.deep.include({
      id: event?.id,
      title: 'Échographie rénale',
      start: '2026-11-24T15:00:00',
      end: '2026-11-24T15:20:00',
    });
    expect(stored?.location).to.equal(undefined);
    expect(stored?.version).not.to.equal(event?.version);
    expect(changes).to.deep.equal([{ action: 'update', eventId: event?.id }]);
    expect(itemSummaries(part(agenda, '[part="week"]'))).to.deep.equal(['15:00–15:20 Échographie rénale']);
  });

  it('deletes a single event after confirmation', async () => {
    const dbName = uniqueDbName('agenda-delete');
    const [event] = (
      await seedAgenda(dbName, [
        agendaEvent({ title: 'Podologue', start: '2026-11-25T11:00:00', end: '2026-11-25T11:45:00' }),
      ])
    ).events;
    const { agenda } = await agendaInProvider(dbName, { view: 'week' });
    const changes = changesOf(agenda);
    await openOccurrence(agenda, 'Podologue');
    await deleteOpenOccurrence(agenda);
    const question = part<HTMLDialogElement>(agenda, 'dialog[part="scope-dialog"]');
    expect(question.open).to.equal(true);
    expect(text(question)).to.contain('Supprimer cet événement ?');
    expect(parts(agenda, '[part^="scope-"]').map((button) => button.getAttribute('part'))).to.deep.equal([
      'scope-dialog',
      'scope-all',
    ]);
    await expect(agenda).to.be.accessible();
    await answerScope(agenda, 'all');
    expect(await storedEvents(dbName)).to.deep.equal([]);
    expect(changes).to.deep.equal([{ action: 'delete', eventId: event?.id }]);
    expect(itemSummaries(part(agenda, '[part="week"]'))).to.deep.equal([]);
  });

  it('turns the plain-words choices into a rule, says it in words, and shows the same choices when reopened', async () => {
    const dbName = uniqueDbName('agenda-recurrence');
    const { agenda } = await agendaInProvider(dbName);
    await openNewEvent(agenda);
    await fill(agenda, { title: 'Kinésithérapie', startTime: '17:00', endTime: '17:45' });
    expect(text(part(agenda, '[part="recurrence-sentence"]'))).to.equal('Ne se répète pas');
    await fill(agenda, { frequency: 'weekly' });
    // The event's own weekday (Monday 23 November) comes ticked.
    expect(field(agenda, 'weekday', 'MO').checked).to.equal(true);
    await choose(agenda, 'weekday', 'TH');
    await fill(agenda, { interval: '2' });
    await choose(agenda, 'endType', 'count');
    await fill(agenda, { count: '6' });
    const sentence = text(part(agenda, '[part="recurrence-sentence"]'));
    expect(sentence).to.match(/toutes les 2 semaines/);
    expect(sentence).to.match(/lundi et le jeudi/);
    expect(sentence).to.match(/6 fois/);
    await expect(agenda).to.be.accessible();
    await save(agenda);
    await saved(agenda);

    const [stored] = await storedEvents(dbName);
    const rule = stored?.rrule ?? '';
    expect(rule.split(';').sort()).to.deep.equal(['BYDAY=MO,TH', 'COUNT=6', 'FREQ=WEEKLY', 'INTERVAL=2']);
    expect(describeRecurrence(rule, 'fr')).to.equal(sentence);

    await openDay(agenda, '2026-11-23');
    await openOccurrence(agenda, 'Kinésithérapie');
    expect(text(part(agenda, 'dialog[part="occurrence-dialog"]'))).to.contain(sentence);
    await editOpenOccurrence(agenda);
    expect(field<HTMLSelectElement>(agenda, 'frequency').value).to.equal('weekly');
    expect(field(agenda, 'interval').value).to.equal('2');
    expect(
      ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].filter((day) => field(agenda, 'weekday', day).checked),
    ).to.deep.equal(['MO', 'TH']);
    expect(field(agenda, 'endType', 'count').checked).to.equal(true);
    expect(field(agenda, 'count').value).to.equal('6');
    expect(text(part(agenda, '[part="recurrence-sentence"]'))).to.equal(sentence);
  });

  it('writes a monthly rule on the nth weekday until a date, and reads it back', async () => {
    const dbName = uniqueDbName('agenda-monthly');
    const { agenda } = await agendaInProvider(dbName);
    await openNewEvent(agenda);
    await fill(agenda, {
      title: 'Bilan sanguin',
      date: '2026-11-02',
      startTime: '07:15',
      endTime: '07:30',
      frequency: 'monthly',
    });
    const modes = parts(agenda, '[part="recurrence-monthly"] label').map((label) => text(label));
    expect(modes).to.have.length(2);
    await choose(agenda, 'monthlyMode', 'nth-weekday');
    await choose(agenda, 'endType', 'until');
    await fill(agenda, { until: '2027-06-30' });
    const sentence = text(part(agenda, '[part="recurrence-sentence"]'));
    expect(sentence).to.contain('lundi');
    await save(agenda);
    await saved(agenda);
    const [stored] = await storedEvents(dbName);
    expect(stored?.rrule).to.contain('FREQ=MONTHLY');
    expect(stored?.rrule).to.contain('BYDAY=1MO');
    expect(stored?.rrule).to.contain('UNTIL=20270630');
    expect(cellLabel(agenda, '2026-11-02')).to.contain('Bilan sanguin 07:15');
    part<HTMLButtonElement>(agenda, '[part="next"]').click();
    await agenda.updateComplete;
    expect(cellLabel(agenda, '2026-12-07')).to.contain('Bilan sanguin 07:15');
  });

  it('adds and removes reminders, and lists them among the coming reminders', async () => {
    const dbName = uniqueDbName('agenda-reminders');
    const { agenda } = await agendaInProvider(dbName);
    await openNewEvent(agenda);
    await fill(agenda, {
      title: 'Consultation de transplantation',
      date: '2026-11-25',
      startTime: '10:00',
      endTime: '11:00',
    });
    const reminders = (): string[] =>
      parts(agenda, '[part="reminders-editor"] .reminder > span').map((span) => text(span));
    expect(reminders()).to.deep.equal(['1 jour avant']);
    await fill(agenda, { reminderValue: '2', reminderUnit: 'hour' });
    part<HTMLButtonElement>(agenda, '[data-add-reminder]').click();
    await agenda.updateComplete;
    expect(reminders()).to.deep.equal(['1 jour avant', '2 heures avant']);
    await fill(agenda, { reminderValue: '15', reminderUnit: 'minute' });
    part<HTMLButtonElement>(agenda, '[data-add-reminder]').click();
    await agenda.updateComplete;
    const removeDay = part<HTMLButtonElement>(agenda, '[data-remove-reminder="1440"]');
    expect(removeDay.getAttribute('aria-label')?.replace(/\s/g, ' ')).to.equal('Retirer le rappel 1 jour avant');
    removeDay.click();
    await agenda.updateComplete;
    expect(reminders()).to.deep.equal(['2 heures avant', '15 minutes avant']);
    await save(agenda);
    await saved(agenda);
    const [stored] = await storedEvents(dbName);
    expect(stored?.reminders).to.deep.equal([{ minutesBefore: 120 }, { minutesBefore: 15 }]);
    const entries = parts(agenda, '[part="upcoming-reminder"]').map((entry) => text(entry));
    expect(entries).to.have.length(2);
    expect(entries[0]).to.match(
      /^mer\. 25 nov\. 08:00 Consultation de transplantation Rendez-vous le mercredi 25 novembre 2026 à 10:00 · 2 heures avant$/,
    );
    expect(entries[1]).to.contain('09:45');
  });

  it('keeps what the patient typed when the event changed elsewhere, and saves it on the latest version', async () => {
    const dbName = uniqueDbName('agenda-conflict');
    const [event] = (
      await seedAgenda(dbName, [
        agendaEvent({ title: 'Néphrologue', start: '2026-11-24T14:00:00', end: '2026-11-24T14:30:00' }),
      ])
    ).events;
    const { agenda } = await agendaInProvider(dbName, { view: 'week' });
    await openOccurrence(agenda, 'Néphrologue');
    await editOpenOccurrence(agenda);
    await fill(agenda, { title: 'Néphrologue — bilan annuel', notes: 'Questions sur la greffe' });

    const elsewhere = createLocalDataSource({ dbName });
    await elsewhere.agenda.update({ ...(event as AgendaEvent), location: 'Salle 12' });
    elsewhere.close();

    await save(agenda);
    await waitUntil(() => agenda.shadowRoot?.querySelector('[part="editor-problem"]'), 'conflict shown');
    const problem = part(agenda, '[part="editor-problem"]');
    expect(text(problem)).to.contain('changé entre-temps, sur un autre appareil ou par une autre personne');
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(editorDialog(agenda).open).to.equal(true);
    expect(field(agenda, 'title').value).to.equal('Néphrologue — bilan annuel');
    expect(field<HTMLTextAreaElement>(agenda, 'notes').value).to.equal('Questions sur la greffe');
    await expect(agenda).to.be.accessible();

    await save(agenda);
    await saved(agenda);
    const [stored] = await storedEvents(dbName);
    expect(stored).to.deep.include({ title: 'Néphrologue — bilan annuel', notes: 'Questions sur la greffe' });
  });
});
