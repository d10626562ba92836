// Issue 14, point 2 (FHIR side): a patient keeps her own treatments. With the demo
// client's token (real sign-in) she creates and updates MedicationRequests in her
// compartment, as the SDK writes them; never in another patient's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MedicationRequest } from '@medplum/fhirtypes';
import { medicationRequestToPlan, planToMedicationRequest, type MedicationPlan } from '@carnet/catalog-sdk';
import { accessToken, fhir, json, startTestPlatform, type TestPlatform } from '../testing/fhir-client.js';

let test: TestPlatform;
let diabetes: string;
let parkinson: string;

before(async () => {
  test = await startTestPlatform();
  diabetes = await accessToken(test.platform, 'diabetes');
  parkinson = await accessToken(test.platform, 'parkinson');
});
after(async () => {
  await test.platform.close();
});

const plan: MedicationPlan = {
  id: '',
  version: '',
  medication: { display: 'Rasagiline 1 mg, comprimé' },
  dose: 1,
  doseUnit: 'comprimé',
  slots: [{ period: 'morning' }, { period: 'evening' }],
  everyDays: 2,
  start: '2026-03-11',
  renewalDate: '2026-04-16',
  stock: { dispensed: 30, unit: 'comprimé', dispensedOn: '2026-03-11', unitsPerBox: 30 },
  timeZone: 'Europe/Paris',
};

function write(token: string, path: string, method: string, body: unknown, ifMatch?: string): Promise<Response> {
  return fhir(test.platform, path, token, {
    method,
    body: JSON.stringify(body),
    ...(ifMatch ? { headers: { 'If-Match': `W/"${ifMatch}"` } } : {}),
  });
}

describe('gateway: a patient keeps her own treatments (issue 14.2)', () => {
  it('lets the patient create, refill and stop a MedicationRequest in her compartment, as the SDK writes it', async () => {
    const created = await write(
      diabetes,
      '/MedicationRequest',
      'POST',
      planToMedicationRequest(plan, { patientId: 'patient-diabetes' }),
    );
    assert.equal(created.status, 201);
    const stored = medicationRequestToPlan((await json(created)) as unknown as MedicationRequest);
    assert.deepEqual(stored.slots, plan.slots);
    assert.equal(stored.everyDays, 2);

    const refilled: MedicationPlan = { ...stored, stock: { ...plan.stock!, dispensed: 60 } };
    const updated = await write(
      diabetes,
      `/MedicationRequest/${stored.id}`,
      'PUT',
      planToMedicationRequest(refilled, { patientId: 'patient-diabetes' }),
      stored.version,
    );
    assert.equal(updated.status, 200);
    const afterBox = medicationRequestToPlan((await json(updated)) as unknown as MedicationRequest);
    assert.equal(afterBox.stock?.dispensed, 60);

    const stopped = { ...afterBox, stoppedAt: '2026-03-12T10:00:00.000Z' };
    const stopResponse = await write(
      diabetes,
      `/MedicationRequest/${stored.id}`,
      'PUT',
      planToMedicationRequest(stopped, { patientId: 'patient-diabetes' }),
      afterBox.version,
    );
    assert.equal(stopResponse.status, 200);
    const stoppedRequest = (await json(stopResponse)) as unknown as MedicationRequest;
    assert.equal(stoppedRequest.status, 'stopped');
    assert.equal(medicationRequestToPlan(stoppedRequest).stoppedAt, '2026-03-12T10:00:00.000Z');

    // A stale version is refused, never silently overwritten.
    const stale = await write(
      diabetes,
      `/MedicationRequest/${stored.id}`,
      'PUT',
      planToMedicationRequest(stopped, { patientId: 'patient-diabetes' }),
      afterBox.version,
    );
    assert.equal(stale.status, 412);
  });

  it("refuses a treatment written into another patient's compartment, and changes to hers", async () => {
    const intoParkinson = await write(
      diabetes,
      '/MedicationRequest',
      'POST',
      planToMedicationRequest(plan, { patientId: 'patient-parkinson' }),
    );
    assert.equal(intoParkinson.status, 403);

    const theirs = await write(
      parkinson,
      '/MedicationRequest',
      'POST',
      planToMedicationRequest(plan, { patientId: 'patient-parkinson' }),
    );
    assert.equal(theirs.status, 201);
    const theirPlan = medicationRequestToPlan((await json(theirs)) as unknown as MedicationRequest);
    const hijack = await write(
      diabetes,
      `/MedicationRequest/${theirPlan.id}`,
      'PUT',
      planToMedicationRequest({ ...theirPlan, dose: 10 }, { patientId: 'patient-parkinson' }),
      theirPlan.version,
    );
    assert.ok([403, 404].includes(hijack.status), `status ${hijack.status}`);
    const unchanged = await json(await fhir(test.platform, `/MedicationRequest/${theirPlan.id}`, parkinson));
    assert.equal(medicationRequestToPlan(unchanged as unknown as MedicationRequest).dose, 1);
  });
});
