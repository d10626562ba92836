import type { IncomingMessage } from 'node:http';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWK, type JWTVerifyGetKey } from 'jose';
import { ScopePermissions } from '../smart-scopes.js';
import { FhirHttpError } from '../fhir/http.js';
import type { CaregiverView } from './caregiver.js';
import type { ProfessionalView } from './professional.js';
import type { RevocationCheck } from './revocations.js';

/** Where access tokens come from and whom they must be for. */
export interface TokenPolicy {
  /** Issuer the tokens must carry. */
  issuer: string;
  /** Audience the tokens must carry: the FHIR base URL. */
  audience: string;
  /** Public keys in-process, or the provider's JWKS URL. */
  jwks: { keys: JWK[] } | URL;
  /** Revoked tokens by `jti` (sign-out, end-session, grant revoked, refresh-token reuse). */
  revocations?: RevocationCheck;
}

/** Who calls and what they may do, from a verified access token. */
export interface Caller {
  /** Token subject (the account). */
  subject: string;
  /** Patient compartment the token is bound to; empty for a professional or a caregiver (no patient in the token). */
  patientId: string;
  /** A professional's Practitioner id (`fhirUser = Practitioner/<id>`, no `patient` claim). */
  practitionerId?: string;
  /** A caregiver's RelatedPerson id (`fhirUser = RelatedPerson/<id>`, no `patient` claim). */
  relatedPersonId?: string;
  /** For a caregiver: the grants in force at this request (set by the gateway). */
  caregiver?: CaregiverView;
  /**
   * For a professional's token from an EHR launch: the one patient in context.
   * The professional then sees no one else, and this patient only while they share with them.
   */
  launchPatientId?: string;
  /** For a professional: whom and what they may see at this request (set by the gateway). */
  professional?: ProfessionalView;
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

/**
 * Builds the verifier of bearer access tokens: RS256 JWTs of type `at+jwt`
 * only, checked locally, then against the revocation list by `jti` so that a
 * revoked token is refused at once rather than at its expiry.
 */
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
        requiredClaims: ['exp', 'sub', 'jti'],
        clockTolerance: 5,
      }));
    } catch {
      throw unauthorized('Access token is invalid or expired');
    }
    const patientId = payload['patient'];
    const subject = payload['sub'];
    const tokenClient = typeof payload['client_id'] === 'string' ? payload['client_id'] : undefined;
    // Revoked: the token itself, its grant, or the app for this person (she withdrew its access).
    if (
      typeof payload.jti !== 'string' ||
      (await policy.revocations?.isRevoked(payload.jti, {
        subject: typeof subject === 'string' ? subject : '',
        ...(tokenClient ? { clientId: tokenClient } : {}),
        ...(typeof payload.iat === 'number' ? { issuedAt: payload.iat } : {}),
      }))
    ) {
      throw unauthorized('Access token is invalid or expired');
    }
    const fhirUser = typeof payload['fhirUser'] === 'string' ? payload['fhirUser'] : undefined;
    // A professional's token names no patient (or, from an EHR launch, the one in context):
    // the gateway decides from the care teams, never from the token alone.
    const practitionerId = fhirUser ? /(?:^|\/)Practitioner\/([A-Za-z0-9\-.]{1,64})$/.exec(fhirUser)?.[1] : undefined;
    // A caregiver's token names no patient: the gateway reads the grants naming them.
    const relatedPersonId =
      patientId === undefined && fhirUser
        ? /(?:^|\/)RelatedPerson\/([A-Za-z0-9\-.]{1,64})$/.exec(fhirUser)?.[1]
        : undefined;
    if (
      typeof subject !== 'string' ||
      (!practitionerId && !relatedPersonId && (typeof patientId !== 'string' || !patientId))
    ) {
      throw unauthorized('Access token has no patient context');
    }
    const scope = typeof payload['scope'] === 'string' ? payload['scope'] : '';
    const clientId = tokenClient;
    return {
      subject,
      patientId: practitionerId || relatedPersonId ? '' : (patientId as string),
      ...(practitionerId ? { practitionerId } : {}),
      ...(relatedPersonId ? { relatedPersonId } : {}),
      ...(practitionerId && typeof patientId === 'string' && patientId ? { launchPatientId: patientId } : {}),
      permissions: new ScopePermissions(scope),
      ...(clientId ? { clientId } : {}),
      ...(fhirUser ? { fhirUser } : {}),
    };
  };
}
