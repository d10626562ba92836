/** Turning an unsuccessful FHIR answer into a typed SDK error, and search parameters into a query. */
import { ConflictError, NotFoundError } from '../errors/errors.js';
import type { FhirSearchParams, Target } from './fhir-client.js';
import { FhirError } from './fhir-error.js';
import { outcomeIssues, versionFromEtag } from './outcome.js';

/** The typed error for an unsuccessful answer. */
export function toError(target: Target, response: Response, body: unknown): Error {
  const { status } = response;
  if (status === 404 || status === 410) return new NotFoundError(target.type, target.id ?? '');
  if (status === 412 || (status === 409 && target.ifMatch !== undefined)) {
    return new ConflictError(
      target.type,
      target.id ?? '',
      versionFromEtag(target.ifMatch ?? null) ?? 'unknown',
      versionFromEtag(response.headers.get('etag')),
    );
  }
  const issues = outcomeIssues(body);
  const codes = issues.length > 0 ? ` (${issues.map((issue) => issue.code).join(', ')})` : '';
  return new FhirError(
    status >= 500 ? 'server' : 'request',
    status,
    `${target.method} ${target.type}: HTTP ${status}${codes}`,
    issues,
  );
}

/** Search parameters as a query string; repeated keys as arrays. */
export function toSearchParams(params: FhirSearchParams): URLSearchParams {
  if (params instanceof URLSearchParams) return params;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) search.append(key, item);
    else search.append(key, String(value));
  }
  return search;
}
