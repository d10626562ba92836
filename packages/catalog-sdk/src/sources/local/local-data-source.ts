import { ValidationError } from '../../errors/errors.js';
import type { PatientRecord } from '../../model/patient-record.js';
import type {
  AgendaRepository,
  CareTeamRepository,
  MessageRepository,
  DataSource,
  DocumentRepository,
  ForumRepository,
  MedicationRepository,
  MedicalProfileRepository,
  TrackerRepository,
} from '../data-source.js';
import { ALL_STORES, CarnetDatabase, type LocalContext } from './database.js';
import { LocalMessageRepository } from './local-messages.js';
import { LazyLocalForum, importPatientRecordOnDemand, lazyLocalRepositories } from './lazy-local.js';

/** Options of the on-device data source. */
export interface LocalDataSourceOptions {
  /** IndexedDB database name (default `carnet`); one per embedding site or test. */
  dbName?: string;
  /** Reports before a forum post is hidden (default 3). */
  moderationThreshold?: number;
  /** Clock, for tests (default: the system clock). */
  now?: () => Date;
}

/**
 * The patient's record kept on this device in IndexedDB: the embedded default,
 * no server needed. Opens the database on first use; storage failures reject
 * with `StorageError`.
 */
export interface LocalDataSource extends DataSource {
  readonly kind: 'local';
  /** The medical profile, always kept on the device. */
  readonly medicalProfile: MedicalProfileRepository;
  /** Tracker measurements, always kept on the device. */
  readonly trackers: TrackerRepository;
  /**
   * Loads a whole synthetic/imported record preserving ids (bulk, one transaction
   * per store); replaces nothing that exists with the same id unless `replace: true`.
   * `contents` gives documents their files (PDF, image), by document id.
   */
  importRecord(
    record: PatientRecord,
    options?: { replace?: boolean; contents?: ReadonlyMap<string, Blob> },
  ): Promise<void>;
  /** True when no document, event, plan or thread is stored. */
  isEmpty(): Promise<boolean>;
  /** Deletes everything in this database. */
  clear(): Promise<void>;
}

/** Default IndexedDB database name. */
const DEFAULT_DB_NAME = 'carnet';

/** Default number of reports that hides a forum post. */
const DEFAULT_MODERATION_THRESHOLD = 3;

class IndexedDbDataSource implements LocalDataSource {
  readonly kind = 'local' as const;
  readonly documents: DocumentRepository;
  readonly agenda: AgendaRepository;
  readonly medications: MedicationRepository;
  readonly forum: ForumRepository;
  readonly careTeam: CareTeamRepository;
  readonly messages: MessageRepository = new LocalMessageRepository();
  readonly medicalProfile: MedicalProfileRepository;
  readonly trackers: TrackerRepository;
  readonly #context: LocalContext;

  constructor(context: LocalContext) {
    this.#context = context;
    // Each repository's code is imported on its first call: a page downloads only what its widgets read.
    const repositories = lazyLocalRepositories(context);
    this.documents = repositories.documents;
    this.agenda = repositories.agenda;
    this.medications = repositories.medications;
    this.forum = new LazyLocalForum(context);
    this.careTeam = repositories.careTeam;
    this.medicalProfile = repositories.medicalProfile;
    this.trackers = repositories.trackers;
  }

  importRecord(
    record: PatientRecord,
    options: { replace?: boolean; contents?: ReadonlyMap<string, Blob> } = {},
  ): Promise<void> {
    return importPatientRecordOnDemand(this.#context, record, options.replace === true, options.contents);
  }

  isEmpty(): Promise<boolean> {
    return this.#context.database.transaction(['documents', 'events', 'plans', 'threads'], 'readonly', async (tx) => {
      const counts = await Promise.all([
        tx.objectStore('documents').count(),
        tx.objectStore('events').count(),
        tx.objectStore('plans').count(),
        tx.objectStore('threads').count(),
      ]);
      return counts.every((count) => count === 0);
    });
  }

  clear(): Promise<void> {
    return this.#context.database.transaction([...ALL_STORES], 'readwrite', async (tx) => {
      await Promise.all(ALL_STORES.map((store) => tx.objectStore(store).clear()));
    });
  }

  close(): void {
    this.#context.database.close();
  }
}

/**
 * Creates the on-device data source. Nothing is opened until the first call;
 * after `close()`, the next call opens a new connection.
 */
export function createLocalDataSource(options: LocalDataSourceOptions = {}): LocalDataSource {
  const threshold = options.moderationThreshold ?? DEFAULT_MODERATION_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new ValidationError('moderationThreshold', 'must be a whole number of reports, at least 1');
  }
  const dbName = options.dbName ?? DEFAULT_DB_NAME;
  if (dbName.trim() === '') throw new ValidationError('dbName', 'must not be empty');
  return new IndexedDbDataSource({
    database: new CarnetDatabase(dbName),
    now: options.now ?? (() => new Date()),
    moderationThreshold: threshold,
  });
}
