// Hiding a document from professionals through the offline cache, against the REAL demo
// FHIR server: who may see a document is never queued — it reaches the server at once,
// or fails where the patient sees it; never « hidden » on this device only.
import { expect } from '@open-wc/testing';
import type { CarnetSession } from '../auth/carnet-session.js';
import { signedInSession, testPlatform } from '../auth/test-helpers/platform.js';
import type { DataSource } from '../sources/data-source.js';
import { createFhirDataSource } from '../sources/fhir/fhir-data-source.js';
import type { CachedDataSource } from './cached-source.js';
import { FaultyNetwork } from './test-helpers/faults.js';

describe('offline cache: hiding a document from professionals is never queued', function () {
  this.timeout(120_000);
  let session: CarnetSession;
  let baseUrl: string;
  let server: DataSource;
  let source: CachedDataSource;

  before(async () => {
    baseUrl = (await testPlatform()).fhirBaseUrl;
    session = await signedInSession('parkinson');
    server = createFhirDataSource({ baseUrl, session });
  });

  after(async () => {
    await source?.sync.clearCache().catch(() => undefined);
    session.dispose();
  });

  it('offline, hiding fails and nothing waits in the outbox; online, the server holds it at once', async () => {
    const network = new FaultyNetwork();
    source = createFhirDataSource({
      baseUrl,
      session,
      fetch: network.fetch,
      cache: { dbName: `carnet-offline-test-${crypto.randomUUID()}`, retryBaseDelayMs: 20, retryMaxDelayMs: 200 },
    });
    const all = await source.documents.listAll();
    const doc = all[all.length - 1];
    if (!doc) throw new Error('no document seeded');
    network.mode = 'down';
    let failed = false;
    await source.documents.update(doc.id, { hiddenFromProfessionals: true }, doc.version).catch(() => {
      failed = true;
    });
    expect(failed, 'refused while the server is unreachable').to.equal(true);
    expect(source.sync.state.pending).to.equal(0);
    expect((await source.documents.get(doc.id)).hiddenFromProfessionals).to.equal(false);

    network.mode = 'up';
    const hidden = await source.documents.update(doc.id, { hiddenFromProfessionals: true }, doc.version);
    expect(hidden.hiddenFromProfessionals).to.equal(true);
    expect(source.sync.state.pending).to.equal(0);
    expect((await server.documents.get(doc.id)).hiddenFromProfessionals).to.equal(true);
    expect((await source.documents.get(doc.id)).hiddenFromProfessionals).to.equal(true);
    const shown = await source.documents.update(doc.id, { hiddenFromProfessionals: false }, hidden.version);
    expect((await server.documents.get(doc.id)).hiddenFromProfessionals).to.equal(false);
    expect(shown.hiddenFromProfessionals).to.equal(false);
  });
});
