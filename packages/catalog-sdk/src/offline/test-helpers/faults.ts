/**
 * Test helpers for the offline layer: a `fetch` wrapper that only injects faults
 * (everything else goes to the REAL FHIR server), a seeded random source, and
 * waiting on conditions (never on time).
 */
import type { SyncController } from '../sync.js';

/** How the wrapper treats the next requests. */
export type FaultMode =
  /** Every request reaches the server. */
  | 'up'
  /** The server cannot be reached: nothing is sent. */
  | 'down'
  /** Random faults at `rate`: unreachable, 500/503/429 before or after the server acted, lost answers. */
  | 'random';

/** What happened to requests, for the test's report. */
export interface FaultCounts {
  passed: number;
  unreachable: number;
  lostAfterCommit: number;
  error500Before: number;
  error500After: number;
  busy429: number;
}

/** A deterministic random source (mulberry32), so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function failure(status: number, headers: Record<string, string> = {}): Response {
  return new Response(
    JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception' }] }),
    {
      status,
      headers: { 'content-type': 'application/fhir+json', ...headers },
    },
  );
}

/** A `fetch` in front of the real server that can make it unreachable or faulty. */
export class FaultyNetwork {
  mode: FaultMode = 'up';
  /** Share of requests that fail in `random` mode. */
  rate = 0.3;
  /** The next N writes reach the server, which acts on them, and their answers are lost. */
  loseNextWrites = 0;
  /** The next N writes are refused with 422 (the server found the change itself invalid). */
  rejectNextWrites = 0;
  /** Only writes (POST/PUT/DELETE) fail in `random` mode when true. */
  writesOnly = false;
  readonly counts: FaultCounts = {
    passed: 0,
    unreachable: 0,
    lostAfterCommit: 0,
    error500Before: 0,
    error500After: 0,
    busy429: 0,
  };

  constructor(private readonly random: () => number = Math.random) {}

  readonly fetch: typeof fetch = async (input, init) => {
    if (this.mode === 'down') {
      this.counts.unreachable += 1;
      throw new TypeError('Failed to fetch');
    }
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && this.loseNextWrites > 0) {
      this.loseNextWrites -= 1;
      await (await fetch(input, init)).arrayBuffer();
      this.counts.lostAfterCommit += 1;
      throw new TypeError('Failed to fetch');
    }
    if (method !== 'GET' && this.rejectNextWrites > 0) {
      this.rejectNextWrites -= 1;
      return failure(422);
    }
    const faulty = this.mode === 'random' && (!this.writesOnly || method !== 'GET') && this.random() < this.rate;
    if (!faulty) {
      this.counts.passed += 1;
      return fetch(input, init);
    }
    const kind = this.random();
    if (kind < 0.2) {
      this.counts.unreachable += 1;
      throw new TypeError('Failed to fetch');
    }
    if (kind < 0.4) {
      this.counts.error500Before += 1;
      return failure(500);
    }
    if (kind < 0.55) {
      this.counts.busy429 += 1;
      return failure(429, { 'retry-after': '0' });
    }
    // The server acts on the request, then the answer is lost or replaced by an error.
    const response = await fetch(input, init);
    await response.arrayBuffer();
    if (kind < 0.8) {
      this.counts.lostAfterCommit += 1;
      throw new TypeError('Failed to fetch');
    }
    this.counts.error500After += 1;
    return failure(503);
  };
}

/** Waits until `check()` is true, re-checking on every sync event of `syncs` (and on a slow poll as a safety net). */
export function until(
  check: () => boolean | Promise<boolean>,
  syncs: readonly SyncController[],
  what: string,
  limitMs = 90_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const poll = setInterval(() => void test(), 500);
    // Long enough for a busy 2-core machine, shorter than the test's timeout so the failure names what was awaited.
    const limit = setTimeout(() => finish(new Error(`timed out waiting for: ${what}`)), limitMs);
    const onEvent = (): void => void test();
    for (const sync of syncs) {
      sync.addEventListener('statechange', onEvent);
      sync.addEventListener('change', onEvent);
    }
    function finish(error?: Error): void {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(limit);
      for (const sync of syncs) {
        sync.removeEventListener('statechange', onEvent);
        sync.removeEventListener('change', onEvent);
      }
      if (error) reject(error);
      else resolve();
    }
    async function test(): Promise<void> {
      try {
        if (!done && (await check())) finish();
      } catch (error) {
        finish(error as Error);
      }
    }
    void test();
  });
}
