// FhirClient's fault handling. A scripted `fetch` is used ONLY to inject faults a
// real server will not produce on demand (429, 503, stalls, foreign links);
// the happy paths run against the real FHIR server in sources/fhir/*.test.ts.
import { expect } from '@open-wc/testing';
import type { DocumentReference, Patient } from '@medplum/fhirtypes';
import { AuthError } from '../auth/auth-error.js';
import { ConflictError, NotFoundError } from '../errors/errors.js';
import { FhirClient, type FhirClientOptions } from './fhir-client.js';
import { FhirError } from './fhir-error.js';
import { parseRetryAfter } from './retry.js';

const BASE = 'https://fhir.test/r4';

type Step = (url: string, init: RequestInit) => Response | Promise<Response>;

/** A fetch that plays `steps` in order and records every call. */
function scripted(...steps: Step[]) {
  const calls: { url: string; init: RequestInit; at: number }[] = [];
  const fetcher = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init, at: performance.now() });
    const step = steps[Math.min(calls.length - 1, steps.length - 1)];
    if (!step) throw new Error('no scripted answer');
    return step(String(input), init);
  }) as typeof fetch;
  return { fetcher, calls };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/fhir+json', ...headers } });
const patient: Patient = { resourceType: 'Patient', id: 'p1', meta: { versionId: '4' } };
const ok = json(200, patient, { etag: 'W/"4"' });
const outcome = (code: string, diagnostics: string) => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code, diagnostics }],
});

function client(fetcher: typeof fetch, options: Partial<FhirClientOptions> = {}) {
  return new FhirClient({
    baseUrl: BASE,
    getAccessToken: async () => 'token-1',
    fetch: fetcher,
    retryBaseDelayMs: 10,
    ...options,
  });
}

