/**
 * What every component test imports: @open-wc/testing's helpers, plus a root
 * hook that fails the test during which Lit printed a dev-mode warning.
 */
import { fixtureCleanup } from '@open-wc/testing';

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
  waitUntil,
} from '@open-wc/testing';

/** Removes every fixture now (instead of after the test), e.g. before deleting its database. */
export function removeFixtures(): void {
  fixtureCleanup();
}
