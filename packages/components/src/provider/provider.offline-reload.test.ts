// The done test of connected mode offline: in a real page (an iframe, reloaded
// for real) holding <carnet-provider> around the pill organiser and the agenda,
// against the REAL demo platform whose FHIR server process stops listening for
// real (connections refused), then comes back with its data.
import { createFhirDataSource } from '@carnet/catalog-sdk';
import type { AgendaEvent, CarnetSession, DataSource, IntakeRecord } from '@carnet/catalog-sdk';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import {
  signedInSession,
  startFhirServer,
  stopFhirServer,
  stoppablePlatform,
  withStoppableServer,
  type TestPlatform,
} from '../test-helpers/platform.js';
import type { CarnetAgenda } from '../agenda/agenda.js';
import type { CarnetPillOrganiser } from '../pill-organiser/pill-organiser.js';
import type { CarnetProvider } from './provider.js';
import type { OfflinePage } from './test-helpers/offline-page.js';
import { agendaEventButton, deleteDatabase, parisDay, syncLine, text } from './test-helpers/offline-agenda.js';

const PAGE = new URL('./test-helpers/offline-page.html', import.meta.url).href;

function shadow<E extends Element = HTMLElement>(host: Element, selector: string): E[] {
  return [...(host.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

/** Resolves with the page's hook once the frame has loaded (or reloaded). */
function pageLoaded(frame: HTMLIFrameElement): Promise<OfflinePage> {
  return new Promise((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        const page = frame.contentWindow?.carnetOfflinePage;
        if (page) resolve(page);
        else reject(new Error('the page did not start'));
      },
      { once: true },
    );
  });
}

interface Mounted {
  provider: CarnetProvider;
  organiser: CarnetPillOrganiser;
  agenda: CarnetAgenda;
}

async function mount(
  page: OfflinePage,
  options: { session: CarnetSession; platform: TestPlatform; dbName: string },
): Promise<Mounted> {
  const provider = page.mount({
    session: options.session,
    fhirBaseUrl: options.platform.fhirBaseUrl,
    dbName: options.dbName,
  });
  await waitUntil(() => provider.recordStatus === 'ready', 'provider ready', { timeout: 15_000 });
  const organiser = provider.querySelector('carnet-pill-organiser') as CarnetPillOrganiser;
  const agenda = provider.querySelector('carnet-agenda') as CarnetAgenda;
  await waitUntil(() => shadow(organiser, '.week-table button.dose').length > 0, 'doses shown', { timeout: 15_000 });
  return { provider, organiser, agenda };
}

function doseButton(organiser: CarnetPillOrganiser, key: string): HTMLButtonElement {
  const button = shadow<HTMLButtonElement>(organiser, `.week-table button[data-dose-key="${key}"]`)[0];
  if (!button) throw new Error(`no dose ${key}`);
  return button;
}

describe('<carnet-provider> offline: the done test (real platform, FHIR server stopped for real)', function () {
  this.timeout(120_000);
  let platform: TestPlatform;
  let session: CarnetSession;
  let server: DataSource;
  const frames: HTMLIFrameElement[] = [];
  const databases: string[] = [];

  before(async () => {
    platform = await stoppablePlatform();
    // Sign-out would leave the test page for the provider's end-session: noted nowhere instead.
    session = await signedInSession(platform, 'parkinson', { navigate: () => undefined });
    server = createFhirDataSource({ baseUrl: platform.fhirBaseUrl, session });
  });

  afterEach(async () => {
    for (const frame of frames.splice(0)) frame.remove();
    for (const name of databases.splice(0)) await deleteDatabase(name);
  });

  after(() => session?.dispose());

  it('three doses marked and a note written while the server is stopped, page reloaded, server back: held exactly once', async () => {
    await withStoppableServer(async () => {
      const dbName = `carnet-done-${crypto.randomUUID()}`;
      databases.push(`${dbName}-offline-${session.patientId ?? ''}`);
      const today = parisDay(new Date());
      // Today's doses start unrecorded on the server, so the patient can mark any of them.
      for (const intake of await server.medications.listIntakes()) {
        if (parisDay(intake.scheduledAt) === today) await server.medications.deleteIntake(intake.id, intake.version);
      }
      const title = `Bilan ${crypto.randomUUID().slice(0, 8)}`;
      const event = await server.agenda.create({
        title,
        kind: 'appointment',
        start: `${today}T12:00:00`,
        end: `${today}T12:30:00`,
      });

      const frame = document.createElement('iframe');
      frame.style.cssText = 'width:1200px;height:900px;border:0';
      frame.src = PAGE;
      frames.push(frame);
      let loaded = pageLoaded(frame);
      document.body.append(frame);
      let page = await loaded;
      const first = await mount(page, { session, platform, dbName });
      await waitUntil(() => agendaEventButton(first.agenda, title), 'appointment shown', { timeout: 15_000 });
      await waitUntil(() => syncLine(first.provider) === 'À jour', 'up to date');

      // The FHIR server stops listening.
      await stopFhirServer();

      // Three of today's doses marked as taken in the pill organiser.
      const doses = shadow<HTMLButtonElement>(first.organiser, '.week-table button.dose')
        .filter((button) => {
          const key = button.dataset['doseKey'] ?? '';
          const at = key.slice(key.lastIndexOf('@') + 1);
          return (
            parisDay(at) === today && (button.dataset['state'] === 'to-take' || button.dataset['state'] === 'missed')
          );
        })
        .slice(0, 3)
        .map((button) => button.dataset['doseKey'] ?? '');
      expect(doses).to.have.length(3);
      for (const key of doses) {
        doseButton(first.organiser, key).click();
        await waitUntil(() => shadow(first.organiser, 'button[part="take-now"]')[0], 'dose dialog open');
        shadow<HTMLButtonElement>(first.organiser, 'button[part="take-now"]')[0]?.click();
        // A dose more than an hour ahead (early in the day, the first doses are): the organiser warns
        // first, and the patient confirms (« Noter quand même »), as in the safety tests.
        await waitUntil(
          () =>
            doseButton(first.organiser, key).dataset['state']?.startsWith('taken') ||
            shadow(first.organiser, 'button[part="confirm-early"]')[0],
          `dose ${key} taken, or the early-intake warning`,
          { timeout: 15_000 },
        );
        shadow<HTMLButtonElement>(first.organiser, 'button[part="confirm-early"]')[0]?.click();
        await waitUntil(
          () => doseButton(first.organiser, key).dataset['state']?.startsWith('taken'),
          `dose ${key} taken`,
          {
            timeout: 15_000,
          },
        );
      }

      // A note on the appointment, in the agenda.
      agendaEventButton(first.agenda, title)?.click();
      // The details' code loads on the first click: wait for the dialog.
      await waitUntil(
        () => shadow<HTMLDialogElement>(first.agenda, 'dialog[part="occurrence-dialog"]')[0]?.open,
        'occurrence dialog open',
        { timeout: 15_000 },
      );
      const dialog = shadow<HTMLDialogElement>(first.agenda, 'dialog[part="occurrence-dialog"]')[0];
      const note = dialog?.querySelector<HTMLTextAreaElement>('textarea[name="occurrenceNote"]');
      if (!dialog || !note) throw new Error('no occurrence dialog');
      note.value = 'Tension 13/8, vu en salle d’attente';
      note.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      dialog.querySelector<HTMLButtonElement>('[part="save-note"]')?.click();
      await waitUntil(() => text(dialog.querySelector('[role="status"]')) === 'Note enregistrée.', 'note saved here', {
        timeout: 15_000,
      });
      await waitUntil(
        () => syncLine(first.provider) === "Hors connexion — 4 modifications en attente d'envoi",
        `offline with 4 pending (was « ${syncLine(first.provider)} »)`,
        { timeout: 15_000 },
      );

      // A real reload of the page, the server still stopped: everything still shows, from this device.
      loaded = pageLoaded(frame);
      frame.contentWindow?.location.reload();
      page = await loaded;
      const second = await mount(page, { session, platform, dbName });
      await waitUntil(
        () => syncLine(second.provider) === "Hors connexion — 4 modifications en attente d'envoi",
        `offline after reload (was « ${syncLine(second.provider)} »)`,
        { timeout: 15_000 },
      );
      for (const key of doses) expect(doseButton(second.organiser, key).dataset['state']).to.match(/^taken/);
      await waitUntil(() => agendaEventButton(second.agenda, title), 'appointment shown after reload', {
        timeout: 15_000,
      });
      expect(text(agendaEventButton(second.agenda, title))).to.contain('Tension 13/8');

      // The server comes back: the page sends what waits, then says so.
      await startFhirServer();
      await waitUntil(
        () => syncLine(second.provider) === 'À jour',
        `up to date (was « ${syncLine(second.provider)} »)`,
        {
          timeout: 30_000,
        },
      );

      // The server holds exactly those changes, once each.
      const held = (await server.medications.listIntakes()).filter(
        (i: IntakeRecord) => parisDay(i.scheduledAt) === today,
      );
      const heldKeys = held.map((i) => `${i.planId}@${new Date(i.scheduledAt).toISOString()}`).sort();
      expect(heldKeys).to.deep.equal([...doses].sort());
      for (const intake of held) expect(intake.status).to.equal('taken');
      const saved: AgendaEvent = await server.agenda.get(event.id);
      expect(saved.overrides.map((o) => o.note)).to.deep.equal(['Tension 13/8, vu en salle d’attente']);
      expect(saved.version).to.not.equal(event.version);
    });
  });
});
