/**
 * What every component test imports: @open-wc/testing's helpers, plus a root
 * hook that fails the test during which Lit printed a dev-mode warning.
 */
import { fixtureCleanup, waitUntil as waitUntilWithin } from '@open-wc/testing';

declare global {
  interface Window {
    /** Lit dev-mode warnings recorded by the test page (web-test-runner.config.mjs). */
    __carnetLitWarnings?: string[];
  }
}

afterEach(function failOnLitWarnings() {
  const warnings = window.__carnetLitWarnings;
  if (!warnings || warnings.length === 0) return;
  const seen = warnings.splice(0, warnings.length);
  throw new Error(`Lit dev-mode warnings during "${this.currentTest?.fullTitle() ?? 'test'}":\n${seen.join('\n')}`);
});

// Fixtures whose root is not a Lit element: prefer `fixtureSync`, since `fixture` then waits
// for an animation frame, which never comes while the test page runs in the background.
export {
  aTimeout,
  elementUpdated,
  expect,
  fixture,
  fixtureCleanup,
  fixtureSync,
  html,
  nextFrame,
  oneEvent,
} from '@open-wc/testing';

/**
 * How long a condition may take by default. @open-wc's own default (1 s) assumes a
 * quiet machine: an IndexedDB write and a re-render can take longer than that on two
 * busy cores. So a condition may take almost as long as the test itself (Mocha's
 * 20 s, web-test-runner.config.mjs), and still fails with its own message first.
 */
const CONDITION_TIMEOUT_MS = 15_000;

/** Waits until `predicate` holds (checked every 20 ms); fails with `message` when it never does. */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return waitUntilWithin(predicate, message, { interval: 20, timeout: CONDITION_TIMEOUT_MS, ...options });
}

/** Removes every fixture now (instead of after the test), e.g. before deleting its database. */
export function removeFixtures(): void {
  fixtureCleanup();
}
