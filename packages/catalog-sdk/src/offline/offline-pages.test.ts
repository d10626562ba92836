// The outbox across real pages: a same-origin iframe is a second tab (its own
// JavaScript realm, BroadcastChannel and lock requests) and is reloaded for
// real. Against the REAL demo FHIR server; only "no network" is injected.
import { expect } from '@open-wc/testing';
import type { CarnetSession } from '../auth/carnet-session.js';
import { signedInSession, testPlatform } from '../auth/test-helpers/platform.js';
import type { MedicationPlan } from '../model/medication.js';
import type { DataSource } from '../sources/data-source.js';
import { createFhirDataSource } from '../sources/fhir/fhir-data-source.js';
import type { CachedDataSource } from './cached-source.js';
import type { OutboxProbe } from './test-helpers/outbox-probe.js';
import { FaultyNetwork, until } from './test-helpers/faults.js';

const PROBE = new URL('./test-helpers/outbox-probe.html', import.meta.url).href;

/** Resolves with the probe of a page once it has loaded (or reloaded). */
function probeLoaded(frame: HTMLIFrameElement): Promise<OutboxProbe> {
  return new Promise((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        const probe = frame.contentWindow?.carnetOutboxProbe;
        if (probe) resolve(probe);
        else reject(new Error('the probe page did not start'));
      },
      { once: true },
    );
  });
}

describe('offline outbox across real pages (real FHIR server)', function () {
  this.timeout(120_000);
  let session: CarnetSession;
  let baseUrl: string;
  let server: DataSource;
  let plan: MedicationPlan;
  const frames: HTMLIFrameElement[] = [];
  const sources: CachedDataSource[] = [];

  function openFrame(): { frame: HTMLIFrameElement; loaded: Promise<OutboxProbe> } {
    const frame = document.createElement('iframe');
    frame.src = PROBE;
    const loaded = probeLoaded(frame);
    document.body.append(frame);
    frames.push(frame);
    return { frame, loaded };
  }

  before(async () => {
    baseUrl = (await testPlatform()).fhirBaseUrl;
    session = await signedInSession('parkinson');
    server = createFhirDataSource({ baseUrl, session });
    const plans = await server.medications.listPlans();
    if (!plans[0]) throw new Error('no plan seeded');
    plan = plans[0];
  });

  afterEach(async () => {
    for (const source of sources.splice(0)) await source.sync.clearCache().catch(() => undefined);
    for (const frame of frames.splice(0)) frame.remove();
  });

  after(() => session.dispose());

  it('done test: three doses and a note changed with the server unreachable, real reload, server back: held once', async () => {
    const dbName = `carnet-offline-pages-${crypto.randomUUID()}`;
    const created = await server.agenda.create({
      title: `Consultation ${crypto.randomUUID()}`,
      kind: 'appointment',
      start: '2031-09-01T14:00:00',
      end: '2031-09-01T14:30:00',
      notes: 'Première consultation',
    });
    const { frame, loaded } = openFrame();
    const probe = await loaded;
    // The page read the record while online, then the network went away.
    const before = probe.open({ baseUrl, session, dbName, reachable: true });
    await before.agenda.list();
    await before.medications.listIntakes();
    probe.setReachable(false);
    const day = Date.UTC(2031, 6, 1) + Math.floor(Math.random() * 1000) * 86_400_000;
    const doses = [8, 13, 21].map((hour) => new Date(day + hour * 3_600_000).toISOString());
    for (const scheduledAt of doses)
      await before.medications.recordIntake({ planId: plan.id, scheduledAt, status: 'taken', takenAt: scheduledAt });
    const event = await before.agenda.get(created.id);
    await before.agenda.update({ ...event, notes: 'Première consultation — apporter le carnet' });
    expect(before.sync.state).to.include({ pending: 4, status: 'offline' });

    // A real reload: the page and its data source are gone; the outbox is in IndexedDB.
    const reloaded = probeLoaded(frame);
    frame.contentWindow?.location.reload();
    const after = (await reloaded).open({ baseUrl, session, dbName, reachable: true });
    sources.push(after);
    await after.sync.ready;
    expect(after.sync.state.pending).to.equal(4);
    await until(() => after.sync.state.pending === 0, [after.sync], 'the reloaded page sent the outbox');

    const intakes = await server.medications.listIntakes({
      planId: plan.id,
      from: new Date(day).toISOString(),
      to: new Date(day + 86_400_000).toISOString(),
    });
    expect(intakes.map((i) => [i.scheduledAt, i.status])).to.deep.equal(doses.map((d) => [d, 'taken']));
    expect((await server.agenda.get(created.id)).notes).to.equal('Première consultation — apporter le carnet');
    expect(after.sync.state.conflicts).to.deep.equal([]);
  });

  it('two tabs write at once: each change reaches the server once and both tabs see all of them', async () => {
    const dbName = `carnet-offline-pages-${crypto.randomUUID()}`;
    const here = createFhirDataSource({ baseUrl, session, fetch: new FaultyNetwork().fetch, cache: { dbName } });
    sources.push(here);
    const { loaded } = openFrame();
    const other = (await loaded).open({ baseUrl, session, dbName, reachable: true });
    await Promise.all([here.agenda.list(), other.agenda.list()]);
    const prefix = `Deux onglets ${crypto.randomUUID()}`;
    const writes: Promise<unknown>[] = [];
    const make = (source: CachedDataSource, title: string): Promise<unknown> =>
      source.agenda.create({ title, kind: 'reminder', start: '2031-10-01T08:00:00', end: '2031-10-01T08:15:00' });
    for (let i = 0; i < 8; i++) writes.push(make(here, `${prefix} ici ${i}`), make(other, `${prefix} là ${i}`));
    await Promise.all(writes);
    await until(
      () => here.sync.state.pending === 0 && other.sync.state.pending === 0,
      [here.sync, other.sync],
      'both tabs see an empty outbox',
    );
    const titles = (await server.agenda.list()).map((e) => e.title).filter((t) => t.startsWith(prefix));
    expect(titles.length).to.equal(16);
    expect(new Set(titles).size).to.equal(16);
    await until(
      async () => (await here.agenda.list()).filter((e) => e.title.startsWith(prefix)).length === 16,
      [here.sync],
      'this tab shows the other tab’s events',
    );
  });
});
