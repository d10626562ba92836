// The shared dialog contract (test-helpers/dialog-contract.ts) run against the
// provider's own dialogs, opened as the patient meets them in connected mode with
// the offline cache, against the REAL demo platform whose FHIR server is stopped
// for real: the sign-out question (changes not yet sent) and the sync conflict.
import { dialogContract, openedBy } from '../test-helpers/dialog-contract.js';
import { holdStoppableServer, providerPart, startFhirServer, stopFhirServer } from '../test-helpers/platform.js';
import { waitUntil } from '../test-helpers/fixture.js';
import { offlineAgenda, onePending, writeNote } from './test-helpers/offline-agenda.js';

describe('<carnet-provider> contracts (FHIR server stopped for real)', function () {
  this.timeout(120_000);
  const suite = offlineAgenda('contract');
  /** Gives the stoppable platform back to other test files (held from `mount` to `cleanup`). */
  let release: (() => void) | undefined;

  async function cleanup(): Promise<void> {
    try {
      await startFhirServer();
    } finally {
      release?.();
      release = undefined;
    }
    await suite.deleteDatabases();
  }

  /** Signed in with one change not yet sent (the server stopped): signing out asks first. */
  async function withUnsentChange(): Promise<HTMLElement> {
    release = await holdStoppableServer();
    const { provider, agenda, event } = await suite.agendaWithAppointment();
    await stopFhirServer();
    await writeNote(agenda, event.title, 'Vertiges le matin');
    await onePending(provider);
    return provider;
  }

  /** A note written offline here while another device changed the same one: a conflict to review. */
  async function withConflict(): Promise<HTMLElement> {
    release = await holdStoppableServer();
    const { provider, agenda, event } = await suite.agendaWithAppointment();
    await suite.server.agenda.update({
      ...event,
      overrides: [{ originalStart: event.start, note: 'Apporter les analyses' }],
    });
    await stopFhirServer();
    await writeNote(agenda, event.title, 'Tension 13/8');
    await onePending(provider);
    await startFhirServer();
    await waitUntil(() => providerPart(provider, 'review-button'), 'conflict announced', { timeout: 30_000 });
    return provider;
  }

  dialogContract([
    {
      name: 'the sign-out question (changes not yet sent)',
      mount: withUnsentChange,
      open: openedBy('[part~="sign-out-button"]'),
      selector: 'dialog[part="sign-out-dialog"]',
      safeChoice: 'Rester connecté·e',
      cleanup,
    },
    {
      name: 'the sync conflict dialog',
      mount: withConflict,
      open: openedBy('[part~="review-button"]'),
      selector: 'dialog[part="conflict-dialog"]',
      safeChoice: 'Plus tard',
      cleanup,
    },
  ]);
});
