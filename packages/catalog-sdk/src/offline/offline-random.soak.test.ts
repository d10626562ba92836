// A randomized run of at least 1,000 patient operations through two tabs
// sharing one outbox, against the REAL demo FHIR server, with the server going
// away, answering 500/503/429 at random, losing answers after it acted, and the
// device clock hours off. It ends with the server holding exactly what the
// patient did: 0 lost, 0 duplicated. The counts are printed (seeded: a failing
// run is replayed by its seed).
import { expect } from '@open-wc/testing';
import type { CarnetSession } from '../auth/carnet-session.js';
import { signedInSession, testPlatform } from '../auth/test-helpers/platform.js';
import { ConflictError } from '../errors/errors.js';
import type { MedicationPlan } from '../model/medication.js';
import type { DataSource } from '../sources/data-source.js';
import { createFhirDataSource } from '../sources/fhir/fhir-data-source.js';
import type { CachedDataSource } from './cached-source.js';
import { FaultyNetwork, seededRandom, until, type FaultMode } from './test-helpers/faults.js';

const OPERATIONS = 1000;
const HOUR = 3_600_000;

/** What the patient did to one agenda event (by its unique title). */
interface EventTruth {
  id: string;
  notes?: string;
  deleted: boolean;
}
/** What the patient recorded for one scheduled dose. */
interface DoseTruth {
  id: string;
  status: 'taken' | 'skipped';
  note?: string;
  deleted: boolean;
}

/** Shifts the page's clock (`Date.now()` and `new Date()`) by `skewMs`, as a device whose clock is wrong. */
function skewClock(skewMs: number): () => void {
  const RealDate = Date;
  class SkewedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + skewMs);
      else super(...(args as [string]));
    }
    static override now(): number {
      return RealDate.now() + skewMs;
    }
  }
  globalThis.Date = SkewedDate as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}

