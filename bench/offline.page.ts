// Offline cache and outbox figures (issue 16): time to show cached documents with
// the server unreachable at 10,000 documents, and outbox flush throughput.
// The server is a FAKE in this page (an in-memory FHIR handler behind `fetch`,
// answering at once), so the figures are the SDK's own cost: IndexedDB, sorting,
// the outbox bookkeeping. Against a real server, add its latency per request.
import { generateDocuments } from '@carnet/catalog-sdk/demo-data';
import {
  createFhirDataSource,
  healthDocumentToDocumentReference,
  type CachedDataSource,
  type PatientSession,
} from '@carnet/catalog-sdk';

type Json = Record<string, unknown> & { resourceType: string; id?: string; meta?: { versionId?: string } };

const PATIENT = 'bench-patient';
const BASE = 'https://fhir.bench.invalid/fhir';
const session: PatientSession = { patientId: PATIENT, getAccessToken: async () => 'bench-token' };

/** A tiny in-memory FHIR server: search (with `_count`/`_offset`, `identifier`), read, create, conditional update. */
class FakeFhirServer {
  readonly resources = new Map<string, Json>();
  requests = 0;
  #next = 1;

  readonly fetch: typeof fetch = async (input, init) => {
    this.requests += 1;
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const [type, id] = url.pathname.slice(new URL(BASE).pathname.length + 1).split('/');
    const headers = new Headers(init?.headers);
    if (method === 'GET' && id === undefined) return this.#search(type ?? '', url);
    if (method === 'GET') {
      const found = this.resources.get(`${type}/${id}`);
      return found ? json(200, found) : json(404, outcome());
    }
    const body = JSON.parse(String(init?.body ?? '{}')) as Json;
    if (method === 'POST') {
      body.id = `r${this.#next++}`;
      body.meta = { versionId: '1' };
      this.resources.set(`${type}/${body.id}`, body);
      return json(201, body);
    }
    if (method === 'PUT') {
      const current = this.resources.get(`${type}/${id}`);
      if (!current) return json(404, outcome());
      const ifMatch = /"([^"]*)"/.exec(headers.get('if-match') ?? '')?.[1];
      if (ifMatch !== undefined && ifMatch !== current.meta?.versionId) return json(412, outcome());
      body.meta = { versionId: String(Number(current.meta?.versionId ?? '0') + 1) };
      this.resources.set(`${type}/${id}`, body);
      return json(200, body);
    }
    return json(405, outcome());
  };

  #search(type: string, url: URL): Response {
    const count = Number(url.searchParams.get('_count') ?? 20);
    const offset = Number(url.searchParams.get('_offset') ?? 0);
    const identifier = url.searchParams.get('identifier');
    let matches = [...this.resources.values()].filter((r) => r.resourceType === type);
    if (identifier !== null) {
      const [system, value] = identifier.split('|');
      matches = matches.filter((r) =>
        ((r.identifier ?? []) as { system?: string; value?: string }[]).some(
          (i) => i.system === system && i.value === value,
        ),
      );
    }
    const page = matches.slice(offset, offset + count);
    const next = new URL(url.href);
    next.searchParams.set('_offset', String(offset + count));
    return json(200, {
      resourceType: 'Bundle',
      type: 'searchset',
      total: matches.length,
      entry: page.map((resource) => ({ resource, search: { mode: 'match' } })),
      link: offset + count < matches.length ? [{ relation: 'next', url: next.href }] : [],
    });
  }
}

function outcome(): Json {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing' }] };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/fhir+json' } });
}

const unreachable: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? NaN);
}

function source(dbName: string, fetch: typeof globalThis.fetch): CachedDataSource {
  return createFhirDataSource({ baseUrl: BASE, session, fetch, cache: { dbName } });
}

async function cachedDocumentsOffline(count: number): Promise<Record<string, unknown>> {
  const server = new FakeFhirServer();
  for (const doc of generateDocuments(count, { seed: 11 })) {
    const resource = healthDocumentToDocumentReference(
      { ...doc, id: doc.id.replace(/[^A-Za-z0-9\-.]/g, '').slice(0, 64), version: '1' },
      { patientId: PATIENT },
    ) as unknown as Json;
    server.resources.set(`DocumentReference/${resource.id}`, resource);
  }
  const dbName = `carnet-bench-offline-${crypto.randomUUID()}`;
  const first = source(dbName, server.fetch);
  const fillStart = performance.now();
  await first.documents.listAll();
  const fillMs = performance.now() - fillStart;
  first.close();
  const firstPage: number[] = [];
  const all: number[] = [];
  for (let run = 0; run < 7; run++) {
    // A new page load with the server unreachable: a new data source, a cold IndexedDB read.
    const offline = source(dbName, unreachable);
    const start = performance.now();
    const page = await offline.documents.list({ limit: 50 });
    firstPage.push(performance.now() - start);
    if (page.items.length !== 50 || page.total !== count) throw new Error('the cache did not hold every document');
    const startAll = performance.now();
    await offline.documents.listAll();
    all.push(performance.now() - startAll);
    offline.close();
  }
  await source(dbName, unreachable).sync.clearCache();
  return {
    documents: count,
    'first page of 50, offline, cold (median ms)': median(firstPage),
    'every document (listAll) after the first page, offline (median ms)': median(all),
    'first fill of the cache from the server (ms)': Math.round(fillMs),
  };
}

async function outboxFlush(changes: number): Promise<Record<string, unknown>> {
  const server = new FakeFhirServer();
  let up = false;
  const fetch: typeof globalThis.fetch = (input, init) => (up ? server.fetch(input, init) : unreachable(input, init));
  const dbName = `carnet-bench-outbox-${crypto.randomUUID()}`;
  const outbox = source(dbName, fetch);
  const queueStart = performance.now();
  const made = [];
  for (let i = 0; i < changes / 2; i++) {
    made.push(
      await outbox.agenda.create({
        title: `Rendez-vous ${i}`,
        kind: 'appointment',
        start: '2031-03-02T09:00:00',
        end: '2031-03-02T09:30:00',
      }),
    );
  }
  for (const event of made) await outbox.agenda.update({ ...event, notes: 'Apporter les résultats' });
  const queueMs = performance.now() - queueStart;
  if (outbox.sync.state.pending !== changes) throw new Error(`expected ${changes} pending changes`);
  up = true;
  server.requests = 0;
  const start = performance.now();
  while (outbox.sync.state.pending > 0) await outbox.sync.flush();
  const flushMs = performance.now() - start;
  const stored = [...server.resources.values()].filter((r) => r.resourceType === 'Appointment').length;
  await outbox.sync.clearCache();
  if (stored !== changes / 2) throw new Error(`the server holds ${stored} events, expected ${changes / 2}`);
  return {
    changes,
    'queued offline (changes/s)': Math.round(changes / (queueMs / 1000)),
    'flush (changes/s)': Math.round(changes / (flushMs / 1000)),
    'flush (ms)': Math.round(flushMs),
    'requests per change': Number((server.requests / changes).toFixed(2)),
    server: 'in-page fake FHIR server (no network latency)',
  };
}

export default [
  { name: 'offline: cached documents shown offline (10,000 documents)', run: () => cachedDocumentsOffline(10_000) },
  { name: 'offline: outbox flush (1,000 changes: 500 creations + 500 updates)', run: () => outboxFlush(1000) },
];
