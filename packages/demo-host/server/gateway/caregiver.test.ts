// Caregivers on the real platform: real sign-ins (authorization code + PKCE) of
// a patient and of her caregiver, against the real FHIR server. Each grant is a
// Consent the patient writes; the gateway enforces it at every request.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { caregiverGrantToConsent, type GrantedParts } from '@carnet/catalog-sdk';
import {
  accessToken,
  bundleResources,
  fhir,
  json,
  startTestPlatform,
  type TestPlatform,
} from '../testing/fhir-client.js';
import { decodeJwt } from '../testing/oauth-client.js';

let test: TestPlatform;
let kidney: string;
let diabetes: string;
let caregiver: string;

const CAREGIVER = 'aidant-kidney';
const post = (resource: object): RequestInit => ({ method: 'POST', body: JSON.stringify(resource) });
const put = (resource: object): RequestInit => ({ method: 'PUT', body: JSON.stringify(resource) });

const entries = bundleResources;

/** The patient gives the caregiver access; returns the Consent id. */
async function grant(parts: GrantedParts, until?: string): Promise<string> {
  const consent = caregiverGrantToConsent(
    { caregiverId: CAREGIVER, caregiverName: 'Nadia Benali', parts, ...(until ? { until } : {}) },
    { patientId: 'patient-kidney', now: new Date().toISOString() },
  );
  const response = await fhir(test.platform, '/Consent', kidney, post(consent));
  assert.equal(response.status, 201, await response.clone().text());
  return String((await json(response)).id);
}

async function revoke(id: string): Promise<void> {
  assert.equal((await fhir(test.platform, `/Consent/${id}`, kidney, { method: 'DELETE' })).status, 204);
}

/** The kidney patient's trail, as (who, display, action, outcome, what). */
async function trail(): Promise<{ who: string; name: string; action: string; outcome: string; what: string[] }[]> {
  const events = await entries(await fhir(test.platform, '/AuditEvent?_count=1000', kidney));
  return events.map((event) => {
    const who = (event['agent'] as { who: { reference?: string; display?: string } }[])[0]?.who;
    return {
      who: who?.reference ?? '',
      name: who?.display ?? '',
      action: String(event['action']),
      outcome: String(event['outcome']),
      what: (event['entity'] as { what: { reference: string } }[]).map((entity) => entity.what.reference),
    };
  });
}

const byCaregiver = async (outcome: '0' | '4') =>
  (await trail()).filter((event) => event.who === `RelatedPerson/${CAREGIVER}` && event.outcome === outcome);

before(async () => {
  test = await startTestPlatform(6);
  [kidney, diabetes, caregiver] = await Promise.all([
    accessToken(test.platform, 'kidney'),
    accessToken(test.platform, 'diabetes'),
    accessToken(test.platform, CAREGIVER),
  ]);
});
after(async () => {
  await test.platform.close();
});

