import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accessToken, fhir, json, startTestPlatform, type TestPlatform } from '../testing/fhir-client.js';

let test: TestPlatform;
let diabetes: string;
let kidney: string;

before(async () => {
  test = await startTestPlatform(6);
  [diabetes, kidney] = await Promise.all([accessToken(test.platform), accessToken(test.platform, 'kidney')]);
});
after(async () => {
  await test.platform.close();
});

const PDF = Buffer.from('%PDF-1.4\n% a patient upload\n%%EOF\n', 'latin1');

async function createBinary(token: string, extra: Record<string, unknown> = {}): Promise<Response> {
  return fhir(test.platform, '/Binary', token, {
    method: 'POST',
    body: JSON.stringify({
      resourceType: 'Binary',
      contentType: 'application/pdf',
      data: PDF.toString('base64'),
      ...extra,
    }),
  });
}

function documentReference(url: string): string {
  return JSON.stringify({
    resourceType: 'DocumentReference',
    status: 'current',
    type: { coding: [{ system: 'http://loinc.org', code: '57833-6' }] },
    date: '2026-03-14T12:00:00Z',
    content: [{ attachment: { contentType: 'application/pdf', url, title: 'Ordonnance scannée', size: PDF.length } }],
  });
}

describe('FHIR server: a patient adds her own documents', () => {
  it('creates a Binary in her compartment and a DocumentReference pointing at it, and reads both back', async () => {
    const created = await createBinary(diabetes);
    assert.equal(created.status, 201);
    const binary = await json(created);
    assert.deepEqual(binary['securityContext'], { reference: 'Patient/patient-diabetes' });
    const docResponse = await fhir(test.platform, '/DocumentReference', diabetes, {
      method: 'POST',
      body: documentReference(`Binary/${String(binary.id)}`),
    });
    assert.equal(docResponse.status, 201);
    const document = await json(docResponse);
    assert.deepEqual(document['subject'], { reference: 'Patient/patient-diabetes' });
    const content = await fhir(test.platform, `/Binary/${String(binary.id)}`, diabetes);
    assert.equal(content.status, 200);
    assert.equal(content.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(Buffer.from(await content.arrayBuffer()), PDF);
  });

  it('another patient can read neither the uploaded content nor its document (404, as for a missing id)', async () => {
    const binary = await json(await createBinary(diabetes));
    const document = await json(
      await fhir(test.platform, '/DocumentReference', diabetes, {
        method: 'POST',
        body: documentReference(`Binary/${String(binary.id)}`),
      }),
    );
    assert.equal((await fhir(test.platform, `/Binary/${String(binary.id)}`, kidney)).status, 404);
    assert.equal(
      (
        await fhir(test.platform, `/Binary/${String(binary.id)}`, kidney, {
          headers: { Accept: 'application/fhir+json' },
        })
      ).status,
      404,
    );
    assert.equal((await fhir(test.platform, `/DocumentReference/${String(document.id)}`, kidney)).status, 404);
  });

  it("refuses a Binary placed in another patient's compartment", async () => {
    const response = await createBinary(kidney, { securityContext: { reference: 'Patient/patient-diabetes' } });
    assert.equal(response.status, 403);
  });

  it("refuses a document whose attachment points at another patient's Binary, or at another host", async () => {
    const binary = await json(await createBinary(diabetes));
    for (const url of [
      `Binary/${String(binary.id)}`,
      `${test.platform.fhirBaseUrl}/Binary/${String(binary.id)}`,
      'https://elsewhere.example/Binary/x',
      `DocumentReference/doc-kidney-0001`,
    ]) {
      const response = await fhir(test.platform, '/DocumentReference', kidney, {
        method: 'POST',
        body: documentReference(url),
      });
      assert.equal(response.status, 422, url);
    }
  });

  it('refuses an upload when the token lacks the Binary create scope', async () => {
    const limited = await accessToken(test.platform, 'diabetes', 'openid fhirUser launch/patient patient/Binary.r');
    assert.equal((await createBinary(limited)).status, 403);
  });
});

describe('Seed: demo data that stays current', () => {
  it('generates the personas around the day the platform starts: intakes recorded up to today', async () => {
    const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    const bundle = await json(
      await fhir(test.platform, `/MedicationAdministration?effective-time=ge${since}&_count=50`, diabetes),
    );
    assert.ok(Array.isArray(bundle['entry']) && bundle['entry'].length > 0, 'intakes in the last 24 hours');
  });
});
