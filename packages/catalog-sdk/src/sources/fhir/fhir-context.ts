/** What every FHIR repository shares: the client, the signed-in patient, the clock. */
import type { Resource } from '@medplum/fhirtypes';
import { AuthError } from '../../auth/auth-error.js';
import type { FhirClient, FhirResult, FhirSearchParams, FhirSearchResult } from '../../fhir/fhir-client.js';
import type { Page, PageRequest } from '../data-source.js';

/** The part of a `CarnetSession` a FHIR data source needs. */
export interface PatientSession {
  /** FHIR id of the signed-in patient. */
  readonly patientId?: string;
  /** The signed-in person (`fhirUser`: a professional's session has no patient). */
  readonly user?: { readonly fhirUser?: string };
  /** A valid access token. */
  getAccessToken(): Promise<string>;
  /** Forces a renewal (after a 401). */
  renewTokens?(): Promise<unknown>;
}

/** Shared by the repositories of one FHIR data source. */
export interface FhirSourceContext {
  readonly client: FhirClient;
  readonly session: PatientSession;
  /** Whose record is open when it is not the signed-in person's (a caregiver's choice). */
  readonly patientId?: string;
  /** Current instant (ISO); injectable for tests. */
  readonly now: () => string;
}

/** The signed-in patient's id; without one nothing may be read. */
export function patientIdOf(context: FhirSourceContext): string {
  const id = context.patientId ?? context.session.patientId;
  if (id === undefined) throw new AuthError('login_required', 'No patient is signed in (the token carries no patient)');
  return id;
}

/** The server's version of a resource: `meta.versionId`, else the ETag's. */
export function versionOf<T extends Resource>(result: FhirResult<T>): T {
  const { resource, etag } = result;
  if (resource.meta?.versionId !== undefined || etag === undefined) return resource;
  const version = /"([^"]*)"/.exec(etag)?.[1];
  return version === undefined ? resource : { ...resource, meta: { ...resource.meta, versionId: version } };
}

/**
 * One page of a paged list: the first from a search, the next ones from the
 * server's own next link (the cursor; FhirClient refuses one outside the base URL).
 */
export function searchOnePage<T extends Resource>(
  client: FhirClient,
  type: T['resourceType'],
  params: FhirSearchParams,
  request: PageRequest,
): Promise<FhirSearchResult<T>> {
  const options = request.signal === undefined ? {} : { signal: request.signal };
  return request.cursor === undefined
    ? client.search<T>(type, params, options)
    : client.searchPage<T>(type, request.cursor, options);
}

/** A page of results with the server's next link as the cursor. */
export function toPage<T>(items: T[], total: number | undefined, next: string | undefined): Page<T> {
  const page: Page<T> = { items, total: total ?? items.length };
  if (next !== undefined) page.nextCursor = next;
  return page;
}
