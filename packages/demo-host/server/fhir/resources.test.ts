import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { validateResource } from '@medplum/core';
import type { AuditEvent, Resource } from '@medplum/fhirtypes';
import { accessToken, fhir, json, mintToken, startTestPlatform, type TestPlatform } from '../testing/fhir-client.js';

let test: TestPlatform;
let diabetes: string;

before(async () => {
  test = await startTestPlatform();
  diabetes = await accessToken(test.platform);
});
after(async () => {
  await test.platform.close();
});

type Entry = { fullUrl?: string; resource: Resource & { subject?: { reference?: string } } };
type Link = { relation: string; url: string };

const appointment = (extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    resourceType: 'Appointment',
    status: 'booked',
    start: '2026-12-01T09:00:00Z',
    end: '2026-12-01T09:30:00Z',
    participant: [{ status: 'accepted', actor: { display: 'Dr Test' } }],
    ...extra,
  });

describe('FHIR server: discovery', () => {
  it('serves its CapabilityStatement without a token', async () => {
    const response = await fetch(`${test.platform.fhirBaseUrl}/metadata`);
    assert.equal(response.status, 200);
    const statement = await json(response);
    assert.equal(statement.resourceType, 'CapabilityStatement');
    assert.equal(statement['fhirVersion'], '4.0.1');
    const rest = (
      statement['rest'] as {
        resource: { type: string; interaction: { code: string }[]; searchParam: { name: string }[] }[];
      }[]
    )[0];
    const documents = rest?.resource.find((r) => r.type === 'DocumentReference');
    assert.deepEqual(documents?.interaction.map((i) => i.code).sort(), [
      'create',
      'delete',
      'read',
      'search-type',
      'update',
    ]);
    assert.ok(documents?.searchParam.some((p) => p.name === 'patient'));
  });

  it('serves the SMART configuration pointing at the provider', async () => {
    const config = await json(await fetch(`${test.platform.fhirBaseUrl}/.well-known/smart-configuration`));
    assert.equal(config['issuer'], test.platform.issuer);
    assert.equal(config['token_endpoint'], `${test.platform.issuer}/token`);
    assert.equal(config['authorization_endpoint'], `${test.platform.issuer}/auth`);
    assert.equal(config['revocation_endpoint'], `${test.platform.issuer}/token/revocation`);
    assert.deepEqual(config['code_challenge_methods_supported'], ['S256']);
    for (const capability of [
      'launch-standalone',
      'client-public',
      'context-standalone-patient',
      'permission-v2',
      'permission-offline',
    ]) {
      assert.ok((config['capabilities'] as string[]).includes(capability), capability);
    }
  });
});

