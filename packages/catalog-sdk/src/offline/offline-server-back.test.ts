// The outbox tries again as soon as the server is back, not when its backoff ends:
// against the REAL stoppable demo platform, whose FHIR server process stops
// listening for real (connections refused) and listens again with its data.
// The backoff is set to ten minutes, so only the prompt retry can pass in time.
import { expect } from '@open-wc/testing';
import { CarnetSession } from '../auth/carnet-session.js';
import { CLIENT_ID, signInWithPopup } from '../auth/test-helpers/platform.js';
import { CARNET_SCOPES } from '../auth/smart-scopes.js';
import type { MedicationPlan } from '../model/medication.js';
import type { DataSource } from '../sources/data-source.js';
import { createFhirDataSource } from '../sources/fhir/fhir-data-source.js';
import type { CachedDataSource } from './cached-source.js';
import { until } from './test-helpers/faults.js';
import {
  startFhirServer,
  stopFhirServer,
  stoppablePlatform,
  withStoppableServer,
} from './test-helpers/stoppable-server.js';

const TEN_MINUTES = 600_000;

describe('outbox retry when the server is back (real FHIR server stopped and started)', function () {
  this.timeout(120_000);
  let session: CarnetSession;
  let baseUrl: string;
  let server: DataSource;
  let plan: MedicationPlan;
  const opened: CachedDataSource[] = [];

  function cached(): CachedDataSource {
    const source = createFhirDataSource({
      baseUrl,
      session,
      cache: {
        dbName: `carnet-offline-back-${crypto.randomUUID()}`,
        retryBaseDelayMs: TEN_MINUTES,
        retryMaxDelayMs: TEN_MINUTES,
      },
    });
    opened.push(source);
    return source;
  }

  /** A dose on a day of its own, so each test's record is found alone. */
  function dose(): string {
    const day = Date.UTC(2032, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000;
    return new Date(day + 8 * 3_600_000).toISOString();
  }

  async function onServer(scheduledAt: string): Promise<string[]> {
    const records = await server.medications.listIntakes({
      planId: plan.id,
      from: scheduledAt,
      to: new Date(Date.parse(scheduledAt) + 1).toISOString(),
    });
    return records.map((r) => r.status);
  }

  before(async () => {
    const platform = await stoppablePlatform();
    baseUrl = platform.fhirBaseUrl;
    session = await CarnetSession.create({
      issuer: platform.issuer,
      clientId: CLIENT_ID,
      redirectUri: platform.callbackUrl,
      scopes: [...CARNET_SCOPES],
      fhirBaseUrl: platform.fhirBaseUrl,
    });
    await signInWithPopup(session, 'parkinson');
    server = createFhirDataSource({ baseUrl, session });
    const plans = await server.medications.listPlans();
    if (!plans[0]) throw new Error('no plan seeded');
    plan = plans[0];
  });

  afterEach(async () => {
    for (const source of opened.splice(0)) await source.sync.clearCache().catch(() => undefined);
  });

  after(() => session.dispose());

  it('a dose marked with the server stopped reaches it on the first read that succeeds again', async () => {
    await withStoppableServer(async () => {
      const source = cached();
      await source.medications.listPlans();
      const scheduledAt = dose();
      await stopFhirServer();
      await source.medications.recordIntake({ planId: plan.id, scheduledAt, status: 'taken', takenAt: scheduledAt });
      await until(() => source.sync.state.status === 'offline', [source.sync], 'the send failed', 20_000);
      expect(source.sync.state.pending).to.equal(1);
      await startFhirServer();
      // Any read the page makes (here the forum, never cached) tells the outbox the server answers.
      await source.forum.getPseudonym('parkinson');
      await until(() => source.sync.state.pending === 0, [source.sync], 'the outbox sent the dose', 20_000);
      expect(await onServer(scheduledAt)).to.deep.equal(['taken']);
    });
  });

  it('a cached list read again after the server is back asks the server, and the dose is sent', async () => {
    await withStoppableServer(async () => {
      const source = cached();
      await source.agenda.list();
      const scheduledAt = dose();
      await stopFhirServer();
      await source.medications.recordIntake({ planId: plan.id, scheduledAt, status: 'taken', takenAt: scheduledAt });
      await until(() => source.sync.state.status === 'offline', [source.sync], 'the send failed', 20_000);
      await startFhirServer();
      // Read within the refresh interval of the first read: it must still ask the server.
      await source.agenda.list();
      await until(() => source.sync.state.pending === 0, [source.sync], 'the outbox sent the dose', 20_000);
      expect(await onServer(scheduledAt)).to.deep.equal(['taken']);
    });
  });

  it('the browser going online sends at once', async () => {
    await withStoppableServer(async () => {
      const source = cached();
      await source.medications.listPlans();
      const scheduledAt = dose();
      await stopFhirServer();
      await source.medications.recordIntake({ planId: plan.id, scheduledAt, status: 'taken', takenAt: scheduledAt });
      await until(() => source.sync.state.status === 'offline', [source.sync], 'the send failed', 20_000);
      await startFhirServer();
      // The event the browser fires when the device gets a network again (the runner's own
      // connection cannot be cut to make Chromium fire it).
      window.dispatchEvent(new Event('online'));
      await until(() => source.sync.state.pending === 0, [source.sync], 'the outbox sent the dose', 20_000);
      expect(await onServer(scheduledAt)).to.deep.equal(['taken']);
    });
  });
});
