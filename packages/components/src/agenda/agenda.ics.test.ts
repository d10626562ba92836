import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, oneEvent, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetEventChangeDetail } from '../events/carnet-event-change.js';
import { fromICalendar } from '@carnet/catalog-sdk';
import type { CarnetAgenda } from './agenda.js';
import {
  agendaEvent,
  agendaInProvider,
  cellLabel,
  openedDialog,
  part,
  parts,
  seedAgenda,
  storedEvents,
  text,
} from './test-helpers/agenda-fixtures.js';

// A small calendar as Google Calendar writes it: folded lines, TZID, RRULE, EXDATE, VALARM.
const GOOGLE_CALENDAR = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'VERSION:2.0',
  'CALSCALE:GREGORIAN',
  'METHOD:PUBLISH',
  'X-WR-TIMEZONE:Europe/Paris',
  'BEGIN:VEVENT',
  'DTSTART;TZID=Europe/Paris:20261125T090000',
  'DTEND;TZID=Europe/Paris:20261125T093000',
  'RRULE:FREQ=WEEKLY;BYDAY=WE',
  'EXDATE;TZID=Europe/Paris:20261202T090000',
  'DTSTAMP:20261120T100000Z',
  'UID:kine-mercredi@google.com',
  'SUMMARY:Kinésithérapie respiratoire — séance du mercredi avec exercices d',
  " 'équilibre",
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'DESCRIPTION:This is an event reminder',
  'TRIGGER:-P0DT0H30M0S',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART:20261127T130000Z',
  'DTEND:20261127T140000Z',
  'DTSTAMP:20261120T100000Z',
  'UID:pharmacie@google.com',
  'SUMMARY:Passer à la pharmacie',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

async function chooseFile(agenda: CarnetAgenda, content: string, name = 'agenda.ics'): Promise<void> {
  const input = part<HTMLInputElement>(agenda, '.file-input');
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], name, { type: 'text/calendar' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await openedDialog(agenda, 'dialog[part="import-dialog"]');
}

