/** The connected data source: the patient's record on a FHIR R4 server. */
import { FhirClient } from '../../fhir/fhir-client.js';
import type { DataSource } from '../data-source.js';
import { FhirAgendaRepository } from './fhir-agenda.js';
import { FhirCareTeamRepository } from './fhir-care-team.js';
import type { FhirSourceContext, PatientSession } from './fhir-context.js';
import { FhirDocumentRepository } from './fhir-documents.js';
import { FhirForumRepository } from './fhir-forum.js';
import { FhirMedicationRepository } from './fhir-medications.js';
import { FhirMessageRepository } from './fhir-messages.js';
import { FhirAccessHistoryRepository } from './fhir-access-history.js';
import { FhirModerationRepository } from './fhir-moderation.js';
import { FhirSharingRepository } from './fhir-sharing.js';
import { FhirMedicalProfileRepository } from './fhir-medical-profile.js';
import { FhirAppCatalogueRepository } from './fhir-app-catalogue.js';
import { FhirCalendarSubscriptionRepository } from './fhir-calendar-subscription.js';
import { FhirTrackerRepository } from './fhir-trackers.js';
import { withOfflineCache, type CachedDataSource } from '../../offline/cached-source.js';
import { OfflineStore } from '../../offline/store.js';
import { SyncController } from '../../offline/sync.js';
import type { OfflineCacheOptions } from '../../offline/types.js';
import { AuthError } from '../../auth/auth-error.js';

/** Options of {@link createFhirDataSource}. */
export interface FhirDataSourceOptions {
  /** FHIR base URL (the resource the session's tokens are for). */
  baseUrl: string;
  /** The signed-in patient's session (a `CarnetSession`). */
  session: PatientSession;
  /**
   * Whose record to open, when it is not the signed-in patient's: a caregiver
   * names one of the people who gave them access (`sharing.listHelpedPatients()`).
   * The server refuses what no grant of that person covers.
   */
  patientId?: string;
  /** `fetch` to use; defaults to the global one. */
  fetch?: typeof fetch;
  /** Time allowed for one request (default 15 000 ms). */
  timeoutMs?: number;
  /** Reports after which a forum post is hidden (default 3). */
  moderationThreshold?: number;
  /**
   * Keep working offline: reads answer at once from an IndexedDB cache and
   * refresh in the background; changes wait in a durable outbox and are sent
   * in order when the server answers again. The data source then has a
   * `sync` object (state, events, conflicts, `clearCache()`).
   */
  cache?: boolean | OfflineCacheOptions;
}

/**
 * The patient's record on a FHIR R4 server, read and written as the signed-in
 * patient: every search is restricted to `patient=<session.patientId>` (the
 * server enforces it too), every update names the version it was based on
 * (`If-Match`), and a stale one rejects with `ConflictError`.
 * A 401 renews the session's tokens once, then `AuthError('login_required')`.
 *
 * With `cache`, the result is a {@link CachedDataSource}: the same repositories
 * backed by an IndexedDB cache and outbox, plus `sync`. Writes of agenda
 * events, intakes, plans and document tags/favourite/title work offline; new
 * documents, attachments, sendings and the forum still need the server.
 *
 * @example
 * ```ts
 * const source = createFhirDataSource({ baseUrl, session, cache: { remember: false } });
 * source.sync.addEventListener('statechange', () => render(source.sync.state));
 * // on sign-out:
 * await source.sync.handleSignOut();
 * ```
 */
export function createFhirDataSource(
  options: FhirDataSourceOptions & { cache: true | OfflineCacheOptions },
): CachedDataSource;
export function createFhirDataSource(options: FhirDataSourceOptions): DataSource;
export function createFhirDataSource(options: FhirDataSourceOptions): DataSource | CachedDataSource {
  const { session } = options;
  // With a cache, any answer from the server (a read of any repository) tells the outbox it is back.
  const answers: { heard?: () => void } = {};
  const cached = options.cache !== undefined && options.cache !== false;
  const givenFetch = options.fetch;
  const readFetch: typeof fetch = async (input, init) => {
    const response = await (givenFetch ?? globalThis.fetch)(input, init);
    if (response.status < 500 && response.status !== 429) answers.heard?.();
    return response;
  };
  const clientOptions = {
    baseUrl: options.baseUrl,
    getAccessToken: () => session.getAccessToken(),
    onUnauthorized: async () => {
      await session.renewTokens?.();
    },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  };
  const client = new FhirClient(cached ? { ...clientOptions, fetch: readFetch } : clientOptions);
  const context: FhirSourceContext = {
    client,
    session,
    ...(options.patientId === undefined ? {} : { patientId: options.patientId }),
    now: () => new Date().toISOString(),
  };
  const source: DataSource = {
    kind: 'fhir',
    documents: new FhirDocumentRepository(context),
    agenda: new FhirAgendaRepository(context),
    medications: new FhirMedicationRepository(context),
    forum: new FhirForumRepository(context, options.moderationThreshold),
    careTeam: new FhirCareTeamRepository(context),
    messages: new FhirMessageRepository(context),
    accessHistory: new FhirAccessHistoryRepository(context),
    moderation: new FhirModerationRepository(context),
    sharing: new FhirSharingRepository(context),
    medicalProfile: new FhirMedicalProfileRepository(context),
    trackers: new FhirTrackerRepository(context),
    calendarSubscription: new FhirCalendarSubscriptionRepository(context),
    apps: new FhirAppCatalogueRepository(context),
    // Nothing to release: no connection outlives a request.
    close: () => undefined,
  };
  if (options.cache === undefined || options.cache === false) return source;
  const cacheOptions: OfflineCacheOptions = options.cache === true ? {} : options.cache;
  const patientId = options.patientId ?? session.patientId;
  if (cacheOptions.dbName === undefined && patientId === undefined)
    throw new AuthError('login_required', 'The offline cache is per patient: sign in before creating the data source');
  const store = new OfflineStore(cacheOptions.dbName ?? `carnet-offline-${patientId ?? ''}`);
  // The outbox sends with its own backoff: no retries inside one attempt.
  const sendClient = new FhirClient({ ...clientOptions, maxRetries: 0 });
  const sync = new SyncController(
    store,
    () => {
      const id = options.patientId ?? session.patientId;
      if (id === undefined) throw new AuthError('login_required', 'No patient is signed in');
      return { client: sendClient, patientId: id };
    },
    cacheOptions,
  );
  answers.heard = () => sync.reportRead(undefined);
  return withOfflineCache(source, sync);
}
