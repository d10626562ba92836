/**
 * The patient's sign-in: OpenID Connect authorization code + PKCE (S256) on
 * oidc-client-ts's `OidcClient`, SMART App Launch compatible (`patient` in the
 * token response). Tokens live in memory unless `storage: 'session'`; renewal
 * uses refresh-token rotation, never a hidden iframe (third-party cookies are
 * blocked in embeds).
 */
import { ErrorResponse, OidcClient, type SigninResponse } from 'oidc-client-ts';
import { AuthError } from './auth-error.js';
import { decodeJwtClaims, stringClaim } from './jwt.js';
import { launchContextFrom, parseEhrLaunch, sameBaseUrl, type LaunchContext } from './launch.js';
import { openPopup, waitForPopupCallback } from './popup.js';
import { discover, refreshTokens, revokeToken, type ProviderMetadata, type TokenResponse } from './provider.js';
import { TokenStore, TransientStateStore, sessionStorageIfAny, type StoredTokens } from './session-store.js';

/** How to sign the patient in. */
export interface CarnetSessionOptions {
  /**
   * OpenID provider (issuer) URL. Optional when `fhirBaseUrl` is given: the
   * FHIR server's `.well-known/smart-configuration` then names it.
   */
  issuer?: string;
  /** Public client id registered at the provider. */
  clientId: string;
  /** Page that calls `handleCallback()` after a redirect sign-in. */
  redirectUri: string;
  /** Scopes, e.g. `['openid', 'fhirUser', 'offline_access', 'patient/*.rs']`. */
  scopes: string[];
  /**
   * FHIR base URL: where endpoints are discovered first
   * (`{fhirBaseUrl}/.well-known/smart-configuration`, falling back to OpenID
   * discovery at `issuer`), and the resource indicator (RFC 8707) so tokens are for it.
   */
  fhirBaseUrl?: string;
  /** `memory` (default): tokens never touch storage; `session`: kept in sessionStorage for this tab. */
  storage?: 'memory' | 'session';
  /** Callback page of popup sign-in (it calls `completeSignInPopup()`); defaults to `redirectUri`. */
  popupRedirectUri?: string;
  /**
   * Where the provider sends the patient back after `signOut()` ended its
   * session; it must be registered for the client as a post-logout redirect
   * URI. Default: this page's URL without query nor fragment.
   */
  postLogoutRedirectUri?: string;
  /**
   * How the page leaves for the provider (redirect sign-in, sign-out); defaults
   * to `location.assign`. Replace it to open the provider elsewhere (or, in
   * tests, to record the address).
   */
  navigate?: (url: string) => void;
  /** `fetch` for discovery, renewal and revocation; defaults to the global one. */
  fetch?: typeof fetch;
  /** Clock in epoch ms; tests advance it to make tokens expire. Defaults to `Date.now`. */
  now?: () => number;
}

/** How one sign-in goes. */
export interface SignInOptions {
  /**
   * Languages of the provider's sign-in and consent pages, most wanted first (`ui_locales`,
   * e.g. `'fr'` or `'en fr'`): the site's own language, so the patient stays in it.
   */
  uiLocales?: string;
}

/** The signed-in person, from the ID token: identity only, never health data. */
export interface SessionUser {
  /** Subject identifier at the provider. */
  sub: string;
  name?: string;
  /** FHIR resource of the person, e.g. `Patient/123` (SMART `fhirUser`). */
  fhirUser?: string;
}

/** Options of one sign-in. */
export interface SignInOptions {
  /**
   * EHR launch: the `launch` id the app was opened with (see
   * {@link parseEhrLaunch}). The `launch` scope is then asked for too, and the
   * launch context the EHR chose comes back with the tokens.
   */
  launch?: string;
}

/** Renew this long before the access token expires. */
const RENEWAL_MARGIN_MS = 30_000;

/**
 * A patient's session with an OpenID provider. Fires `change` when the
 * patient signs in or out (including when a renewal fails and the session ends).
 */