describe('<carnet-agenda> .ics export and import', () => {
  afterEach(deleteTestDatabases);

  it('exports a calendar file that reads back as the same events, and revokes its object URL', async () => {
    const dbName = uniqueDbName('ics-export');
    await seedAgenda(dbName, [
      agendaEvent({
        title: 'Séance d’hémodialyse',
        start: '2026-11-02T07:30:00',
        end: '2026-11-02T11:30:00',
        rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
        exdates: ['2026-11-06T07:30:00'],
        reminders: [{ minutesBefore: 60 }],
      }),
      agendaEvent({
        title: 'Échographie rénale',
        kind: 'exam',
        start: '2026-12-02T14:00:00',
        end: '2026-12-02T14:30:00',
        location: 'Imagerie des Volcans',
      }),
    ]);
    const { agenda } = await agendaInProvider(dbName);
    const created: Blob[] = [];
    const revoked: string[] = [];
    const originalCreate = URL.createObjectURL;
    const originalRevoke = URL.revokeObjectURL;
    let url = '';
    URL.createObjectURL = (blob: Blob | MediaSource): string => {
      created.push(blob as Blob);
      url = originalCreate.call(URL, blob);
      return url;
    };
    URL.revokeObjectURL = (revokedUrl: string): void => {
      revoked.push(revokedUrl);
      originalRevoke.call(URL, revokedUrl);
    };
    try {
      part<HTMLButtonElement>(agenda, '[part="export"]').click();
      await waitUntil(() => created.length === 1, 'file made');
      expect(created[0]?.type).to.equal('text/calendar;charset=utf-8');
      const imported = await fromICalendar(await (created[0] as Blob).text());
      const stored = await storedEvents(dbName);
      expect(imported.events).to.have.length(2);
      for (const event of stored) {
        const back = imported.events.find((candidate) => candidate.title === event.title);
        expect(back, event.title).to.not.equal(undefined);
        expect(back).to.deep.include({
          start: event.start,
          end: event.end,
          kind: event.kind,
          timeZone: 'Europe/Paris',
          reminders: event.reminders,
          exdates: event.exdates,
        });
        expect(back?.rrule).to.equal(event.rrule);
      }
      // Revoked after a delay (the download must start first): wait for it, not for a fixed time.
      await waitUntil(() => revoked.length > 0, 'object URL revoked');
      expect(revoked).to.deep.equal([url]);
    } finally {
      URL.createObjectURL = originalCreate;
      URL.revokeObjectURL = originalRevoke;
    }
  });

  it('imports a Google-style file: preview, then events created in the agenda', async () => {
    const dbName = uniqueDbName('ics-import');
    const { agenda } = await agendaInProvider(dbName);
    const changes: CarnetEventChangeDetail[] = [];
    agenda.addEventListener('carnet-event-change', (event) => changes.push(event.detail));
    await chooseFile(agenda, GOOGLE_CALENDAR);
    await waitUntil(() => parts(agenda, '[part="import-item"]').length === 2, 'preview listed');
    const items = parts(agenda, '[part="import-item"]').map((item) => text(item));
    expect(items[0]).to.contain("Kinésithérapie respiratoire — séance du mercredi avec exercices d'équilibre");
    expect(items[0]).to.contain('mercredi 25 novembre 2026, 09:00');
    expect(items[0]).to.contain('chaque mercredi');
    expect(items[1]).to.contain('Passer à la pharmacie');
    expect(items[1]).to.contain('14:00');
    await expect(agenda).to.be.accessible();

    const imported = oneEvent(agenda, 'carnet-event-change');
    part<HTMLButtonElement>(agenda, '[part="import-confirm"]').click();
    await imported;
    await waitUntil(() => !part<HTMLDialogElement>(agenda, 'dialog[part="import-dialog"]').open, 'dialog closed');
    await agenda.dataReady();
    const stored = await storedEvents(dbName);
    expect(stored).to.have.length(2);
    const physio = stored.find((event) => event.rrule);
    expect(physio).to.deep.include({
      start: '2026-11-25T09:00:00',
      rrule: 'FREQ=WEEKLY;BYDAY=WE',
      exdates: ['2026-12-02T09:00:00'],
    });
    expect(physio?.reminders).to.deep.equal([{ minutesBefore: 30 }]);
    expect(changes.map((change) => change.action)).to.deep.equal(['create', 'create']);
    expect(cellLabel(agenda, '2026-11-25')).to.contain('09:00');
    expect(cellLabel(agenda, '2026-12-02')).to.not.contain('Kinésithérapie');
    expect(cellLabel(agenda, '2026-11-27')).to.contain('Passer à la pharmacie 14:00');
  });

  it('says in the page language, naming the event, what the file held that was not taken over', async () => {
    const calendar = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:dialyse@hopital',
      'DTSTART;TZID=Fuseau du cabinet:20261125T140000',
      'DTEND;TZID=Fuseau du cabinet:20261125T180000',
      'SUMMARY:Dialyse',
      'RDATE:20261128T140000',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER;VALUE=DATE-TIME:20261125T120000Z',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const { agenda } = await agendaInProvider(uniqueDbName('ics-warnings'));
    await chooseFile(agenda, calendar);
    await waitUntil(() => agenda.shadowRoot?.querySelector('[part="import-warnings"]'), 'warnings shown');
    const warnings = part(agenda, '[part="import-warnings"]');
    expect(text(warnings)).to.contain('3 élément(s) du fichier');
    const lines = [...warnings.querySelectorAll('li')].map((li) => text(li));
    expect(lines).to.deep.equal([
      "Le fuseau horaire « Fuseau du cabinet » est inconnu : ses horaires ont été lus à l'heure de Europe/Paris.",
      "« Dialyse » : des dates ajoutées ou exclues de la répétition n'ont pas été reprises.",
      "« Dialyse » : un rappel à heure fixe n'a pas été repris.",
    ]);
    // No technical English left for a French reader.
    expect(text(warnings)).not.to.match(/ignored|alarm|RDATE/);
    await expect(agenda).to.be.accessible();
  });

  it('says clearly when a file is not a calendar, and adds nothing', async () => {
    const dbName = uniqueDbName('ics-invalid');
    const { agenda } = await agendaInProvider(dbName);
    await chooseFile(agenda, 'Ceci est une liste de courses.\nPain, lait.', 'courses.ics');
    await waitUntil(() => agenda.shadowRoot?.querySelector('[part="import-error"]'), 'error shown');
    const error = part(agenda, '[part="import-error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain("Ce fichier n'est pas un calendrier lisible");
    expect(agenda.shadowRoot?.querySelector('[part="import-confirm"]')).to.equal(null);
    await expect(agenda).to.be.accessible();
    part<HTMLButtonElement>(agenda, '[part="import-cancel"]').click();
    await agenda.updateComplete;
    expect(part<HTMLDialogElement>(agenda, 'dialog[part="import-dialog"]').open).to.equal(false);
    expect(await storedEvents(dbName)).to.deep.equal([]);
  });
});
