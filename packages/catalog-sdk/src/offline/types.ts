/** Public types of the offline layer: cache options, sync state, conflicts, events. */
import type { AgendaEvent } from '../model/agenda.js';
import type { HealthDocument, HealthDocumentChanges } from '../model/document.js';
import type { IntakeRecord, MedicationPlan } from '../model/medication.js';

/**
 * Offline cache and outbox of a connected data source (`cache` option of
 * `createFhirDataSource`). `true` uses the defaults.
 */
export interface OfflineCacheOptions {
  /**
   * IndexedDB database name. Default `carnet-offline-<patientId>`, so two
   * patients signing in on one device never share a cache.
   */
  dbName?: string;
  /**
   * The patient chose « Se souvenir de cet appareil »: the cached record and any
   * pending changes survive {@link SyncController.handleSignOut}. Default `false`:
   * signing out deletes them.
   */
  remember?: boolean;
  /** First retry delay after a failed send, before jitter (default 1 000 ms). */
  retryBaseDelayMs?: number;
  /** Longest delay between two send attempts (default 60 000 ms). */
  retryMaxDelayMs?: number;
  /** Random source in [0, 1) for the backoff jitter; injectable for tests. */
  random?: () => number;
}

/** Kinds of cached records (one per repository list). */
export type CachedCollection = 'documents' | 'agenda' | 'plans' | 'intakes' | 'careTeam';

/**
 * How the connected data source stands: `online` (the server answers and
 * nothing is being sent), `syncing` (pending changes are being sent by this
 * tab or another), `offline` (the server did not answer the last attempt;
 * reads come from the cache and changes wait in the outbox).
 */
export type SyncStatus = 'online' | 'offline' | 'syncing';

/** Why the last attempt to reach the server failed. */
export type SyncFailure = 'network' | 'server' | 'busy' | 'auth';

/** A snapshot of the sync state (see {@link SyncController.state}). */
export interface SyncState {
  readonly status: SyncStatus;
  /** Changes saved on this device and not yet on the server. */
  readonly pending: number;
  /** Changes the server refused because the record changed meanwhile; the patient chooses. */
  readonly conflicts: readonly SyncConflict[];
  /** Why the server was last unreachable; absent when it answered. */
  readonly failure?: SyncFailure;
  /** When the outbox was last emptied or the cache last refreshed (ISO instant, this device's clock). */
  readonly lastSyncedAt?: string;
}

/** A change waiting in the outbox, as stored (internal shape, documented for tooling). */
export type OutboxOperation =
  | { kind: 'agenda.create'; event: AgendaEvent }
  | { kind: 'agenda.update'; event: AgendaEvent }
  | { kind: 'agenda.delete' }
  | { kind: 'intake.record'; record: IntakeRecord }
  | { kind: 'intake.update'; record: IntakeRecord }
  | { kind: 'intake.delete' }
  | { kind: 'document.update'; changes: HealthDocumentChanges }
  | { kind: 'plan.update'; plan: MedicationPlan };

/** The record a conflict is about, by kind. */
export type ConflictRecord =
  | { entity: 'agenda'; mine?: AgendaEvent; theirs?: AgendaEvent }
  | { entity: 'intake'; mine?: IntakeRecord; theirs?: IntakeRecord }
  | { entity: 'document'; mine?: HealthDocument; theirs?: HealthDocument; changes?: HealthDocumentChanges }
  | { entity: 'plan'; mine?: MedicationPlan; theirs?: MedicationPlan };

/**
 * A change made on this device that the server did not accept as is. It is
 * kept (never dropped, never forced) until the patient chooses with
 * {@link SyncController.resolveConflict}.
 *
 * - `changed`: someone else changed the record meanwhile (HTTP 412);
 *   `theirs` is the server's version, `mine` what the patient wanted.
 * - `deleted`: the record was deleted on the server meanwhile; `theirs` is absent.
 * - `rejected`: the server refused the change itself (e.g. invalid); `mine` is kept.
 *
 * `mine` is absent when the patient's change was a deletion.
 */
export type SyncConflict = ConflictRecord & {
  /** Identifier of the conflict (for `resolveConflict`). */
  readonly id: string;
  /** Identifier of the record on the server (or on this device when never sent). */
  readonly recordId: string;
  readonly reason: 'changed' | 'deleted' | 'rejected';
  /** True when « both » may be chosen: both sides have notes to keep. */
  readonly canKeepBoth: boolean;
  /** When the conflict was found (ISO instant, this device's clock). */
  readonly detectedAt: string;
};

/**
 * How the patient settles a conflict: keep the server's version (`theirs`),
 * apply theirs then the patient's change on top (`mine`), or keep theirs with
 * both notes (`both`, for agenda and intake notes only).
 */
export type ConflictChoice = 'theirs' | 'mine' | 'both';

/** Detail of the `change` event: which cached lists changed (here or in another tab). */
export interface SyncChangeDetail {
  readonly collections: readonly CachedCollection[];
}

/** Events of {@link SyncController}. */
export interface SyncEventMap {
  /** The state (status, pending count, conflicts) changed. */
  statechange: Event;
  /** Cached records changed (refresh, a change sent, another tab's change): read again. */
  change: CustomEvent<SyncChangeDetail>;
  /** A new conflict needs the patient's choice. */
  conflict: CustomEvent<{ conflict: SyncConflict }>;
}
