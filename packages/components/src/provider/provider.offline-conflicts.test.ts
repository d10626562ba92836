// <carnet-provider> connected mode with its offline cache against the REAL demo
// platform whose FHIR server stops listening for real: a conflict found when
// the patient's change is sent is settled in the dialog, never overwritten.
import { createFhirDataSource } from '@carnet/catalog-sdk';
import type { AgendaEvent, CarnetSession, DataSource } from '@carnet/catalog-sdk';
import { sendKeys } from '@web/test-runner-commands';
import type { CarnetAgenda } from '../agenda/agenda.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import {
  providerPart,
  realClick,
  signedInSession,
  startFhirServer,
  stopFhirServer,
  stoppablePlatform,
  withStoppableServer,
} from '../test-helpers/platform.js';
import type { TestPlatform } from '../test-helpers/platform.js';
import type { CarnetProvider } from './provider.js';
import '../agenda/agenda.js';
import './provider.js';

function text(node: Node | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function syncLine(provider: CarnetProvider): string {
  return text(providerPart(provider, 'sync-status'));
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

function agendaEventButton(agenda: CarnetAgenda, title: string): HTMLButtonElement | undefined {
  return [...(agenda.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="event"]') ?? [])].find(
    (button) => text(button.querySelector('.item-title')) === title,
  );
}

function parisDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

describe('<carnet-provider> offline cache: conflicts and unsent changes (FHIR server stopped for real)', function () {
  this.timeout(90_000);
  let platform: TestPlatform;
  let session: CarnetSession;
  let server: DataSource;
  const databases: string[] = [];

  before(async () => {
    platform = await stoppablePlatform();
    session = await signedInSession(platform, 'parkinson', { navigate: () => undefined });
    server = createFhirDataSource({ baseUrl: platform.fhirBaseUrl, session });
  });

  afterEach(async () => {
    for (const name of databases.splice(0)) await deleteDatabase(name);
  });

  after(() => session?.dispose());

  /** A provider with the test's session around an agenda (week view), showing a new appointment today. */
  async function agendaWithAppointment(): Promise<{
    provider: CarnetProvider;
    agenda: CarnetAgenda;
    event: AgendaEvent;
  }> {
    const today = parisDay(new Date());
    const event = await server.agenda.create({
      title: `Consultation ${crypto.randomUUID().slice(0, 8)}`,
      kind: 'appointment',
      start: `${today}T12:00:00`,
      end: `${today}T12:30:00`,
    });
    const dbName = `carnet-conflict-${crypto.randomUUID()}`;
    databases.push(`${dbName}-offline-${session.patientId ?? ''}`);
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider fhir-base-url=${platform.fhirBaseUrl} db-name=${dbName} .session=${session}
        ><carnet-agenda view="week"></carnet-agenda
      ></carnet-provider>`,
    );
    const agenda = provider.querySelector('carnet-agenda') as CarnetAgenda;
    await waitUntil(() => agendaEventButton(agenda, event.title), 'appointment shown', { timeout: 15_000 });
    await waitUntil(() => syncLine(provider) === 'À jour', 'up to date');
    return { provider, agenda, event };
  }

  async function writeNote(agenda: CarnetAgenda, title: string, note: string): Promise<void> {
    agendaEventButton(agenda, title)?.click();
    await agenda.updateComplete;
    const dialog = agenda.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part="occurrence-dialog"]');
    const field = dialog?.querySelector<HTMLTextAreaElement>('textarea[name="occurrenceNote"]');
    if (!dialog || !field) throw new Error('no occurrence dialog');
    field.value = note;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    dialog.querySelector<HTMLButtonElement>('[part="save-note"]')?.click();
    await waitUntil(() => text(dialog.querySelector('[role="status"]')) === 'Note enregistrée.', 'note saved here', {
      timeout: 15_000,
    });
    [...dialog.querySelectorAll<HTMLButtonElement>('button')].find((button) => text(button) === 'Fermer')?.click();
    await waitUntil(() => !dialog.open, 'occurrence dialog closed');
  }

  it('a note changed elsewhere meanwhile is never overwritten: the patient keeps both notes in the dialog', async () => {
    await withStoppableServer(async () => {
      const { provider, agenda, event } = await agendaWithAppointment();
      const originalStart = event.start;
      // Another device writes a note on the server; this page still shows the version it read.
      await server.agenda.update({ ...event, overrides: [{ originalStart, note: 'Apporter les analyses' }] });

      await stopFhirServer();
      await writeNote(agenda, event.title, 'Tension 13/8');
      await waitUntil(
        () => syncLine(provider) === "Hors connexion — 1 modification en attente d'envoi",
        `offline, one pending (was « ${syncLine(provider)} »)`,
        { timeout: 15_000 },
      );

      await startFhirServer();
      await waitUntil(() => providerPart(provider, 'review-button'), 'conflict announced', { timeout: 30_000 });
      expect(text(providerPart(provider, 'sync-conflicts'))).to.contain('1 modification à vérifier');
      // Nothing was overwritten: the server still holds the other device's note.
      expect((await server.agenda.get(event.id)).overrides.map((o) => o.note)).to.deep.equal(['Apporter les analyses']);

      await realClick(providerPart(provider, 'review-button') as HTMLElement);
      const dialog = providerPart(provider, 'conflict-dialog') as HTMLDialogElement;
      await waitUntil(() => dialog.open, 'conflict dialog open');
      // The safe choice has focus: deciding later loses nothing.
      await waitUntil(() => provider.shadowRoot?.activeElement?.getAttribute('part') === 'conflict-later', 'focus');
      expect(text(dialog.querySelector('[part="conflict-subject"]'))).to.equal(`Rendez-vous « ${event.title} »`);
      expect(text(dialog.querySelector('[part="conflict-theirs"]'))).to.contain('Apporter les analyses');
      expect(text(dialog.querySelector('[part="conflict-mine"]'))).to.contain('Tension 13/8');
      expect(dialog.querySelector('[part="choose-both"]')).to.exist;
      await expect(provider).to.be.accessible();

      // Escape leaves it waiting.
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'dialog closed');
      expect(providerPart(provider, 'review-button')).to.exist;

      await realClick(providerPart(provider, 'review-button') as HTMLElement);
      await waitUntil(() => dialog.open, 'conflict dialog open again');
      await realClick(dialog.querySelector('[part="choose-both"]') as HTMLElement);
      await waitUntil(() => !dialog.open, 'dialog closed after the choice');
      await waitUntil(() => syncLine(provider) === 'À jour' && !providerPart(provider, 'review-button'), 'settled', {
        timeout: 30_000,
      });
      const saved = await server.agenda.get(event.id);
      expect(saved.overrides.map((o) => o.note)).to.deep.equal(['Apporter les analyses\n\nTension 13/8']);
      // The agenda reads again by itself and shows both.
      await waitUntil(() => text(agendaEventButton(agenda, event.title)).includes('Tension 13/8'), 'agenda shows both');
      expect(text(agendaEventButton(agenda, event.title))).to.contain('Apporter les analyses');
    });
  });
});
