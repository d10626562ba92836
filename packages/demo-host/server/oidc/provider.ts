import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { Provider, errors, type Account, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { RecordPatient } from '@carnet/catalog-sdk';
import { DEMO_CLIENT_ID, LAUNCH_SCOPES, SMART_SCOPES } from '../smart-scopes.js';
import { AccountDirectory, accountsFromPatients } from './accounts.js';
import { negotiateLanguage } from './i18n.js';
import { handleInteraction } from './interactions.js';
import { pageHeaders, renderErrorPage, renderLoggedOutPage, renderLogoutPage, type RenderedPage } from './pages.js';

/** Options of the demo OpenID provider. */
export interface OidcProviderOptions {
  /** Issuer identifier, e.g. `http://localhost:4010`. */
  issuer: string;
  /** Base URL of the FHIR server: the only resource server and the tokens' audience. */
  fhirBaseUrl: string;
  /** The synthetic patients; one account each. */
  patients: readonly RecordPatient[];
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
}

const CLIENT_NAME = 'Carnet — site de démonstration';

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
  const accounts = new AccountDirectory(accountsFromPatients(options.patients));
  const { privateJwk, publicJwk } = await signingKeys(options.signingKey);
  const fhirUserOf = (patientId: string): string => `${fhirBaseUrl}/Patient/${patientId}`;
  const languageOf = (ctx: KoaContextWithOIDC) => negotiateLanguage(undefined, undefined, ctx.get('accept-language'));

  const configuration: Configuration = {
    clients: [
      {
        client_id: DEMO_CLIENT_ID,
        client_name: CLIENT_NAME,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [
          ...siteOrigins.flatMap((origin) => [`${origin}/callback.html`, `${origin}/connected.html`]),
          ...(options.extraRedirectUris ?? []),
        ],
        post_logout_redirect_uris: [
          ...siteOrigins.flatMap((origin) => [`${origin}/`, `${origin}/index.html`, `${origin}/connected.html`]),
          ...(options.extraPostLogoutRedirectUris ?? []),
        ],
      },
    ],
    jwks: { keys: [privateJwk as Record<string, unknown>] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], fhirUser: ['fhirUser'] },
    scopes: [...LAUNCH_SCOPES],
    responseTypes: ['code'],
    pkce: { required: () => true },
    conformIdTokenClaims: false,
    rotateRefreshToken: true,
    ttl: {
      AccessToken: options.accessTokenTtl ?? 300,
      AuthorizationCode: 60,
      IdToken: 300,
      Interaction: 3600,
      Session: 86400,
      Grant: 14 * 86400,
      RefreshToken: 14 * 86400,
    },
    discovery: { ui_locales_supported: ['fr', 'en'] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    clientBasedCORS: (_ctx, origin) => siteOrigins.includes(origin),
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      const account = accounts.find(sub);
      if (!account) return undefined;
      return {
        accountId: account.accountId,
        claims: () => ({ sub: account.accountId, fhirUser: fhirUserOf(account.patientId) }),
      };
    },
    async extraTokenClaims(_ctx, token) {
      const account = token.accountId ? accounts.find(token.accountId) : undefined;
      return account ? { patient: account.patientId, fhirUser: fhirUserOf(account.patientId) } : undefined;
    },
    async issueRefreshToken(_ctx, client, code) {
      return client.clientId === DEMO_CLIENT_ID && code.scopes.has('offline_access');
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => fhirBaseUrl,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: KoaContextWithOIDC, resourceIndicator: string) => {
          if (resourceIndicator !== fhirBaseUrl) throw new errors.InvalidTarget();
          return {
            scope: SMART_SCOPES.join(' '),
            audience: fhirBaseUrl,
            accessTokenFormat: 'jwt',
            accessTokenTTL: options.accessTokenTtl ?? 300,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) =>
          respondWithPage(ctx, renderLogoutPage(languageOf(ctx), form), siteOrigins),
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) =>
          respondWithPage(ctx, renderLoggedOutPage(languageOf(ctx)), siteOrigins),
      },
    },
    renderError: async (ctx, out) => {
      respondWithPage(ctx, renderErrorPage(languageOf(ctx), 'errorIntro', out['error']), siteOrigins);
    },
  };

  const provider = new Provider(issuer, configuration);

  // SMART App Launch puts the patient in context in the token response itself.
  provider.use(async (ctx, next) => {
    await next();
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
    if (account) ctx.body = { ...body, patient: account.patientId };
  });

  const providerListener = provider.callback();
  const interactionContext = { provider, accounts, issuer, redirectOrigins: siteOrigins, clientName: CLIENT_NAME };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
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
  return { provider, issuer, handler, publicJwks: { keys: [publicJwk] }, accounts };
}
