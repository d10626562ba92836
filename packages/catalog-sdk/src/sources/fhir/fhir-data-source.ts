/** The connected data source: the patient's record on a FHIR R4 server. */
import { FhirClient } from '../../fhir/fhir-client.js';
import type { DataSource } from '../data-source.js';
import { FhirAgendaRepository } from './fhir-agenda.js';
import { FhirCareTeamRepository } from './fhir-care-team.js';
import type { FhirSourceContext, PatientSession } from './fhir-context.js';
import { FhirDocumentRepository } from './fhir-documents.js';
import { FhirForumRepository } from './fhir-forum.js';
import { FhirMedicationRepository } from './fhir-medications.js';

/** Options of {@link createFhirDataSource}. */
export interface FhirDataSourceOptions {
  /** FHIR base URL (the resource the session's tokens are for). */
  baseUrl: string;
  /** The signed-in patient's session (a `CarnetSession`). */
  session: PatientSession;
  /** `fetch` to use; defaults to the global one. */
  fetch?: typeof fetch;
  /** Time allowed for one request (default 15 000 ms). */
  timeoutMs?: number;
  /** Reports after which a forum post is hidden (default 3). */
  moderationThreshold?: number;
}

/**
 * The patient's record on a FHIR R4 server, read and written as the signed-in
 * patient: every search is restricted to `patient=<session.patientId>` (the
 * server enforces it too), every update names the version it was based on
 * (`If-Match`), and a stale one rejects with `ConflictError`.
 * A 401 renews the session's tokens once, then `AuthError('login_required')`.
 */
export function createFhirDataSource(options: FhirDataSourceOptions): DataSource {
  const { session } = options;
  const client = new FhirClient({
    baseUrl: options.baseUrl,
    getAccessToken: () => session.getAccessToken(),
    onUnauthorized: async () => {
      await session.renewTokens?.();
    },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const context: FhirSourceContext = { client, session, now: () => new Date().toISOString() };
  return {
    kind: 'fhir',
    documents: new FhirDocumentRepository(context),
    agenda: new FhirAgendaRepository(context),
    medications: new FhirMedicationRepository(context),
    forum: new FhirForumRepository(context, options.moderationThreshold),
    careTeam: new FhirCareTeamRepository(context),
    // Nothing to release: no connection outlives a request.
    close: () => undefined,
  };
}
