/**
 * The outbox and its single sender. Changes are saved in IndexedDB first (with
 * the optimistic result in the cache), then sent in order by one tab at a time
 * (Web Locks; an IndexedDB lease where Web Locks are missing). A failed send
 * is retried with exponential backoff and jitter; a refused one becomes a
 * conflict the patient resolves. Every tab hears about changes through a
 * BroadcastChannel. Nothing here logs, and no error message carries health data.
 */
import { ConflictError, NotFoundError, ValidationError } from '../errors/errors.js';
import type { AgendaEvent } from '../model/agenda.js';
import type { HealthDocumentChanges } from '../model/document.js';
import type { IntakeRecord, MedicationPlan } from '../model/medication.js';
import { backoffDelay } from './backoff.js';
import { transientFailure } from './classify.js';
import { sendEntry, type SendOutcome, type SenderContext } from './sender.js';
import type { CachedEntry, OfflineStore, OfflineTransaction, OutboxEntry, StoredConflict } from './store.js';
import type {
  CachedCollection,
  ConflictChoice,
  OfflineCacheOptions,
  OutboxOperation,
  SyncChangeDetail,
  SyncConflict,
  SyncEventMap,
  SyncFailure,
  SyncState,
  SyncStatus,
} from './types.js';

type WriteStores = ('records' | 'outbox' | 'aliases' | 'conflicts' | 'lists' | 'meta')[];
const WRITE_STORES: WriteStores = ['records', 'outbox', 'aliases', 'conflicts', 'lists', 'meta'];

/**
 * Counts writes to a collection's cached records (in every tab), so a refresh
 * whose answer may predate a write is not stored over it.
 */
export async function bumpWriteStamp(tx: OfflineTransaction<'readwrite'>, collection: CachedCollection): Promise<void> {
  const key = `stamp:${collection}`;
  const current = await tx.objectStore('meta').get(key);
  await tx.objectStore('meta').put({ key, value: Number(current?.value ?? 0) + 1 });
}

/** Message between tabs on the BroadcastChannel (no health data: names and counts only). */
type TabMessage =
  | { type: 'change'; collections: CachedCollection[] }
  | { type: 'status'; status: SyncStatus; failure?: SyncFailure }
  | { type: 'cleared' };

interface Waiter {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  optimistic: unknown;
}

/** What a repository prepares inside the write transaction. */
export interface PreparedWrite<T> {
  entry: Omit<OutboxEntry, 'seq' | 'opId' | 'madeAt'>;
  /** The result the caller gets when the change cannot be sent at once. */
  optimistic: T;
}

/** Prefix of the version of a record changed on this device and not yet sent. */
export const LOCAL_VERSION_PREFIX = 'local-';

const ENTITY_OF: Record<CachedCollection, SyncConflict['entity'] | undefined> = {
  agenda: 'agenda',
  intakes: 'intake',
  documents: 'document',
  plans: 'plan',
  careTeam: undefined,
};

function newId(): string {
  return crypto.randomUUID();
}

function nowIso(): string {
  return new Date().toISOString();
}

function joinNotes(theirs: string | undefined, mine: string | undefined): string | undefined {
  if (mine === undefined || mine === '' || mine === theirs) return theirs;
  if (theirs === undefined || theirs === '') return mine;
  return `${theirs}\n\n${mine}`;
}

/** Both notes of an agenda event: the event's and each occurrence's. */
function mergeEventNotes(theirs: AgendaEvent, mine: AgendaEvent): AgendaEvent {
  const overrides = theirs.overrides.map((o) => ({ ...o }));
  for (const own of mine.overrides) {
    if (own.note === undefined) continue;
    const match = overrides.find((o) => o.originalStart === own.originalStart);
    if (match === undefined) overrides.push({ originalStart: own.originalStart, note: own.note });
    else {
      const note = joinNotes(match.note, own.note);
      if (note !== undefined) match.note = note;
    }
  }
  const merged: AgendaEvent = { ...theirs, overrides };
  const notes = joinNotes(theirs.notes, mine.notes);
  if (notes !== undefined) merged.notes = notes;
  return merged;
}

