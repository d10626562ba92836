import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { startPlatform, type RunningPlatform } from '../main.js';
import { signIn } from './oauth-client.js';

/** A platform started for tests, with the provider's signing key known to the test. */
export interface TestPlatform {
  platform: RunningPlatform;
  /** The provider's private signing key, to mint tokens that break one rule at a time. */
  signingKey: JWK;
}

/** Starts the platform on free ports with a known signing key and few documents. */
export async function startTestPlatform(documentCount = 60): Promise<TestPlatform> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key' };
  const platform = await startPlatform({ oidcPort: 0, fhirPort: 0, documentCount, signingKey });
  return { platform, signingKey };
}

/** Gets a real access token through the authorization-code flow. */
export async function accessToken(platform: RunningPlatform, login = 'diabetes', scope?: string): Promise<string> {
  const tokens = await signIn(platform.issuer, { login, ...(scope ? { scope } : {}) });
  return String(tokens['access_token']);
}

/** Claims and header overrides for {@link mintToken}. */
export interface MintOptions {
  key: JWK;
  issuer: string;
  audience: string;
  typ?: string;
  alg?: string;
  patient?: string;
  scope?: string;
  expiresIn?: string;
}

/** Signs an access token directly (to test what the FHIR server refuses). */
export async function mintToken(options: MintOptions): Promise<string> {
  const alg = options.alg ?? 'RS256';
  const key = await importJWK(options.key, alg);
  return new SignJWT({
    patient: options.patient ?? 'patient-diabetes',
    scope: options.scope ?? 'patient/DocumentReference.rs',
    client_id: 'carnet-demo',
  })
    .setProtectedHeader({ alg, typ: options.typ ?? 'at+jwt', ...(options.key.kid ? { kid: options.key.kid } : {}) })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(options.patient ?? 'patient-diabetes')
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(key);
}

/** An unsigned token (`alg: none`), which must never be accepted. */
export function unsignedToken(issuer: string, audience: string): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode({ iss: issuer, aud: audience, sub: 'patient-diabetes', patient: 'patient-diabetes', scope: 'patient/DocumentReference.rs', iat: now, exp: now + 300 })}.`;
}

/** Calls the FHIR server with a bearer token. */
export function fhir(
  platform: RunningPlatform,
  path: string,
  token: string | undefined,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/fhir+json');
  return fetch(`${platform.fhirBaseUrl}${path}`, { ...init, headers });
}

/** Reads a JSON body as a loose record. */
export async function json(response: Response): Promise<Record<string, unknown> & { resourceType?: string }> {
  return (await response.json()) as Record<string, unknown>;
}

/** A resource as the tests read it from a Bundle: a loose record with its id. */
export type FoundResource = Record<string, unknown> & { id: string };

/** The resources of a search Bundle (none when it has no `entry`). */
export async function bundleResources<R extends FoundResource = FoundResource>(response: Response): Promise<R[]> {
  return (((await json(response))['entry'] as { resource: R }[] | undefined) ?? []).map((entry) => entry.resource);
}
