import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { activate, dialogContract } from '../test-helpers/dialog-contract.js';
import { PATIENCE } from '../test-helpers/dialog-contract.js';
import { rovingFocusContract } from '../test-helpers/roving-focus-contract.js';
import { waitUntil } from '../test-helpers/fixture.js';
import type { CarnetAgenda } from './agenda.js';
import {
  agendaEvent,
  agendaInProvider,
  openedDialog,
  part,
  parts,
  seedAgenda,
  text,
} from './test-helpers/agenda-fixtures.js';

const CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Carnet tests//FR',
  'BEGIN:VEVENT',
  'UID:pharmacie@example.org',
  'DTSTAMP:20261120T100000Z',
  'DTSTART:20261127T130000Z',
  'DTEND:20261127T140000Z',
  'SUMMARY:Passer à la pharmacie',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** An agenda with one weekly appointment (a recurring event asks « which occurrences? »). */
async function agendaWithWeeklyVisit(label: string): Promise<HTMLElement> {
  const dbName = uniqueDbName(label);
  await seedAgenda(dbName, [
    agendaEvent({
      title: 'Kinésithérapie',
      start: '2026-11-24T09:00:00',
      end: '2026-11-24T09:30:00',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
    }),
  ]);
  const { agenda } = await agendaInProvider(dbName, { view: 'week' });
  return agenda;
}

/** Opens the details of the first « Kinésithérapie » with Enter; returns its button. */
async function openVisit(host: HTMLElement): Promise<HTMLElement> {
  const agenda = host as CarnetAgenda;
  const button = parts<HTMLButtonElement>(agenda, '[part="event"]').find(
    (candidate) => text(candidate.querySelector('.item-title')) === 'Kinésithérapie',
  );
  if (!button) throw new Error('no Kinésithérapie shown');
  await activate(button);
  await openedDialog(agenda, 'dialog[part="occurrence-dialog"]');
  return button;
}

describe('<carnet-agenda> shared contracts', () => {
  afterEach(deleteTestDatabases);

  dialogContract([
    {
      name: 'the details of an occurrence',
      mount: () => agendaWithWeeklyVisit('contract-details'),
      open: openVisit,
      selector: 'dialog[part="occurrence-dialog"]',
      safeChoice: 'Note sur cette occurrence',
    },
    {
      name: 'the event editor',
      mount: () => agendaWithWeeklyVisit('contract-editor'),
      open: async (host) => {
        const create = part<HTMLButtonElement>(host as CarnetAgenda, '[part="create"]');
        await activate(create);
        await openedDialog(host as CarnetAgenda, 'dialog[part="editor"]');
        return create;
      },
      selector: 'dialog[part="editor"]',
      safeChoice: /^Titre/,
    },
    {
      // « Cette occurrence » deletes too: a second Enter from a tremor must not destroy anything.
      name: 'the « which occurrences? » question when deleting (« Annuler » first)',
      mount: () => agendaWithWeeklyVisit('contract-scope'),
      open: async (host) => {
        const agenda = host as CarnetAgenda;
        if (!agenda.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part="occurrence-dialog"]')?.open)
          await openVisit(host);
        const remove = part<HTMLButtonElement>(agenda, 'dialog[part="occurrence-dialog"] [part="delete"]');
        await activate(remove);
        return remove;
      },
      selector: 'dialog[part="scope-dialog"]',
      safeChoice: 'Annuler',
    },
    {
      name: 'the import preview',
      mount: () => agendaWithWeeklyVisit('contract-import'),
      open: async (host) => {
        const agenda = host as CarnetAgenda;
        const importButton = part<HTMLButtonElement>(agenda, '[part="import"]');
        importButton.focus();
        // A file chooser cannot be driven from a test: the file arrives as the chooser would give it.
        const input = part<HTMLInputElement>(agenda, '.file-input');
        const transfer = new DataTransfer();
        transfer.items.add(new File([CALENDAR], 'agenda.ics', { type: 'text/calendar' }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        await waitUntil(
          () => agenda.shadowRoot?.querySelector('dialog[part="import-dialog"] [part="import-confirm"]'),
          'preview read',
          PATIENCE,
        );
        return importButton;
      },
      selector: 'dialog[part="import-dialog"]',
      safeChoice: 'Annuler',
    },
  ]);

  rovingFocusContract([
    {
      name: 'the month grid',
      mount: async () => (await agendaInProvider(uniqueDbName('contract-month'))).agenda,
      items: (host) => parts(host as CarnetAgenda, '[role="gridcell"]'),
      nextKey: 'ArrowRight',
      previousKey: 'ArrowLeft',
    },
  ]);
});
