/**
 * Login throttling, per account and per client address. The account key is the
 * login as typed (normalised), whether or not such an account exists, so an
 * unknown login is throttled, and answered, exactly like a real one.
 *
 * Per key: the first failures are free; after that each failure makes the next
 * attempt wait longer (30 s, 1 min, 2 min …); from the tenth failure the key is
 * locked for 15 minutes. While a key waits, every attempt, even with the right
 * password, is refused without being checked or counted. A success clears the
 * account's count (not the address's: an attacker's own valid account must not
 * reset the counter of an address that is trying others). Counts are forgotten
 * after 15 minutes without failure.
 */

/** The two throttled keys of one attempt. */
export interface ThrottleKeys {
  /** The login as typed. */
  account: string;
  /** The client's network address. */
  address: string;
}

interface Policy {
  /** Failures allowed before delays start. */
  free: number;
  /** Failures from which the key is locked. */
  lockAfter: number;
}

/** Accounts: 3 free failures, lock at 10. Addresses try many accounts legitimately (a family computer): 4×. */
const ACCOUNT: Policy = { free: 3, lockAfter: 10 };
const ADDRESS: Policy = { free: 12, lockAfter: 40 };
const BASE_DELAY_MS = 30_000;
/** Temporary lock, and how long counts are remembered. */
export const LOCK_MS = 15 * 60_000;

interface Entry {
  failures: number;
  /** No attempt before this instant (epoch ms). */
  until: number;
  last: number;
}

function delayAfter(policy: Policy, failures: number): number {
  if (failures >= policy.lockAfter) return LOCK_MS;
  if (failures <= policy.free) return 0;
  return Math.min(LOCK_MS, BASE_DELAY_MS * 2 ** (failures - policy.free - 1));
}

/** Failure counts and waits by account and by address, in memory. */
export class LoginThrottle {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;

  /** @param options.now clock in epoch ms, for tests */
  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  /** Milliseconds before these keys may try again (0: now). */
  retryAfter(keys: ThrottleKeys): number {
    const now = this.#now();
    return Math.max(0, ...this.#keys(keys).map(([key]) => (this.#entry(key, now)?.until ?? 0) - now));
  }

  /** Counts a failed attempt on both keys. */
  failed(keys: ThrottleKeys): void {
    const now = this.#now();
    this.#prune(now);
    for (const [key, policy] of this.#keys(keys)) {
      const entry = this.#entry(key, now) ?? { failures: 0, until: 0, last: now };
      entry.failures += 1;
      entry.last = now;
      entry.until = now + delayAfter(policy, entry.failures);
      this.#entries.set(key, entry);
    }
  }

  /** Clears the account's count after a successful sign-in. */
  succeeded(keys: ThrottleKeys): void {
    this.#entries.delete(`account:${keys.account.trim().toLowerCase()}`);
  }

  #keys(keys: ThrottleKeys): [string, Policy][] {
    return [
      [`account:${keys.account.trim().toLowerCase()}`, ACCOUNT],
      [`address:${keys.address}`, ADDRESS],
    ];
  }

  #entry(key: string, now: number): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && now - entry.last > LOCK_MS && now >= entry.until) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #prune(now: number): void {
    if (this.#entries.size < 10_000) return;
    for (const [key, entry] of this.#entries)
      if (now - entry.last > LOCK_MS && now >= entry.until) this.#entries.delete(key);
  }
}
