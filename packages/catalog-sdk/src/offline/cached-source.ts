/**
 * The connected data source with an offline cache: reads answer from IndexedDB
 * at once and refresh from the server in the background; writes go through the
 * outbox (see `sync.ts`). Attachments, new documents, sendings and the forum
 * stay online-only: they pass through to the FHIR repositories.
 */
import { ConflictError, NotFoundError } from '../errors/errors.js';
import type { AgendaEvent, NewAgendaEvent } from '../model/agenda.js';
import type { CareTeamMember } from '../model/care-team.js';
import { DEFAULT_TIME_ZONE } from '../model/common.js';
import type { HealthDocument, HealthDocumentChanges, NewHealthDocument } from '../model/document.js';
import type { IntakeRecord, MedicationPlan, NewBox, NewIntakeRecord, NewMedicationPlan } from '../model/medication.js';
import type {
  AgendaRepository,
  CareTeamRepository,
  DataSource,
  DocumentRepository,
  IntakeQuery,
  MedicationRepository,
  Page,
  PageRequest,
} from '../sources/data-source.js';
import { checkIntake, checkMedicationPlan, planChanges } from '../sources/rules/medications.js';
import { pageLimit } from '../sources/rules/paging.js';
import { normaliseTags, requireText } from '../sources/rules/validation.js';
import { transientFailure } from './classify.js';
import type { CachedEntry, OfflineTransaction } from './store.js';
import { LOCAL_VERSION_PREFIX, type PreparedWrite, type SyncController } from './sync.js';
import type { CachedCollection, OutboxOperation } from './types.js';

/** A connected data source with an offline cache and outbox. */
export interface CachedDataSource extends DataSource {
  readonly kind: 'fhir';
  /** Sync state, events, conflicts and cache lifetime. */
  readonly sync: SyncController;
}

/** How often a list is refreshed from the server at most (monotonic clock). */
const REFRESH_INTERVAL_MS = 30_000;
const CACHE_CURSOR = 'cache:';

type Versioned = { id: string; version: string };

/** Reads, refreshes and writes of the cache, shared by the repositories. */
class OfflineCache {
  readonly #snapshots = new Map<CachedCollection, Promise<{ items: unknown[]; known: boolean }>>();
  readonly #refreshing = new Map<CachedCollection, Promise<void>>();
  readonly #refreshedAt = new Map<CachedCollection, number>();

  constructor(readonly sync: SyncController) {
    sync.onInvalidate = (collections) => {
      for (const collection of collections) {
        this.#snapshots.delete(collection);
      }
    };
  }

