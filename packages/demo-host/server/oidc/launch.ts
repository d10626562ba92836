/**
 * SMART EHR launch on the demo provider: launch ids the launcher page creates,
 * single-use and bound to the person who launched, the app launched and the
 * patient chosen; then the launch context carried from the authorization code
 * to the tokens (and along refresh-token rotation), so that the token's
 * `patient` is exactly the one the launcher allowed.
 */
import { randomBytes } from 'node:crypto';
import { errors, type Client, type KoaContextWithOIDC } from 'oidc-provider';

/** The context a launch puts in the token response. */
export interface LaunchContextClaims {
  /** FHIR id of the patient in context. */
  patient: string;
  /** The launcher does not show the patient around the app: it must show a banner. */
  need_patient_banner: boolean;
  /** Other resources in context (none yet). */
  fhirContext?: { reference: string }[];
}

/** A launch the launcher page created. */
export interface LaunchRecord {
  id: string;
  /** Account of the person who launched: only they may use it. */
  accountId: string;
  /** The app launched: only its authorization request may carry it. */
  clientId: string;
  context: LaunchContextClaims;
  /** Epoch ms after which the launch is refused. */
  expiresAt: number;
  used: boolean;
}

/** Why a launch was refused (for the error description; never health data). */
export type LaunchRefusal = 'unknown' | 'expired' | 'used' | 'other-client' | 'other-user';

/** How long a launch id may wait for its authorization request. */
const LAUNCH_TTL_MS = 5 * 60_000;
/** How long a code or refresh token's context is kept (the longest refresh-token life). */
const CONTEXT_TTL_MS = 14 * 86_400_000;

/** Launch ids and the contexts bound to codes and refresh tokens, in memory. */
export class LaunchStore {
  readonly #launches = new Map<string, LaunchRecord>();
  readonly #byToken = new Map<string, { context: LaunchContextClaims; until: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Creates a launch for `accountId` opening `clientId` on `context.patient`; returns its id. */
  create(accountId: string, clientId: string, context: LaunchContextClaims): string {
    this.#prune();
    const id = randomBytes(24).toString('base64url');
    this.#launches.set(id, { id, accountId, clientId, context, expiresAt: this.#now() + LAUNCH_TTL_MS, used: false });
    return id;
  }

  /**
   * Checks a launch without using it: why it is refused for this client (and
   * this account, once known), or undefined when it may go on.
   */
  check(id: string, clientId: string, accountId?: string): LaunchRefusal | undefined {
    const record = this.#launches.get(id);
    if (!record) return 'unknown';
    if (record.used) return 'used';
    if (record.expiresAt < this.#now()) return 'expired';
    if (record.clientId !== clientId) return 'other-client';
    if (accountId !== undefined && record.accountId !== accountId) return 'other-user';
    return undefined;
  }

  /** The patient a launch opens (for the consent page), whatever its state. */
  patientOf(id: string): string | undefined {
    return this.#launches.get(id)?.context.patient;
  }

  /** Uses a launch once: its context, or the reason it is refused. */
  claim(id: string, clientId: string, accountId: string): LaunchContextClaims | LaunchRefusal {
    const refusal = this.check(id, clientId, accountId);
    if (refusal) return refusal;
    const record = this.#launches.get(id) as LaunchRecord;
    record.used = true;
    return record.context;
  }

  /** Binds a launch context to an authorization code or a refresh token (by its value). */
  bind(token: string, context: LaunchContextClaims): void {
    this.#byToken.set(token, { context, until: this.#now() + CONTEXT_TTL_MS });
  }

  /** The launch context of a code or refresh token, if it came from a launch. */
  contextOf(token: string | undefined): LaunchContextClaims | undefined {
    if (token === undefined) return undefined;
    const entry = this.#byToken.get(token);
    return entry && entry.until >= this.#now() ? entry.context : undefined;
  }

  #prune(): void {
    const now = this.#now();
    for (const [id, record] of this.#launches) if (record.expiresAt < now) this.#launches.delete(id);
    for (const [token, entry] of this.#byToken) if (entry.until < now) this.#byToken.delete(token);
  }
}

/**
 * The provider hooks of the EHR launch: the `launch` parameter's validator, the
 * grant loader that refuses a launch made by someone else, and the middleware
 * that uses the launch once when the code is issued and puts its context in
 * the token response.
 */
export function launchHooks(launches: LaunchStore) {
  const refuse = (refusal: LaunchRefusal): Error => new errors.InvalidRequest(`launch refused (${refusal})`);
  return {
    /** `extraParams.launch`: the `launch` scope and parameter go together; the launch must be this app's. */
    async validate(ctx: KoaContextWithOIDC, value: unknown, client: Client): Promise<void> {
      const scopes = String(ctx.oidc?.params?.['scope'] ?? '').split(' ');
      if (value === undefined) {
        if (scopes.includes('launch')) throw new errors.InvalidRequest('the launch scope needs a launch parameter');
        return;
      }
      if (!scopes.includes('launch')) throw new errors.InvalidRequest('a launch parameter needs the launch scope');
      const refusal = launches.check(String(value), client.clientId);
      if (refusal) throw refuse(refusal);
    },
    /** Once the person is known (before any consent): the launch must be theirs. */
    checkAccount(ctx: KoaContextWithOIDC): void {
      const launch = ctx.oidc?.params?.['launch'];
      const accountId = ctx.oidc?.account?.accountId;
      if (launch === undefined || accountId === undefined) return;
      const refusal = launches.check(String(launch), ctx.oidc?.client?.clientId ?? '', accountId);
      if (refusal) throw refuse(refusal);
    },
    /** Provider middleware: single use at code issuance; context in the token response. */
    async middleware(ctx: KoaContextWithOIDC, next: () => Promise<void>): Promise<void> {
      await next();
      const oidc = ctx.oidc;
      if (!oidc) return;
      const code = oidc.entities.AuthorizationCode;
      const launch = oidc.params?.['launch'];
      if ((oidc.route === 'authorization' || oidc.route === 'resume') && code && launch !== undefined) {
        const claimed = launches.claim(String(launch), code.clientId ?? '', code.accountId ?? '');
        if (typeof claimed !== 'string') {
          launches.bind(code.jti, claimed);
          return;
        }
        // Used meanwhile (two tabs racing): the code must not outlive the refused launch.
        await code.destroy();
        const back = new URL(String(oidc.params?.['redirect_uri'] ?? ''));
        back.search = '';
        back.searchParams.set('error', 'invalid_request');
        back.searchParams.set('error_description', `launch refused (${claimed})`);
        const state = oidc.params?.['state'];
        if (typeof state === 'string') back.searchParams.set('state', state);
        ctx.redirect(back.href);
        return;
      }
      const body = ctx.body;
      if (oidc.route !== 'token' || ctx.status !== 200 || typeof body !== 'object' || body === null) return;
      const context = contextOfTokenRequest(launches, ctx);
      if (!context) return;
      const answer = body as Record<string, unknown>;
      if (typeof answer['refresh_token'] === 'string') launches.bind(answer['refresh_token'], context);
      ctx.body = { ...answer, ...context };
    },
  };
}

/** The launch context behind a token request: its code's, or its (rotated) refresh token's. */
export function contextOfTokenRequest(launches: LaunchStore, ctx: KoaContextWithOIDC): LaunchContextClaims | undefined {
  const entities = ctx.oidc?.entities;
  return launches.contextOf(
    (entities?.AuthorizationCode ?? entities?.RotatedRefreshToken ?? entities?.RefreshToken)?.jti,
  );
}
