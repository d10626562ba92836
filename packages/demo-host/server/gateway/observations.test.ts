// Measurements (Observation) on the real platform: real sign-ins of a patient, of
// professionals of her care team and of another one, and of a caregiver.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { glucoseReadingToObservation, observationToGlucoseReading } from '@carnet/catalog-sdk';
import {
  accessToken,
  bundleResources,
  fhir,
  json,
  startTestPlatform,
  type TestPlatform,
} from '../testing/fhir-client.js';

let test: TestPlatform;
let diabetes: string;
let kidney: string;
let proDiabetes: string;
let proKidney: string;
let caregiver: string;
let created: string;

const entries = bundleResources;

const GLUCOSE = 'code=http://loinc.org|41653-7,http://loinc.org|14743-9';

before(async () => {
  test = await startTestPlatform(4);
  [diabetes, kidney, proDiabetes, proKidney, caregiver] = await Promise.all([
    accessToken(test.platform, 'diabetes'),
    accessToken(test.platform, 'kidney'),
    accessToken(test.platform, 'pro-diabetes'),
    accessToken(test.platform, 'pro-kidney'),
    accessToken(test.platform, 'aidant-kidney'),
  ]);
  const observation = glucoseReadingToObservation(
    {
      id: '',
      version: '',
      at: new Date().toISOString(),
      value: 64,
      unit: 'mg/dL',
      mealContext: 'bedtime',
      origin: 'entered',
    },
    { patientId: 'patient-diabetes' },
  );
  const response = await fhir(test.platform, '/Observation', diabetes, {
    method: 'POST',
    body: JSON.stringify(observation),
  });
  assert.equal(response.status, 201, await response.clone().text());
  created = String((await json(response)).id);
});
after(async () => {
  await test.platform.close();
});

describe('gateway: measurements (Observation)', () => {
  it("the diabetes persona's seeded weeks of glucose values and her own new one are hers to search by code and date", async () => {
    const since = new Date(Date.now() - 14 * 86_400_000).toISOString();
    const found = await entries(
      await fhir(
        test.platform,
        `/Observation?patient=patient-diabetes&${GLUCOSE}&date=ge${since}&_count=1000`,
        diabetes,
      ),
    );
    assert.ok(found.length > 40, `two weeks of four values a day, found ${found.length}`);
    assert.ok(found.some((resource) => resource.id === created));
    const readings = found.map((resource) => observationToGlucoseReading(resource as never));
    assert.ok(readings.every((reading) => reading.unit === 'mg/dL' && reading.at >= since));
  });

  it('a professional of her care team reads and searches them; a professional of another patient cannot', async () => {
    const read = await fhir(test.platform, `/Observation/${created}`, proDiabetes);
    assert.equal(read.status, 200);
    const searched = await entries(
      await fhir(test.platform, `/Observation?patient=patient-diabetes&${GLUCOSE}&_sort=-date&_count=5`, proDiabetes),
    );
    assert.equal(searched.length, 5);
    assert.ok(
      searched.every(
        (resource) => (resource['subject'] as { reference: string }).reference === 'Patient/patient-diabetes',
      ),
    );
    assert.equal((await fhir(test.platform, `/Observation/${created}`, proKidney)).status, 404);
    assert.equal(
      (await fhir(test.platform, `/Observation?patient=patient-diabetes&${GLUCOSE}`, proKidney)).status,
      403,
    );
    // A search naming nobody, or two patients, is refused.
    assert.equal((await fhir(test.platform, `/Observation?${GLUCOSE}`, proDiabetes)).status, 403);
    assert.equal(
      (await fhir(test.platform, '/Observation?patient=patient-diabetes,patient-kidney', proDiabetes)).status,
      403,
    );
  });

  it('a professional only reads: writing a measurement is refused', async () => {
    const response = await fhir(test.platform, '/Observation', proDiabetes, {
      method: 'POST',
      body: JSON.stringify(
        glucoseReadingToObservation(
          { id: '', version: '', at: new Date().toISOString(), value: 100, unit: 'mg/dL', origin: 'entered' },
          { patientId: 'patient-diabetes' },
        ),
      ),
    });
    assert.equal(response.status, 403);
  });

  it('another patient and a caregiver without a grant over them never see them', async () => {
    assert.equal((await fhir(test.platform, `/Observation/${created}`, kidney)).status, 404);
    assert.equal((await fhir(test.platform, `/Observation?patient=patient-diabetes&${GLUCOSE}`, kidney)).status, 403);
    const own = await entries(await fhir(test.platform, `/Observation?${GLUCOSE}`, kidney));
    assert.deepEqual(own, []);
    assert.notEqual((await fhir(test.platform, `/Observation/${created}`, caregiver)).status, 200);
    assert.equal((await fhir(test.platform, `/Observation?patient=patient-kidney&${GLUCOSE}`, caregiver)).status, 403);
  });
});