  /** Every live cached record of a collection, and whether the list was ever fetched. */
  snapshot<T>(collection: CachedCollection): Promise<{ items: T[]; known: boolean }> {
    let snapshot = this.#snapshots.get(collection);
    if (snapshot === undefined) {
      snapshot = this.sync.store.transaction(['records', 'lists'], 'readonly', async (tx) => {
        const [entries, list] = await Promise.all([
          tx.objectStore('records').index('by-collection').getAll(collection),
          tx.objectStore('lists').get(collection),
        ]);
        return { items: entries.filter((e) => e.deleted !== true).map((e) => e.value), known: list !== undefined };
      });
      this.#snapshots.set(collection, snapshot);
      snapshot.catch(() => this.#snapshots.delete(collection));
    }
    return snapshot as Promise<{ items: T[]; known: boolean }>;
  }

  /**
   * The whole list: from the cache at once (refreshed in the background), or
   * from the server the first time.
   */
  async list<T extends Versioned>(collection: CachedCollection, fetchAll: () => Promise<T[]>): Promise<T[]> {
    const cached = await this.snapshot<T>(collection);
    if (cached.known) {
      this.refreshSoon(collection, fetchAll);
      return cached.items;
    }
    await this.refresh(collection, fetchAll, { rethrow: true });
    return (await this.snapshot<T>(collection)).items;
  }

  /** Starts a background refresh unless one ran recently. */
  refreshSoon<T extends Versioned>(collection: CachedCollection, fetchAll: () => Promise<T[]>): void {
    const last = this.#refreshedAt.get(collection);
    // While the server is thought away, every read asks it: an answer sends the outbox at once.
    const away = this.sync.state.status === 'offline' && this.sync.state.failure === 'network';
    if (!away && last !== undefined && performance.now() - last < REFRESH_INTERVAL_MS) return;
    void this.refresh(collection, fetchAll, { rethrow: false });
  }

  /**
   * Reads the list from the server and stores it, keeping the records that have
   * changes waiting (the patient's version shows until it is sent).
   */
  refresh<T extends Versioned>(
    collection: CachedCollection,
    fetchAll: () => Promise<T[]>,
    options: { rethrow: boolean },
  ): Promise<void> {
    const running = this.#refreshing.get(collection);
    if (running !== undefined) return options.rethrow ? running : running.catch(() => undefined);
    this.#refreshedAt.set(collection, performance.now());
    const refreshing = (async () => {
      const stampKey = `stamp:${collection}`;
      const stampBefore = await this.sync.store.transaction(['meta'], 'readonly', (tx) =>
        tx.objectStore('meta').get(stampKey),
      );
      let items: T[];
      try {
        items = await fetchAll();
      } catch (error) {
        this.#refreshedAt.delete(collection);
        this.sync.reportRead(transientFailure(error));
        throw error;
      }
      this.sync.reportRead(undefined);
      const changed = await this.sync.store.transaction(
        ['records', 'lists', 'outbox', 'meta'],
        'readwrite',
        async (tx) => {
          const stampNow = await tx.objectStore('meta').get(stampKey);
          const known = (await tx.objectStore('lists').get(collection)) !== undefined;
          // Written meanwhile (here or in another tab): this answer may predate the write.
          if (known && stampNow?.value !== stampBefore?.value) {
            this.#refreshedAt.delete(collection);
            return false;
          }
          const pending = new Set(
            (await tx.objectStore('outbox').getAll()).filter((e) => e.collection === collection).map((e) => e.recordId),
          );
          const records = tx.objectStore('records');
          const existing = await records.index('by-collection').getAll(collection);
          const byId = new Map(existing.map((entry) => [entry.id, entry]));
          let different = false;
          const fresh = new Set<string>();
          for (const item of items) {
            fresh.add(item.id);
            if (pending.has(item.id)) continue;
            const before = byId.get(item.id);
            if (before !== undefined && before.serverVersion === item.version && before.deleted !== true) continue;
            different = true;
            await records.put({ collection, id: item.id, value: item, serverVersion: item.version });
          }
          for (const entry of existing) {
            if (fresh.has(entry.id) || pending.has(entry.id)) continue;
            different = true;
            await records.delete([collection, entry.id]);
          }
          await tx.objectStore('lists').put({ collection, refreshedAt: new Date().toISOString() });
          return different || !known;
        },
      );
      if (changed) await this.sync.changed([collection]);
    })().finally(() => this.#refreshing.delete(collection));
    this.#refreshing.set(collection, refreshing);
    return options.rethrow ? refreshing : refreshing.catch(() => undefined);
  }

  /** One record from the cache, else from the server (then cached). */
  async get<T extends Versioned>(
    collection: CachedCollection,
    id: string,
    fetch: (id: string) => Promise<T>,
  ): Promise<T> {
    const serverId = await this.resolveId(id);
    const cached = await this.sync.store.transaction(['records'], 'readonly', (tx) =>
      tx.objectStore('records').get([collection, serverId]),
    );
    if (cached !== undefined) {
      if (cached.deleted === true) throw new NotFoundError(collection, id);
      return cached.value as T;
    }
    let value: T;
    try {
      value = await fetch(serverId);
      this.sync.reportRead(undefined);
    } catch (error) {
      this.sync.reportRead(transientFailure(error));
      throw error;
    }
    await this.store(collection, value);
    return value;
  }

  /** Stores a record the server just returned (no change pending on it). */
  async store<T extends Versioned>(collection: CachedCollection, value: T): Promise<void> {
    await this.sync.store.transaction(['records'], 'readwrite', (tx) =>
      tx.objectStore('records').put({ collection, id: value.id, value, serverVersion: value.version }),
    );
    await this.sync.changed([collection]);
  }

  /** The server's id for an id the patient's device made up, once its creation was sent. */
  async resolveId(id: string): Promise<string> {
    const alias = await this.sync.store.transaction(['aliases'], 'readonly', (tx) => tx.objectStore('aliases').get(id));
    return alias?.serverId ?? id;
  }

  /** Queues the creation of a record with a client-assigned id. */
  create<T extends Versioned>(
    collection: CachedCollection,
    draft: Omit<T, 'id' | 'version'>,
    op: (value: T) => OutboxOperation,
  ): Promise<T> {
    return this.sync.write<T>(collection, async (tx, opId) => {
      const id = crypto.randomUUID();
      const value = { ...draft, id, version: `${LOCAL_VERSION_PREFIX}${opId}` } as T;
      await tx.objectStore('records').put({ collection, id, value });
      return { entry: { collection, recordId: id, op: op(value) }, optimistic: value };
    });
  }

  /**
   * Queues a change (or a deletion, when `next` returns undefined) of a record,
   * conditional on the version the patient saw: a stale one rejects at once
   * with `ConflictError`, as the server would.
   */
  change<T extends Versioned>(
    collection: CachedCollection,
    entity: string,
    rawId: string,
    baseVersion: string,
    next: (current: T | undefined, id: string) => { value?: T; op: OutboxOperation },
  ): Promise<T | undefined> {
    return this.sync.write<T | undefined>(collection, async (tx, opId) => {
      const aliased = await tx.objectStore('aliases').get(rawId);
      const id = aliased?.serverId ?? rawId;
      return prepareChange<T>(tx, { collection, entity, id, baseVersion, opId }, next);
    });
  }
}

async function prepareChange<T extends Versioned>(
  tx: OfflineTransaction<'readwrite'>,
  target: { collection: CachedCollection; entity: string; id: string; baseVersion: string; opId: string },
  next: (current: T | undefined, id: string) => { value?: T; op: OutboxOperation },
): Promise<PreparedWrite<T | undefined>> {
  const { collection, entity, id, baseVersion, opId } = target;
  const records = tx.objectStore('records');
  const cached = (await records.get([collection, id])) as CachedEntry<T> | undefined;
  if (cached?.deleted === true) throw new NotFoundError(entity, id);
  const current = cached?.value;
  if (current !== undefined && current.version !== baseVersion && cached?.localVersion !== baseVersion)
    throw new ConflictError(entity, id, baseVersion, current.version);
  const pending = await tx.objectStore('outbox').index('by-record').count(id);
  const { value, op } = next(current, id);
  const serverVersion = cached?.serverVersion ?? (pending === 0 ? baseVersion : undefined);
  const entry: PreparedWrite<T | undefined>['entry'] = { collection, recordId: id, op };
  // The first waiting change names the server version it was based on; later ones follow it.
  if (pending === 0 && serverVersion !== undefined) entry.baseVersion = serverVersion;
  const stored: CachedEntry = value
    ? { collection, id, value: { ...value, id, version: `${LOCAL_VERSION_PREFIX}${opId}` } }
    : { collection, id, value: current ?? { id, version: baseVersion }, deleted: true };
  if (serverVersion !== undefined) stored.serverVersion = serverVersion;
  await records.put(stored);
  return { entry, optimistic: value === undefined ? undefined : (stored.value as T) };
}

function byDateDesc(a: HealthDocument, b: HealthDocument): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

class CachedDocuments implements DocumentRepository {
  #sorted: { source: unknown[]; items: HealthDocument[] } | undefined;

  constructor(
    private readonly cache: OfflineCache,
    private readonly inner: DocumentRepository,
  ) {}

  #fetchAll = (): Promise<HealthDocument[]> => this.inner.listAll();

  async #sortedAll(): Promise<{ items: HealthDocument[]; known: boolean }> {
    const snapshot = await this.cache.snapshot<HealthDocument>('documents');
    if (this.#sorted?.source !== snapshot.items) {
      this.#sorted = { source: snapshot.items, items: [...snapshot.items].sort(byDateDesc) };
    }
    return { items: this.#sorted.items, known: snapshot.known };
  }

  async list(request: PageRequest = {}): Promise<Page<HealthDocument>> {
    const cursor = request.cursor;
    if (cursor !== undefined && !cursor.startsWith(CACHE_CURSOR)) return this.inner.list(request);
    if (cursor === undefined && this.#sorted === undefined) {
      // The first page of a cold start reads only its documents, in index order.
      const first = await this.#firstPage(pageLimit(request.limit));
      if (first !== undefined) {
        this.cache.refreshSoon('documents', this.#fetchAll);
        return first;
      }
    }
    const { items, known } = await this.#sortedAll();
    if (!known) {
      // First visit: the first page from the server now, the whole list into the cache meanwhile.
      void this.cache.refresh('documents', this.#fetchAll, { rethrow: false });
      return this.inner.list(request);
    }
    this.cache.refreshSoon('documents', this.#fetchAll);
    const offset = cursor === undefined ? 0 : Number(cursor.slice(CACHE_CURSOR.length)) || 0;
    const limit = pageLimit(request.limit);
    const page: Page<HealthDocument> = { items: items.slice(offset, offset + limit), total: items.length };
    if (offset + limit < items.length) page.nextCursor = `${CACHE_CURSOR}${offset + limit}`;
    return page;
  }

  /** The most recent documents straight from the date index; undefined when the list was never fetched. */
  async #firstPage(limit: number): Promise<Page<HealthDocument> | undefined> {
    return this.cache.sync.store.transaction(['records', 'lists'], 'readonly', async (tx) => {
      if ((await tx.objectStore('lists').get('documents')) === undefined) return undefined;
      const index = tx.objectStore('records').index('by-date');
      const range = IDBKeyRange.bound(['documents'], ['documents', []]);
      const total = await tx.objectStore('records').index('by-collection').count('documents');
      const items: HealthDocument[] = [];
      let cursor = await index.openCursor(range, 'prev');
      while (cursor !== null && items.length < limit) {
        if (cursor.value.deleted !== true) items.push(cursor.value.value as HealthDocument);
        cursor = await cursor.continue();
      }
      const page: Page<HealthDocument> = { items, total };
      if (limit < total) page.nextCursor = `${CACHE_CURSOR}${limit}`;
      return page;
    });
  }

  async listAll(): Promise<HealthDocument[]> {
    await this.cache.list('documents', this.#fetchAll);
    return [...(await this.#sortedAll()).items];
  }

  get(id: string): Promise<HealthDocument> {
    return this.cache.get('documents', id, (serverId) => this.inner.get(serverId));
  }

  async create(document: NewHealthDocument, content?: Blob): Promise<HealthDocument> {
    const created = await this.inner.create(document, content);
    await this.cache.store('documents', created);
    return created;
  }

  async update(id: string, changes: HealthDocumentChanges, baseVersion: string): Promise<HealthDocument> {
    if (changes.hiddenFromProfessionals !== undefined) {
      // Who may see a document is never queued (like sharing): hidden means hidden on the server
      // now, or the patient is told it failed — never « hidden » on this device only.
      const updated = await this.inner.update(await this.cache.resolveId(id), changes, baseVersion);
      await this.cache.store('documents', updated);
      return updated;
    }
    const normalised: HealthDocumentChanges = { ...changes };
    if (changes.tags !== undefined) normalised.tags = normaliseTags(changes.tags);
    if (changes.title !== undefined) normalised.title = requireText('title', changes.title, 300);
    if (!(await this.#isCached(id))) await this.get(id);
    const result = await this.cache.change<HealthDocument>(
      'documents',
      'HealthDocument',
      id,
      baseVersion,
      (current, serverId) => {
        if (current === undefined) throw new NotFoundError('HealthDocument', id);
        return {
          value: { ...current, ...normalised, id: serverId },
          op: { kind: 'document.update', changes: normalised },
        };
      },
    );
    if (result === undefined) throw new NotFoundError('HealthDocument', id);
    return result;
  }

  async #isCached(id: string): Promise<boolean> {
    const serverId = await this.cache.resolveId(id);
    const entry = await this.cache.sync.store.transaction(['records'], 'readonly', (tx) =>
      tx.objectStore('records').get(['documents', serverId]),
    );
    return entry !== undefined;
  }

  getContent(id: string, options?: { signal?: AbortSignal }): Promise<Blob> {
    return this.inner.getContent(id, options);
  }

  send(request: { documentId: string; recipientId: string; message?: string }) {
    return this.inner.send(request);
  }

  listSendings(documentId?: string) {
    return this.inner.listSendings(documentId);
  }
}

class CachedAgenda implements AgendaRepository {
  constructor(
    private readonly cache: OfflineCache,
    private readonly inner: AgendaRepository,
  ) {}

  #fetchAll = (): Promise<AgendaEvent[]> => this.inner.list();

  async list(): Promise<AgendaEvent[]> {
    return [...(await this.cache.list('agenda', this.#fetchAll))];
  }

  get(id: string): Promise<AgendaEvent> {
    return this.cache.get('agenda', id, (serverId) => this.inner.get(serverId));
  }

  create(event: NewAgendaEvent): Promise<AgendaEvent> {
    const draft: Omit<AgendaEvent, 'id' | 'version'> = {
      ...event,
      title: requireText('title', event.title, 300),
      exdates: event.exdates ?? [],
      overrides: event.overrides ?? [],
      reminders: event.reminders ?? [],
      timeZone: event.timeZone ?? DEFAULT_TIME_ZONE,
    };
    return this.cache.create<AgendaEvent>('agenda', draft, (value) => ({ kind: 'agenda.create', event: value }));
  }

  async update(event: AgendaEvent): Promise<AgendaEvent> {
    requireText('title', event.title, 300);
    const result = await this.cache.change<AgendaEvent>('agenda', 'AgendaEvent', event.id, event.version, (_c, id) => {
      const value = { ...event, id };
      return { value, op: { kind: 'agenda.update', event: value } };
    });
    if (result === undefined) throw new NotFoundError('AgendaEvent', event.id);
    return result;
  }

  async delete(id: string, baseVersion: string): Promise<void> {
    await this.cache.change<AgendaEvent>('agenda', 'AgendaEvent', id, baseVersion, () => ({
      op: { kind: 'agenda.delete' },
    }));
  }
}

class CachedMedications implements MedicationRepository {
  constructor(
    private readonly cache: OfflineCache,
    private readonly inner: MedicationRepository,
  ) {}

  #fetchPlans = (): Promise<MedicationPlan[]> => this.inner.listPlans();
  #fetchIntakes = (): Promise<IntakeRecord[]> => this.inner.listIntakes({});

  async listPlans(): Promise<MedicationPlan[]> {
    return [...(await this.cache.list('plans', this.#fetchPlans))];
  }

  getPlan(id: string): Promise<MedicationPlan> {
    return this.cache.get('plans', id, (serverId) => this.inner.getPlan(serverId));
  }

  async createPlan(plan: NewMedicationPlan): Promise<MedicationPlan> {
    const created = await this.inner.createPlan(plan);
    await this.cache.store('plans', created);
    return created;
  }

  async updatePlan(plan: MedicationPlan): Promise<MedicationPlan> {
    const checked: MedicationPlan = { ...checkMedicationPlan(plan), id: plan.id, version: plan.version };
    const result = await this.cache.change<MedicationPlan>(
      'plans',
      'MedicationPlan',
      plan.id,
      plan.version,
      (_c, id) => {
        const value = { ...checked, id };
        return { value, op: { kind: 'plan.update', plan: value } };
      },
    );
    if (result === undefined) throw new NotFoundError('MedicationPlan', plan.id);
    return result;
  }

  readonly #changes = planChanges(this);

  /** Adds a box to the stock (see `MedicationRepository.addBox`). */
  addBox(id: string, baseVersion: string, box?: NewBox): Promise<MedicationPlan> {
    return this.#changes.addBox(id, baseVersion, box);
  }

  /** Stops a treatment (see `MedicationRepository.stopPlan`). */
  stopPlan(id: string, baseVersion: string, at?: Date): Promise<MedicationPlan> {
    return this.#changes.stopPlan(id, baseVersion, at);
  }

  /** Undoes a stop (see `MedicationRepository.resumePlan`). */
  resumePlan(id: string, baseVersion: string): Promise<MedicationPlan> {
    return this.#changes.resumePlan(id, baseVersion);
  }

  async listIntakes(query: IntakeQuery = {}): Promise<IntakeRecord[]> {
    const all = await this.cache.list('intakes', this.#fetchIntakes);
    const from = query.from === undefined ? -Infinity : Date.parse(query.from);
    const to = query.to === undefined ? Infinity : Date.parse(query.to);
    return all
      .filter((intake) => {
        if (query.planId !== undefined && intake.planId !== query.planId) return false;
        const at = Date.parse(intake.scheduledAt);
        return at >= from && at < to;
      })
      .sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
  }

  /** Idempotent, as without a cache: a dose already recorded (here or sent) is returned as it is. */
  async recordIntake(record: NewIntakeRecord): Promise<IntakeRecord> {
    const checked = checkIntake(record);
    await this.listIntakes().catch(() => undefined);
    const at = Date.parse(checked.scheduledAt);
    return this.cache.sync.write<IntakeRecord>('intakes', async (tx, opId) => {
      const entries = await tx.objectStore('records').index('by-collection').getAll('intakes');
      const existing = entries.find((entry) => {
        const value = entry.value as IntakeRecord;
        return entry.deleted !== true && value.planId === checked.planId && Date.parse(value.scheduledAt) === at;
      });
      if (existing !== undefined) return { existing: existing.value as IntakeRecord };
      const id = crypto.randomUUID();
      const value: IntakeRecord = { ...checked, id, version: `${LOCAL_VERSION_PREFIX}${opId}` };
      await tx.objectStore('records').put({ collection: 'intakes', id, value });
      return {
        entry: { collection: 'intakes', recordId: id, op: { kind: 'intake.record', record: value } },
        optimistic: value,
      };
    });
  }

  async updateIntake(record: IntakeRecord): Promise<IntakeRecord> {
    const checked = checkIntake(record);
    const result = await this.cache.change<IntakeRecord>(
      'intakes',
      'IntakeRecord',
      record.id,
      record.version,
      (_c, id) => {
        const value: IntakeRecord = { ...checked, id, version: record.version };
        return { value, op: { kind: 'intake.update', record: value } };
      },
    );
    if (result === undefined) throw new NotFoundError('IntakeRecord', record.id);
    return result;
  }

  async deleteIntake(id: string, baseVersion: string): Promise<void> {
    await this.cache.change<IntakeRecord>('intakes', 'IntakeRecord', id, baseVersion, () => ({
      op: { kind: 'intake.delete' },
    }));
  }
}

class CachedCareTeam implements CareTeamRepository {
  constructor(
    private readonly cache: OfflineCache,
    private readonly inner: CareTeamRepository,
  ) {}

  async list(): Promise<CareTeamMember[]> {
    const members = await this.cache.list('careTeam', () =>
      this.inner.list().then((all) => all.map((m) => ({ ...m, version: JSON.stringify(m) }))),
    );
    return members.map(({ version: _version, ...member }) => member as CareTeamMember);
  }

  async get(id: string): Promise<CareTeamMember> {
    return (await this.list()).find((m) => m.id === id) ?? this.inner.get(id);
  }

  // The directory is the server's: always read live.
  directory(options: { signal?: AbortSignal } = {}): Promise<CareTeamMember[]> {
    if (!this.inner.directory) return Promise.resolve([]);
    return this.inner.directory(options);
  }

  // Sharing changes go to the server at once (never queued), then the cached list is refreshed.
  async share(practitionerId: string): Promise<void> {
    if (!this.inner.share) throw new Error('Sharing is not available');
    await this.inner.share(practitionerId);
    await this.#refresh();
  }

  async stopSharing(practitionerId: string): Promise<void> {
    if (!this.inner.stopSharing) throw new Error('Sharing is not available');
    await this.inner.stopSharing(practitionerId);
    await this.#refresh();
  }

  async #refresh(): Promise<void> {
    await this.cache.refresh(
      'careTeam',
      () => this.inner.list().then((all) => all.map((m) => ({ ...m, version: JSON.stringify(m) }))),
      { rethrow: false },
    );
  }
}

/** Wraps a FHIR data source with the offline cache and outbox. */
export function withOfflineCache(inner: DataSource, sync: SyncController): CachedDataSource {
  const cache = new OfflineCache(sync);
  sync.onStale = (collection) => {
    const fetchers: Partial<Record<CachedCollection, () => Promise<Versioned[]>>> = {
      documents: () => inner.documents.listAll(),
      agenda: () => inner.agenda.list(),
      plans: () => inner.medications.listPlans(),
      intakes: () => inner.medications.listIntakes({}),
    };
    const fetchAll = fetchers[collection];
    if (fetchAll !== undefined) void cache.refresh(collection, fetchAll, { rethrow: false });
  };
  return {
    kind: 'fhir',
    sync,
    documents: new CachedDocuments(cache, inner.documents),
    agenda: new CachedAgenda(cache, inner.agenda),
    medications: new CachedMedications(cache, inner.medications),
    forum: inner.forum,
    careTeam: new CachedCareTeam(cache, inner.careTeam),
    // Messages are never cached nor queued: a message is sent now, or the person is told it was not.
    messages: inner.messages,
    // The trail is the server's: always read live.
    ...(inner.accessHistory ? { accessHistory: inner.accessHistory } : {}),
    // Moderation acts now, on the server, or not at all.
    ...(inner.moderation ? { moderation: inner.moderation } : {}),
    ...(inner.sharing ? { sharing: inner.sharing } : {}),
    // The medical profile is read and written online (not cached yet).
    ...(inner.medicalProfile ? { medicalProfile: inner.medicalProfile } : {}),
    // Measurements are read and written online (not cached yet).
    ...(inner.trackers ? { trackers: inner.trackers } : {}),
    // The subscription address is the server's: asked live.
    ...(inner.calendarSubscription ? { calendarSubscription: inner.calendarSubscription } : {}),
    // Consents to apps are the platform's: read and withdrawn live.
    ...(inner.apps ? { apps: inner.apps } : {}),
    close: () => {
      sync.close();
      inner.close();
    },
  };
}