describe('FHIR server: read and search', () => {
  it('reads an own document with a quoted weak ETag of its version', async () => {
    const response = await fhir(test.platform, '/DocumentReference/doc-diabetes-0001', diabetes);
    assert.equal(response.status, 200);
    const document = await json(response);
    const versionId = (document['meta'] as { versionId: string }).versionId;
    assert.equal(response.headers.get('etag'), `W/"${versionId}"`);
    assert.match(response.headers.get('content-type') ?? '', /^application\/fhir\+json/);
  });

  it('searches only the own documents, with paging links and full URLs', async () => {
    const first = await json(await fhir(test.platform, '/DocumentReference?_count=25', diabetes));
    const entries = first['entry'] as Entry[];
    assert.equal(first['total'], 60);
    assert.equal(entries.length, 25);
    assert.ok(entries.every((e) => e.resource.subject?.reference === 'Patient/patient-diabetes'));
    assert.ok(entries.every((e) => e.fullUrl === `${test.platform.fhirBaseUrl}/DocumentReference/${e.resource.id}`));
    const links = first['link'] as Link[];
    const next = links.find((l) => l.relation === 'next')?.url ?? '';
    assert.ok(links.some((l) => l.relation === 'self'));
    assert.match(next, /_offset=25/);
    const second = await json(await fhir(test.platform, next.slice(test.platform.fhirBaseUrl.length), diabetes));
    const secondIds = (second['entry'] as Entry[]).map((e) => e.resource.id);
    assert.equal(secondIds.length, 25);
    assert.ok(secondIds.every((id) => !entries.some((e) => e.resource.id === id)));
    assert.ok((second['link'] as Link[]).some((l) => l.relation === 'previous'));
    const last = await json(await fhir(test.platform, '/DocumentReference?_count=25&_offset=50', diabetes));
    assert.equal((last['entry'] as Entry[]).length, 10);
    assert.equal(
      (last['link'] as Link[]).find((l) => l.relation === 'next'),
      undefined,
    );
  });

  it('serves a document attachment as a real PDF', async () => {
    const document = await json(await fhir(test.platform, '/DocumentReference/doc-diabetes-0001', diabetes));
    const attachment = (document['content'] as { attachment: { url: string; contentType: string; size: number } }[])[0]
      ?.attachment;
    assert.ok(attachment);
    assert.equal(attachment.url, `${test.platform.fhirBaseUrl}/Binary/doc-diabetes-0001`);
    const response = await fhir(test.platform, attachment.url.slice(test.platform.fhirBaseUrl.length), diabetes);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), attachment.contentType);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(bytes.length, attachment.size);
    if (attachment.contentType === 'application/pdf') assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    else assert.match(bytes.toString('utf8'), /^<svg /);
  });

  it('serves PDFs and SVGs for every document kind, and a Binary as FHIR JSON on request', async () => {
    const bundle = await json(await fhir(test.platform, '/DocumentReference?_count=60', diabetes));
    const types = new Set(
      (bundle['entry'] as { resource: { content: { attachment: { contentType: string } }[] } }[]).map(
        (e) => e.resource.content[0]?.attachment.contentType,
      ),
    );
    assert.deepEqual([...types].sort(), ['application/pdf', 'image/svg+xml']);
    const binary = await json(
      await fhir(test.platform, '/Binary/doc-diabetes-0001', diabetes, {
        headers: { Accept: 'application/fhir+json' },
      }),
    );
    assert.equal(binary.resourceType, 'Binary');
    assert.equal((binary['securityContext'] as { reference: string }).reference, 'Patient/patient-diabetes');
  });

  it("answers 404 for another patient's Binary, as for a missing one", async () => {
    assert.equal((await fhir(test.platform, '/Binary/doc-kidney-0001', diabetes)).status, 404);
  });

  it('leaves an AuditEvent naming the patient and the reader after a document read', async () => {
    await fhir(test.platform, '/DocumentReference/doc-diabetes-0003', diabetes);
    const token = await mintToken({
      key: test.signingKey,
      issuer: test.platform.issuer,
      audience: test.platform.fhirBaseUrl,
      scope: 'patient/AuditEvent.rs',
    });
    const bundle = await json(await fhir(test.platform, '/AuditEvent?_count=1000', token));
    const events = (bundle['entry'] as { resource: AuditEvent }[]).map((e) => e.resource);
    const event = events.find(
      (e) => e.action === 'R' && e.entity?.some((x) => x.what?.reference === 'DocumentReference/doc-diabetes-0003'),
    );
    assert.ok(event, 'an AuditEvent for the read');
    assert.ok(event.entity?.some((x) => x.what?.reference === 'Patient/patient-diabetes'));
    assert.equal(event.agent[0]?.who?.identifier?.value, 'patient-diabetes');
    assert.equal(event.agent[0]?.requestor, true);
    assert.ok(
      events.some((e) => e.action === 'E'),
      'searches are audited too',
    );
    validateResource(event);
  });

  it('answers 404 OperationOutcomes for unknown ids, routes and types', async () => {
    for (const path of ['/DocumentReference/nope', '/Encounter', '/DocumentReference/x/y/z', '/$export']) {
      const response = await fhir(test.platform, path, diabetes);
      assert.equal(response.status, 404, path);
      assert.equal((await json(response)).resourceType, 'OperationOutcome');
    }
    const outside = await fetch(`${test.platform.fhirBaseUrl.replace('/fhir', '')}/elsewhere`);
    assert.equal(outside.status, 404);
  });
});

