import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, type JWK } from 'jose';
import { Provider, errors, type Account, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { manifestTextIn, type AppManifest, type RecordPatient } from '@carnet/catalog-sdk';
import { RevocationList } from '../gateway/revocations.js';
import { DEMO_CLIENT_ID, LAUNCH_SCOPES, SMART_SCOPES } from '../smart-scopes.js';
import {
  AccountDirectory,
  accountsFromPatients,
  accountsFromProfessionals,
  type DemoAccount,
  type DemoProfessional,
} from './accounts.js';
import { AppGrantIndex, consentsOf, type AppConsent } from './app-grants.js';
import { negotiateLanguage } from './i18n.js';
import { handleInteraction } from './interactions.js';
import { LaunchStore, contextOfTokenRequest, launchHooks } from './launch.js';
import { LAUNCHER_CLIENT_ID, createLauncher, type RegisteredApp } from './launcher.js';
import {
  pageHeaders,
  renderErrorPage,
  renderLoggedOutPage,
  renderLogoutPage,
  renderSigningOutPage,
  type RenderedPage,
} from './pages.js';
import { LoginThrottle } from './throttle.js';

/** Options of the demo OpenID provider. */
export interface OidcProviderOptions {
  /** Issuer identifier, e.g. `http://localhost:4010`. */
  issuer: string;
  /** Base URL of the FHIR server: the only resource server and the tokens' audience. */
  fhirBaseUrl: string;
  /** The synthetic patients; one account each. */
  patients: readonly RecordPatient[];
  /** Professionals of the personas' care teams; one account each (none by default). */
  professionals?: readonly DemoProfessional[];
  /** Accounts that are not patients (community moderators). */
  extraAccounts?: readonly DemoAccount[];
  /** Origins of the association site (redirects, CORS). */
  siteOrigins: readonly string[];
  /** More redirect URIs for the demo client (e.g. a test harness). */
  extraRedirectUris?: readonly string[];
  /** More post-logout redirect URIs for the demo client. */
  extraPostLogoutRedirectUris?: readonly string[];
  /** Access token lifetime in seconds (default 300). */
  accessTokenTtl?: number;
  /** Private RS256 signing key as a JWK; default: a fresh key pair per start. */
  signingKey?: JWK;
  /**
   * Third-party SMART apps of the catalogue, from their validated manifests: each a public
   * PKCE client; the launcher opens those with a launch URL.
   */
  apps?: readonly AppManifest[];
  /** Patients whose care team includes the practitioner: the records the launcher lists for a professional. */
  patientsOf?(practitionerId: string): ReadonlySet<string>;
}

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

/** The signing key (given or generated) as private and public JWKs sharing one `kid`. */
async function signingKeys(given: JWK | undefined): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const kid = given?.kid ?? `carnet-${randomBytes(6).toString('hex')}`;
  const privateJwk: JWK =
    given ?? (await exportJWK((await generateKeyPair('RS256', { extractable: true })).privateKey));
  const full: JWK = { ...privateJwk, kid, alg: 'RS256', use: 'sig' };
  const publicJwk = Object.fromEntries(
    Object.entries(full).filter(([name]) => !PRIVATE_JWK_MEMBERS.includes(name)),
  ) as JWK;
  return { privateJwk: full, publicJwk };
}

/** A ready provider: its node request handler and its public signing keys. */
export interface OidcProviderHandle {
  provider: Provider;
  issuer: string;
  /** Node `http` request listener serving the provider and the interaction pages. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Public JWKS the FHIR server verifies access tokens with. */
  publicJwks: { keys: JWK[] };
  accounts: AccountDirectory;
  /** Revoked access tokens, fed by the provider: the FHIR server asks it about every token. */
  revocations: RevocationList;
  /** Origins of the registered apps (their browsers call the provider and the FHIR server). */
  appOrigins: readonly string[];
  /** The catalogue apps a person allowed (her consents in force), one entry per app. */
  appConsents(accountId: string): Promise<AppConsent[]>;
  /**
   * Withdraws an app's access for a person: every grant of that app for her ends, with its
   * access and refresh tokens, at once; the app's next sign-in asks her consent again.
   */
  revokeApp(accountId: string, clientId: string): Promise<void>;
}

const CLIENT_NAME = 'Carnet — site de démonstration';

/** Scopes that are not a resource server's: sign-in, identity, launch context, refresh tokens. */
const STATIC_SCOPES: string[] = [...LAUNCH_SCOPES, 'launch'];

