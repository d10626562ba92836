/**
 * Which access tokens no longer count, by `jti`. Access tokens are JWTs the
 * gateway verifies locally (signature, issuer, audience, expiry); this list is
 * the one thing it asks about each token besides: was it revoked since?
 *
 * The provider feeds it in-process: every JWT access token it issues is noted
 * with its grant, and when a grant ends (sign-out revoking the refresh token,
 * end-session, refresh-token reuse, grant removal) every access token of that
 * grant is marked revoked until it would have expired anyway. Entries are
 * dropped once the token has expired, so the list stays as small as the set of
 * live tokens. Extracted from this process, the same interface is answered by
 * the provider's introspection endpoint behind a short cache.
 */
export interface RevocationCheck {
  /**
   * True when the token with this `jti` must be refused: revoked itself, or
   * issued to an app (`clientId`) for a person (`subject`) before that person
   * withdrew the app's access.
   */
  isRevoked(jti: string, token?: TokenIdentity): boolean | Promise<boolean>;
}

/** Who a token was issued to and when, as the gateway reads it from the verified token. */
export interface TokenIdentity {
  subject: string;
  clientId?: string;
  /** Issued at, epoch seconds. */
  issuedAt?: number;
}

interface IssuedToken {
  grantId: string | undefined;
  /** Expiry in epoch seconds. */
  exp: number;
}

/** In-process revocation list of JWT access tokens, by `jti`, grouped by grant. */
export class RevocationList implements RevocationCheck {
  readonly #issued = new Map<string, IssuedToken>();
  readonly #byGrant = new Map<string, Set<string>>();
  /** Revoked `jti`s and their expiry (epoch seconds): kept until then. */
  readonly #revoked = new Map<string, number>();
  /** Apps a person withdrew (`subject client`), and when (epoch seconds), until their tokens expire. */
  readonly #withdrawn = new Map<string, { at: number; until: number }>();
  /** Ended grants and when their last token expires at the latest. */
  readonly #endedGrants = new Map<string, number>();
  readonly #now: () => number;
  readonly #maxTtl: number;
  #prunedAt = 0;

  /**
   * @param options.maxTokenTtl longest access-token lifetime in seconds (how long an ended grant is remembered)
   * @param options.now clock in epoch ms, for tests
   */
  constructor(options: { maxTokenTtl: number; now?: () => number }) {
    this.#maxTtl = options.maxTokenTtl;
    this.#now = options.now ?? Date.now;
  }

  /** Notes a token the provider just issued. */
  issued(jti: string, grantId: string | undefined, exp: number): void {
    this.#prune();
    if (grantId !== undefined && this.#endedGrants.has(grantId)) {
      this.#revoked.set(jti, exp);
      return;
    }
    this.#issued.set(jti, { grantId, exp });
    if (grantId === undefined) return;
    const tokens = this.#byGrant.get(grantId) ?? new Set<string>();
    tokens.add(jti);
    this.#byGrant.set(grantId, tokens);
  }

  /** Revokes one token. */
  revokeToken(jti: string, exp: number): void {
    this.#revoked.set(jti, exp);
  }

  /** Revokes every token of a grant, and any issued for it later. */
  revokeGrant(grantId: string): void {
    this.#endedGrants.set(grantId, this.#seconds() + this.#maxTtl);
    for (const jti of this.#byGrant.get(grantId) ?? []) {
      this.#revoked.set(jti, this.#issued.get(jti)?.exp ?? this.#seconds() + this.#maxTtl);
      this.#issued.delete(jti);
    }
    this.#byGrant.delete(grantId);
  }

  /**
   * A person withdrew an app's access: every token issued to that app for them
   * in an earlier second is refused, whether or not its `jti` was noted (the
   * tokens of the withdrawal's own second are refused through their grant).
   */
  revokeClientFor(subject: string, clientId: string): void {
    const now = this.#seconds();
    this.#withdrawn.set(`${subject} ${clientId}`, { at: now, until: now + this.#maxTtl });
  }

  /** True when the token was revoked (directly, through its grant, or by the person withdrawing the app). */
  isRevoked(jti: string, token?: TokenIdentity): boolean {
    if (this.#revoked.has(jti)) return true;
    if (!token?.clientId || token.issuedAt === undefined) return false;
    const withdrawn = this.#withdrawn.get(`${token.subject} ${token.clientId}`);
    return withdrawn !== undefined && token.issuedAt < withdrawn.at;
  }

  /** Live entries, for tests and the load script. */
  get size(): number {
    return this.#issued.size + this.#revoked.size;
  }

  #seconds(): number {
    return Math.floor(this.#now() / 1000);
  }

  /** Drops expired entries, at most every 10 s (each pass walks the live tokens). */
  #prune(): void {
    const now = this.#seconds();
    if (now - this.#prunedAt < 10) return;
    this.#prunedAt = now;
    for (const [jti, exp] of this.#revoked) if (exp < now) this.#revoked.delete(jti);
    for (const [grantId, until] of this.#endedGrants) if (until < now) this.#endedGrants.delete(grantId);
    for (const [key, withdrawn] of this.#withdrawn) if (withdrawn.until < now) this.#withdrawn.delete(key);
    for (const [jti, token] of this.#issued) {
      if (token.exp >= now) continue;
      this.#issued.delete(jti);
      if (token.grantId === undefined) continue;
      const tokens = this.#byGrant.get(token.grantId);
      tokens?.delete(jti);
      if (tokens?.size === 0) this.#byGrant.delete(token.grantId);
    }
  }
}
