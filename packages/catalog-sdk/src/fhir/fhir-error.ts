import { CarnetError } from '../errors/errors.js';

/**
 * Why a FHIR request failed: `network` (no answer), `timeout`, `server` (5xx),
 * `request` (4xx the SDK did not expect) or `refused-link` (a link to another host).
 */
export type FhirErrorCode = 'network' | 'timeout' | 'server' | 'request' | 'refused-link';

/** One issue of a FHIR `OperationOutcome`, as the server reported it. */
export interface FhirIssue {
  severity: string;
  /** FHIR issue type code, e.g. `invalid`, `not-found`, `processing`. */
  code: string;
  /**
   * Server diagnostics text. It is the server's own wording and may echo what
   * was sent: show it to developers, never to the patient or in logs.
   */
  diagnostics?: string;
}

/**
 * A FHIR request failed: the server answered with an error (usually an
 * `OperationOutcome`), or it could not be reached (`status` 0, `code` `network`
 * or `timeout`). The message names the interaction and the HTTP status only.
 */
export class FhirError extends CarnetError {
  /** HTTP status, 0 when no response arrived. */
  readonly status: number;
  /** Issues of the server's `OperationOutcome`, empty when it sent none. */
  readonly issues: readonly FhirIssue[];

  constructor(
    code: FhirErrorCode,
    status: number,
    developerMessage: string,
    issues: readonly FhirIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(
      code,
      code === 'network' || code === 'timeout' ? 'error.network' : status === 403 ? 'error.forbidden' : 'error.server',
      developerMessage,
      options,
    );
    this.name = 'FhirError';
    this.status = status;
    this.issues = issues;
  }

  /** Issue type codes of the server's `OperationOutcome`. */
  get issueCodes(): string[] {
    return this.issues.map((issue) => issue.code);
  }

  /** Diagnostics texts of the server's `OperationOutcome` (developer eyes only). */
  get diagnostics(): string[] {
    return this.issues.flatMap((issue) => (issue.diagnostics === undefined ? [] : [issue.diagnostics]));
  }
}