/** Sets a rendered page as the Koa response. */
function respondWithPage(ctx: KoaContextWithOIDC, page: RenderedPage, formTargets: readonly string[]): void {
  for (const [name, value] of Object.entries(pageHeaders(page, formTargets))) ctx.set(name, value);
  ctx.type = 'html';
  ctx.body = page.html;
}

/**
 * OpenID Connect only honours `offline_access` with `prompt=consent` (the provider
 * drops it otherwise); SMART apps do not send it, so we add it on their behalf:
 * the patient then always sees the consent page before a refresh token is issued.
 */
function withConsentForOfflineAccess(method: string | undefined, url: string): string {
  if (method !== 'GET' || !url.startsWith('/auth?')) return url;
  const parsed = new URL(url, 'http://provider.invalid');
  const scopes = parsed.searchParams.get('scope')?.split(' ') ?? [];
  if (!scopes.includes('offline_access') || parsed.searchParams.has('prompt')) return url;
  parsed.searchParams.set('prompt', 'consent');
  return `${parsed.pathname}${parsed.search}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Creates the demo OpenID provider (oidc-provider 9): one public PKCE client,
 * SMART scopes for the FHIR server, JWT access tokens carrying `patient`.
 */
export async function createOidcProvider(options: OidcProviderOptions): Promise<OidcProviderHandle> {
  const { issuer, fhirBaseUrl, siteOrigins } = options;
  const accounts = new AccountDirectory([
    ...accountsFromPatients(options.patients),
    ...accountsFromProfessionals(options.professionals ?? []),
    ...(options.extraAccounts ?? []),
  ]);
  const { privateJwk, publicJwk } = await signingKeys(options.signingKey);
  // A professional's token carries `fhirUser = Practitioner/<id>` and no `patient`: the FHIR
  // gateway decides from the care teams which patients shared their record with them. A community
  // moderator's token names an empty compartment and `fhirUser = RelatedPerson/<id>`.
  const fhirUserOf = (account: DemoAccount): string =>
    account.fhirUser
      ? `${fhirBaseUrl}/${account.fhirUser}`
      : account.role === 'practitioner'
        ? `${fhirBaseUrl}/Practitioner/${account.practitionerId ?? account.accountId}`
        : `${fhirBaseUrl}/Patient/${account.patientId ?? account.accountId}`;
  const patientClaim = (account: DemoAccount): { patient?: string } =>
    account.role === 'patient' && account.patientId ? { patient: account.patientId } : {};
  const languageOf = (ctx: KoaContextWithOIDC) => negotiateLanguage(undefined, undefined, ctx.get('accept-language'));

  const apps = options.apps ?? [];
  const launchable: RegisteredApp[] = apps.flatMap((app) =>
    app.launchUrl
      ? [{ clientId: app.clientId, name: app.name, launchUrl: app.launchUrl, redirectUris: app.redirectUris }]
      : [],
  );
  const appGrants = new AppGrantIndex(apps.map((app) => app.clientId));
  const manifestScopes = new Map(apps.map((app) => [app.clientId, new Set(app.scopes.map((entry) => entry.scope))]));
  const appOrigins = [
    ...new Set(
      apps.flatMap((app) =>
        [...(app.launchUrl ? [app.launchUrl] : []), ...app.redirectUris].map((uri) => new URL(uri).origin),
      ),
    ),
  ];
  // Browsers of the site and of the registered apps may call; every provider form may redirect to them.
  const corsOrigins = [...new Set([...siteOrigins, ...appOrigins])];
  const launches = new LaunchStore();
  const launch = launchHooks(launches);
  const accessTokenTtl = options.accessTokenTtl ?? 300;
  const revocations = new RevocationList({ maxTokenTtl: accessTokenTtl });
  const throttle = new LoginThrottle();
  const redirectUris = [
    ...siteOrigins.flatMap((origin) => [
      `${origin}/callback.html`,
      `${origin}/connected.html`,
      `${origin}/professional.html`,
      `${origin}/moderation.html`,
      `${origin}/caregiver.html`,
    ]),
    ...(options.extraRedirectUris ?? []),
  ];

  const configuration: Configuration = {
    clients: [
      {
        client_id: DEMO_CLIENT_ID,
        client_name: CLIENT_NAME,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: redirectUris,
        // Sign-out comes back to the page it started from: every page a sign-in may come back to.
        post_logout_redirect_uris: [
          ...redirectUris,
          ...siteOrigins.flatMap((origin) => [`${origin}/`, `${origin}/index.html`]),
          ...(options.extraPostLogoutRedirectUris ?? []),
        ],
      },
      // The launcher page signs in with the provider session only; it reads no data.
      {
        client_id: LAUNCHER_CLIENT_ID,
        client_name: 'Carnet — lanceur',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${issuer}/ehr/signed-in`],
      },
      ...apps.map((app) => ({
        client_id: app.clientId,
        client_name: app.name,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [...app.redirectUris],
        // The sign-in scopes its manifest declares; asking for another one is refused (resource scopes: below).
        scope: app.scopes
          .map((entry) => entry.scope)
          .filter((scope) => STATIC_SCOPES.includes(scope))
          .join(' '),
        ...(app.icon?.startsWith('https:') ? { logo_uri: app.icon } : {}),
      })),
    ],
    jwks: { keys: [privateJwk as Record<string, unknown>] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name'], fhirUser: ['fhirUser'] },
    // `launch`: EHR launch (SMART App Launch 2), with the `launch` parameter below.
    scopes: STATIC_SCOPES,
    extraParams: { launch: launch.validate },
    responseTypes: ['code'],
    pkce: { required: () => true },
    conformIdTokenClaims: false,
    rotateRefreshToken: true,
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 300,
      Interaction: 3600,
      Session: 86400,
      Grant: 14 * 86400,
      RefreshToken: 14 * 86400,
    },
    discovery: { ui_locales_supported: ['fr', 'en'] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    clientBasedCORS: (_ctx, origin, client) =>
      siteOrigins.includes(origin) || client.redirectUris.some((uri) => new URL(uri).origin === origin),
    async loadExistingGrant(ctx) {
      launch.checkAccount(ctx);
      const oidc = ctx.oidc;
      const clientId = oidc?.client?.clientId ?? '';
      const grantId = oidc?.result?.consent?.grantId ?? oidc?.session?.grantIdFor?.(clientId);
      if (grantId) return provider.Grant.find(grantId);
      const accountId = oidc?.account?.accountId;
      // The launcher is first-party and only signs in: no consent page for it.
      if (clientId !== LAUNCHER_CLIENT_ID || !accountId) return undefined;
      const grant = new provider.Grant({ accountId, clientId });
      grant.addOIDCScope('openid');
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      const account = accounts.find(sub);
      if (!account) return undefined;
      return {
        accountId: account.accountId,
        // The name the widgets greet the person by (`profile`): identity, never health data.
        claims: () => ({ sub: account.accountId, name: account.displayName, fhirUser: fhirUserOf(account) }),
      };
    },
    async extraTokenClaims(ctx, token) {
      const account = token.accountId ? accounts.find(token.accountId) : undefined;
      if (!account) return undefined;
      // An EHR launch names the patient the launcher allowed; the gateway enforces exactly that one.
      const launched = contextOfTokenRequest(launches, ctx);
      return {
        ...(launched ? { patient: launched.patient } : patientClaim(account)),
        fhirUser: fhirUserOf(account),
      };
    },
    async issueRefreshToken(_ctx, client, code) {
      return client.clientId !== LAUNCHER_CLIENT_ID && code.scopes.has('offline_access');
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // The launcher reads no data: its sign-in asks for no FHIR access (and so no consent).
        defaultResource: async (_ctx: KoaContextWithOIDC, client: { clientId: string }) =>
          client.clientId === LAUNCHER_CLIENT_ID ? undefined : fhirBaseUrl,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (
          _ctx: KoaContextWithOIDC,
          resourceIndicator: string,
          client?: { clientId: string },
        ) => {
          if (resourceIndicator !== fhirBaseUrl) throw new errors.InvalidTarget();
          // A catalogue app gets at most what its manifest declares: other scopes are not granted.
          const declared = client ? manifestScopes.get(client.clientId) : undefined;
          return {
            scope: [...SMART_SCOPES, 'launch'].filter((scope) => !declared || declared.has(scope)).join(' '),
            audience: fhirBaseUrl,
            accessTokenFormat: 'jwt',
            accessTokenTTL: accessTokenTtl,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        // The site proved who asks (a valid id_token_hint): sign out at once, no question.
        // Without it (a link from anywhere), ask first.
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) =>
          respondWithPage(
            ctx,
            ctx.oidc?.entities.IdTokenHint
              ? renderSigningOutPage(languageOf(ctx), form)
              : renderLogoutPage(languageOf(ctx), form),
            siteOrigins,
          ),
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) =>
          respondWithPage(ctx, renderLoggedOutPage(languageOf(ctx)), siteOrigins),
      },
    },
    renderError: async (ctx, out) => {
      respondWithPage(ctx, renderErrorPage(languageOf(ctx), 'errorIntro', out['error']), siteOrigins);
    },
  };

  const provider = new Provider(issuer, configuration);

  /** Ends a grant everywhere: its refresh and access tokens, codes, the grant itself. */
  async function endGrant(grantId: string): Promise<void> {
    revocations.revokeGrant(grantId);
    await Promise.all([
      provider.AccessToken.revokeByGrantId(grantId),
      provider.RefreshToken.revokeByGrantId(grantId),
      provider.AuthorizationCode.revokeByGrantId(grantId),
      provider.Grant.adapter.destroy(grantId),
    ]);
  }

  // Consents to catalogue apps, by patient and app (the grant itself stays in the provider's store).
  provider.on('grant.saved', (grant) => {
    if (grant.accountId && grant.clientId && grant.jti) appGrants.noted(grant.accountId, grant.clientId, grant.jti);
  });

  // Every JWT access token is noted with its grant, so ending the grant ends it.
  provider.on('access_token.issued', (token) => {
    revocations.issued(token.jti, token.grantId, token.exp ?? Math.floor(Date.now() / 1000) + accessTokenTtl);
  });
  // Sign-out revoking the refresh token, refresh-token reuse, end-session: the grant ends.
  provider.on('grant.revoked', (_ctx, grantId) => revocations.revokeGrant(grantId));
  // End-session keeps `offline_access` grants by design (they "persist logout"); ours end
  // too: signing out on a shared computer must leave nothing usable behind.
  provider.on('end_session.success', (ctx) => {
    const authorizations = ctx.oidc?.session?.authorizations ?? {};
    const grants = Object.values(authorizations)
      .map((authorization) => authorization.grantId)
      .filter((grantId): grantId is string => typeof grantId === 'string');
    ctx.state['endedGrants'] = grants;
  });

  // Security headers on everything the provider itself renders (its form_post page
  // adds its script's hash to script-src); our own pages replace the CSP with theirs.
  provider.use(async (ctx, next) => {
    ctx.set(
      'Content-Security-Policy',
      [
        "default-src 'none'",
        'script-src',
        `form-action 'self' ${corsOrigins.join(' ')}`.trim(),
        "frame-ancestors 'none'",
        "base-uri 'none'",
      ].join('; '),
    );
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('X-Content-Type-Options', 'nosniff');
    await next();
    const ended = ctx.state['endedGrants'];
    if (Array.isArray(ended)) await Promise.all(ended.map((grantId) => endGrant(String(grantId))));
  });

  provider.use(
    createLauncher({
      provider,
      issuer,
      fhirBaseUrl,
      accounts,
      launches,
      apps: launchable,
      patientsOf: (practitionerId) => options.patientsOf?.(practitionerId) ?? new Set(),
    }),
  );
  // EHR launch: single use at code issuance, its context in the token response.
  provider.use(launch.middleware);

  // SMART App Launch puts the patient in context in the token response itself.
  provider.use(async (ctx, next) => {
    await next();
    if (contextOfTokenRequest(launches, ctx)) return;
    const body = ctx.body;
    if (
      ctx.oidc?.route !== 'token' ||
      ctx.status !== 200 ||
      !isRecord(body) ||
      typeof body['access_token'] !== 'string'
    )
      return;
    const accountId = ctx.oidc.entities.Account?.accountId ?? ctx.oidc.entities.AccessToken?.accountId;
    const account = accountId ? accounts.find(accountId) : undefined;
    if (account) ctx.body = { ...body, ...patientClaim(account) };
  });

  const providerListener = provider.callback();
  const interactionContext = {
    provider,
    accounts,
    issuer,
    redirectOrigins: corsOrigins,
    clientName: CLIENT_NAME,
    throttle,
    launchPatientOf: (launchId: string) => launches.patientOf(launchId),
    reasonOf: (clientId: string, scope: string, lang: 'fr' | 'en') => {
      const reason = apps
        .find((app) => app.clientId === clientId)
        ?.scopes.find((entry) => entry.scope === scope)?.reason;
      return reason === undefined ? undefined : manifestTextIn(reason, lang);
    },
  };
  const revocationPath = new URL(provider.urlFor('revocation')).pathname;
  const verifyKeys = createLocalJWKSet({ keys: [publicJwk] });
  const revocation = createRevocationEndpoint({
    siteOrigins: corsOrigins,
    isClient: async (clientId) => Boolean(await provider.Client.find(clientId)),
    revokeJwt: async (token, clientId) => {
      const { payload } = await jwtVerify(token, verifyKeys, { issuer, typ: 'at+jwt', algorithms: ['RS256'] });
      if (payload['client_id'] === clientId && typeof payload.jti === 'string' && typeof payload.exp === 'number')
        revocations.revokeToken(payload.jti, payload.exp);
    },
    revokeRefreshToken: async (value, clientId) => {
      const token = await provider.RefreshToken.find(value);
      if (token?.clientId !== clientId) return;
      await token.destroy();
      if (token.grantId) await endGrant(token.grantId);
    },
  });
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    // Preflights: the provider would echo any Origin; only the site's get an answer.
    if (req.method === 'OPTIONS' && req.headers.origin !== undefined && !corsOrigins.includes(req.headers.origin)) {
      res.statusCode = 403;
      res.setHeader('Vary', 'Origin');
      res.end();
      return;
    }
    if (req.method === 'POST' && new URL(req.url ?? '/', issuer).pathname === revocationPath) {
      revocation(req, res);
      return;
    }
    if (!(req.url ?? '').startsWith('/interaction/')) {
      req.url = withConsentForOfflineAccess(req.method, req.url ?? '/');
      providerListener(req, res);
      return;
    }
    handleInteraction(interactionContext, req, res).then(
      (handled) => {
        if (!handled) providerListener(req, res);
      },
      () => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('Internal error');
      },
    );
  };
  const appConsents = (accountId: string): Promise<AppConsent[]> =>
    consentsOf(appGrants, accountId, async (grantId) => {
      const grant = await provider.Grant.find(grantId);
      if (!grant?.clientId || grant.accountId !== accountId) return undefined;
      const scopes = [...grant.getOIDCScope().split(' '), ...grant.getResourceScope(fhirBaseUrl).split(' ')];
      return { clientId: grant.clientId, iat: grant.iat ?? 0, scopes: scopes.filter(Boolean) };
    });
  const revokeApp = async (accountId: string, clientId: string): Promise<void> => {
    if (!appGrants.isApp(clientId)) return;
    // Tokens not yet noted by jti (another process, a race) are refused by who and when they were issued to.
    revocations.revokeClientFor(accountId, clientId);
    await Promise.all(appGrants.take(accountId, clientId).map((grantId) => endGrant(grantId)));
  };
  return {
    provider,
    issuer,
    handler,
    publicJwks: { keys: [publicJwk] },
    accounts,
    revocations,
    appOrigins,
    appConsents,
    revokeApp,
  };
}