function hasOwnNotes(conflict: SyncConflict): boolean {
  if (conflict.entity === 'agenda' && conflict.mine && conflict.theirs) {
    const mine = conflict.mine;
    const theirs = conflict.theirs;
    return (
      (mine.notes ?? '') !== (theirs.notes ?? '') ||
      mine.overrides.some(
        (o) =>
          o.note !== undefined && theirs.overrides.find((t) => t.originalStart === o.originalStart)?.note !== o.note,
      )
    );
  }
  if (conflict.entity === 'intake' && conflict.mine && conflict.theirs)
    return (conflict.mine.note ?? '') !== '' && conflict.mine.note !== conflict.theirs.note;
  return false;
}

/**
 * The sync side of a cached connected data source (`dataSource.sync`): its
 * state, events, conflicts and cache lifetime. Listen to `statechange` to show
 * « Hors connexion — 3 modifications en attente d'envoi », to `change` to read
 * again, to `conflict` to ask the patient.
 */
export class SyncController extends EventTarget {
  /** The patient chose « Se souvenir de cet appareil ». */
  readonly remember: boolean;
  /** Resolves once the state has been read from IndexedDB. */
  readonly ready: Promise<void>;
  readonly #store: OfflineStore;
  readonly #sender: () => SenderContext;
  readonly #options: Required<Pick<OfflineCacheOptions, 'retryBaseDelayMs' | 'retryMaxDelayMs' | 'random'>>;
  readonly #channel: BroadcastChannel | undefined;
  readonly #lockName: string;
  readonly #tabId = newId();
  #state: SyncState = { status: 'online', pending: 0, conflicts: [] };
  #failures = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #waitingForLock = false;
  #closed = false;
  readonly #waiters = new Map<string, Waiter>();
  readonly #stale = new Set<CachedCollection>();
  /** @internal Called when a collection must be read again from the server (set by the cached repositories). */
  onStale: (collection: CachedCollection) => void = () => undefined;
  /** @internal Called when cached records changed (here or in another tab), before `change` is dispatched. */
  onInvalidate: (collections: readonly CachedCollection[]) => void = () => undefined;
  readonly #onOnline = (): void => void this.flush();
  readonly #onOffline = (): void => this.#setStatus('offline', 'network');

