/** The figures of the search benches (bench code only). */

/**
 * Nearest-rank percentile of `values` (`fraction` 0.5: the median, 1: the largest), rounded to `step`
 * milliseconds (default: the microsecond); `NaN` without values.
 */
export function percentile(values: readonly number[], fraction: number, step = 0.001): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
  const scale = Math.round(1 / step);
  return value === undefined ? Number.NaN : Math.round(value * scale) / scale;
}

/**
 * This Node process's CPU time so far, in milliseconds (user + system). With one thread of JS and nothing
 * else to do, the difference around some work is that work's time — plus what V8's garbage collector and
 * compiler threads did meanwhile.
 */
export function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}
