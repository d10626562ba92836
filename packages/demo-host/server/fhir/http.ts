import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationOutcome } from '@medplum/fhirtypes';

/** Largest request body accepted (a FHIR resource with an inline attachment). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** FHIR JSON media type. */
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** An HTTP failure with the OperationOutcome to send. */
export class FhirHttpError extends Error {
  /** Builds an error answered with `status` and an OperationOutcome issue. */
  constructor(
    readonly status: number,
    readonly code: string,
    readonly diagnostics: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(diagnostics);
    this.name = 'FhirHttpError';
  }
}

/** A one-issue OperationOutcome. Diagnostics are fixed texts, never request data. */
export function outcome(
  code: string,
  diagnostics: string,
  severity: 'error' | 'information' = 'error',
): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code: code as 'invalid', diagnostics }] };
}

/** Reads the request body, refusing more than `MAX_BODY_BYTES` with 413. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new FhirHttpError(413, 'too-costly', 'Request body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new FhirHttpError(413, 'too-costly', 'Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON resource body; anything else is a 400. */
export function parseResourceBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
  if (contentType && !/^application\/(fhir\+)?json\b/i.test(contentType)) {
    throw new FhirHttpError(415, 'not-supported', 'Use application/fhir+json');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new FhirHttpError(400, 'invalid', 'Request body is not valid JSON');
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    typeof (parsed as { resourceType?: unknown }).resourceType !== 'string'
  ) {
    throw new FhirHttpError(400, 'invalid', 'Request body is not a FHIR resource');
  }
  return parsed as Record<string, unknown>;
}

/** Sends a JSON body with FHIR headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', FHIR_JSON);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(text);
}

/** Sends an error as an OperationOutcome. */
export function sendError(res: ServerResponse, error: FhirHttpError): void {
  sendJson(res, error.status, outcome(error.code, error.diagnostics), error.headers);
}

/** Weak ETag of a version, e.g. `W/"3"`. */
export function etagOf(versionId: string | undefined): string | undefined {
  return versionId ? `W/"${versionId}"` : undefined;
}

/** The version named by an `If-Match` header (`W/"3"`, `"3"` or `3`). */
export function versionFromIfMatch(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^(?:W\/)?"?([^"]*)"?$/.exec(header.trim());
  return match?.[1] || undefined;
}

/** CORS policy: only the association site's origins. */
export class CorsPolicy {
  /** Builds the policy for a fixed list of origins. */
  constructor(private readonly origins: readonly string[]) {}

  /** True when the origin may call the server from a browser. */
  allows(origin: string | undefined): origin is string {
    return origin !== undefined && this.origins.includes(origin);
  }

  /** Adds CORS headers to a normal response when the origin is allowed. */
  apply(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    if (!this.allows(origin)) return;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Location, Content-Location, Last-Modified, WWW-Authenticate');
  }

  /** Answers a preflight: 204 with the allowances, or 403 without any. */
  preflight(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
    const origin = req.headers.origin;
    if (!this.allows(origin)) {
      res.statusCode = 403;
      res.end();
      return;
    }
    res.statusCode = 204;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
    res.setHeader(
      'Access-Control-Allow-Headers',
      'Authorization, Content-Type, If-Match, If-None-Match, Prefer, Accept',
    );
    res.setHeader('Access-Control-Max-Age', '600');
    res.end();
  }
}
