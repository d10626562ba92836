import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { AgendaEvent } from '../../model/agenda.js';
import type { CareTeamMember } from '../../model/care-team.js';
import type { DocumentSending, HealthDocument } from '../../model/document.js';
import type { ForumPost, ForumThread, ReportReason } from '../../model/forum.js';
import type { IntakeRecord, MedicationPlan } from '../../model/medication.js';
import type { MedicalProfileEntries, MedicalProfileEntryKind } from '../../model/medical-profile.js';
import type { TrackerEntries, TrackerKind } from '../../model/tracker.js';
import { CarnetError, StorageError } from '../../errors/errors.js';

/** A report the current patient made on a post. */
export interface StoredReport {
  id: string;
  postId: string;
  reason: ReportReason;
  comment?: string;
  reportedAt: string;
}

/** When the current patient last read a thread. */
export interface StoredReadMark {
  threadId: string;
  readAt: string;
}

/** One setting of the local record (e.g. the forum pseudonym). */
export interface StoredSetting {
  key: string;
  value: string;
}

/** A medical profile entry as stored: the entry and its kind (one store for every kind). */
export type StoredProfileEntry = {
  [K in MedicalProfileEntryKind]: MedicalProfileEntries[K] & { kind: K };
}[MedicalProfileEntryKind];

/** A tracker entry as stored: the entry and its kind (one store for every kind). */
export type StoredMeasurement = {
  [K in TrackerKind]: TrackerEntries[K] & { kind: K };
}[TrackerKind];

/** A thread as stored: `unread` is computed on read, never stored. */
export type StoredThread = Omit<ForumThread, 'unread'>;

/**
 * Schema of the on-device record. Every instant is stored as a UTC ISO string
 * (`toISOString()`), so that index order is chronological order.
 */
export interface CarnetDbSchema extends DBSchema {
  documents: { key: string; value: HealthDocument; indexes: { 'by-date': [string, string] } };
  /** Attachments, keyed by document id (kept apart so listing documents stays light). */
  contents: { key: string; value: Blob };
  sendings: { key: string; value: DocumentSending; indexes: { 'by-document': string } };
  careTeam: { key: string; value: CareTeamMember };
  events: { key: string; value: AgendaEvent };
  plans: { key: string; value: MedicationPlan };
  intakes: {
    key: string;
    value: IntakeRecord;
    indexes: { 'by-plan-scheduled': [string, string]; 'by-scheduled': string };
  };
  threads: { key: string; value: StoredThread; indexes: { 'by-community-activity': [string, string, string] } };
  posts: { key: string; value: ForumPost; indexes: { 'by-thread-created': [string, string, string] } };
  reports: { key: string; value: StoredReport; indexes: { 'by-post': string } };
  reads: { key: string; value: StoredReadMark };
  settings: { key: string; value: StoredSetting };
  /** Medical profile entries (since version 2). */
  profile: { key: string; value: StoredProfileEntry; indexes: { 'by-kind': string } };
  /** Tracker entries (since version 3), by kind then time. */
  measurements: { key: string; value: StoredMeasurement; indexes: { 'by-kind-at': [string, string] } };
}

/** Name of one object store. */
export type CarnetStoreName = StoreNames<CarnetDbSchema>;

/** Every object store, e.g. to clear them all. */
export const ALL_STORES: readonly CarnetStoreName[] = [
  'documents',
  'contents',
  'sendings',
  'careTeam',
  'events',
  'plans',
  'intakes',
  'threads',
  'posts',
  'reports',
  'reads',
  'settings',
  'profile',
  'measurements',
];

/** Schema version; bump it and extend `upgradeSchema` for every schema change. */
export const SCHEMA_VERSION = 3;

/** How long an open may wait for other tabs to release an older version. */
const BLOCKED_TIMEOUT_MS = 10_000;

function upgradeSchema(db: IDBPDatabase<CarnetDbSchema>, oldVersion: number): void {
  if (oldVersion < 1) {
    const documents = db.createObjectStore('documents', { keyPath: 'id' });
    documents.createIndex('by-date', ['date', 'id']);
    db.createObjectStore('contents');
    const sendings = db.createObjectStore('sendings', { keyPath: 'id' });
    sendings.createIndex('by-document', 'documentId');
    db.createObjectStore('careTeam', { keyPath: 'id' });
    db.createObjectStore('events', { keyPath: 'id' });
    db.createObjectStore('plans', { keyPath: 'id' });
    const intakes = db.createObjectStore('intakes', { keyPath: 'id' });
    intakes.createIndex('by-plan-scheduled', ['planId', 'scheduledAt'], { unique: true });
    intakes.createIndex('by-scheduled', 'scheduledAt');
    const threads = db.createObjectStore('threads', { keyPath: 'id' });
    threads.createIndex('by-community-activity', ['community', 'lastActivityAt', 'id']);
    const posts = db.createObjectStore('posts', { keyPath: 'id' });
    posts.createIndex('by-thread-created', ['threadId', 'createdAt', 'id']);
    const reports = db.createObjectStore('reports', { keyPath: 'id' });
    reports.createIndex('by-post', 'postId');
    db.createObjectStore('reads', { keyPath: 'threadId' });
    db.createObjectStore('settings', { keyPath: 'key' });
  }
  if (oldVersion < 2) {
    // Version 2: the medical profile. Adding a store keeps every existing one as it is.
    const profile = db.createObjectStore('profile', { keyPath: 'id' });
    profile.createIndex('by-kind', 'kind');
  }
  if (oldVersion < 3) {
    // Version 3: pathology trackers (glucose…), one store for every kind.
    const measurements = db.createObjectStore('measurements', { keyPath: 'id' });
    measurements.createIndex('by-kind-at', ['kind', 'at']);
  }
}

