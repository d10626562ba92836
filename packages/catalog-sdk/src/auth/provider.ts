/**
 * The session's own calls to the OpenID provider: discovery, refresh-token
 * grant and revocation. They go through the injected `fetch` so failures are
 * classified exactly (network vs. revoked grant); the authorization-code
 * exchange itself is oidc-client-ts's.
 */
import { AuthError } from './auth-error.js';

/** The parts of the provider's discovery document the session uses. */
export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint?: string;
  end_session_endpoint?: string;
  jwks_uri?: string;
  [key: string]: unknown;
}

/** A successful token endpoint answer (RFC 6749 §5.1, plus SMART's `patient`). */
export interface TokenResponse {
  access_token: string;
  token_type?: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
  patient?: string;
  /** Other SMART launch context members (`encounter`, `fhirContext`, `need_patient_banner`...). */
  [member: string]: unknown;
}

/** Where a session finds its authorization server. */
export interface DiscoveryTarget {
  /** OpenID provider (issuer) URL, when known. */
  issuer?: string;
  /** FHIR base URL: its `.well-known/smart-configuration` is asked first. */
  fhirBaseUrl?: string;
}

/**
 * Finds the authorization server: the FHIR server's
 * `{fhirBaseUrl}/.well-known/smart-configuration` first (SMART App Launch 2),
 * then OpenID Connect discovery at the issuer when the FHIR server has none,
 * it lacks what the session needs, or it names another issuer than the one
 * configured (a configured issuer is never traded for one a server names).
 * @throws AuthError `network` when nothing can be reached, `configuration` when no usable document is found
 */
export async function discover(target: DiscoveryTarget, fetcher: typeof fetch): Promise<ProviderMetadata> {
  const { issuer, fhirBaseUrl } = target;
  let smart: Partial<ProviderMetadata> | undefined;
  let smartFailure: AuthError | undefined;
  if (fhirBaseUrl !== undefined) {
    try {
      smart = await fetchJson(
        `${trimSlashes(fhirBaseUrl)}/.well-known/smart-configuration`,
        fetcher,
        'SMART configuration',
        'The FHIR server could not be reached for its SMART configuration',
      );
    } catch (error) {
      smartFailure = error as AuthError;
    }
  }
  if (smart !== undefined) {
    const named = typeof smart.issuer === 'string' ? smart.issuer : undefined;
    if (issuer !== undefined && named !== undefined && trimSlashes(named) !== trimSlashes(issuer))
      return discoverOpenId(issuer, fetcher, smartFailure);
    const complete = hasEndpoints(smart) && (named ?? issuer) !== undefined;
    if (complete) return { ...smart, issuer: named ?? (issuer as string) } as ProviderMetadata;
    // An incomplete SMART document still tells where the issuer is.
    return discoverOpenId(issuer ?? (named as string | undefined), fetcher, smartFailure);
  }
  return discoverOpenId(issuer, fetcher, smartFailure);
}

/** Fetches and checks `/.well-known/openid-configuration`. */
async function discoverOpenId(
  issuer: string | undefined,
  fetcher: typeof fetch,
  smartFailure: AuthError | undefined,
): Promise<ProviderMetadata> {
  if (issuer === undefined)
    throw smartFailure ?? new AuthError('configuration', 'Neither an issuer nor a SMART configuration was found');
  const metadata = await fetchJson(
    `${trimSlashes(issuer)}/.well-known/openid-configuration`,
    fetcher,
    'Discovery',
    'The OpenID provider could not be reached for discovery',
  );
  if (!hasEndpoints(metadata)) {
    throw new AuthError('configuration', 'Discovery document lacks the authorization or token endpoint');
  }
  // OpenID Connect Discovery §4.3: the document must name the issuer we asked.
  if (typeof metadata.issuer !== 'string' || trimSlashes(metadata.issuer) !== trimSlashes(issuer)) {
    throw new AuthError('configuration', 'Discovery document names another issuer');
  }
  return metadata as ProviderMetadata;
}

function hasEndpoints(metadata: Partial<ProviderMetadata>): boolean {
  return typeof metadata.authorization_endpoint === 'string' && typeof metadata.token_endpoint === 'string';
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

async function fetchJson(
  url: string,
  fetcher: typeof fetch,
  what: string,
  unreachable: string,
): Promise<Partial<ProviderMetadata>> {
  let response: Response;
  try {
    response = await fetcher(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new AuthError('network', unreachable, { cause: error });
  }
  if (!response.ok) throw new AuthError('configuration', `${what} answered HTTP ${response.status}`);
  let metadata: unknown;
  try {
    metadata = await response.json();
  } catch (error) {
    throw new AuthError('configuration', `${what} is not JSON`, { cause: error });
  }
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))
    throw new AuthError('configuration', `${what} is not a JSON object`);
  return metadata as Partial<ProviderMetadata>;
}

/**
 * Exchanges a refresh token (rotation: the answer carries the next one).
 * A revoked, expired or reused refresh token rejects with `invalid_grant`.
 */
export async function refreshTokens(
  metadata: ProviderMetadata,
  fetcher: typeof fetch,
  request: { clientId: string; refreshToken: string; resource?: string },
): Promise<TokenResponse> {
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: request.refreshToken,
    client_id: request.clientId,
  });
  if (request.resource !== undefined) body.set('resource', request.resource);
  let response: Response;
  try {
    response = await fetcher(metadata.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
    });
  } catch (error) {
    throw new AuthError('network', 'The token endpoint could not be reached', { cause: error });
  }
  const json = (await response.json().catch(() => undefined)) as
    (Partial<TokenResponse> & { error?: string }) | undefined;
  if (!response.ok) {
    if (json?.error === 'invalid_grant')
      throw new AuthError('invalid_grant', 'The refresh token was refused (revoked, expired or reused)');
    if (response.status >= 500) throw new AuthError('network', `Token endpoint answered HTTP ${response.status}`);
    throw new AuthError('unknown', `Token endpoint refused the renewal (${json?.error ?? response.status})`);
  }
  if (typeof json?.access_token !== 'string')
    throw new AuthError('unknown', 'Token endpoint answer has no access token');
  return json as TokenResponse;
}

/** Revokes one token (RFC 7009). Failures are ignored: signing out must always succeed locally. */
export async function revokeToken(
  metadata: ProviderMetadata,
  fetcher: typeof fetch,
  request: { clientId: string; token: string; hint: 'access_token' | 'refresh_token' },
): Promise<boolean> {
  if (metadata.revocation_endpoint === undefined) return false;
  const body = new URLSearchParams({
    token: request.token,
    token_type_hint: request.hint,
    client_id: request.clientId,
  });
  try {
    const response = await fetcher(metadata.revocation_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    return response.ok;
  } catch {
    return false;
  }
}
