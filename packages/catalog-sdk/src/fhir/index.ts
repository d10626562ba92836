/** FHIR R4 REST access: the client and its errors. */
export { FhirClient } from './fhir-client.js';
export type {
  FhirClientOptions,
  FhirRequestOptions,
  FhirRawResult,
  FhirResult,
  FhirSearchParams,
  FhirSearchResult,
} from './fhir-client.js';
export { FhirError } from './fhir-error.js';
export type { FhirErrorCode, FhirIssue } from './fhir-error.js';
export { parseRetryAfter } from './retry.js';