describe('gateway: caregivers', () => {
  it("a caregiver's token names the RelatedPerson and no patient", () => {
    const { payload } = decodeJwt(caregiver);
    assert.match(String(payload['fhirUser']), new RegExp(`/RelatedPerson/${CAREGIVER}$`));
    assert.equal(payload['patient'], undefined);
  });

  it('the patient sees the caregivers she may choose; another patient does not', async () => {
    const known = await entries(await fhir(test.platform, '/RelatedPerson', kidney));
    assert.deepEqual(
      known.map((person) => person.id),
      [CAREGIVER],
    );
    assert.deepEqual(await entries(await fhir(test.platform, '/RelatedPerson', diabetes)), []);
    assert.equal((await fhir(test.platform, `/RelatedPerson/${CAREGIVER}`, diabetes)).status, 404);
  });

  it('without a grant the record is closed: no patient listed for it, searches refused and traced', async () => {
    assert.equal((await fhir(test.platform, '/Patient/patient-kidney', caregiver)).status, 404);
    const agenda = await fhir(test.platform, '/Appointment?patient=patient-kidney', caregiver);
    assert.equal(agenda.status, 403);
    assert.ok((await byCaregiver('4')).length >= 1, 'the refused search is in the patient trail');
  });

  it('a read grant of the agenda opens the agenda only, at the read level; each read is traced under the caregiver’s name', async () => {
    const consent = await grant({ agenda: 'read' });
    assert.equal((await fhir(test.platform, '/Patient/patient-kidney', caregiver)).status, 200);
    const agenda = await fhir(test.platform, '/Appointment?patient=patient-kidney&_count=5', caregiver);
    assert.equal(agenda.status, 200);
    const appointments = await entries(agenda);
    assert.ok(appointments.length > 0);
    const [first] = appointments;
    assert.ok(first);
    assert.equal((await fhir(test.platform, `/Appointment/${first.id}`, caregiver)).status, 200);
    const reads = await byCaregiver('0');
    assert.ok(reads.some((event) => event.what.includes(`Appointment/${first.id}`) && event.action === 'R'));
    assert.ok(reads.every((event) => event.name === 'Nadia Benali'));

    // Wrong part: documents, messages, the organiser.
    for (const path of [
      '/DocumentReference?patient=patient-kidney',
      '/Communication?patient=patient-kidney',
      '/MedicationRequest?patient=patient-kidney',
    ])
      assert.equal((await fhir(test.platform, path, caregiver)).status, 403, path);
    // Write with a read grant: refused, the appointment unchanged, the attempt traced.
    const changed = await fhir(test.platform, `/Appointment/${first.id}`, caregiver, put({ ...first, comment: 'x' }));
    assert.equal(changed.status, 403);
    const added = await fhir(test.platform, '/Appointment', caregiver, post({ ...first, id: undefined }));
    assert.equal(added.status, 403);
    const deleted = await fhir(test.platform, `/Appointment/${first.id}`, caregiver, { method: 'DELETE' });
    assert.equal(deleted.status, 403);
    assert.equal((await fhir(test.platform, `/Appointment/${first.id}`, kidney)).status, 200);
    const refused = await byCaregiver('4');
    assert.ok(refused.some((event) => event.action === 'U' && event.what.includes(`Appointment/${first.id}`)));
    // The trail, the care team and the grants stay the patient's.
    assert.equal((await fhir(test.platform, '/AuditEvent', caregiver)).status, 403);
    assert.equal((await fhir(test.platform, '/CareTeam', caregiver)).status, 403);
    assert.equal((await fhir(test.platform, `/Consent/${consent}`, caregiver, { method: 'DELETE' })).status, 403);
    await revoke(consent);
  });

  it('another patient stays closed: her record is refused (403 search, 404 read)', async () => {
    const consent = await grant({ agenda: 'write', documents: 'read' });
    assert.equal((await fhir(test.platform, '/Appointment?patient=patient-diabetes', caregiver)).status, 403);
    const theirs = await entries(await fhir(test.platform, '/Appointment?_count=1', diabetes));
    assert.ok(theirs[0]);
    assert.equal((await fhir(test.platform, `/Appointment/${theirs[0].id}`, caregiver)).status, 404);
    assert.equal((await fhir(test.platform, '/Patient/patient-diabetes', caregiver)).status, 404);
    // A search naming no patient, or two, is refused.
    assert.equal((await fhir(test.platform, '/Appointment', caregiver)).status, 400);
    assert.equal(
      (await fhir(test.platform, '/Appointment?patient=patient-kidney,patient-diabetes', caregiver)).status,
      400,
    );
    await revoke(consent);
  });

  it('a read-write grant lets the caregiver change the agenda, under their name in the trail', async () => {
    const consent = await grant({ agenda: 'write' });
    const [first] = await entries(await fhir(test.platform, '/Appointment?patient=patient-kidney&_count=1', caregiver));
    assert.ok(first);
    const changed = await fhir(
      test.platform,
      `/Appointment/${first.id}`,
      caregiver,
      put({ ...first, comment: 'Rendez-vous confirmé par Nadia' }),
    );
    assert.equal(changed.status, 200, await changed.clone().text());
    const updates = (await byCaregiver('0')).filter((event) => event.action === 'U');
    assert.ok(updates.some((event) => event.what.includes(`Appointment/${first.id}`)));
    await revoke(consent);
  });

  it('an expired grant opens nothing', async () => {
    const consent = await grant({ agenda: 'read', documents: 'read' }, new Date(Date.now() - 60_000).toISOString());
    assert.equal((await fhir(test.platform, '/Appointment?patient=patient-kidney', caregiver)).status, 403);
    assert.equal((await fhir(test.platform, '/DocumentReference?patient=patient-kidney', caregiver)).status, 403);
    await revoke(consent);
  });

  it('a revoked grant is refused at the very next request, with the same token', async () => {
    const consent = await grant({ agenda: 'read' });
    assert.equal((await fhir(test.platform, '/Appointment?patient=patient-kidney', caregiver)).status, 200);
    await revoke(consent);
    assert.equal((await fhir(test.platform, '/Appointment?patient=patient-kidney', caregiver)).status, 403);
    assert.equal((await fhir(test.platform, '/Patient/patient-kidney', caregiver)).status, 404);
  });

  it('a grant may only name a caregiver the patient knows', async () => {
    const consent = caregiverGrantToConsent(
      { caregiverId: 'moderator-association', parts: { agenda: 'read' } },
      { patientId: 'patient-kidney', now: new Date().toISOString() },
    );
    assert.equal((await fhir(test.platform, '/Consent', kidney, post(consent))).status, 422);
    const forOther = caregiverGrantToConsent(
      { caregiverId: CAREGIVER, parts: { agenda: 'read' } },
      { patientId: 'patient-diabetes', now: new Date().toISOString() },
    );
    assert.equal((await fhir(test.platform, '/Consent', kidney, post(forOther))).status, 403);
  });

  it('the caregiver lists their own grants only, and the people they help', async () => {
    const consent = await grant({ documents: 'read' });
    const grants = await entries(await fhir(test.platform, '/Consent?status=active', caregiver));
    const patientsOf = grants.map((resource) => (resource['patient'] as { reference: string }).reference).sort();
    assert.deepEqual(patientsOf, ['Patient/patient-kidney', 'Patient/patient-parkinson']);
    await revoke(consent);
  });
});
