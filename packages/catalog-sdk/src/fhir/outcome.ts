/** Reading a FHIR server's error answer (`OperationOutcome`) without trusting its shape. */
import type { FhirIssue } from './fhir-error.js';

/** Issues of an `OperationOutcome` body; empty when the body is something else. */
export function outcomeIssues(body: unknown): FhirIssue[] {
  if (typeof body !== 'object' || body === null) return [];
  const outcome = body as { resourceType?: unknown; issue?: unknown };
  if (outcome.resourceType !== 'OperationOutcome' || !Array.isArray(outcome.issue)) return [];
  return outcome.issue.flatMap((raw: unknown): FhirIssue[] => {
    if (typeof raw !== 'object' || raw === null) return [];
    const issue = raw as { severity?: unknown; code?: unknown; diagnostics?: unknown; details?: { text?: unknown } };
    const diagnostics =
      typeof issue.diagnostics === 'string'
        ? issue.diagnostics
        : typeof issue.details?.text === 'string'
          ? issue.details.text
          : undefined;
    const found: FhirIssue = {
      severity: typeof issue.severity === 'string' ? issue.severity : 'error',
      code: typeof issue.code === 'string' ? issue.code : 'unknown',
    };
    if (diagnostics !== undefined) found.diagnostics = diagnostics;
    return [found];
  });
}

/** The body as JSON when it is JSON, else undefined (HTML error pages, empty bodies). */
export async function readJsonBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!/json/i.test(type)) return undefined;
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** The `versionId` inside an ETag: `W/"3"` → `3`. */
export function versionFromEtag(etag: string | null): string | undefined {
  if (etag === null) return undefined;
  const match = /^(?:W\/)?"([^"]*)"$/.exec(etag.trim());
  return match ? match[1] : etag.trim() || undefined;
}

/** An `If-Match` value from a version or an ETag: `3` → `W/"3"`, ETags pass unchanged. */
export function toIfMatch(versionOrEtag: string): string {
  return /^(W\/)?"/.test(versionOrEtag) ? versionOrEtag : `W/"${versionOrEtag}"`;
}
