// A catalogue developer's first file, type-checked against the packed tarballs
// (scripts/check-pack.mjs) with skipLibCheck off: every public type must resolve.
import {
  CarnetSession,
  createFhirDataSource,
  createDocumentIndex,
  createLocalDataSource,
  expandOccurrences,
  type AgendaEvent,
  type DataSource,
  type HealthDocument,
} from '@carnet/catalog-sdk';
import '@carnet/components';
import type { CarnetAgenda } from '@carnet/components/agenda/agenda.component.js';

const source: DataSource = createLocalDataSource({ dbName: 'my-app' });

export async function listDocuments(): Promise<HealthDocument[]> {
  const page = await source.documents.list();
  return page.items;
}

export function searchTitles(documents: HealthDocument[], query: string): string[] {
  return createDocumentIndex(documents)
    .search(query)
    .hits.map((hit) => hit.document.title);
}

export function nextOccurrences(event: AgendaEvent): string[] {
  const start = new Date();
  const end = new Date(start.getTime() + 30 * 86_400_000);
  return expandOccurrences(event, { start, end }).map((occurrence) => occurrence.start);
}

export function mountAgenda(host: HTMLElement): CarnetAgenda {
  const agenda = document.createElement('carnet-agenda');
  agenda.addEventListener('carnet-event-change', (event) => console.info(event.detail));
  host.append(agenda);
  return agenda;
}

// The SDK README's quick start, kept compiling.
export async function readmeQuickStart(): Promise<void> {
  const session = await CarnetSession.create({
    issuer: 'https://login.example.org',
    clientId: 'my-app',
    redirectUri: `${location.origin}/callback.html`,
    scopes: ['openid', 'fhirUser', 'launch/patient', 'patient/DocumentReference.rs'],
    fhirBaseUrl: 'https://fhir.example.org/r4',
  });
  if (new URLSearchParams(location.search).has('code')) await session.handleCallback();
  if (!session.isAuthenticated) await session.signIn();
  const record = createFhirDataSource({ baseUrl: 'https://fhir.example.org/r4', session });
  const page = await record.documents.list({ limit: 20 });
  // Show them in the page (never in logs: titles are health data).
  const list = document.createElement('ul');
  for (const item of page.items) {
    const row = document.createElement('li');
    row.textContent = `${item.title} — ${item.date}`;
    list.append(row);
  }
  document.body.append(list);
}
