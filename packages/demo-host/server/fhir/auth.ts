import type { IncomingMessage } from 'node:http';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWK, type JWTVerifyGetKey } from 'jose';
import { ScopePermissions } from '../smart-scopes.js';
import { FhirHttpError } from './http.js';

/** Where access tokens come from and whom they must be for. */
export interface TokenPolicy {
  /** Issuer the tokens must carry. */
  issuer: string;
  /** Audience the tokens must carry: the FHIR base URL. */
  audience: string;
  /** Public keys in-process, or the provider's JWKS URL. */
  jwks: { keys: JWK[] } | URL;
}

/** Who calls and what they may do, from a verified access token. */
export interface Caller {
  /** Token subject (the account). */
  subject: string;
  /** Patient compartment the token is bound to. */
  patientId: string;
  /** Client that obtained the token. */
  clientId?: string;
  /** `fhirUser` claim when present. */
  fhirUser?: string;
  permissions: ScopePermissions;
}

const REALM = 'realm="carnet-fhir"';

function unauthorized(description: string, withError = true): FhirHttpError {
  const challenge = withError
    ? `Bearer ${REALM}, error="invalid_token", error_description="${description}"`
    : `Bearer ${REALM}`;
  return new FhirHttpError(401, withError ? 'security' : 'login', description, { 'WWW-Authenticate': challenge });
}

/** Builds the verifier of bearer access tokens (RS256 JWTs of type `at+jwt` only). */
export function createTokenVerifier(policy: TokenPolicy): (req: IncomingMessage) => Promise<Caller> {
  const keys: JWTVerifyGetKey =
    policy.jwks instanceof URL ? createRemoteJWKSet(policy.jwks) : createLocalJWKSet(policy.jwks);
  return async (req) => {
    const header = req.headers.authorization;
    if (!header) throw unauthorized('Missing access token', false);
    const match = /^Bearer +([A-Za-z0-9_\-.~+/]+=*)$/i.exec(header);
    if (!match?.[1]) throw unauthorized('Malformed Authorization header');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(match[1], keys, {
        issuer: policy.issuer,
        audience: policy.audience,
        algorithms: ['RS256'],
        typ: 'at+jwt',
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
      }));
    } catch {
      throw unauthorized('Access token is invalid or expired');
    }
    const patientId = payload['patient'];
    const subject = payload['sub'];
    if (typeof patientId !== 'string' || !patientId || typeof subject !== 'string') {
      throw unauthorized('Access token has no patient context');
    }
    const scope = typeof payload['scope'] === 'string' ? payload['scope'] : '';
    const clientId = typeof payload['client_id'] === 'string' ? payload['client_id'] : undefined;
    const fhirUser = typeof payload['fhirUser'] === 'string' ? payload['fhirUser'] : undefined;
    return {
      subject,
      patientId,
      permissions: new ScopePermissions(scope),
      ...(clientId ? { clientId } : {}),
      ...(fhirUser ? { fhirUser } : {}),
    };
  };
}
