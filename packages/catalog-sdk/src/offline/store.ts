/**
 * The offline database: cached records, the durable outbox of changes, the
 * conflicts waiting for the patient, and client-id aliases. One IndexedDB
 * database per patient (see `OfflineCacheOptions.dbName`).
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { StorageError } from '../errors/errors.js';
import type { CachedCollection, OutboxOperation, SyncConflict } from './types.js';

/** One cached domain record. */
export interface CachedEntry<T = unknown> {
  collection: CachedCollection;
  id: string;
  value: T;
  /**
   * Version the server last reported for this record; a pending change is sent
   * with it in `If-Match`. Absent for a record created on this device and not yet sent.
   */
  serverVersion?: string;
  /** Deleted on this device, deletion not yet sent: hidden from reads, kept for its `serverVersion`. */
  deleted?: boolean;
  /**
   * The local version the record had before its last change reached the server:
   * a change based on it is based on the same content, so it is not a conflict.
   */
  localVersion?: string;
}

/** A change waiting to be sent (in `seq` order). */
export interface OutboxEntry {
  /** Order of the change across tabs (auto-increment). */
  seq?: number;
  /** Unique id of this change, written on the server with it, so a retry recognises its own write. */
  opId: string;
  collection: CachedCollection;
  /** Id of the record: the server's, or the client-assigned one until its creation is sent. */
  recordId: string;
  op: OutboxOperation;
  /**
   * Server version the change was based on. Absent when it follows another
   * pending change to the same record: the version that one produced is used.
   */
  baseVersion?: string;
  /** When the patient made the change (ISO, this device's clock; informational only). */
  madeAt: string;
  /**
   * Set before a creation is first sent: from then on it may have reached the
   * server, so a later attempt looks for it first.
   */
  sentBefore?: boolean;
}

/** A conflict as stored: with its collection and the version the refused change was based on. */
export type StoredConflict = SyncConflict & {
  collection: CachedCollection;
  /** `If-Match` of the refused change; absent when it was a creation. */
  baseVersion?: string;
};

/** A client-assigned id whose creation reached the server under another id. */
export interface AliasEntry {
  clientId: string;
  serverId: string;
  collection: CachedCollection;
}

/** Schema of the offline database. */
export interface OfflineDbSchema extends DBSchema {
  records: {
    key: [string, string];
    value: CachedEntry;
    /** `by-date`: documents (the only records with `value.date`), in clinical date order. */
    indexes: { 'by-collection': string; 'by-date': [string, string, string] };
  };
  lists: { key: string; value: { collection: CachedCollection; refreshedAt: string } };
  outbox: { key: number; value: OutboxEntry; indexes: { 'by-record': string } };
  conflicts: { key: string; value: StoredConflict };
  aliases: { key: string; value: AliasEntry };
  meta: { key: string; value: { key: string; value: string | number } };
}

/** A store name of the offline database. */
export type OfflineStoreName = StoreNames<OfflineDbSchema>;
/** A transaction over the offline database. */
export type OfflineTransaction<Mode extends IDBTransactionMode> = IDBPTransaction<
  OfflineDbSchema,
  OfflineStoreName[],
  Mode
>;

const VERSION = 1;

/**
 * A lazily opened connection that closes itself when another tab deletes the
 * database (sign-out) and reopens on next use.
 */
export class OfflineStore {
  readonly name: string;
  #opening: Promise<IDBPDatabase<OfflineDbSchema>> | undefined;
  #deleted = false;

  constructor(name: string) {
    this.name = name;
  }

  connection(): Promise<IDBPDatabase<OfflineDbSchema>> {
    if (this.#deleted)
      return Promise.reject(new StorageError('the offline cache was deleted (sign-out): open a new data source'));
    if (this.#opening) return this.#opening;
    if (typeof indexedDB === 'undefined') return Promise.reject(new StorageError('IndexedDB is not available'));
    const opening = openDB<OfflineDbSchema>(this.name, VERSION, {
      upgrade(db) {
        const records = db.createObjectStore('records', { keyPath: ['collection', 'id'] });
        records.createIndex('by-collection', 'collection');
        records.createIndex('by-date', ['collection', 'value.date', 'id']);
        db.createObjectStore('lists', { keyPath: 'collection' });
        const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        outbox.createIndex('by-record', 'recordId');
        db.createObjectStore('conflicts', { keyPath: 'id' });
        db.createObjectStore('aliases', { keyPath: 'clientId' });
        db.createObjectStore('meta', { keyPath: 'key' });
      },
      blocking: (_current, next, event) => {
        // Another tab deletes the database (sign-out): never reopen it from here.
        if (next === null) this.#deleted = true;
        this.#opening = undefined;
        (event.target as IDBDatabase).close();
      },
      terminated: () => {
        this.#opening = undefined;
      },
    });
    this.#opening = opening;
    opening.catch(() => {
      if (this.#opening === opening) this.#opening = undefined;
    });
    return opening.catch((error: unknown) => {
      throw new StorageError('could not open the offline cache', { cause: error });
    });
  }

  /** Runs `work` in one transaction; IndexedDB failures become `StorageError`. */
  async transaction<T, Mode extends IDBTransactionMode>(
    stores: OfflineStoreName[],
    mode: Mode,
    work: (tx: OfflineTransaction<Mode>) => Promise<T>,
  ): Promise<T> {
    let tx: OfflineTransaction<Mode>;
    try {
      tx = (await this.connection()).transaction(stores, mode);
    } catch {
      // Closed for another tab's delete meanwhile: reopen once.
      this.#opening = undefined;
      tx = (await this.connection()).transaction(stores, mode);
    }
    tx.done.catch(() => undefined);
    try {
      const result = await work(tx);
      await tx.done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished.
      }
      if (error instanceof StorageError || !(error instanceof DOMException)) throw error;
      throw new StorageError('offline cache transaction failed', { cause: error });
    }
  }

  /** Closes the connection (the next use reopens it). */
  close(): void {
    const opening = this.#opening;
    this.#opening = undefined;
    opening?.then((db) => db.close()).catch(() => undefined);
  }

  /**
   * Never opens the database again (it was deleted, here or in another tab):
   * health data must not be written back after a sign-out.
   */
  markDeleted(): void {
    this.#deleted = true;
    this.close();
  }

  /** Deletes the whole database (every cached record, pending change and conflict), for good. */
  async destroy(): Promise<void> {
    this.markDeleted();
    try {
      await deleteDB(this.name);
    } catch (error) {
      throw new StorageError('could not delete the offline cache', { cause: error });
    }
  }
}