describe('offline outbox: randomized run through faults (real FHIR server)', function () {
  // A long run by design (thousands of real requests on a shared 2-core machine); it waits on conditions only.
  this.timeout(900_000);
  let session: CarnetSession;
  let baseUrl: string;
  let server: DataSource;
  let plan: MedicationPlan;

  before(async () => {
    baseUrl = (await testPlatform()).fhirBaseUrl;
    session = await signedInSession('diabetes');
    server = createFhirDataSource({ baseUrl, session });
    const plans = await server.medications.listPlans();
    if (!plans[0]) throw new Error('no plan seeded');
    plan = plans[0];
  });

  after(() => session.dispose());

  it(`${OPERATIONS} operations by two tabs end with the server holding exactly what the patient did`, async () => {
    const seed = Number(new URLSearchParams(location.search).get('seed') ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const network = new FaultyNetwork(seededRandom(seed + 1));
    const dbName = `carnet-offline-random-${seed}-${crypto.randomUUID()}`;
    const tabs: CachedDataSource[] = [0, 1].map(() =>
      createFhirDataSource({
        baseUrl,
        session,
        fetch: network.fetch,
        cache: { dbName, retryBaseDelayMs: 10, retryMaxDelayMs: 250, random: seededRandom(seed + 2) },
      }),
    );
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const prefix = `Aléa ${seed} ${crypto.randomUUID().slice(0, 8)}`;
    // Doses of one random day in 2032, every 15 minutes: unique to this run.
    const day = Date.UTC(2032, 0, 1) + Math.floor(random() * 300) * 24 * HOUR;
    const slots = Array.from({ length: 96 }, (_, i) => new Date(day + i * 15 * 60_000).toISOString());
    const events = new Map<string, EventTruth>();
    const doses = new Map<string, DoseTruth>();
    const done = { operations: 0, staleRetries: 0, creates: 0, updates: 0, deletes: 0 };
    let restoreClock: () => void = () => undefined;
    const msByMode: Record<string, number> = { down: 0, random: 0, up: 0 };

    try {
      await tabs[0]?.agenda.list();
      await tabs[0]?.medications.listIntakes({ planId: plan.id });
      for (let i = 0; i < OPERATIONS; i++) {
        if (i % 50 === 0) {
          const modes: FaultMode[] = ['down', 'random', 'random', 'up'];
          network.mode = pick(modes);
          network.rate = 0.3;
          restoreClock();
          restoreClock = skewClock(pick([0, 6 * HOUR, -6 * HOUR, 3 * 24 * HOUR]));
        }
        const tab = pick(tabs);
        const opStart = performance.now();
        const liveEvents = [...events.entries()].filter(([, truth]) => !truth.deleted);
        const liveDoses = [...doses.entries()].filter(([, truth]) => !truth.deleted);
        const freeSlots = slots.filter((slot) => !doses.get(slot) || doses.get(slot)?.deleted);
        const roll = random();
        // A stale version (the other tab's change landed in between) is re-read and retried, as a widget would.
        for (let attempt = 0; ; attempt++) {
          try {
            if (roll < 0.2 || liveEvents.length === 0) {
              const title = `${prefix} #${i}`;
              const made = await tab.agenda.create({
                title,
                kind: 'appointment',
                start: '2032-06-01T10:00:00',
                end: '2032-06-01T10:30:00',
              });
              events.set(title, { id: made.id, deleted: false });
              done.creates += 1;
            } else if (roll < 0.45) {
              const [title, truth] = pick(liveEvents);
              const current = await tab.agenda.get(truth.id);
              const notes = `note ${i}`;
              await tab.agenda.update({ ...current, notes });
              events.set(title, { ...truth, notes });
              done.updates += 1;
            } else if (roll < 0.52) {
              const [title, truth] = pick(liveEvents);
              const current = await tab.agenda.get(truth.id);
              await tab.agenda.delete(current.id, current.version);
              events.set(title, { ...truth, deleted: true });
              done.deletes += 1;
            } else if (roll < 0.8 && freeSlots.length > 0) {
              const scheduledAt = pick(freeSlots);
              const status = random() < 0.8 ? 'taken' : 'skipped';
              const record = await tab.medications.recordIntake({
                planId: plan.id,
                scheduledAt,
                status,
                ...(status === 'taken' ? { takenAt: scheduledAt } : {}),
              });
              doses.set(scheduledAt, { id: record.id, status, deleted: false });
              done.creates += 1;
            } else if (roll < 0.93 && liveDoses.length > 0) {
              const [slot, truth] = pick(liveDoses);
              const current = (await tab.medications.listIntakes({ planId: plan.id })).find(
                (r) => r.scheduledAt === slot,
              );
              if (!current) throw new Error('a recorded dose is missing from the cache');
              const note = `pris ${i}`;
              await tab.medications.updateIntake({ ...current, note });
              doses.set(slot, { ...truth, id: current.id, note });
              done.updates += 1;
            } else if (liveDoses.length > 0) {
              const [slot, truth] = pick(liveDoses);
              const current = (await tab.medications.listIntakes({ planId: plan.id })).find(
                (r) => r.scheduledAt === slot,
              );
              if (!current) throw new Error('a recorded dose is missing from the cache');
              await tab.medications.deleteIntake(current.id, current.version);
              doses.set(slot, { ...truth, deleted: true });
              done.deletes += 1;
            }
            break;
          } catch (error) {
            if (!(error instanceof ConflictError) || attempt > 20) throw error;
            done.staleRetries += 1;
          }
        }
        done.operations += 1;
        msByMode[network.mode] = (msByMode[network.mode] ?? 0) + performance.now() - opStart;
      }
    } finally {
      restoreClock();
    }

    // The server answers again, without faults: everything waiting is sent.
    network.mode = 'up';
    const flushStart = performance.now();
    await Promise.all(tabs.map((tab) => tab.sync.flush()));
    await until(
      () => tabs.every((tab) => tab.sync.state.pending === 0),
      tabs.map((tab) => tab.sync),
      'both outboxes empty',
      600_000,
    );
    const conflicts = tabs[0]?.sync.state.conflicts.length ?? -1;
    const finalFlushMs = Math.round(performance.now() - flushStart);

    // Compare the server with what the patient did.
    const onServer = (await server.agenda.list()).filter((e) => e.title.startsWith(`${prefix} #`));
    const intakes = await server.medications.listIntakes({
      planId: plan.id,
      from: slots[0],
      to: new Date(day + 24 * HOUR).toISOString(),
    });
    let lost = 0;
    let duplicated = 0;
    let wrong = 0;
    for (const [title, truth] of events) {
      const found = onServer.filter((e) => e.title === title);
      if (truth.deleted) duplicated += found.length;
      else if (found.length === 0) lost += 1;
      else {
        duplicated += found.length - 1;
        if ((found[0]?.notes ?? undefined) !== truth.notes) wrong += 1;
      }
    }
    duplicated += onServer.filter((e) => !events.has(e.title)).length;
    for (const [slot, truth] of doses) {
      const found = intakes.filter((r) => r.scheduledAt === slot);
      if (truth.deleted) duplicated += found.length;
      else if (found.length === 0) lost += 1;
      else {
        duplicated += found.length - 1;
        if (found[0]?.status !== truth.status || found[0]?.note !== truth.note) wrong += 1;
      }
    }
    duplicated += intakes.filter((r) => !doses.has(r.scheduledAt)).length;
    const report = {
      seed,
      ...done,
      liveEvents: [...events.values()].filter((t) => !t.deleted).length,
      liveDoses: [...doses.values()].filter((t) => !t.deleted).length,
      lost,
      duplicated,
      wrong,
      conflicts,
      faults: network.counts,
      msByMode: Object.fromEntries(Object.entries(msByMode).map(([mode, ms]) => [mode, Math.round(ms)])),
      finalFlushMs,
    };
    // eslint-disable-next-line no-console -- the counts are the run's report (no health data)
    console.log(`offline randomized run: ${JSON.stringify(report)}`);
    for (const tab of tabs) await tab.sync.clearCache();
    expect({ lost, duplicated, wrong, conflicts }).to.deep.equal({ lost: 0, duplicated: 0, wrong: 0, conflicts: 0 });
    expect(done.operations).to.be.at.least(OPERATIONS);
  });
});