export class CarnetSession extends EventTarget {
  readonly #options: CarnetSessionOptions;
  readonly #metadata: ProviderMetadata;
  readonly #client: OidcClient;
  readonly #stateStore: TransientStateStore;
  readonly #tokens: TokenStore;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  #renewal: Promise<StoredTokens> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  private constructor(options: CarnetSessionOptions, metadata: ProviderMetadata, fetcher: typeof fetch) {
    super();
    this.#options = options;
    this.#metadata = metadata;
    this.#fetch = fetcher;
    this.#now = options.now ?? Date.now;
    const storage = sessionStorageIfAny();
    const keepInSession = options.storage === 'session';
    const key = `carnet.${options.clientId}`;
    this.#tokens = new TokenStore(`${key}.tokens`, keepInSession ? storage : undefined);
    this.#stateStore = new TransientStateStore(`${key}.oidc.`, storage, keepInSession);
    const resource = options.fhirBaseUrl;
    this.#client = new OidcClient({
      authority: metadata.issuer,
      metadata,
      client_id: options.clientId,
      redirect_uri: options.redirectUri,
      post_logout_redirect_uri: options.postLogoutRedirectUri,
      scope: options.scopes.join(' '),
      response_type: 'code',
      loadUserInfo: false,
      stateStore: this.#stateStore,
      ...(resource === undefined ? {} : { resource, extraTokenParams: { resource } }),
      // The provider only honours offline_access (refresh tokens) with explicit consent.
      ...(options.scopes.includes('offline_access') ? { prompt: 'consent' } : {}),
    });
    this.#scheduleRenewal();
  }

  /**
   * Discovers the provider and restores a `session`-mode session.
   * @throws AuthError `network` when the provider cannot be reached, `configuration` when its discovery document is unusable
   */
  static async create(options: CarnetSessionOptions): Promise<CarnetSession> {
    if (options.scopes.length === 0 || !options.scopes.includes('openid')) {
      throw new AuthError('configuration', 'scopes must include openid');
    }
    if (options.issuer === undefined && options.fhirBaseUrl === undefined)
      throw new AuthError('configuration', 'an issuer or a FHIR base URL is needed');
    const fetcher = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const target = {
      ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
      ...(options.fhirBaseUrl === undefined ? {} : { fhirBaseUrl: options.fhirBaseUrl }),
    };
    const metadata = await discover(target, fetcher);
    return new CarnetSession(options, metadata, fetcher);
  }

  /**
   * The launch page of an app started by an EHR (SMART App Launch 2): reads
   * `iss` and `launch` from `url`, checks that `iss` is the FHIR server this app
   * is configured for (`options.fhirBaseUrl`: an app never follows a launch to
   * a server it does not know), then signs in by redirect with the launch id.
   * Resolves with `undefined` when `url` is not an EHR launch.
   * @throws AuthError `configuration` when `iss` is another server or the launch parameters are malformed
   */
  static async launch(
    options: CarnetSessionOptions & { fhirBaseUrl: string },
    url: string = location.href,
  ): Promise<CarnetSession | undefined> {
    const launch = parseEhrLaunch(url);
    if (launch === undefined) return undefined;
    if (!sameBaseUrl(launch.iss, options.fhirBaseUrl))
      throw new AuthError('configuration', 'The launch names a FHIR server this app is not configured for');
    const session = await CarnetSession.create(options);
    await session.signIn({ launch: launch.launch });
    return session;
  }

  /** True while the session holds tokens (they are renewed on demand). */
  get isAuthenticated(): boolean {
    return this.#tokens.get() !== undefined;
  }

  /** FHIR id of the patient the tokens are for (SMART launch context). */
  get patientId(): string | undefined {
    return this.#tokens.get()?.patientId;
  }

  /**
   * The SMART launch context granted with the tokens: patient, encounter,
   * `fhirContext`, whether the app must show a patient banner, and whether the
   * app was launched by an EHR. Undefined while signed out.
   */
  get launchContext(): LaunchContext | undefined {
    const tokens = this.#tokens.get();
    if (tokens === undefined) return undefined;
    const context = tokens.launch ?? launchContextFrom({}, 'standalone');
    return { ...context, fhirContext: context.fhirContext.map((item) => ({ ...item })) };
  }

  /** SMART `capabilities` the server advertises (empty without a SMART configuration). */
  get serverCapabilities(): readonly string[] {
    const capabilities = this.#metadata['capabilities'];
    return Array.isArray(capabilities) ? capabilities.filter((c): c is string => typeof c === 'string') : [];
  }

  /** Who is signed in, from the ID token. */
  get user(): SessionUser | undefined {
    const user = this.#tokens.get()?.user;
    return user === undefined ? undefined : { ...user };
  }

  /** Starts a redirect sign-in (an EHR launch with `options.launch`): the page navigates to the provider. */
  async signIn(options: SignInOptions = {}): Promise<void> {
    const request = await this.#createRequest(true, undefined, options);
    this.#navigate(request);
  }

  /**
   * Signs in in a popup, without leaving the page. Call it from a click handler.
   * @throws AuthError `popup_blocked`, `popup_closed`, or any `handleCallback` error
   */
  signInPopup(options: SignInOptions = {}): Promise<void> {
    // Opened before any await, while the click's user activation is still valid.
    let popup: Window;
    try {
      popup = openPopup();
    } catch (error) {
      return Promise.reject(error);
    }
    const redirectUri = this.#options.popupRedirectUri ?? this.#options.redirectUri;
    return (async () => {
      const url = await this.#createRequest(false, redirectUri, options).catch((error: unknown) => {
        popup.close();
        throw error;
      });
      popup.location.href = url;
      const callbackUrl = await waitForPopupCallback(popup, new URL(redirectUri).origin);
      await this.handleCallback(callbackUrl);
    })();
  }

  /**
   * Finishes a sign-in from the provider's answer: checks `state`, exchanges the
   * code with the PKCE verifier, validates the ID token's nonce, keeps the tokens.
   * @throws AuthError `callback_state_mismatch` (unknown, tampered or replayed state), `access_denied`, `login_required`, `invalid_grant`, `network`
   */
  async handleCallback(url: string = location.href): Promise<void> {
    let response: SigninResponse;
    try {
      response = await this.#client.processSigninResponse(url);
    } catch (error) {
      throw toAuthError(error);
    }
    const token = response as SigninResponse & Partial<Pick<TokenResponse, 'patient'>>;
    this.#keep(token, token.profile as Record<string, unknown>, undefined);
    this.dispatchEvent(new Event('change'));
  }

  /**
   * A valid access token, renewed with the refresh token shortly before expiry.
   * Parallel callers share one renewal.
   * @throws AuthError `login_required` when not signed in or the renewal was refused (the session is then signed out)
   */
  async getAccessToken(): Promise<string> {
    const tokens = this.#tokens.get();
    if (tokens === undefined) throw new AuthError('login_required', 'No patient is signed in');
    if (tokens.expiresAt - this.#now() > RENEWAL_MARGIN_MS) return tokens.accessToken;
    return (await this.renewTokens()).accessToken;
  }

  /**
   * Renews the tokens now (a server said 401). Single-flight: a renewal already
   * under way is shared. Resolves with the new tokens' expiry.
   */
  renewTokens(): Promise<{ accessToken: string; expiresAt: number }> {
    this.#renewal ??= this.#renew().finally(() => {
      this.#renewal = undefined;
    });
    return this.#renewal.then(({ accessToken, expiresAt }) => ({ accessToken, expiresAt }));
  }

  /**
   * Signs out: revokes the refresh and access tokens at the provider (the FHIR
   * server refuses them from then on), forgets them, fires `change`, then
   * always ends the provider session too (RP-initiated logout with
   * `id_token_hint`), so the next sign-in asks for the password: the page
   * leaves for the provider and comes back to `postLogoutRedirectUri`, by
   * default this page.
   */
  async signOut(): Promise<void> {
    const tokens = this.#tokens.get();
    this.#forget();
    if (tokens === undefined) return;
    const { clientId } = this.#options;
    if (tokens.refreshToken !== undefined)
      await revokeToken(this.#metadata, this.#fetch, { clientId, token: tokens.refreshToken, hint: 'refresh_token' });
    await revokeToken(this.#metadata, this.#fetch, { clientId, token: tokens.accessToken, hint: 'access_token' });
    this.dispatchEvent(new Event('change'));
    const returnTo = this.#options.postLogoutRedirectUri ?? currentPageUri();
    if (this.#metadata.end_session_endpoint === undefined || returnTo === undefined) return;
    const request = await this.#client.createSignoutRequest({
      ...(tokens.idToken === undefined ? { client_id: clientId } : { id_token_hint: tokens.idToken }),
      post_logout_redirect_uri: returnTo,
    });
    this.#navigate(request.url);
  }

  /** Stops the renewal timer (for pages that discard a session without signing out). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #createRequest(redirect: boolean, redirectUri?: string, options: SignInOptions = {}): Promise<string> {
    await this.#client.clearStaleState();
    this.#stateStore.persistNext = redirect;
    const uiLocales = options.uiLocales?.trim();
    const launch = options.launch;
    const scopes = this.#options.scopes;
    const request = await this.#client.createSigninRequest({
      request_type: redirect ? 'si:r' : 'si:p',
      ...(redirectUri === undefined ? {} : { redirect_uri: redirectUri }),
      ...(uiLocales ? { ui_locales: uiLocales } : {}),
      ...(launch === undefined
        ? {}
        : {
            scope: (scopes.includes('launch') ? scopes : [...scopes, 'launch']).join(' '),
            extraQueryParams: { launch },
          }),
    });
    return request.url;
  }

  async #renew(): Promise<StoredTokens> {
    const tokens = this.#tokens.get();
    if (tokens === undefined) throw new AuthError('login_required', 'No patient is signed in');
    if (tokens.refreshToken === undefined) {
      this.#endSession();
      throw new AuthError('login_required', 'The access token expired and there is no refresh token');
    }
    let answer: TokenResponse;
    try {
      const resource = this.#options.fhirBaseUrl;
      answer = await refreshTokens(this.#metadata, this.#fetch, {
        clientId: this.#options.clientId,
        refreshToken: tokens.refreshToken,
        ...(resource === undefined ? {} : { resource }),
      });
    } catch (error) {
      if (error instanceof AuthError && error.reason === 'network') throw error;
      this.#endSession();
      throw new AuthError('login_required', 'The session could not be renewed; the patient must sign in again', {
        cause: error,
      });
    }
    // A refreshed ID token (if any) is only used for its identity claims, which cannot change.
    return this.#keep(answer, decodeJwtClaims(answer.id_token ?? tokens.idToken ?? '') ?? {}, tokens);
  }

  /** Stores a token answer; previous values fill what a renewal does not repeat. */
  #keep(
    answer: TokenResponse | SigninResponse,
    idClaims: Record<string, unknown>,
    previous: StoredTokens | undefined,
  ): StoredTokens {
    const accessClaims = decodeJwtClaims(answer.access_token);
    const expiresIn = answer.expires_in ?? 300;
    const patientId =
      ('patient' in answer && typeof answer.patient === 'string' ? answer.patient : undefined) ??
      stringClaim(accessClaims, 'patient') ??
      previous?.patientId;
    const sub = stringClaim(idClaims, 'sub') ?? previous?.user.sub ?? stringClaim(accessClaims, 'sub');
    if (sub === undefined) throw new AuthError('unknown', 'The provider returned no subject');
    const user: SessionUser = { sub };
    const name = stringClaim(idClaims, 'name') ?? previous?.user.name;
    const fhirUser = stringClaim(idClaims, 'fhirUser') ?? previous?.user.fhirUser;
    if (name !== undefined) user.name = name;
    if (fhirUser !== undefined) user.fhirUser = fhirUser;
    const stored: StoredTokens = { accessToken: answer.access_token, expiresAt: this.#now() + expiresIn * 1000, user };
    const refreshToken = answer.refresh_token ?? previous?.refreshToken;
    const idToken = answer.id_token ?? previous?.idToken;
    const scope = answer.scope ?? previous?.scope;
    if (refreshToken !== undefined) stored.refreshToken = refreshToken;
    if (idToken !== undefined) stored.idToken = idToken;
    if (scope !== undefined) stored.scope = scope;
    if (patientId !== undefined) stored.patientId = patientId;
    // The context is the authorization's: a renewal keeps it unless the server says otherwise.
    const granted = answer.scope?.split(' ') ?? [];
    const launch =
      previous?.launch ??
      launchContextFrom(
        answer as unknown as Record<string, unknown>,
        granted.includes('launch') ? 'ehr' : 'standalone',
      );
    stored.launch =
      patientId === undefined || launch.patient !== undefined ? launch : { ...launch, patient: patientId };
    this.#tokens.set(stored);
    this.#scheduleRenewal();
    return stored;
  }

  /** Renews proactively before expiry, so a widget's request never waits on it. */
  #scheduleRenewal(): void {
    clearTimeout(this.#timer);
    const tokens = this.#tokens.get();
    if (tokens?.refreshToken === undefined) return;
    const delay = Math.max(0, tokens.expiresAt - RENEWAL_MARGIN_MS - this.#now());
    this.#timer = setTimeout(() => {
      // Failures already end the session and fire `change`; nobody awaits this one.
      this.renewTokens().catch(() => undefined);
    }, delay);
  }

  #navigate(url: string): void {
    if (this.#options.navigate !== undefined) this.#options.navigate(url);
    else location.assign(url);
  }

  #forget(): void {
    this.dispose();
    this.#tokens.clear();
  }

  #endSession(): void {
    this.#forget();
    this.dispatchEvent(new Event('change'));
  }
}

