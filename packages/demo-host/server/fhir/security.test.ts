import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair } from 'jose';
import {
  accessToken,
  fhir,
  json,
  mintToken,
  startTestPlatform,
  unsignedToken,
  type TestPlatform,
} from '../testing/fhir-client.js';
import { SITE_ORIGIN } from '../testing/oauth-client.js';

let test: TestPlatform;
let diabetes: string;

before(async () => {
  test = await startTestPlatform();
  diabetes = await accessToken(test.platform);
});
after(async () => {
  await test.platform.close();
});

/** Expects a 401 with an `invalid_token` challenge. */
async function assertInvalidToken(token: string): Promise<void> {
  const response = await fhir(test.platform, '/DocumentReference?_count=1', token);
  assert.equal(response.status, 401);
  assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer .*error="invalid_token"/);
  assert.equal((await json(response)).resourceType, 'OperationOutcome');
}

describe('FHIR server: access tokens', () => {
  it('answers 401 with a Bearer challenge when no token is given', async () => {
    const response = await fhir(test.platform, '/DocumentReference', undefined);
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer realm=/);
  });

  it('refuses a token signed by another key', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const key = { ...(await exportJWK(privateKey)), kid: 'test-key' };
    await assertInvalidToken(
      await mintToken({ key, issuer: test.platform.issuer, audience: test.platform.fhirBaseUrl }),
    );
  });

  it('refuses an unsigned alg:none token', async () => {
    await assertInvalidToken(unsignedToken(test.platform.issuer, test.platform.fhirBaseUrl));
  });

  it('refuses a token for another audience', async () => {
    await assertInvalidToken(
      await mintToken({ key: test.signingKey, issuer: test.platform.issuer, audience: 'http://localhost:1/other' }),
    );
  });

  it('refuses a token from another issuer, an expired one and a non at+jwt one', async () => {
    const base = { key: test.signingKey, audience: test.platform.fhirBaseUrl };
    await assertInvalidToken(await mintToken({ ...base, issuer: 'http://evil.example' }));
    await assertInvalidToken(await mintToken({ ...base, issuer: test.platform.issuer, expiresIn: '-1m' }));
    await assertInvalidToken(await mintToken({ ...base, issuer: test.platform.issuer, typ: 'JWT' }));
  });

  it('accepts a correctly minted token (the negative cases differ by one rule only)', async () => {
    const token = await mintToken({
      key: test.signingKey,
      issuer: test.platform.issuer,
      audience: test.platform.fhirBaseUrl,
    });
    const response = await fhir(test.platform, '/DocumentReference?_count=1', token);
    assert.equal(response.status, 200);
  });

  it('refuses a malformed Authorization header', async () => {
    await assertInvalidToken('not a token at all');
  });
});

describe('FHIR server: patient compartment', () => {
  it("reads the own record and answers 404 for another persona's document, as for a missing one", async () => {
    const own = await fhir(test.platform, '/DocumentReference/doc-diabetes-0001', diabetes);
    assert.equal(own.status, 200);
    const other = await fhir(test.platform, '/DocumentReference/doc-parkinson-0001', diabetes);
    assert.equal(other.status, 404);
    assert.equal((await json(other)).resourceType, 'OperationOutcome');
  });

  it('refuses a search naming another patient, in any spelling', async () => {
    for (const query of [
      'patient=patient-parkinson',
      'subject=Patient/patient-parkinson',
      `subject=${test.platform.fhirBaseUrl}/Patient/patient-kidney`,
      'patient=patient-diabetes,patient-kidney',
    ]) {
      const response = await fhir(test.platform, `/DocumentReference?${query}`, diabetes);
      assert.equal(response.status, 403, query);
    }
  });

  it('accepts a search naming the own patient', async () => {
    const response = await fhir(test.platform, '/DocumentReference?patient=patient-diabetes&_count=5', diabetes);
    assert.equal(response.status, 200);
    const bundle = await json(response);
    assert.equal((bundle['entry'] as unknown[]).length, 5);
  });

  it('refuses chained searches that could reach other records', async () => {
    const response = await fhir(test.platform, '/DocumentReference?subject.name=Durand', diabetes);
    assert.equal(response.status, 400);
  });

  it('lets the patient read their own Patient resource only', async () => {
    assert.equal((await fhir(test.platform, '/Patient/patient-diabetes', diabetes)).status, 200);
    assert.equal((await fhir(test.platform, '/Patient/patient-kidney', diabetes)).status, 404);
    // The demo client gets `patient/Patient.r` only: searching needs `s` too.
    assert.equal((await fhir(test.platform, '/Patient', diabetes)).status, 403);
    const token = await mintToken({
      key: test.signingKey,
      issuer: test.platform.issuer,
      audience: test.platform.fhirBaseUrl,
      scope: 'patient/Patient.rs',
    });
    assert.equal((await fhir(test.platform, '/Patient?_id=patient-kidney', token)).status, 403);
    const search = await json(await fhir(test.platform, '/Patient', token));
    assert.deepEqual(
      (search['entry'] as { resource: { id: string } }[]).map((e) => e.resource.id),
      ['patient-diabetes'],
    );
  });

  it('shows practitioners of the care team only', async () => {
    const bundle = await json(await fhir(test.platform, '/Practitioner?_count=100', diabetes));
    const ids = (bundle['entry'] as { resource: { id: string } }[]).map((e) => e.resource.id);
    assert.ok(ids.length > 0);
    assert.ok(
      ids.every((id) => id.startsWith('pro-diabetes-')),
      ids.join(','),
    );
    assert.equal((await fhir(test.platform, `/Practitioner/${ids[0]}`, diabetes)).status, 200);
    const parkinson = await json(
      await fhir(test.platform, '/Practitioner?_count=100', await accessToken(test.platform, 'parkinson')),
    );
    // Another team's professional who is not in the public directory (the directory: one with an account per team).
    const directory = await json(await fhir(test.platform, '/Practitioner?_list=directory', diabetes));
    const listed = new Set((directory['entry'] as { resource: { id: string } }[]).map((e) => e.resource.id));
    assert.equal(listed.size, 3);
    const otherId =
      (parkinson['entry'] as { resource: { id: string } }[]).map((e) => e.resource.id).find((id) => !listed.has(id)) ??
      '';
    assert.ok(otherId);
    assert.equal((await fhir(test.platform, `/Practitioner/${otherId}`, diabetes)).status, 404);
  });

  it("refuses to create a resource in another patient's compartment", async () => {
    const response = await fhir(test.platform, '/Appointment', diabetes, {
      method: 'POST',
      body: JSON.stringify({
        resourceType: 'Appointment',
        status: 'booked',
        start: '2026-12-01T09:00:00Z',
        end: '2026-12-01T09:30:00Z',
        participant: [{ actor: { reference: 'Patient/patient-kidney' }, status: 'accepted' }],
      }),
    });
    assert.equal(response.status, 403);
  });
});