/** A transaction over some stores of the Carnet database. */
export type CarnetTransaction<Mode extends IDBTransactionMode> = IDBPTransaction<
  CarnetDbSchema,
  CarnetStoreName[],
  Mode
>;

/**
 * One lazily opened connection to the on-device record. Opening failures and
 * IndexedDB errors surface as `StorageError`; the connection closes itself when
 * another tab needs to upgrade or delete the database, and reopens on next use.
 */
export class CarnetDatabase {
  readonly name: string;
  #opening: Promise<IDBPDatabase<CarnetDbSchema>> | undefined;
  /** Counts opens, so a late event from an old connection never drops a newer one. */
  #generation = 0;

  constructor(name: string) {
    this.name = name;
  }

  /** The open connection, opening it on first use. */
  connection(): Promise<IDBPDatabase<CarnetDbSchema>> {
    if (this.#opening) return this.#opening;
    const opening = this.#open();
    this.#opening = opening;
    // A failed open is not cached: the next call tries again (e.g. after quota was freed).
    opening.catch(() => {
      if (this.#opening === opening) this.#opening = undefined;
    });
    return opening;
  }

  /** Closes the connection; the next call opens a new one. */
  close(): void {
    const opening = this.#opening;
    this.#opening = undefined;
    opening?.then((db) => db.close()).catch(() => undefined);
  }

  /**
   * Runs `work` in one transaction. When `work` throws, the transaction is aborted
   * so nothing it wrote is kept; IndexedDB failures become `StorageError`.
   * `work` must only await IndexedDB requests of `tx`, or the transaction commits early.
   */
  async transaction<T, Mode extends IDBTransactionMode>(
    stores: CarnetStoreName[],
    mode: Mode,
    work: (tx: CarnetTransaction<Mode>) => Promise<T>,
  ): Promise<T> {
    let tx: CarnetTransaction<Mode>;
    try {
      tx = (await this.connection()).transaction(stores, mode);
    } catch (error) {
      // The connection was closed for another tab's upgrade or delete meanwhile: reopen once.
      if (!(error instanceof DOMException && error.name === 'InvalidStateError'))
        throw toStorageError(error, 'could not start a transaction');
      try {
        tx = (await this.connection()).transaction(stores, mode);
      } catch (retryError) {
        throw toStorageError(retryError, 'could not start a transaction');
      }
    }
    // The outcome is awaited below; this only keeps an aborted transaction from being reported as unhandled.
    tx.done.catch(() => undefined);
    try {
      const result = await work(tx);
      await tx.done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: nothing left to undo.
      }
      throw toStorageError(error, 'transaction failed');
    }
  }

  async #open(): Promise<IDBPDatabase<CarnetDbSchema>> {
    if (typeof indexedDB === 'undefined' || indexedDB === null) {
      throw new StorageError('IndexedDB is not available in this context');
    }
    const generation = ++this.#generation;
    let giveUp: (error: StorageError) => void = () => undefined;
    const blockedTooLong = new Promise<never>((_, reject) => {
      giveUp = reject;
    });
    blockedTooLong.catch(() => undefined);
    let blockedTimer: ReturnType<typeof setTimeout> | undefined;
    let opening: Promise<IDBPDatabase<CarnetDbSchema>>;
    try {
      opening = openDB<CarnetDbSchema>(this.name, SCHEMA_VERSION, {
        upgrade: (db, oldVersion) => upgradeSchema(db, oldVersion),
        // Another tab holds an older version open: give it time to close, then give up.
        blocked: () => {
          blockedTimer ??= setTimeout(
            () => giveUp(new StorageError('opening the local record is blocked by another tab')),
            BLOCKED_TIMEOUT_MS,
          );
        },
        // Close at once, inside the event, so the other tab's upgrade or delete is not even blocked.
        blocking: (_current, _blocked, event) => {
          this.#forget(generation);
          (event.target as IDBDatabase).close();
        },
        terminated: () => this.#forget(generation),
      });
    } catch (error) {
      throw toStorageError(error, 'could not open the local record');
    }
    try {
      return await Promise.race([opening, blockedTooLong]);
    } catch (error) {
      // A late success after giving up must not keep a connection nobody uses.
      opening.then((late) => late.close()).catch(() => undefined);
      throw toStorageError(error, 'could not open the local record');
    } finally {
      clearTimeout(blockedTimer);
    }
  }

  /** Drops a connection that was (or is being) closed under us, so the next call reopens. */
  #forget(generation: number): void {
    if (generation === this.#generation) this.#opening = undefined;
  }
}

/** Keeps Carnet's own errors, turns anything else from IndexedDB into a `StorageError`. */
export function toStorageError(error: unknown, context: string): CarnetError {
  if (error instanceof CarnetError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : 'unknown';
  return new StorageError(`${context} (${name})`, { cause: error });
}

/** What every local repository shares: the database, the clock and the forum rule. */
export interface LocalContext {
  readonly database: CarnetDatabase;
  /** Current time (injected so tests control it). */
  readonly now: () => Date;
  /** Reports before a post is hidden. */
  readonly moderationThreshold: number;
}