/** This page's address without query nor fragment; undefined outside a browser. */
function currentPageUri(): string | undefined {
  if (typeof location === 'undefined') return undefined;
  return `${location.origin}${location.pathname}`;
}

/** Classifies what oidc-client-ts threw while processing a callback. */
function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof ErrorResponse) {
    const code = error.error ?? '';
    if (code === 'access_denied')
      return new AuthError('access_denied', 'The patient or the provider refused the sign-in', { cause: error });
    if (code === 'login_required' || code === 'interaction_required' || code === 'consent_required') {
      return new AuthError('login_required', `The provider requires the patient to sign in (${code})`, {
        cause: error,
      });
    }
    if (code === 'invalid_grant')
      return new AuthError('invalid_grant', 'The authorization code was refused (used already or expired)', {
        cause: error,
      });
    return new AuthError('unknown', `The provider answered ${code || 'an error'}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : '';
  if (/no matching state|no state in response|state/i.test(message)) {
    return new AuthError('callback_state_mismatch', 'The sign-in answer does not match a sign-in started here', {
      cause: error,
    });
  }
  if (error instanceof TypeError)
    return new AuthError('network', 'The token endpoint could not be reached', { cause: error });
  return new AuthError('unknown', 'The sign-in answer could not be processed', { cause: error });
}