describe('FHIR server: SMART v2 scopes', () => {
  it('refuses an interaction the token has no scope for', async () => {
    const limited = await accessToken(test.platform, 'diabetes', 'openid launch/patient patient/DocumentReference.rs');
    assert.equal((await fhir(test.platform, '/DocumentReference?_count=1', limited)).status, 200);
    const create = await fhir(test.platform, '/Appointment', limited, {
      method: 'POST',
      body: JSON.stringify({
        resourceType: 'Appointment',
        status: 'booked',
        start: '2026-12-01T09:00:00Z',
        end: '2026-12-01T09:30:00Z',
        participant: [{ status: 'accepted' }],
      }),
    });
    assert.equal(create.status, 403);
    assert.match(create.headers.get('www-authenticate') ?? '', /insufficient_scope.*patient\/Appointment\.c/);
    assert.equal((await fhir(test.platform, '/Appointment', limited)).status, 403);
    assert.equal((await fhir(test.platform, '/Binary/doc-diabetes-0001', limited)).status, 403);
  });

  it('refuses an update when only read and search are granted', async () => {
    const token = await mintToken({
      key: test.signingKey,
      issuer: test.platform.issuer,
      audience: test.platform.fhirBaseUrl,
      scope: 'patient/DocumentReference.rs',
    });
    const current = await json(await fhir(test.platform, '/DocumentReference/doc-diabetes-0002', token));
    const response = await fhir(test.platform, '/DocumentReference/doc-diabetes-0002', token, {
      method: 'PUT',
      body: JSON.stringify(current),
    });
    assert.equal(response.status, 403);
  });
});

describe('FHIR server: CORS', () => {
  it('allows a preflight from the site origin with the needed headers', async () => {
    const response = await fetch(`${test.platform.fhirBaseUrl}/DocumentReference/doc-diabetes-0001`, {
      method: 'OPTIONS',
      headers: {
        Origin: SITE_ORIGIN,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,if-match,content-type',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), SITE_ORIGIN);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'if-match', 'content-type']) assert.ok(allowed.includes(header), header);
  });

  it('refuses a preflight from another origin', async () => {
    const response = await fetch(`${test.platform.fhirBaseUrl}/DocumentReference`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('echoes the site origin and exposes ETag on real requests, for allowed origins only', async () => {
    const allowed = await fhir(test.platform, '/DocumentReference/doc-diabetes-0001', diabetes, {
      headers: { Origin: SITE_ORIGIN },
    });
    assert.equal(allowed.headers.get('access-control-allow-origin'), SITE_ORIGIN);
    assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /ETag/);
    const other = await fhir(test.platform, '/DocumentReference/doc-diabetes-0001', diabetes, {
      headers: { Origin: 'https://evil.example' },
    });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });
});
