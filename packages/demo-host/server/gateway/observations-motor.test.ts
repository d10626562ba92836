// The Parkinson's motor diary on the real platform: half-hour slots written by the patient as
// Observations with a Carnet code and an effectivePeriod, searched by code and date, read by her
// neurologist (a professional of her care team), hidden from others.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { motorStateEntryToObservation, observationToMotorStateEntry } from '@carnet/catalog-sdk';
import {
  accessToken,
  bundleResources,
  fhir,
  json,
  startTestPlatform,
  type FoundResource,
  type TestPlatform,
} from '../testing/fhir-client.js';

let test: TestPlatform;
let parkinson: string;
let proParkinson: string;
let proKidney: string;
let created: string;

const entries = async (response: Response): Promise<FoundResource[]> => {
  assert.equal(response.status, 200, await response.clone().text());
  return bundleResources(response);
};

const MOTOR = 'code=https://carnet.example.org/fhir/CodeSystem/observation-code|motor-state';
const slotStart = new Date(Math.floor(Date.now() / 1_800_000) * 1_800_000 - 86_400_000);

before(async () => {
  test = await startTestPlatform(3);
  [parkinson, proParkinson, proKidney] = await Promise.all([
    accessToken(test.platform, 'parkinson'),
    accessToken(test.platform, 'pro-parkinson'),
    accessToken(test.platform, 'pro-kidney'),
  ]);
  const observation = motorStateEntryToObservation(
    {
      id: '',
      version: '',
      at: slotStart.toISOString(),
      end: new Date(slotStart.getTime() + 1_800_000).toISOString(),
      state: 'off',
      origin: 'entered',
    },
    { patientId: 'patient-parkinson' },
  );
  const response = await fhir(test.platform, '/Observation', parkinson, {
    method: 'POST',
    body: JSON.stringify(observation),
  });
  assert.equal(response.status, 201, await response.clone().text());
  created = String((await json(response)).id);
});
after(async () => {
  await test.platform.close();
});

describe('gateway: the motor diary (Observation motor-state)', () => {
  it("the Parkinson persona's seeded diary days are hers on the platform, read back by the SDK", async () => {
    const since = new Date(Date.now() - 5 * 86_400_000).toISOString();
    const found = await entries(
      await fhir(
        test.platform,
        `/Observation?patient=patient-parkinson&${MOTOR}&date=ge${since}&_count=1000`,
        parkinson,
      ),
    );
    const seeded = found
      .filter((resource) => resource.id !== created)
      .map((resource) => observationToMotorStateEntry(resource as never));
    assert.ok(seeded.length >= 3 * 46, `three days of half-hours, found ${seeded.length}`);
    assert.ok(seeded.some((entry) => entry.state === 'off'));
    assert.ok(seeded.some((entry) => entry.state === 'on-dyskinesia'));
  });

  it('the patient finds her slot by its Carnet code and the day around its period, and changes it', async () => {
    const from = new Date(slotStart.getTime() - 3_600_000).toISOString();
    const to = new Date(slotStart.getTime() + 3_600_000).toISOString();
    const found = await entries(
      await fhir(
        test.platform,
        `/Observation?patient=patient-parkinson&${MOTOR}&date=ge${from}&date=lt${to}&_sort=date&_count=1000`,
        parkinson,
      ),
    );
    const mine = found.find((resource) => resource.id === created);
    assert.ok(mine, `found ${found.length} slots, not the one written`);
    const slot = observationToMotorStateEntry(mine as never);
    assert.equal(slot.state, 'off');
    assert.equal(slot.at, slotStart.toISOString());
    // A day elsewhere does not hold it.
    const later = new Date(slotStart.getTime() + 2 * 86_400_000).toISOString();
    const none = await entries(
      await fhir(test.platform, `/Observation?patient=patient-parkinson&${MOTOR}&date=ge${later}`, parkinson),
    );
    assert.ok(!none.some((resource) => resource.id === created));
    const updated = await fhir(test.platform, `/Observation/${created}`, parkinson, {
      method: 'PUT',
      headers: { 'if-match': `W/"${slot.version}"` },
      body: JSON.stringify(
        motorStateEntryToObservation({ ...slot, state: 'on-dyskinesia' }, { patientId: 'patient-parkinson' }),
      ),
    });
    assert.equal(updated.status, 200, await updated.clone().text());
    assert.equal(observationToMotorStateEntry((await json(updated)) as never).state, 'on-dyskinesia');
  });

  it('her neurologist reads and searches her diary; a professional of another patient cannot', async () => {
    assert.equal((await fhir(test.platform, `/Observation/${created}`, proParkinson)).status, 200);
    const searched = await entries(
      await fhir(test.platform, `/Observation?patient=patient-parkinson&${MOTOR}&_sort=-date&_count=50`, proParkinson),
    );
    assert.ok(searched.some((resource) => resource.id === created));
    assert.equal((await fhir(test.platform, `/Observation/${created}`, proKidney)).status, 404);
    assert.equal((await fhir(test.platform, `/Observation?patient=patient-parkinson&${MOTOR}`, proKidney)).status, 403);
  });
});