describe('FHIR server: writes', () => {
  it("creates an appointment in the patient's compartment, then deletes it", async () => {
    const created = await fhir(test.platform, '/Appointment', diabetes, { method: 'POST', body: appointment() });
    assert.equal(created.status, 201);
    const resource = await json(created);
    assert.match(
      created.headers.get('location') ?? '',
      new RegExp(`/fhir/Appointment/${String(resource['id'])}/_history/`),
    );
    assert.match(created.headers.get('etag') ?? '', /^W\/".+"$/);
    const actors = (resource['participant'] as { actor?: { reference?: string } }[]).map((p) => p.actor?.reference);
    assert.ok(actors.includes('Patient/patient-diabetes'));
    const removed = await fhir(test.platform, `/Appointment/${String(resource['id'])}`, diabetes, { method: 'DELETE' });
    assert.equal(removed.status, 204);
    assert.equal((await fhir(test.platform, `/Appointment/${String(resource['id'])}`, diabetes)).status, 404);
  });

  it('updates with the current If-Match and refuses a stale one with 412', async () => {
    const read = await fhir(test.platform, '/DocumentReference/doc-diabetes-0004', diabetes);
    const etag = read.headers.get('etag') ?? '';
    const document = await json(read);
    const changed = JSON.stringify({ ...document, description: 'Relu' });
    const updated = await fhir(test.platform, '/DocumentReference/doc-diabetes-0004', diabetes, {
      method: 'PUT',
      body: changed,
      headers: { 'If-Match': etag },
    });
    assert.equal(updated.status, 200);
    assert.notEqual(updated.headers.get('etag'), etag);
    assert.equal((await json(updated))['description'], 'Relu');
    const stale = await fhir(test.platform, '/DocumentReference/doc-diabetes-0004', diabetes, {
      method: 'PUT',
      body: changed,
      headers: { 'If-Match': etag },
    });
    assert.equal(stale.status, 412);
    assert.equal((await json(stale)).resourceType, 'OperationOutcome');
  });

  it('refuses invalid bodies with 400 OperationOutcomes', async () => {
    const cases: [string, string, string][] = [
      ['POST', '/Appointment', appointment({ status: 42 })],
      ['POST', '/Appointment', appointment({ start: 'tomorrow morning' })],
      ['POST', '/Appointment', appointment({ unknownField: true })],
      ['POST', '/Appointment', '{ not json'],
      ['POST', '/Appointment', JSON.stringify({ resourceType: 'Patient' })],
      ['POST', '/Appointment', '[1, 2]'],
      [
        'PUT',
        '/DocumentReference/doc-diabetes-0005',
        JSON.stringify({ resourceType: 'DocumentReference', id: 'another-id', status: 'current', content: [] }),
      ],
    ];
    for (const [method, path, body] of cases) {
      const response = await fhir(test.platform, path, diabetes, { method, body });
      assert.equal(response.status, 400, body);
      assert.equal((await json(response)).resourceType, 'OperationOutcome');
    }
  });

  it("puts a forum post that names nobody in the author's compartment", async () => {
    const response = await fhir(test.platform, '/Communication', diabetes, {
      method: 'POST',
      body: JSON.stringify({
        resourceType: 'Communication',
        status: 'completed',
        payload: [{ contentString: 'Bonjour à tous' }],
      }),
    });
    assert.equal(response.status, 201);
    assert.equal(((await json(response))['subject'] as { reference: string }).reference, 'Patient/patient-diabetes');
  });

  it('refuses a body over 5 MB with 413', async () => {
    const huge = JSON.stringify({
      resourceType: 'Communication',
      status: 'completed',
      payload: [{ contentString: 'x'.repeat(5 * 1024 * 1024 + 10) }],
    });
    const response = await fhir(test.platform, '/Communication', diabetes, { method: 'POST', body: huge });
    assert.equal(response.status, 413);
  });
});

describe('Seed', () => {
  it('loads the three personas (and a second patient per pathology) with every kind of resource, fast', () => {
    const { counts, durationMs } = test.platform.seed;
    assert.equal(counts['Patient'], 6);
    assert.equal(counts['DocumentReference'], 180);
    assert.equal(counts['Binary'], 180);
    for (const type of ['Practitioner', 'Appointment', 'MedicationRequest', 'MedicationAdministration'])
      assert.ok((counts[type] ?? 0) > 0, type);
    // Forum threads are in the communities, not in the patients' compartments.
    assert.equal(counts['Communication'], undefined);
    assert.ok((test.platform.communities.communities.get('community-kidney')?.threads.length ?? 0) > 0);
    assert.ok(durationMs < 2000, `seeding took ${Math.round(durationMs)} ms`);
  });
});
