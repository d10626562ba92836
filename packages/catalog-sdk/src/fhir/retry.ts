/**
 * When to try a request again after the server said "too many requests" (429)
 * or "unavailable" (503): the server's `Retry-After` when it gave one, else
 * exponential backoff; always capped so a widget never hangs for minutes.
 */

/** Statuses that mean "not processed, try again later". */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/**
 * Milliseconds to wait from a `Retry-After` header: delta-seconds or an HTTP date.
 * Undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Delay before retry number `attempt` (0-based): the server's wish or 2^attempt × base, capped. */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, baseMs: number, capMs: number): number {
  const wanted = retryAfterMs ?? baseMs * 2 ** attempt;
  return Math.min(Math.max(0, wanted), capMs);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