/** What the revocation endpoint needs from the provider. */
interface RevocationEndpointOptions {
  siteOrigins: readonly string[];
  isClient(clientId: string): Promise<boolean>;
  /** Revokes a JWT access token (throws when it is not one of ours). */
  revokeJwt(token: string, clientId: string): Promise<void>;
  revokeRefreshToken(token: string, clientId: string): Promise<void>;
}

const MAX_REVOCATION_BODY = 16 * 1024;

/**
 * RFC 7009 revocation for both kinds of token. oidc-provider refuses JWT access
 * tokens (`unsupported_token_type`), so this endpoint answers for the provider:
 * a JWT access token goes on the revocation list the FHIR server checks; a
 * refresh token ends its whole grant (every access token issued under it too).
 * Public client: the client id authenticates nothing but must be known, and a
 * token is only revoked for the client it was issued to. Unknown or invalid
 * tokens get 200, as RFC 7009 says.
 */
function createRevocationEndpoint(
  options: RevocationEndpointOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const answer = (req: IncomingMessage, res: ServerResponse, status: number, body?: Record<string, string>): void => {
    const origin = req.headers.origin;
    res.setHeader('Vary', 'Origin');
    if (origin !== undefined && options.siteOrigins.includes(origin))
      res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Cache-Control', 'no-store');
    res.statusCode = status;
    if (body) res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(body ? JSON.stringify(body) : undefined);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) {
      return answer(req, res, 400, { error: 'invalid_request', error_description: 'use a form body' });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_REVOCATION_BODY) return answer(req, res, 413, { error: 'invalid_request' });
      chunks.push(chunk);
    }
    const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const clientId = params.get('client_id') ?? '';
    const token = params.get('token') ?? '';
    if (!clientId || !(await options.isClient(clientId))) return answer(req, res, 401, { error: 'invalid_client' });
    if (!token) return answer(req, res, 400, { error: 'invalid_request', error_description: 'missing token' });
    let isJwt = false;
    try {
      isJwt = Boolean(decodeProtectedHeader(token));
    } catch {
      isJwt = false;
    }
    try {
      if (isJwt) await options.revokeJwt(token, clientId);
      else await options.revokeRefreshToken(token, clientId);
    } catch {
      // Not one of ours, expired or malformed: nothing to revoke.
    }
    answer(req, res, 200);
  };
  return (req, res) => {
    handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else answer(req, res, 500, { error: 'server_error' });
    });
  };
}
