// A real page of an association site in connected mode, for tests that reload
// it (see provider.offline-reload.test.ts): a <carnet-provider> around the pill
// organiser and the agenda, given the test page's signed-in session (a host
// page owning its session, same origin), so a reload keeps the patient signed in.
import type { CarnetSession } from '@carnet/catalog-sdk';
import type { CarnetProvider } from '../provider.js';
import '../provider.js';
import '../../pill-organiser/pill-organiser.js';
import '../../agenda/agenda.js';

/** What the page offers to the test page (on `window.carnetOfflinePage`). */
export interface OfflinePage {
  /** Puts the provider and its widgets in the page. */
  mount(options: { session: CarnetSession; fhirBaseUrl: string; dbName: string }): CarnetProvider;
}

declare global {
  interface Window {
    carnetOfflinePage?: OfflinePage;
  }
}

window.carnetOfflinePage = {
  mount({ session, fhirBaseUrl, dbName }) {
    const provider = document.createElement('carnet-provider');
    provider.setAttribute('fhir-base-url', fhirBaseUrl);
    provider.setAttribute('db-name', dbName);
    provider.setAttribute('pathology', 'parkinson');
    provider.session = session;
    const organiser = document.createElement('carnet-pill-organiser');
    const agenda = document.createElement('carnet-agenda');
    agenda.setAttribute('view', 'week');
    provider.append(organiser, agenda);
    document.body.append(provider);
    return provider;
  },
};
