/** Delays between attempts to send the outbox: exponential, capped, with full jitter. */

/**
 * Delay before attempt `failures` + 1 after `failures` consecutive failures:
 * a random delay in [cap/2, cap] where cap = min(max, base × 2^(failures-1)).
 * The jitter keeps many devices coming back together from all hitting the
 * server at the same instant; the lower half keeps a retry from being immediate.
 * A server's `Retry-After` wins when it asks for longer.
 */
export function backoffDelay(
  failures: number,
  options: { baseMs: number; maxMs: number; random: () => number; retryAfterMs?: number },
): number {
  const exponent = Math.max(0, failures - 1);
  const cap = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(exponent, 30));
  const jittered = cap / 2 + (cap / 2) * options.random();
  return Math.round(Math.min(options.maxMs, Math.max(jittered, options.retryAfterMs ?? 0)));
}
