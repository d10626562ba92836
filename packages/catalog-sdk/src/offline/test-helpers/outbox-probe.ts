// A page with its own cached FHIR data source, for tests that need a second tab
// or a real reload (see offline-pages.test.ts). The test page hands it the real
// signed-in session (same origin) and tells it whether the server is reachable.
import type { PatientSession } from '../../sources/fhir/fhir-context.js';
import { createFhirDataSource } from '../../sources/fhir/fhir-data-source.js';
import type { CachedDataSource } from '../cached-source.js';

/** What the probe offers to the test page (on `window.carnetOutboxProbe`). */
export interface OutboxProbe {
  /** Opens the data source; `reachable` false makes every request fail as with no network. */
  open(options: { baseUrl: string; session: PatientSession; dbName: string; reachable: boolean }): CachedDataSource;
  /** Makes the server reachable again (or not). */
  setReachable(reachable: boolean): void;
}

declare global {
  interface Window {
    carnetOutboxProbe?: OutboxProbe;
  }
}

let reachable = true;
const faultyFetch: typeof fetch = (input, init) =>
  reachable ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));

window.carnetOutboxProbe = {
  open(options) {
    reachable = options.reachable;
    return createFhirDataSource({
      baseUrl: options.baseUrl,
      session: options.session,
      fetch: faultyFetch,
      cache: { dbName: options.dbName, retryBaseDelayMs: 20, retryMaxDelayMs: 500 },
    });
  },
  setReachable(value) {
    reachable = value;
  },
};
window.dispatchEvent(new Event('carnet-outbox-probe-ready'));
