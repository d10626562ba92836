/**
 * Minimal typings for `oidc-provider` 9, which ships none: only the parts the
 * demo identity provider uses. Shapes follow the library's documentation.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** A JSON value as the provider stores it. */
  type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

  /** Claims returned for an account. */
  export type AccountClaims = { sub: string } & Record<string, JsonValue | undefined>;

  /** An account the provider can sign in. */
  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): AccountClaims | Promise<AccountClaims>;
  }

  /** A registered client (the subset we read). */
  export interface Client {
    clientId: string;
    clientAuthMethod: string;
    redirectUris: string[];
    clientName?: string;
  }

  /** An issued token (the subset we read). */
  export interface BaseToken {
    accountId?: string;
    clientId?: string;
    scope?: string;
    readonly scopes: Set<string>;
    kind: string;
    jti: string;
    grantId?: string;
    exp?: number;
    destroy(): Promise<void>;
  }

  /** A token model (`AccessToken`, `RefreshToken`, `AuthorizationCode`). */
  export interface TokenModel {
    find(value: string): Promise<BaseToken | undefined>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  /** A provider session (the subset we read). */
  export interface Session {
    accountId?: string;
    grantIdFor?(clientId: string): string | undefined;
    authorizations?: Record<string, { grantId?: string }>;
  }

  /** Resource server description returned by `getResourceServerInfo`. */
  export interface ResourceServer {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg?: string; kid?: string } };
  }

  /** The OIDC part of a request context. */
  export interface OIDCContext {
    route?: string;
    client?: Client;
    /** Parameters of the request (authorization: including the recognised extra ones). */
    params?: Record<string, unknown>;
    account?: Account;
    entities: {
      Account?: Account;
      AccessToken?: BaseToken;
      RefreshToken?: BaseToken;
      /** The refresh token a rotation consumed (refresh grant). */
      RotatedRefreshToken?: BaseToken;
      AuthorizationCode?: BaseToken;
      Client?: Client;
      IdTokenHint?: unknown;
    };
    session?: Session;
    /** The finished interaction's results (resume). */
    result?: { consent?: { grantId?: string } };
  }

  /** The Koa context oidc-provider hands to middleware and helpers. */
  export interface KoaContextWithOIDC {
    oidc?: OIDCContext;
    method: string;
    path: string;
    status: number;
    body: unknown;
    type: string;
    get(name: string): string;
    query: Record<string, string | string[] | undefined>;
    redirect(url: string): void;
    req: IncomingMessage;
    res: ServerResponse;
    /** Koa's per-request state. */
    state: Record<string, unknown>;
    set(name: string, value: string): void;
  }

  /** Koa-style middleware. */
  export type Middleware = (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>;

  /** Prompt details of a pending interaction. */
  export interface PromptDetails {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
    [key: string]: unknown;
  }

  /** A pending login or consent interaction. */
  export interface Interaction {
    uid: string;
    prompt: { name: string; reasons: string[]; details: PromptDetails };
    params: Record<string, string | undefined>;
    session?: { accountId: string; uid: string };
    grantId?: string;
    lastSubmission?: Record<string, unknown>;
  }

  /** What an interaction ends with. */
  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
  }

  /** A grant of scopes from an account to a client. */
  export interface Grant {
    accountId?: string;
    clientId?: string;
    /** The grant id (set once saved). */
    jti?: string;
    /** Issued at, epoch seconds. */
    iat?: number;
    /** Granted OpenID scopes, space separated. */
    getOIDCScope(): string;
    /** Granted scopes of a resource server, space separated. */
    getResourceScope(resource: string): string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  /** The `Grant` model. */
  export interface GrantModel {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
    adapter: { destroy(id: string): Promise<void> };
  }

  /** Provider configuration (the options Carnet sets; the library accepts more). */
  export interface Configuration {
    clients?: Record<string, unknown>[];
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: { keys?: string[]; long?: Record<string, unknown>; short?: Record<string, unknown> };
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    responseTypes?: string[];
    pkce?: { required: (ctx: KoaContextWithOIDC, client: Client) => boolean };
    features?: Record<string, Record<string, unknown>>;
    clientBasedCORS?: (ctx: KoaContextWithOIDC, origin: string, client: Client) => boolean;
    findAccount?: (ctx: KoaContextWithOIDC, sub: string, token?: BaseToken) => Promise<Account | undefined>;
    /** Extra authorization parameters, each with an optional validator that throws to refuse. */
    extraParams?:
      string[] | Record<string, ((ctx: KoaContextWithOIDC, value: unknown, client: Client) => Promise<void>) | null>;
    loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
    extraTokenClaims?: (ctx: KoaContextWithOIDC, token: BaseToken) => Promise<Record<string, JsonValue> | undefined>;
    issueRefreshToken?: (ctx: KoaContextWithOIDC, client: Client, code: BaseToken) => Promise<boolean>;
    rotateRefreshToken?: boolean | ((ctx: KoaContextWithOIDC) => boolean);
    conformIdTokenClaims?: boolean;
    interactions?: { url: (ctx: KoaContextWithOIDC, interaction: Interaction) => string | Promise<string> };
    renderError?: (ctx: KoaContextWithOIDC, out: Record<string, string>, error: Error) => void | Promise<void>;
    ttl?: Record<string, number | ((...args: unknown[]) => number)>;
    discovery?: Record<string, unknown>;
  }

  /** The OpenID provider: a Koa application. */
  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Grant: GrantModel;
    readonly AccessToken: TokenModel;
    readonly RefreshToken: TokenModel;
    readonly AuthorizationCode: TokenModel;
    readonly Client: { find(clientId: string): Promise<Client | undefined> };
    readonly Session: { get(ctx: KoaContextWithOIDC): Promise<Session> };
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: Middleware): this;
    urlFor(name: string, options?: Record<string, string>): string;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: 'access_token.issued', listener: (token: BaseToken) => void): this;
    on(event: 'grant.revoked', listener: (ctx: KoaContextWithOIDC, grantId: string) => void): this;
    on(event: 'end_session.success', listener: (ctx: KoaContextWithOIDC) => void): this;
    on(event: 'grant.saved', listener: (grant: Grant) => void): this;
    on(event: string, listener: (...args: never[]) => void): this;
  }

  /** OAuth error classes the provider renders as error responses. */
  export const errors: {
    InvalidTarget: new (description?: string) => Error;
    InvalidRequest: new (description?: string) => Error;
  };

  export default Provider;
}
