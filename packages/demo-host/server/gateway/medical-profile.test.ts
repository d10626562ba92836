// Issue 14.3 (server side): the patient reads and writes her medical profile —
// AllergyIntolerance, Condition, Immunization, Observation (blood group) and
// RelatedPerson (emergency contact) — in her own compartment, through the SDK,
// and another patient, signed in for real, can neither read nor change it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFhirDataSource } from '@carnet/catalog-sdk';
import type { DataSource } from '@carnet/catalog-sdk';
import { accessToken, fhir, json, startTestPlatform, type TestPlatform } from '../testing/fhir-client.js';

let test: TestPlatform;
let diabetes: string;
let parkinson: string;
let diabetesSource: DataSource;

function sourceFor(token: string, patientId: string): DataSource {
  return createFhirDataSource({
    baseUrl: test.platform.fhirBaseUrl,
    session: { patientId, getAccessToken: () => Promise.resolve(token) },
  });
}

before(async () => {
  test = await startTestPlatform();
  diabetes = await accessToken(test.platform, 'diabetes');
  parkinson = await accessToken(test.platform, 'parkinson');
  diabetesSource = sourceFor(diabetes, 'patient-diabetes');
});
after(async () => {
  await test.platform.close();
});

describe('gateway: the medical profile (issue 14.3)', () => {
  it('serves the seeded profile of the kidney persona: penicillin allergy first, her daughter to call', async () => {
    const kidney = await accessToken(test.platform, 'kidney');
    const profile = await sourceFor(kidney, 'patient-kidney').medicalProfile?.get();
    assert.ok(profile);
    assert.equal(profile.allergies[0]?.substance, 'Pénicilline');
    assert.equal(profile.allergies[0]?.severity, 'high');
    assert.deepEqual(
      profile.contacts.map((contact) => `${contact.name} (${contact.relationship})`),
      ['Claire Martin (Fille)'],
    );
    assert.equal(profile.bloodGroup?.group, 'A+');
  });

  it('lets the patient add, read, change and remove every kind of entry through the SDK', async () => {
    const profile = diabetesSource.medicalProfile;
    assert.ok(profile);
    const allergy = await profile.add('allergy', {
      substance: 'Pénicilline',
      type: 'allergy',
      category: 'medication',
      severity: 'high',
      reaction: 'Œdème de Quincke',
    });
    const contact = await profile.add('contact', {
      name: 'Claire Martin',
      relationship: 'Fille',
      phone: '06 12 34 56 78',
    });
    await profile.add('condition', { name: 'Diabète de type 1', since: '2004-09-01' });
    await profile.add('vaccination', { vaccine: 'Grippe saisonnière', date: '2025-10-14' });
    await profile.add('bloodGroup', { group: 'B+' });
    await profile.add('bloodGroup', { group: 'B-' });

    const read = await profile.get();
    // Serious allergies first: the seeded sulfonamides and the new penicillin.
    assert.deepEqual(
      read.allergies.map((entry) => entry.substance),
      ['Pénicilline', 'Sulfamides'],
    );
    assert.ok(read.contacts.some((entry) => entry.name === 'Claire Martin' && entry.relationship === 'Fille'));
    assert.ok(read.conditions.some((entry) => entry.since === '2004-09-01'));
    assert.ok(read.vaccinations.some((entry) => entry.date === '2025-10-14'));
    assert.equal(read.bloodGroup?.group, 'B-');

    const changed = await profile.update('allergy', { ...allergy, severity: 'low' });
    assert.notEqual(changed.version, allergy.version);
    await assert.rejects(profile.update('allergy', { ...allergy, reaction: 'Urticaire' }), { name: 'ConflictError' });
    await profile.remove('contact', contact.id, contact.version);
    assert.ok(!(await profile.get()).contacts.some((entry) => entry.id === contact.id));
  });

  it('keeps another patient out: reads look missing, writes are refused, searches never show it', async () => {
    const profile = diabetesSource.medicalProfile;
    assert.ok(profile);
    const allergy = await profile.add('allergy', {
      substance: 'Arachide',
      type: 'allergy',
      category: 'food',
      severity: 'high',
    });
    const contact = await profile.add('contact', {
      name: 'Marc Durand',
      relationship: 'Frère',
      phone: '06 98 76 54 32',
    });

    for (const path of [`/AllergyIntolerance/${allergy.id}`, `/RelatedPerson/${contact.id}`]) {
      const response = await fhir(test.platform, path, parkinson);
      assert.equal(response.status, 404, path);
    }
    const update = await fhir(test.platform, `/AllergyIntolerance/${allergy.id}`, parkinson, {
      method: 'PUT',
      body: JSON.stringify({
        resourceType: 'AllergyIntolerance',
        id: allergy.id,
        patient: { reference: 'Patient/patient-diabetes' },
        code: { text: 'Rien' },
      }),
    });
    assert.equal(update.status, 404);
    const remove = await fhir(test.platform, `/RelatedPerson/${contact.id}`, parkinson, { method: 'DELETE' });
    assert.equal(remove.status, 404);
    const written = await fhir(test.platform, '/AllergyIntolerance', parkinson, {
      method: 'POST',
      body: JSON.stringify({
        resourceType: 'AllergyIntolerance',
        patient: { reference: 'Patient/patient-diabetes' },
        code: { text: 'Fausse allergie' },
      }),
    });
    assert.equal(written.status, 403);

    const parkinsonProfile = await sourceFor(parkinson, 'patient-parkinson').medicalProfile?.get();
    assert.ok(parkinsonProfile);
    assert.ok(!parkinsonProfile.allergies.some((entry) => entry.substance === 'Arachide'));
    assert.ok(!parkinsonProfile.contacts.some((entry) => entry.name === 'Marc Durand'));
    const foreignSearch = await fhir(test.platform, '/AllergyIntolerance?patient=patient-diabetes', parkinson);
    const bundle = foreignSearch.status === 200 ? await json(foreignSearch) : { entry: [] };
    assert.equal(((bundle['entry'] as unknown[] | undefined) ?? []).length, 0);

    // Still there for its owner.
    const own = await profile.get();
    assert.ok(own.allergies.some((entry) => entry.substance === 'Arachide'));
  });

  it("never lets the patient write a RelatedPerson that is not her emergency contact (a caregiver's identity)", async () => {
    const untagged = await fhir(test.platform, '/RelatedPerson', diabetes, {
      method: 'POST',
      body: JSON.stringify({
        resourceType: 'RelatedPerson',
        patient: { reference: 'Patient/patient-diabetes' },
        name: [{ text: 'Aidant inventé' }],
      }),
    });
    assert.equal(untagged.status, 403);
  });
});