function header(init: RequestInit, name: string): string | undefined {
  return (init.headers as Record<string, string>)[name];
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('FhirClient', () => {
  describe('reading', () => {
    it('reads a resource with its ETag, sending the bearer token and FHIR JSON accept', async () => {
      const { fetcher, calls } = scripted(ok);
      const result = await client(fetcher).read<Patient>('Patient', 'p1');
      expect(result.resource.id).to.equal('p1');
      expect(result.etag).to.equal('W/"4"');
      expect(calls[0]?.url).to.equal(`${BASE}/Patient/p1`);
      expect(header(calls[0]!.init, 'authorization')).to.equal('Bearer token-1');
      expect(header(calls[0]!.init, 'accept')).to.equal('application/fhir+json');
    });

    it('maps 404 and 410 to NotFoundError naming the resource', async () => {
      for (const status of [404, 410]) {
        const { fetcher } = scripted(json(status, outcome('not-found', 'gone')));
        const error = await rejection(client(fetcher).read('Patient', 'p9'));
        expect(error).to.be.instanceOf(NotFoundError);
        expect((error as NotFoundError).id).to.equal('p9');
      }
    });

    it('turns an OperationOutcome into a FhirError with codes and diagnostics kept out of the message', async () => {
      const { fetcher } = scripted(
        json(400, outcome('invalid', 'DocumentReference.title « Bilan rénal » is too long')),
      );
      const error = (await rejection(client(fetcher).read('DocumentReference', 'd1'))) as FhirError;
      expect(error).to.be.instanceOf(FhirError);
      expect(error.status).to.equal(400);
      expect(error.code).to.equal('request');
      expect(error.issueCodes).to.deep.equal(['invalid']);
      expect(error.diagnostics[0]).to.contain('too long');
      expect(error.message).to.equal('GET DocumentReference: HTTP 400 (invalid)');
      expect(error.message).not.to.contain('Bilan');
    });

    it('reports an HTML 502 page as a server FhirError without issues', async () => {
      const { fetcher } = scripted(
        () => new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }),
      );
      const error = (await rejection(client(fetcher).read('Patient', 'p1'))) as FhirError;
      expect(error.code).to.equal('server');
      expect(error.status).to.equal(502);
      expect(error.issues).to.deep.equal([]);
    });

    it('reports a network failure as FhirError status 0 code network', async () => {
      const { fetcher } = scripted(() => Promise.reject(new TypeError('Failed to fetch')));
      const error = (await rejection(client(fetcher).read('Patient', 'p1'))) as FhirError;
      expect(error).to.be.instanceOf(FhirError);
      expect(error.status).to.equal(0);
      expect(error.code).to.equal('network');
      expect(error.messageKey).to.equal('error.network');
    });

    it('reports an unreachable real server as code network', async () => {
      const real = new FhirClient({
        baseUrl: 'http://127.0.0.1:9/fhir',
        getAccessToken: async () => 't',
        timeoutMs: 5000,
      });
      const error = (await rejection(real.read('Patient', 'p1'))) as FhirError;
      expect(error.code).to.equal('network');
    });
  });

  describe('timeouts and aborts', () => {
    const stall: Step = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));

    it('gives up after timeoutMs with FhirError code timeout', async () => {
      const { fetcher } = scripted(stall);
      const started = performance.now();
      const error = (await rejection(client(fetcher, { timeoutMs: 150 }).read('Patient', 'p1'))) as FhirError;
      expect(error.code).to.equal('timeout');
      expect(error.status).to.equal(0);
      // Timers never fire early; on a busy machine they may fire late, so only the lower bound is checked.
      expect(performance.now() - started).to.be.at.least(140);
    });

    it("rejects with the caller's abort reason, not a FhirError", async () => {
      const { fetcher } = scripted(stall);
      const controller = new AbortController();
      const pending = client(fetcher).read('Patient', 'p1', { signal: controller.signal });
      controller.abort();
      const error = (await rejection(pending)) as DOMException;
      expect(error).not.to.be.instanceOf(FhirError);
      expect(error.name).to.equal('AbortError');
    });

    it('stops waiting for a retry when the caller aborts', async () => {
      const { fetcher, calls } = scripted(json(503, outcome('transient', 'busy'), { 'retry-after': '10' }), ok);
      const controller = new AbortController();
      const pending = client(fetcher, { maxRetryDelayMs: 60_000 }).read('Patient', 'p1', { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const started = performance.now();
      const error = (await rejection(pending)) as DOMException;
      expect(error.name).to.equal('AbortError');
      // Well under the 10 s the server asked for: the abort ended the wait.
      expect(performance.now() - started).to.be.below(5_000);
      expect(calls).to.have.length(1);
    });
  });

  describe('retries on 429 and 503', () => {
    it('honours Retry-After in seconds', async () => {
      const { fetcher, calls } = scripted(json(429, outcome('throttled', 'slow down'), { 'retry-after': '1' }), ok);
      const result = await client(fetcher).read<Patient>('Patient', 'p1');
      expect(result.resource.id).to.equal('p1');
      expect(calls).to.have.length(2);
      expect(calls[1]!.at - calls[0]!.at).to.be.at.least(950);
    });

    it('honours Retry-After as an HTTP date', async () => {
      const when = new Date(Date.now() + 1500).toUTCString();
      const { fetcher, calls } = scripted(json(503, outcome('transient', 'maintenance'), { 'retry-after': when }), ok);
      await client(fetcher).read('Patient', 'p1');
      // HTTP dates have one-second precision: the wait is 0.5 to 1.5 s.
      expect(calls[1]!.at - calls[0]!.at).to.be.at.least(400);
    });

    it('caps what the server asks for at maxRetryDelayMs', async () => {
      const { fetcher, calls } = scripted(json(503, outcome('transient', 'later'), { 'retry-after': '3600' }), ok);
      await client(fetcher, { maxRetryDelayMs: 80 }).read('Patient', 'p1');
      // Capped at 80 ms, not the hour asked for (a busy machine may add some delay, never hours).
      expect(calls[1]!.at - calls[0]!.at).to.be.within(70, 10_000);
    });

    it('backs off exponentially without Retry-After, then surfaces the last failure', async () => {
      const { fetcher, calls } = scripted(json(503, outcome('transient', 'busy')));
      const error = (await rejection(
        client(fetcher, { retryBaseDelayMs: 40, maxRetries: 3 }).read('Patient', 'p1'),
      )) as FhirError;
      expect(error.status).to.equal(503);
      expect(error.code).to.equal('server');
      expect(calls).to.have.length(4);
      const gaps = calls.slice(1).map((call, i) => call.at - calls[i]!.at);
      // Each wait at least doubles (lower bounds: timers never fire early, but may fire late when busy).
      expect(gaps[0]).to.be.at.least(35);
      expect(gaps[1]).to.be.at.least(75);
      expect(gaps[2]).to.be.at.least(155);
    });

    it('does not retry other failures', async () => {
      const { fetcher, calls } = scripted(json(500, outcome('exception', 'boom')), ok);
      await rejection(client(fetcher).read('Patient', 'p1'));
      expect(calls).to.have.length(1);
    });
  });

  describe('401 and token renewal', () => {
    it('renews once through onUnauthorized and retries with the new token', async () => {
      let token = 'expired';
      let renewals = 0;
      const { fetcher, calls } = scripted(json(401, outcome('login', 'expired')), ok);
      const fhir = client(fetcher, {
        getAccessToken: async () => token,
        onUnauthorized: async () => {
          renewals++;
          token = 'renewed';
        },
      });
      const result = await fhir.read<Patient>('Patient', 'p1');
      expect(result.resource.id).to.equal('p1');
      expect(renewals).to.equal(1);
      expect(calls.map((c) => header(c.init, 'authorization'))).to.deep.equal(['Bearer expired', 'Bearer renewed']);
    });

    it('rejects with AuthError login_required when the renewed token is refused too', async () => {
      let renewals = 0;
      const { fetcher, calls } = scripted(json(401, outcome('login', 'no')));
      const fhir = client(fetcher, { onUnauthorized: async () => void renewals++ });
      const error = (await rejection(fhir.read('Patient', 'p1'))) as AuthError;
      expect(error).to.be.instanceOf(AuthError);
      expect(error.reason).to.equal('login_required');
      expect(renewals).to.equal(1);
      expect(calls).to.have.length(2);
    });

    it('lets an AuthError from getAccessToken through untouched', async () => {
      const { fetcher, calls } = scripted(ok);
      const fhir = client(fetcher, {
        getAccessToken: () => Promise.reject(new AuthError('login_required', 'signed out')),
      });
      const error = (await rejection(fhir.read('Patient', 'p1'))) as AuthError;
      expect(error.reason).to.equal('login_required');
      expect(calls).to.have.length(0);
    });
  });

  describe('writing', () => {
    const doc: DocumentReference = {
      resourceType: 'DocumentReference',
      id: 'd1',
      status: 'current',
      content: [{ attachment: { contentType: 'application/pdf' } }],
    };

    it('sends If-Match as a weak ETag and maps 412 to ConflictError with both versions', async () => {
      const { fetcher, calls } = scripted(json(412, outcome('conflict', 'version mismatch'), { etag: 'W/"5"' }));
      const error = (await rejection(client(fetcher).update(doc, { ifMatch: '3' }))) as ConflictError;
      expect(header(calls[0]!.init, 'if-match')).to.equal('W/"3"');
      expect(calls[0]!.init.method).to.equal('PUT');
      expect(calls[0]!.url).to.equal(`${BASE}/DocumentReference/d1`);
      expect(error).to.be.instanceOf(ConflictError);
      expect(error.expectedVersion).to.equal('3');
      expect(error.currentVersion).to.equal('5');
      expect(error.id).to.equal('d1');
    });

    it('creates conditionally with If-None-Exist and tells whether it created', async () => {
      const stored = { ...doc, meta: { versionId: '1' } };
      const { fetcher, calls } = scripted(json(201, stored), json(200, stored));
      const fhir = client(fetcher);
      const first = await fhir.create(doc, { ifNoneExist: 'identifier=x|y' });
      const second = await fhir.create(doc, { ifNoneExist: 'identifier=x|y' });
      expect(header(calls[0]!.init, 'if-none-exist')).to.equal('identifier=x|y');
      expect(header(calls[0]!.init, 'content-type')).to.equal('application/fhir+json');
      expect([first.created, second.created]).to.deep.equal([true, false]);
      expect(first.etag).to.equal('W/"1"');
    });

    it('deletes conditionally', async () => {
      const { fetcher, calls } = scripted(() => new Response(null, { status: 204 }));
      await client(fetcher).delete('Appointment', 'a1', { ifMatch: 'W/"7"' });
      expect(calls[0]!.init.method).to.equal('DELETE');
      expect(header(calls[0]!.init, 'if-match')).to.equal('W/"7"');
    });
  });

  describe('paging and links', () => {
    const bundle = (ids: string[], next?: string) =>
      json(200, {
        resourceType: 'Bundle',
        type: 'searchset',
        total: 3,
        link: next === undefined ? [] : [{ relation: 'next', url: next }],
        entry: ids.map((id) => ({ resource: { ...patient, id }, search: { mode: 'match' } })),
      });

    it('follows next links under the base URL with all: true', async () => {
      const { fetcher, calls } = scripted(bundle(['a', 'b'], `${BASE}/Patient?_offset=2`), bundle(['c']));
      const result = await client(fetcher).search<Patient>('Patient', { name: 'x', _count: 2 }, { all: true });
      expect(result.resources.map((p) => p.id)).to.deep.equal(['a', 'b', 'c']);
      expect(result.next).to.equal(undefined);
      expect(calls[0]!.url).to.equal(`${BASE}/Patient?name=x&_count=2`);
      expect(calls[1]!.url).to.equal(`${BASE}/Patient?_offset=2`);
    });

    it('refuses a next link on another origin and never sends the token there', async () => {
      const { fetcher, calls } = scripted(bundle(['a'], 'https://evil.test/r4/Patient?_offset=1'));
      const error = (await rejection(client(fetcher).search('Patient', {}, { all: true }))) as FhirError;
      expect(error.code).to.equal('refused-link');
      expect(calls.map((c) => new URL(c.url).origin)).to.deep.equal(['https://fhir.test']);
    });

    it('refuses a next link on the same origin outside the base path', async () => {
      const { fetcher } = scripted(bundle(['a'], 'https://fhir.test/admin/Patient?_offset=1'));
      const error = (await rejection(client(fetcher).search('Patient'))) as FhirError;
      expect(error.code).to.equal('refused-link');
    });

    it('separates _include results from matches', async () => {
      const { fetcher } = scripted(
        json(200, {
          resourceType: 'Bundle',
          type: 'searchset',
          entry: [
            { resource: { resourceType: 'CareTeam', id: 't1' }, search: { mode: 'match' } },
            { resource: { resourceType: 'Practitioner', id: 'pr1' }, search: { mode: 'include' } },
          ],
        }),
      );
      const result = await client(fetcher).search('CareTeam', { _include: 'CareTeam:participant' });
      expect(result.resources.map((r) => r.id)).to.deep.equal(['t1']);
      expect(result.included.map((r) => r.id)).to.deep.equal(['pr1']);
    });
  });

  describe('attachments', () => {
    it('downloads a relative Binary URL with the token as raw content', async () => {
      const { fetcher, calls } = scripted(
        () =>
          new Response(new Uint8Array([37, 80, 68, 70]), {
            status: 200,
            headers: { 'content-type': 'application/pdf' },
          }),
      );
      const blob = await client(fetcher).readBinary('Binary/b1');
      expect(calls[0]!.url).to.equal(`${BASE}/Binary/b1`);
      expect(header(calls[0]!.init, 'authorization')).to.equal('Bearer token-1');
      expect(blob.type).to.equal('application/pdf');
      expect(await blob.text()).to.equal('%PDF');
    });

    it('decodes a Binary resource answer', async () => {
      const { fetcher } = scripted(
        json(200, { resourceType: 'Binary', contentType: 'text/plain', data: btoa('bonjour') }),
      );
      const blob = await client(fetcher).readBinary(`${BASE}/Binary/b2`);
      expect(blob.type).to.equal('text/plain');
      expect(await blob.text()).to.equal('bonjour');
    });

    it('refuses an attachment URL outside the base URL', async () => {
      const { fetcher, calls } = scripted(ok);
      const error = (await rejection(client(fetcher).readBinary('https://cdn.test/file.pdf'))) as FhirError;
      expect(error.code).to.equal('refused-link');
      expect(calls).to.have.length(0);
    });
  });

  describe('parseRetryAfter', () => {
    it('reads seconds, HTTP dates and ignores garbage', () => {
      const now = Date.parse('2026-03-29T10:00:00Z');
      expect(parseRetryAfter('120', now)).to.equal(120_000);
      expect(parseRetryAfter('Sun, 29 Mar 2026 10:00:30 GMT', now)).to.equal(30_000);
      expect(parseRetryAfter('Sun, 29 Mar 2026 09:00:00 GMT', now)).to.equal(0);
      expect(parseRetryAfter('soon', now)).to.equal(undefined);
      expect(parseRetryAfter(null, now)).to.equal(undefined);
    });
  });
});
