// The offline cache and outbox of the connected data source, against the REAL
// demo FHIR server, as a patient signed in through the real OpenID provider.
// A fetch wrapper only injects faults (unreachable server, lost answers, 5xx, 429).
import { expect } from '@open-wc/testing';
import type { CarnetSession } from '../auth/carnet-session.js';
import { signedInSession, testPlatform } from '../auth/test-helpers/platform.js';
import { ConflictError, StorageError } from '../errors/errors.js';
import type { AgendaEvent, NewAgendaEvent } from '../model/agenda.js';
import type { MedicationPlan } from '../model/medication.js';
import type { DataSource } from '../sources/data-source.js';
import { createFhirDataSource } from '../sources/fhir/fhir-data-source.js';
import type { CachedDataSource } from './cached-source.js';
import { FaultyNetwork, until } from './test-helpers/faults.js';

const event = (title: string): NewAgendaEvent => ({
  title,
  kind: 'appointment',
  start: '2031-05-12T09:00:00',
  end: '2031-05-12T09:30:00',
  timeZone: 'Europe/Paris',
});

describe('offline cache and outbox (real FHIR server, injected faults)', function () {
  this.timeout(120_000);
  let session: CarnetSession;
  let baseUrl: string;
  /** Without cache: what the server really holds. */
  let server: DataSource;
  let plan: MedicationPlan;
  const opened: CachedDataSource[] = [];

  function cached(network: FaultyNetwork, dbName: string, remember = false): CachedDataSource {
    const source = createFhirDataSource({
      baseUrl,
      session,
      fetch: network.fetch,
      cache: { dbName, remember, retryBaseDelayMs: 20, retryMaxDelayMs: 200 },
    });
    opened.push(source);
    return source;
  }

  before(async () => {
    baseUrl = (await testPlatform()).fhirBaseUrl;
    session = await signedInSession('kidney');
    server = createFhirDataSource({ baseUrl, session });
    const plans = await server.medications.listPlans();
    if (!plans[0]) throw new Error('no plan seeded');
    plan = plans[0];
  });

  afterEach(async () => {
    for (const source of opened.splice(0)) await source.sync.clearCache().catch(() => undefined);
  });

  after(() => session.dispose());

  it('shows cached agenda events at once with the server unreachable, and says it is offline', async () => {
    const network = new FaultyNetwork();
    const dbName = `carnet-offline-test-${crypto.randomUUID()}`;
    const first = cached(network, dbName);
    const online = await first.agenda.list();
    expect(online.length).to.be.greaterThan(0);
    first.close();

    network.mode = 'down';
    const second = cached(network, dbName);
    const offline = await second.agenda.list();
    expect(offline.map((e) => e.id).sort()).to.deep.equal(online.map((e) => e.id).sort());
    await until(() => second.sync.state.status === 'offline', [second.sync], 'status offline');
    expect(second.sync.state.failure).to.equal('network');
  });

  it('shows cached documents offline page by page, most recent first, as the server orders them', async () => {
    const network = new FaultyNetwork();
    const dbName = `carnet-offline-test-${crypto.randomUUID()}`;
    const first = cached(network, dbName);
    const all = await first.documents.listAll();
    expect(all.length).to.be.greaterThan(20);
    first.close();
    network.mode = 'down';
    const offline = cached(network, dbName);
    const page1 = await offline.documents.list({ limit: 10 });
    const page2 = await offline.documents.list({ limit: 10, cursor: page1.nextCursor ?? '' });
    expect(page1.total).to.equal(all.length);
    const expected = [...all]
      .sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1))
      .slice(0, 20)
      .map((d) => d.id);
    expect([...page1.items, ...page2.items].map((d) => d.id)).to.deep.equal(expected);
    expect((await offline.documents.get(all[0]?.id ?? '')).title).to.equal(all[0]?.title);
  });

  it('tags a document offline; the change reaches the server once it answers', async () => {
    const network = new FaultyNetwork();
    const source = cached(network, `carnet-offline-test-${crypto.randomUUID()}`);
    const [doc] = await source.documents.listAll();
    if (!doc) throw new Error('no document seeded');
    network.mode = 'down';
    const tag = `hors-ligne-${crypto.randomUUID().slice(0, 8)}`;
    const changed = await source.documents.update(doc.id, { tags: [...doc.tags, tag], favourite: true }, doc.version);
    expect(changed.tags).to.include(tag);
    expect((await source.documents.list({ limit: 1000 })).items.find((d) => d.id === doc.id)?.tags).to.include(tag);
    network.mode = 'up';
    await source.sync.flush();
    await until(() => source.sync.state.pending === 0, [source.sync], 'outbox empty');
    const onServer = await server.documents.get(doc.id);
    expect(onServer.tags).to.include(tag);
    expect(onServer.favourite).to.equal(true);
  });

  it('done test: three doses and a note changed offline, page reloaded, server back: the server holds them once', async () => {
    const network = new FaultyNetwork();
    const dbName = `carnet-offline-test-${crypto.randomUUID()}`;
    const created = await server.agenda.create(event(`Consultation ${crypto.randomUUID()}`));
    const before = cached(network, dbName);
    await before.agenda.list();
    await before.medications.listIntakes();

    network.mode = 'down';
    const day = Date.UTC(2031, 0, 1) + Math.floor(Math.random() * 1000) * 86_400_000;
    const doses = [8, 12, 20].map((hour) => new Date(day + hour * 3_600_000).toISOString());
    for (const scheduledAt of doses) {
      const record = await before.medications.recordIntake({
        planId: plan.id,
        scheduledAt,
        status: 'taken',
        takenAt: scheduledAt,
      });
      expect(record.version.startsWith('local-')).to.equal(true);
    }
    const local = await before.agenda.get(created.id);
    await before.agenda.update({ ...local, notes: 'Apporter les analyses' });
    expect(before.sync.state.pending).to.equal(4);
    expect(before.sync.state.status).to.equal('offline');
    // The page is reloaded: the data source is gone, the outbox is not.
    before.close();

    const after = cached(network, dbName);
    await after.sync.ready;
    expect(after.sync.state.pending).to.equal(4);
    // Still offline after the reload: the cache shows the patient's changes.
    expect((await after.agenda.get(created.id)).notes).to.equal('Apporter les analyses');
    expect(
      (await after.medications.listIntakes({ planId: plan.id, from: doses[0], to: '2100-01-01T00:00:00Z' })).length,
    ).to.equal(3);

    network.mode = 'up';
    await after.sync.flush();
    await until(() => after.sync.state.pending === 0, [after.sync], 'outbox empty');
    expect(after.sync.state.conflicts).to.deep.equal([]);

    const intakes = await server.medications.listIntakes({
      planId: plan.id,
      from: doses[0],
      to: new Date(day + 86_400_000).toISOString(),
    });
    expect(intakes.map((i) => [i.scheduledAt, i.status])).to.deep.equal(doses.map((d) => [d, 'taken']));
    expect((await server.agenda.get(created.id)).notes).to.equal('Apporter les analyses');
    // And the cache now shows the server's versions.
    const cachedEvent = await after.agenda.get(created.id);
    expect(cachedEvent.version.startsWith('local-')).to.equal(false);
  });

  it('server unreachable in the middle of sending: answers lost after the server acted never duplicate a change', async () => {
    const network = new FaultyNetwork();
    const source = cached(network, `carnet-offline-test-${crypto.randomUUID()}`);
    await source.agenda.list();
    network.mode = 'down';
    const title = `Bilan ${crypto.randomUUID()}`;
    const made = await source.agenda.create(event(title));
    const edited = await source.agenda.update({ ...made, notes: 'à jeun' });
    await source.agenda.update({ ...edited, location: 'Laboratoire' });
    // Every write reaches the server, which acts on it, then its answer is lost: three times.
    network.loseNextWrites = 3;
    network.mode = 'up';
    await source.sync.flush();
    await until(() => source.sync.state.pending === 0, [source.sync], 'outbox empty');
    const onServer = (await server.agenda.list()).filter((e) => e.title === title);
    expect(onServer.length).to.equal(1);
    expect(onServer[0]?.notes).to.equal('à jeun');
    expect(onServer[0]?.location).to.equal('Laboratoire');
    expect(network.counts.lostAfterCommit).to.equal(3);
  });

  it('a change refused with 412 becomes a conflict, never an overwrite; « both » keeps both notes', async () => {
    const network = new FaultyNetwork();
    const source = cached(network, `carnet-offline-test-${crypto.randomUUID()}`);
    const created = await server.agenda.create({
      ...event(`Néphrologie ${crypto.randomUUID()}`),
      notes: 'Apporter la carte',
    });
    const mine = await source.agenda.get(created.id);
    network.mode = 'down';
    await source.agenda.update({ ...mine, notes: 'Demander le résultat de la créatinine' });
    // Meanwhile someone else (another device) changes the same event.
    const theirs = await server.agenda.update({ ...created, notes: 'Rendez-vous avancé à 8 h' });
    network.mode = 'up';
    let announced = 0;
    source.sync.addEventListener('conflict', () => (announced += 1));
    await source.sync.flush();
    await until(() => source.sync.state.conflicts.length === 1, [source.sync], 'one conflict');
    expect(announced).to.equal(1);
    const [conflict] = source.sync.state.conflicts;
    if (conflict?.entity !== 'agenda') throw new Error('expected an agenda conflict');
    expect(conflict.reason).to.equal('changed');
    expect(conflict.theirs?.notes).to.equal('Rendez-vous avancé à 8 h');
    expect(conflict.mine?.notes).to.equal('Demander le résultat de la créatinine');
    expect(conflict.canKeepBoth).to.equal(true);
    // Nothing was overwritten: the server still holds their version.
    expect((await server.agenda.get(created.id)).version).to.equal(theirs.version);
    expect((await server.agenda.get(created.id)).notes).to.equal('Rendez-vous avancé à 8 h');

    await source.sync.resolveConflict(conflict.id, 'both');
    await until(() => source.sync.state.pending === 0, [source.sync], 'outbox empty');
    expect(source.sync.state.conflicts).to.deep.equal([]);
    expect((await server.agenda.get(created.id)).notes).to.equal(
      'Rendez-vous avancé à 8 h\n\nDemander le résultat de la créatinine',
    );
  });

  it('« theirs » drops the patient change by their choice; « mine » puts it on top of theirs', async () => {
    const network = new FaultyNetwork();
    const source = cached(network, `carnet-offline-test-${crypto.randomUUID()}`);
    const a = await server.agenda.create(event(`A ${crypto.randomUUID()}`));
    const b = await server.agenda.create(event(`B ${crypto.randomUUID()}`));
    const mineA = await source.agenda.get(a.id);
    const mineB = await source.agenda.get(b.id);
    network.mode = 'down';
    await source.agenda.update({ ...mineA, location: 'Salle 2' });
    await source.agenda.update({ ...mineB, location: 'Salle 3' });
    await server.agenda.update({ ...a, location: 'Salle 7' });
    await server.agenda.update({ ...b, location: 'Salle 8' });
    network.mode = 'up';
    await source.sync.flush();
    await until(() => source.sync.state.conflicts.length === 2, [source.sync], 'two conflicts');
    const byRecord = new Map(source.sync.state.conflicts.map((c) => [c.recordId, c]));
    await source.sync.resolveConflict(byRecord.get(a.id)?.id ?? '', 'theirs');
    await source.sync.resolveConflict(byRecord.get(b.id)?.id ?? '', 'mine');
    await until(() => source.sync.state.pending === 0, [source.sync], 'outbox empty');
    expect((await server.agenda.get(a.id)).location).to.equal('Salle 7');
    expect((await server.agenda.get(b.id)).location).to.equal('Salle 3');
    expect((await source.agenda.get(a.id)).location).to.equal('Salle 7');
    expect(source.sync.state.conflicts).to.deep.equal([]);
  });

  it('a change the server refuses as such is kept as a conflict; « mine » sends it again, never a second event', async () => {
    const network = new FaultyNetwork();
    const source = cached(network, `carnet-offline-test-${crypto.randomUUID()}`);
    const title = `Refus ${crypto.randomUUID()}`;
    const created = await server.agenda.create(event(title));
    const mine = await source.agenda.get(created.id);
    network.mode = 'down';
    await source.agenda.update({ ...mine, notes: 'Jeûne la veille' });
    network.mode = 'up';
    network.rejectNextWrites = 1;
    await source.sync.flush();
    await until(() => source.sync.state.conflicts.length === 1, [source.sync], 'one conflict');
    const [conflict] = source.sync.state.conflicts;
    expect(conflict?.reason).to.equal('rejected');
    expect(conflict?.entity === 'agenda' ? conflict.mine?.notes : undefined).to.equal('Jeûne la veille');
    await source.sync.resolveConflict(conflict?.id ?? '', 'mine');
    await until(() => source.sync.state.pending === 0, [source.sync], 'outbox empty');
    const onServer = (await server.agenda.list()).filter((e) => e.title === title);
    expect(onServer.map((e) => e.notes)).to.deep.equal(['Jeûne la veille']);
  });

  it('online, a stale change is refused at once with ConflictError, as without a cache', async () => {
    const source = cached(new FaultyNetwork(), `carnet-offline-test-${crypto.randomUUID()}`);
    const created = await source.agenda.create(event(`C ${crypto.randomUUID()}`));
    expect(created.version.startsWith('local-')).to.equal(false);
    await server.agenda.update({ ...(await server.agenda.get(created.id)), notes: 'ailleurs' });
    let error: unknown;
    try {
      await source.agenda.update({ ...created, notes: 'ici' });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ConflictError);
    expect(source.sync.state.conflicts).to.deep.equal([]);
    expect((await server.agenda.get(created.id)).notes).to.equal('ailleurs');
  });

  it('two tabs write at once: one sends, both see every change, the server holds each once', async () => {
    const network = new FaultyNetwork();
    const dbName = `carnet-offline-test-${crypto.randomUUID()}`;
    const tabA = cached(network, dbName);
    const tabB = cached(network, dbName);
    await Promise.all([tabA.agenda.list(), tabB.agenda.list()]);
    const prefix = `Onglet ${crypto.randomUUID()}`;
    let seenByB = 0;
    tabB.sync.addEventListener('change', () => (seenByB += 1));
    const writes: Promise<AgendaEvent>[] = [];
    for (let i = 0; i < 10; i++) {
      writes.push(tabA.agenda.create(event(`${prefix} A${i}`)));
      writes.push(tabB.agenda.create(event(`${prefix} B${i}`)));
    }
    await Promise.all(writes);
    await until(
      () => tabA.sync.state.pending === 0 && tabB.sync.state.pending === 0,
      [tabA.sync, tabB.sync],
      'both outboxes empty',
    );
    const titles = (await server.agenda.list()).map((e) => e.title).filter((t) => t.startsWith(prefix));
    expect(titles.length).to.equal(20);
    expect(new Set(titles).size).to.equal(20);
    expect(seenByB).to.be.greaterThan(0);
    const inB = (await tabB.agenda.list()).filter((e) => e.title.startsWith(prefix));
    expect(inB.length).to.equal(20);
  });

  it('sign-out deletes the cached record unless the patient chose to remember the device', async () => {
    const dbName = `carnet-offline-test-${crypto.randomUUID()}`;
    const forget = cached(new FaultyNetwork(), dbName);
    const otherTab = cached(new FaultyNetwork(), dbName);
    await forget.agenda.list();
    await otherTab.agenda.list();
    await forget.sync.handleSignOut();
    expect((await indexedDB.databases()).some((db) => db.name === dbName)).to.equal(false);
    // The other tab stops too, and never writes the record back.
    await until(
      async () =>
        (await otherTab.agenda.list().then(
          () => undefined,
          (error: unknown) => error,
        )) instanceof StorageError,
      [otherTab.sync],
      'the other tab refuses to read',
    );
    await otherTab.agenda.create(event('après déconnexion')).catch(() => undefined);
    expect((await indexedDB.databases()).some((db) => db.name === dbName)).to.equal(false);

    const keptName = `carnet-offline-test-${crypto.randomUUID()}`;
    const remember = cached(new FaultyNetwork(), keptName, true);
    await remember.agenda.list();
    await remember.sync.handleSignOut();
    expect((await indexedDB.databases()).some((db) => db.name === keptName)).to.equal(true);
    const network = new FaultyNetwork();
    network.mode = 'down';
    const again = cached(network, keptName, true);
    expect((await again.agenda.list()).length).to.be.greaterThan(0);
  });
});