  /** @internal Created by `createFhirDataSource({ cache })`. */
  constructor(store: OfflineStore, sender: () => SenderContext, options: OfflineCacheOptions = {}) {
    super();
    this.#store = store;
    this.#sender = sender;
    this.remember = options.remember ?? false;
    this.#options = {
      retryBaseDelayMs: options.retryBaseDelayMs ?? 1000,
      retryMaxDelayMs: options.retryMaxDelayMs ?? 60_000,
      random: options.random ?? Math.random,
    };
    this.#lockName = `carnet-outbox:${store.name}`;
    this.#channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(this.#lockName);
    this.#channel?.addEventListener('message', (event: MessageEvent<TabMessage>) => this.#onMessage(event.data));
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.#onOnline);
      window.addEventListener('offline', this.#onOffline);
    }
    // After a reload, changes saved before it are sent as soon as the server answers.
    this.ready = this.#reloadState().then((state) => {
      if (state.pending > 0) void this.#run(false);
    });
  }

  /** The current state (synchronous snapshot; `statechange` says when it changes). */
  get state(): SyncState {
    return this.#state;
  }

  /** Conflicts waiting for the patient (same as `state.conflicts`). */
  get conflicts(): readonly SyncConflict[] {
    return this.#state.conflicts;
  }

  override addEventListener<K extends keyof SyncEventMap>(
    type: K,
    listener: ((event: SyncEventMap[K]) => void) | EventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof SyncEventMap>(
    type: K,
    listener: ((event: SyncEventMap[K]) => void) | EventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener, options);
  }

  /**
   * Sends pending changes now (e.g. from a « Réessayer » button), without
   * waiting for the backoff. Resolves when this attempt ends, whatever became of it.
   */
  async flush(): Promise<void> {
    await this.ready;
    this.#failures = 0;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    await this.#run(true);
  }

  /**
   * Settles a conflict: `theirs` keeps the server's version (the patient's
   * change is dropped, by their choice); `mine` applies the patient's change on
   * top of the server's version (it is queued and sent like any change);
   * `both` keeps the server's version with both notes (only when
   * `conflict.canKeepBoth`).
   *
   * @throws ValidationError when `both` is not possible for this conflict
   * @throws NotFoundError when no conflict has this id (resolved in another tab)
   */
  async resolveConflict(id: string, choice: ConflictChoice): Promise<void> {
    const conflict = await this.#store.transaction(['conflicts'], 'readonly', (tx) =>
      tx.objectStore('conflicts').get(id),
    );
    if (conflict === undefined) throw new NotFoundError('SyncConflict', id);
    if (choice === 'both' && !conflict.canKeepBoth)
      throw new ValidationError('choice', 'both versions can only be kept for notes');
    const collection = conflict.collection;
    const op = choice === 'theirs' ? undefined : this.#resolution(conflict, choice);
    await this.#store.transaction(WRITE_STORES, 'readwrite', async (tx) => {
      const current = await tx.objectStore('conflicts').get(id);
      if (current === undefined) throw new NotFoundError('SyncConflict', id);
      await bumpWriteStamp(tx, collection);
      await tx.objectStore('conflicts').delete(id);
      const records = tx.objectStore('records');
      const theirs = conflict.theirs;
      const recordId = theirs?.id ?? conflict.recordId;
      if (op === undefined) {
        if (theirs === undefined) await records.delete([collection, conflict.recordId]);
        else await records.put({ collection, id: theirs.id, value: theirs, serverVersion: theirs.version });
        return;
      }
      const opId = newId();
      const entry: OutboxEntry = {
        opId,
        collection,
        recordId: op.recordId ?? recordId,
        op: op.op,
        madeAt: nowIso(),
      };
      if (op.baseVersion !== undefined) entry.baseVersion = op.baseVersion;
      await tx.objectStore('outbox').add(entry);
      if (op.value === undefined) await records.delete([collection, recordId]);
      else {
        const cached: CachedEntry = {
          collection,
          id: entry.recordId,
          value: { ...op.value, id: entry.recordId, version: `${LOCAL_VERSION_PREFIX}${opId}` },
        };
        if (op.baseVersion !== undefined) cached.serverVersion = op.baseVersion;
        await records.put(cached);
      }
    });
    await this.#changed([collection]);
    if (op !== undefined) void this.#run(false);
  }

  /** The change that carries out the patient's choice. */
  #resolution(
    conflict: StoredConflict,
    choice: 'mine' | 'both',
  ): { op: OutboxOperation; recordId?: string; baseVersion?: string; value?: { id: string } } {
    const base = conflict.theirs?.version;
    switch (conflict.entity) {
      case 'agenda': {
        const { mine, theirs } = conflict;
        if (choice === 'both' && mine && theirs) {
          const merged = mergeEventNotes(theirs, mine);
          return { op: { kind: 'agenda.update', event: merged }, baseVersion: theirs.version, value: merged };
        }
        if (mine === undefined) {
          if (theirs === undefined) throw new ValidationError('choice', 'there is nothing left to delete');
          return { op: { kind: 'agenda.delete' }, baseVersion: theirs.version };
        }
        if (theirs === undefined && conflict.reason === 'rejected' && conflict.baseVersion !== undefined) {
          // Refused as such (not changed by someone else): try the same change again.
          const event = { ...mine, id: conflict.recordId };
          return { op: { kind: 'agenda.update', event }, baseVersion: conflict.baseVersion, value: event };
        }
        if (theirs === undefined) {
          const clientId = newId();
          return { op: { kind: 'agenda.create', event: { ...mine, id: clientId } }, recordId: clientId, value: mine };
        }
        return { op: { kind: 'agenda.update', event: { ...mine, id: theirs.id } }, baseVersion: base, value: mine };
      }
      case 'intake': {
        const { mine, theirs } = conflict;
        if (choice === 'both' && mine && theirs) {
          const merged: IntakeRecord = { ...theirs };
          const note = joinNotes(theirs.note, mine.note);
          if (note !== undefined) merged.note = note;
          return { op: { kind: 'intake.update', record: merged }, baseVersion: theirs.version, value: merged };
        }
        if (mine === undefined) {
          if (theirs === undefined) throw new ValidationError('choice', 'there is nothing left to delete');
          return { op: { kind: 'intake.delete' }, baseVersion: theirs.version };
        }
        if (theirs === undefined && conflict.reason === 'rejected' && conflict.baseVersion !== undefined) {
          const record = { ...mine, id: conflict.recordId };
          return { op: { kind: 'intake.update', record }, baseVersion: conflict.baseVersion, value: record };
        }
        if (theirs === undefined) {
          const clientId = newId();
          return { op: { kind: 'intake.record', record: { ...mine, id: clientId } }, recordId: clientId, value: mine };
        }
        const record: IntakeRecord = { ...mine, id: theirs.id, planId: theirs.planId, scheduledAt: theirs.scheduledAt };
        return { op: { kind: 'intake.update', record }, baseVersion: base, value: record };
      }
      case 'document': {
        const { theirs, mine, changes } = conflict;
        const shown = theirs ?? (conflict.reason === 'rejected' ? mine : undefined);
        const baseVersion = theirs?.version ?? conflict.baseVersion;
        if (shown === undefined || changes === undefined || baseVersion === undefined)
          throw new ValidationError('choice', 'the document no longer exists on the server');
        return { op: { kind: 'document.update', changes }, baseVersion, value: { ...shown, ...changes } };
      }
      case 'plan': {
        const { mine, theirs } = conflict;
        const baseVersion = theirs?.version ?? (conflict.reason === 'rejected' ? conflict.baseVersion : undefined);
        if (mine === undefined || baseVersion === undefined)
          throw new ValidationError('choice', 'the plan no longer exists on the server');
        const plan: MedicationPlan = { ...mine, id: theirs?.id ?? conflict.recordId };
        return { op: { kind: 'plan.update', plan }, baseVersion, value: plan };
      }
    }
  }

  /**
   * Deletes everything this device keeps of the record: cached data, pending
   * changes and conflicts — in every tab. Call it when the patient asks to
   * forget the device; {@link handleSignOut} calls it unless `remember`.
   * The data source is closed afterwards (in every tab): reads and writes
   * reject with `StorageError`; create a new data source after the next sign-in.
   */
  async clearCache(): Promise<void> {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    for (const waiter of this.#waiters.values()) waiter.resolve(waiter.optimistic);
    this.#waiters.clear();
    this.#post({ type: 'cleared' });
    await this.#store.destroy();
    this.close();
    this.#forget();
  }

  /** Empties the state once the cache is gone. */
  #forget(): void {
    const all: CachedCollection[] = ['documents', 'agenda', 'plans', 'intakes', 'careTeam'];
    this.onInvalidate(all);
    this.#state = { status: this.#state.status, pending: 0, conflicts: [] };
    this.dispatchEvent(new Event('statechange'));
    this.dispatchEvent(new CustomEvent('change', { detail: { collections: all } }));
  }

  /**
   * What the provider calls after the patient signs out: sends what it can
   * (one attempt), then deletes the cached record unless the patient chose
   * « Se souvenir de cet appareil », and stops sending. Warn the patient first
   * when `state.pending` is not 0: unsent changes are deleted with the cache.
   */
  async handleSignOut(): Promise<void> {
    if (this.#state.pending > 0) await this.flush().catch(() => undefined);
    if (!this.remember) await this.clearCache();
    else this.close();
  }

  /** Stops sending and listening (the data source's `close()`). */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#channel?.close();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.#onOnline);
      window.removeEventListener('offline', this.#onOffline);
    }
    for (const waiter of this.#waiters.values()) waiter.resolve(waiter.optimistic);
    this.#waiters.clear();
    this.#store.close();
  }

  // ---- used by the cached repositories -------------------------------------------------

  /** @internal The store (cached repositories read it). */
  get store(): OfflineStore {
    return this.#store;
  }

  /** @internal Records that a read reached the server (or did not). */
  reportRead(failure: SyncFailure | undefined): void {
    if (failure !== undefined) {
      if (this.#state.status !== 'syncing') this.#setStatus('offline', failure);
      return;
    }
    if (this.#state.status === 'offline') {
      const wasUnreachable = this.#state.failure === 'network';
      this.#setStatus('online');
      // The server answers again after being unreachable: send what waits now, not when the
      // backoff ends. A server that answered with errors keeps the backoff (it may still refuse).
      if (this.#state.pending > 0) {
        if (wasUnreachable) void this.flush();
        else if (this.#retryTimer === undefined) void this.#run(false);
      }
    }
  }

  /** @internal Tells every tab that cached records changed. */
  async changed(collections: CachedCollection[]): Promise<void> {
    await this.#changed(collections);
  }

  /**
   * @internal Saves a change in the outbox and its optimistic result in the cache
   * (one transaction), then tries to send it. Resolves with the server's result
   * when it could be sent at once, else with the optimistic one (the change is
   * safe in the outbox). Rejects when the server refused this very change
   * (`ConflictError`, `NotFoundError`, `ValidationError`), as without a cache.
   */
  async write<T>(
    collection: CachedCollection,
    prepare: (tx: OfflineTransaction<'readwrite'>, opId: string) => Promise<PreparedWrite<T> | { existing: T }>,
  ): Promise<T> {
    await this.ready;
    const opId = newId();
    const prepared = await this.#store.transaction(WRITE_STORES, 'readwrite', async (tx) => {
      const result = await prepare(tx, opId);
      if ('existing' in result) return result;
      await bumpWriteStamp(tx, collection);
      const entry: OutboxEntry = { ...result.entry, opId, madeAt: nowIso() };
      await tx.objectStore('outbox').add(entry);
      return result;
    });
    if ('existing' in prepared) return prepared.existing;
    await this.#changed([collection]);
    const settled = new Promise<T>((resolve, reject) => {
      this.#waiters.set(opId, {
        resolve: resolve as (value: unknown) => void,
        reject,
        optimistic: prepared.optimistic,
      });
    });
    void this.#run(false);
    return settled;
  }

  // ---- sending ---------------------------------------------------------------------------

  /** One sending run at a time in this tab; `wait` queues for the lock held by another tab. */
  #run(wait: boolean): Promise<void> {
    if (this.#closed) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const running = (async () => {
      do {
        this.#again = false;
        const got = await this.#withLock(wait, () => this.#drain());
        if (!got) {
          // Another tab is sending: it sends our changes too. Queue for the lock in
          // case it had already looked at the outbox before ours arrived.
          this.#queueForLock();
          break;
        }
      } while (this.#again && this.#retryTimer === undefined && !this.#closed);
    })()
      .catch(() => undefined)
      .finally(() => {
        this.#running = undefined;
        // Whatever was not sent now stays in the outbox: its callers get the optimistic result.
        for (const waiter of this.#waiters.values()) waiter.resolve(waiter.optimistic);
        this.#waiters.clear();
      });
    this.#running = running;
    return running;
  }

  #queueForLock(): void {
    if (this.#waitingForLock || this.#closed) return;
    this.#waitingForLock = true;
    void this.#withLock(true, () => this.#drain())
      .catch(() => undefined)
      .finally(() => {
        this.#waitingForLock = false;
      });
  }

  /** Runs `work` holding the outbox lock; false when `wait` is false and another tab holds it. */
  async #withLock(wait: boolean, work: () => Promise<void>): Promise<boolean> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (locks !== undefined) {
      return locks.request(this.#lockName, { ifAvailable: !wait }, async (lock) => {
        if (lock === null) return false;
        await work();
        return true;
      });
    }
    return this.#withLease(wait, work);
  }

  /** Fallback without Web Locks: a lease in IndexedDB, renewed while sending. */
  async #withLease(wait: boolean, work: () => Promise<void>): Promise<boolean> {
    const LEASE_MS = 30_000;
    const take = (): Promise<boolean> =>
      this.#store.transaction(['meta'], 'readwrite', async (tx) => {
        const lease = await tx.objectStore('meta').get('lease');
        const [holder, until] = String(lease?.value ?? '|0').split('|');
        if (holder !== this.#tabId && Number(until) > Date.now()) return false;
        await tx.objectStore('meta').put({ key: 'lease', value: `${this.#tabId}|${Date.now() + LEASE_MS}` });
        return true;
      });
    while (!(await take())) {
      if (!wait || this.#closed) return false;
      await new Promise((resolve) => setTimeout(resolve, 250 + 250 * this.#options.random()));
    }
    const renew = setInterval(() => void take(), LEASE_MS / 3);
    try {
      await work();
    } finally {
      clearInterval(renew);
      await this.#store.transaction(['meta'], 'readwrite', (tx) => tx.objectStore('meta').delete('lease'));
    }
    return true;
  }

  /** Sends entries in order until the outbox is empty or the server stops answering. */
  async #drain(): Promise<void> {
    for (;;) {
      if (this.#closed) return;
      const head = await this.#store.transaction(['outbox', 'records'], 'readonly', async (tx) => {
        const cursor = await tx.objectStore('outbox').openCursor();
        if (cursor === null) return undefined;
        const entry = cursor.value;
        const record = await tx.objectStore('records').get([entry.collection, entry.recordId]);
        return { entry, ifMatch: entry.baseVersion ?? record?.serverVersion };
      });
      if (head === undefined) {
        this.#failures = 0;
        this.#setStatus('online', undefined, nowIso());
        return;
      }
      this.#setStatus('syncing');
      if (head.entry.op.kind === 'agenda.create' && head.entry.sentBefore !== true) {
        // Durably noted before the request leaves: a reload mid-request must look before posting again.
        const marked: OutboxEntry = { ...head.entry, sentBefore: true };
        await this.#store.transaction(['outbox'], 'readwrite', (tx) => tx.objectStore('outbox').put(marked));
      }
      let outcome: SendOutcome | { kind: 'rejected'; error: unknown };
      try {
        outcome = await sendEntry(this.#sender(), head.entry, head.ifMatch);
      } catch (error) {
        const failure = transientFailure(error);
        if (failure !== undefined) {
          this.#failures += 1;
          this.#setStatus('offline', failure);
          this.#scheduleRetry();
          return;
        }
        outcome = { kind: 'rejected', error };
      }
      this.#failures = 0;
      await this.#settle(head.entry, head.ifMatch, outcome);
    }
  }

  #scheduleRetry(): void {
    if (this.#closed) return;
    clearTimeout(this.#retryTimer);
    const delay = backoffDelay(this.#failures, {
      baseMs: this.#options.retryBaseDelayMs,
      maxMs: this.#options.retryMaxDelayMs,
      random: this.#options.random,
    });
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      void this.#run(true);
    }, delay);
  }

  /** Records what became of a sent entry, in one transaction. */
  async #settle(
    entry: OutboxEntry,
    ifMatch: string | undefined,
    outcome: SendOutcome | { kind: 'rejected'; error: unknown },
  ): Promise<void> {
    const { collection } = entry;
    const waiter = this.#waiters.get(entry.opId);
    let newConflict: SyncConflict | undefined;
    let waiterResult: { ok: true; value: unknown } | { ok: false; error: unknown } | undefined;
    await this.#store.transaction(WRITE_STORES, 'readwrite', async (tx) => {
      const outbox = tx.objectStore('outbox');
      const records = tx.objectStore('records');
      await bumpWriteStamp(tx, collection);
      if (entry.seq !== undefined) await outbox.delete(entry.seq);
      let recordId = entry.recordId;
      if (outcome.kind === 'done') {
        const value = outcome.value;
        const isCreate = entry.op.kind === 'agenda.create' || entry.op.kind === 'intake.record';
        if (isCreate && value !== undefined && value.id !== entry.recordId) {
          // The server named the record: later changes and the cache follow the new id.
          await tx.objectStore('aliases').put({ clientId: entry.recordId, serverId: value.id, collection });
          const later = await outbox.index('by-record').getAll(entry.recordId);
          for (const next of later) await outbox.put({ ...next, recordId: value.id });
          const old = await records.get([collection, entry.recordId]);
          await records.delete([collection, entry.recordId]);
          if (old !== undefined)
            await records.put({ ...old, id: value.id, value: { ...(old.value as object), id: value.id } });
          recordId = value.id;
        }
        const remaining = await outbox.index('by-record').count(recordId);
        if (entry.op.kind.endsWith('.delete') && remaining === 0) await records.delete([collection, recordId]);
        if (value !== undefined) {
          const cached = await records.get([collection, recordId]);
          if (remaining === 0) {
            const fresh: CachedEntry = { collection, id: recordId, value, serverVersion: value.version };
            // The patient's screen may still hold the local version of this very change.
            const shown = (cached?.value as { version?: string } | undefined)?.version;
            if (shown?.startsWith(LOCAL_VERSION_PREFIX)) fresh.localVersion = shown;
            await records.put(fresh);
          } else if (cached !== undefined) await records.put({ ...cached, serverVersion: value.version });
        }
        waiterResult = { ok: true, value: remaining === 0 && value !== undefined ? value : waiter?.optimistic };
        return;
      }
      // Refused: the patient must choose, unless the caller is still waiting for this very change.
      const later = await outbox.index('by-record').getAll(recordId);
      const reason = outcome.kind === 'rejected' ? 'rejected' : outcome.reason;
      const theirs = outcome.kind === 'conflict' ? outcome.theirs : undefined;
      if (waiter !== undefined && later.length === 0) {
        await records.delete([collection, recordId]);
        if (theirs !== undefined)
          await records.put({ collection, id: theirs.id, value: theirs, serverVersion: theirs.version });
        else this.#stale.add(collection);
        if (entry.op.kind === 'intake.record' && theirs !== undefined) {
          // recordIntake is idempotent: the dose was already recorded (elsewhere); that record stands.
          waiterResult = { ok: true, value: theirs };
        } else {
          const error =
            outcome.kind === 'rejected'
              ? outcome.error
              : reason === 'deleted'
                ? new NotFoundError(collection, recordId)
                : new ConflictError(collection, recordId, ifMatch ?? 'unknown', theirs?.version);
          waiterResult = { ok: false, error };
        }
        return;
      }
      for (const next of later) if (next.seq !== undefined) await outbox.delete(next.seq);
      const cached = await records.get([collection, recordId]);
      const ops = [entry, ...later];
      const deletedHere = ops[ops.length - 1]?.op.kind.endsWith('.delete') ?? false;
      const mine = deletedHere ? undefined : (cached?.value as { id: string; version: string } | undefined);
      const entity = ENTITY_OF[collection] ?? 'agenda';
      const conflict = {
        id: entry.opId,
        collection,
        entity,
        recordId,
        reason,
        detectedAt: nowIso(),
        canKeepBoth: false,
        ...(mine === undefined ? {} : { mine }),
        ...(theirs === undefined ? {} : { theirs }),
        ...(ifMatch === undefined ? {} : { baseVersion: ifMatch }),
      } as StoredConflict;
      if (entity === 'document') {
        const changes: HealthDocumentChanges = {};
        for (const op of ops) if (op.op.kind === 'document.update') Object.assign(changes, op.op.changes);
        Object.assign(conflict, { changes });
      }
      Object.assign(conflict, { canKeepBoth: hasOwnNotes(conflict) });
      await tx.objectStore('conflicts').put(conflict);
      // The cache shows the server's version until the patient chooses.
      await records.delete([collection, recordId]);
      if (theirs !== undefined)
        await records.put({ collection, id: theirs.id, value: theirs, serverVersion: theirs.version });
      newConflict = conflict;
    });
    if (waiter !== undefined && waiterResult !== undefined) {
      this.#waiters.delete(entry.opId);
      const result: { ok: true; value: unknown } | { ok: false; error: unknown } = waiterResult;
      if (result.ok) waiter.resolve(result.value);
      else waiter.reject(result.error);
    }
    await this.#changed([collection]);
    for (const stale of this.#stale) this.onStale(stale);
    this.#stale.clear();
    if (newConflict !== undefined) {
      this.dispatchEvent(new CustomEvent('conflict', { detail: { conflict: newConflict } }));
    }
  }

  // ---- state and tabs ----------------------------------------------------------------------

  async #reloadState(): Promise<SyncState> {
    try {
      const [pending, conflicts] = await this.#store.transaction(['outbox', 'conflicts'], 'readonly', (tx) =>
        Promise.all([tx.objectStore('outbox').count(), tx.objectStore('conflicts').getAll()]),
      );
      const list = conflicts
        .map(({ collection: _collection, ...conflict }) => conflict as SyncConflict)
        .sort((a, b) => a.detectedAt.localeCompare(b.detectedAt));
      const { lastSyncedAt, failure } = this.#state;
      const status: SyncStatus = this.#state.status === 'syncing' && pending === 0 ? 'online' : this.#state.status;
      this.#state = {
        status,
        pending,
        conflicts: list,
        ...(failure === undefined ? {} : { failure }),
        ...(lastSyncedAt === undefined ? {} : { lastSyncedAt }),
      };
      this.dispatchEvent(new Event('statechange'));
    } catch {
      // The cache could not be read (deleted meanwhile): keep the last state.
    }
    return this.#state;
  }

  #setStatus(status: SyncStatus, failure?: SyncFailure, lastSyncedAt?: string, fromOtherTab = false): void {
    const previous = this.#state;
    const synced = lastSyncedAt ?? previous.lastSyncedAt;
    if (previous.status === status && previous.failure === failure && synced === previous.lastSyncedAt) return;
    this.#state = {
      status,
      pending: previous.pending,
      conflicts: previous.conflicts,
      ...(failure === undefined ? {} : { failure }),
      ...(synced === undefined ? {} : { lastSyncedAt: synced }),
    };
    if (!fromOtherTab)
      this.#post(failure === undefined ? { type: 'status', status } : { type: 'status', status, failure });
    this.dispatchEvent(new Event('statechange'));
  }

  async #changed(collections: CachedCollection[]): Promise<void> {
    this.#post({ type: 'change', collections });
    await this.#applyChange(collections);
  }

  async #applyChange(collections: readonly CachedCollection[]): Promise<void> {
    this.onInvalidate(collections);
    await this.#reloadState();
    const detail: SyncChangeDetail = { collections };
    this.dispatchEvent(new CustomEvent('change', { detail }));
  }

  #onMessage(message: TabMessage): void {
    if (this.#closed) return;
    if (message.type === 'change') void this.#applyChange(message.collections);
    else if (message.type === 'status') this.#setStatus(message.status, message.failure, undefined, true);
    else {
      // Another tab signed out: this one stops too and never writes the record back.
      this.#store.markDeleted();
      this.close();
      this.#forget();
    }
  }

  #post(message: TabMessage): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // Channel closed: this tab is going away.
    }
  }
}
