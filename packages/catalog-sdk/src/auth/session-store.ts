/**
 * Where a session keeps what it needs: its tokens (memory, or sessionStorage when
 * asked) and oidc-client-ts's transient sign-in state (state, nonce, PKCE verifier).
 * Nothing ever goes to localStorage.
 */
import type { StateStore } from 'oidc-client-ts';
import type { LaunchContext } from './launch.js';

/** The signed-in patient's tokens and identity, as the session holds them. */
export interface StoredTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Expiry of the access token, epoch milliseconds. */
  expiresAt: number;
  scope?: string;
  patientId?: string;
  /** SMART launch context of the authorization. */
  launch?: LaunchContext;
  user: { sub: string; name?: string; fhirUser?: string };
}

/** Holds the tokens in memory, mirrored to sessionStorage in `session` mode. */
export class TokenStore {
  #tokens: StoredTokens | undefined;

  constructor(
    private readonly key: string,
    private readonly storage: Storage | undefined,
  ) {
    this.#tokens = storage === undefined ? undefined : parseTokens(storage.getItem(key));
  }

  get(): StoredTokens | undefined {
    return this.#tokens;
  }

  set(tokens: StoredTokens): void {
    this.#tokens = tokens;
    this.storage?.setItem(this.key, JSON.stringify(tokens));
  }

  clear(): void {
    this.#tokens = undefined;
    this.storage?.removeItem(this.key);
  }
}

function parseTokens(text: string | null): StoredTokens | undefined {
  if (text === null) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<StoredTokens>;
    if (
      typeof parsed.accessToken !== 'string' ||
      typeof parsed.expiresAt !== 'number' ||
      typeof parsed.user?.sub !== 'string'
    )
      return undefined;
    return parsed as StoredTokens;
  } catch {
    return undefined;
  }
}

/**
 * oidc-client-ts's state store. In memory, except while a redirect sign-in is
 * under way: the page is about to unload, so the state (and PKCE verifier) must
 * survive the navigation — it goes to sessionStorage (this tab only) and is
 * removed when the callback consumes it. In `session` mode it always persists.
 */
export class TransientStateStore implements StateStore {
  readonly #memory = new Map<string, string>();
  /** True while the next `set` must survive a navigation. */
  persistNext = false;

  constructor(
    private readonly prefix: string,
    private readonly storage: Storage | undefined,
    private readonly alwaysPersist: boolean,
  ) {}

  async set(key: string, value: string): Promise<void> {
    this.#memory.set(key, value);
    if (this.storage && (this.alwaysPersist || this.persistNext)) this.storage.setItem(this.prefix + key, value);
    this.persistNext = false;
  }

  async get(key: string): Promise<string | null> {
    return this.#memory.get(key) ?? this.storage?.getItem(this.prefix + key) ?? null;
  }

  async remove(key: string): Promise<string | null> {
    const value = await this.get(key);
    this.#memory.delete(key);
    this.storage?.removeItem(this.prefix + key);
    return value;
  }

  async getAllKeys(): Promise<string[]> {
    const keys = new Set(this.#memory.keys());
    if (this.storage) {
      for (let i = 0; i < this.storage.length; i++) {
        const key = this.storage.key(i);
        if (key?.startsWith(this.prefix)) keys.add(key.slice(this.prefix.length));
      }
    }
    return [...keys];
  }
}

/** sessionStorage when the page has one (not in workers or Node). */
export function sessionStorageIfAny(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    // Access can throw when storage is disabled for the embedding site.
    return undefined;
  }
}
