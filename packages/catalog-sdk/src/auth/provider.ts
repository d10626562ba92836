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
}

/** Fetches and checks `/.well-known/openid-configuration`. */
export async function discover(issuer: string, fetcher: typeof fetch): Promise<ProviderMetadata> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetcher(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new AuthError('network', 'The OpenID provider could not be reached for discovery', { cause: error });
  }
  if (!response.ok) throw new AuthError('configuration', `Discovery answered HTTP ${response.status}`);
  let metadata: Partial<ProviderMetadata>;
  try {
    metadata = (await response.json()) as Partial<ProviderMetadata>;
  } catch (error) {
    throw new AuthError('configuration', 'Discovery document is not JSON', { cause: error });
  }
  if (typeof metadata.authorization_endpoint !== 'string' || typeof metadata.token_endpoint !== 'string') {
    throw new AuthError('configuration', 'Discovery document lacks the authorization or token endpoint');
  }
  // OpenID Connect Discovery §4.3: the document must name the issuer we asked.
  if (metadata.issuer?.replace(/\/+$/, '') !== issuer.replace(/\/+$/, '')) {
    throw new AuthError('configuration', 'Discovery document names another issuer');
  }
  return metadata as ProviderMetadata;
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
