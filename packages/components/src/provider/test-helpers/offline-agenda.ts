/**
 * The provider's offline tests against the REAL demo platform whose FHIR server stops for
 * real (test-helpers/platform.ts): a session signed in as `parkinson` on the stoppable
 * platform, a provider with its offline cache around an agenda showing a new appointment,
 * a note written in that appointment's dialog, and the sync line read as the patient reads it.
 */
import { createFhirDataSource } from '@carnet/catalog-sdk';
import type { AgendaEvent, CarnetSession, DataSource } from '@carnet/catalog-sdk';
import type { CarnetAgenda } from '../../agenda/agenda.js';
import { PATIENCE } from '../../test-helpers/dialog-contract.js';
import { fixture, html, waitUntil } from '../../test-helpers/fixture.js';
import { providerPart, signedInSession, stoppablePlatform, type TestPlatform } from '../../test-helpers/platform.js';
import type { CarnetProvider } from '../provider.js';
import '../../agenda/agenda.js';
import '../provider.js';

/** Text of a node, whitespace collapsed. */
export function text(node: Node | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The provider's sync line (« À jour », « Hors connexion — 1 modification en attente d'envoi »). */
export function syncLine(provider: CarnetProvider): string {
  return text(providerPart(provider, 'sync-status'));
}

/** Deletes an IndexedDB database (resolves even when blocked: names are never reused). */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** The day of `instant` in Paris (the personas' time zone), as `YYYY-MM-DD`. */
export function parisDay(instant: Date | string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/** The agenda's button of the appointment titled `title`, if shown. */
export function agendaEventButton(agenda: CarnetAgenda, title: string): HTMLButtonElement | undefined {
  return [...(agenda.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="event"]') ?? [])].find(
    (button) => text(button.querySelector('.item-title')) === title,
  );
}

/** Writes `note` on the appointment titled `title` in its dialog, waits until it is saved here, closes the dialog. */
export async function writeNote(agenda: CarnetAgenda, title: string, note: string): Promise<void> {
  agendaEventButton(agenda, title)?.click();
  // The details' code loads on the first click: wait for the dialog.
  await waitUntil(
    () => agenda.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part="occurrence-dialog"]')?.open,
    'occurrence dialog open',
    PATIENCE,
  );
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

/** Waits until the sync line says one change is waiting to be sent. */
export async function onePending(provider: CarnetProvider): Promise<void> {
  await waitUntil(() => syncLine(provider).endsWith("1 modification en attente d'envoi"), 'one pending', {
    timeout: 15_000,
  });
}

/** A provider around an agenda showing a new appointment, and what it was made of. */
export interface AgendaWithAppointment {
  provider: CarnetProvider;
  agenda: CarnetAgenda;
  event: AgendaEvent;
}

/** What {@link offlineAgenda} gives a suite; read inside its tests (set by its `before` hook). */
export interface OfflineAgenda {
  readonly platform: TestPlatform;
  readonly session: CarnetSession;
  /** The FHIR server read and written directly, as another device of the patient would. */
  readonly server: DataSource;
  /** A provider with the suite's session around an agenda (week view), showing a new appointment today, up to date. */
  agendaWithAppointment(): Promise<AgendaWithAppointment>;
  /** Deletes the offline databases the suite's providers made (also after each test). */
  deleteDatabases(): Promise<void>;
}

/**
 * Registers the hooks of a suite of the provider's offline tests (call it inside `describe`):
 * the stoppable platform, a session signed in as `parkinson` (its end-session navigation noted
 * nowhere), and each test's offline databases deleted after it.
 */
export function offlineAgenda(dbLabel: string): OfflineAgenda {
  let platform: TestPlatform | undefined;
  let session: CarnetSession | undefined;
  let server: DataSource | undefined;
  const databases: string[] = [];
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the offline agenda suite is not set up (read it inside a test)');
    return value;
  };

  before(async () => {
    platform = await stoppablePlatform();
    session = await signedInSession(platform, 'parkinson', { navigate: () => undefined });
    server = createFhirDataSource({ baseUrl: platform.fhirBaseUrl, session });
  });

  const deleteDatabases = async (): Promise<void> => {
    for (const name of databases.splice(0)) await deleteDatabase(name);
  };
  afterEach(deleteDatabases);
  after(() => session?.dispose());

  return {
    get platform() {
      return ready(platform);
    },
    get session() {
      return ready(session);
    },
    get server() {
      return ready(server);
    },
    deleteDatabases,
    async agendaWithAppointment() {
      const [suitePlatform, suiteSession, suiteServer] = [ready(platform), ready(session), ready(server)];
      const today = parisDay(new Date());
      const event = await suiteServer.agenda.create({
        title: `Consultation ${crypto.randomUUID().slice(0, 8)}`,
        kind: 'appointment',
        start: `${today}T12:00:00`,
        end: `${today}T12:30:00`,
      });
      const dbName = `carnet-${dbLabel}-${crypto.randomUUID()}`;
      databases.push(`${dbName}-offline-${suiteSession.patientId ?? ''}`);
      const provider = await fixture<CarnetProvider>(
        html`<carnet-provider fhir-base-url=${suitePlatform.fhirBaseUrl} db-name=${dbName} .session=${suiteSession}
          ><carnet-agenda view="week"></carnet-agenda
        ></carnet-provider>`,
      );
      const agenda = provider.querySelector('carnet-agenda') as CarnetAgenda;
      await waitUntil(() => agendaEventButton(agenda, event.title), 'appointment shown', { timeout: 15_000 });
      await waitUntil(() => syncLine(provider) === 'À jour', 'up to date', PATIENCE);
      return { provider, agenda, event };
    },
  };
}
