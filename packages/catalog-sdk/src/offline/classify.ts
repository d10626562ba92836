/** Whether a failed send should be tried again later, or needs the patient. */
import { AuthError } from '../auth/auth-error.js';
import { FhirError } from '../fhir/fhir-error.js';
import type { SyncFailure } from './types.js';

/** Statuses after which the same request may succeed later. */
const LATER = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * `undefined` when the error is final (the server refused the change itself);
 * else why to try again later: unreachable (`network`), 5xx (`server`),
 * 429 (`busy`) or a session that needs renewing (`auth`).
 */
export function transientFailure(error: unknown): SyncFailure | undefined {
  if (error instanceof AuthError) return 'auth';
  if (error instanceof FhirError) {
    if (error.code === 'network' || error.code === 'timeout') return 'network';
    if (error.status === 429) return 'busy';
    if (error.status >= 500 || LATER.has(error.status)) return 'server';
    return undefined;
  }
  // fetch's own TypeError, an abort: not an answer from the server.
  if (error instanceof TypeError || (error instanceof DOMException && error.name !== 'DataCloneError'))
    return 'network';
  return undefined;
}
