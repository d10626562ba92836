import { expect } from '@open-wc/testing';
import type { MedicationRequest } from '@medplum/fhirtypes';
import type { MedicationPlan } from '../medication.js';
import { medicationRequestToPlan, planToMedicationRequest } from './medication.js';
import { DISPENSED_ON_EXTENSION_URL, LATE_TOLERANCE_EXTENSION_URL, TIME_ZONE_EXTENSION_URL } from './urls.js';
import { expectMappingError } from './test-helpers/expect-mapping-error.js';

const levodopa: MedicationPlan = {
  id: 'plan-levodopa',
  medication: {
    display: 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé',
    code: '60096178',
    system: 'https://smt.esante.gouv.fr/terminologie-cis',
  },
  dose: 1,
  doseUnit: 'comprimé',
  slots: [{ time: '07:00' }, { time: '11:00' }, { time: '15:00', quantity: 1.5 }, { time: '19:00' }],
  instructions: 'À prendre 30 minutes avant les repas, avec un grand verre d’eau.',
  prescriber: 'Dr Claire Martin',
  start: '2026-01-05',
  renewalDate: '2026-04-05',
  stock: { dispensed: 100, unit: 'comprimé', dispensedOn: '2026-01-06' },
  lateToleranceMinutes: 30,
  timeZone: 'Europe/Paris',
  version: '5',
};

const metformin: MedicationPlan = {
  id: 'plan-metformine',
  medication: { display: 'Metformine 850 mg, comprimé pelliculé' },
  dose: 1,
  doseUnit: 'comprimé',
  slots: [{ period: 'morning' }, { period: 'evening' }],
  daysOfWeek: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
  start: '2025-11-01',
  end: '2026-10-31',
  timeZone: 'Europe/Paris',
  version: '1',
};

const toFhir = (plan: MedicationPlan): MedicationRequest =>
  planToMedicationRequest(plan, { patientId: 'pat-parkinson' });
const read = (value: unknown) => () => medicationRequestToPlan(value as MedicationRequest);
const clone = (r: MedicationRequest): Record<string, unknown> =>
  JSON.parse(JSON.stringify(r)) as Record<string, unknown>;

describe('MedicationRequest ↔ MedicationPlan', () => {
  it('writes exact times as timeOfDay HH:mm:ss with frequency = slots per day', () => {
    const r = toFhir(levodopa);
    const repeat = r.dosageInstruction?.[0]?.timing?.repeat;
    expect(repeat?.timeOfDay).to.deep.equal(['07:00:00', '11:00:00', '15:00:00', '19:00:00']);
    expect(repeat).to.include({ frequency: 4, period: 1, periodUnit: 'd' });
    expect(repeat?.boundsPeriod).to.deep.equal({ start: '2026-01-05' });
    expect(repeat).to.not.have.property('when');
  });

  it('writes medication, dose, instructions, prescriber, stock, renewal and our extensions', () => {
    const r = toFhir(levodopa);
    expect(r.status).to.equal('active');
    expect(r.intent).to.equal('order');
    expect(r.subject).to.deep.equal({ reference: 'Patient/pat-parkinson' });
    expect(r.medicationCodeableConcept).to.deep.equal({
      text: levodopa.medication.display,
      coding: [{ system: levodopa.medication.system, code: '60096178', display: levodopa.medication.display }],
    });
    const dosage = r.dosageInstruction?.[0];
    expect(dosage?.doseAndRate?.[0]?.doseQuantity).to.deep.equal({ value: 1, unit: 'comprimé' });
    expect(dosage?.patientInstruction).to.equal(levodopa.instructions);
    expect(dosage?.text).to.equal(levodopa.instructions);
    expect(r.requester).to.deep.equal({ display: 'Dr Claire Martin' });
    expect(r.dispenseRequest?.quantity).to.deep.equal({ value: 100, unit: 'comprimé' });
    expect(r.dispenseRequest?.validityPeriod).to.deep.equal({ end: '2026-04-05' });
    expect(r.dispenseRequest?.extension).to.deep.equal([{ url: DISPENSED_ON_EXTENSION_URL, valueDate: '2026-01-06' }]);
    expect(r.extension).to.deep.equal([
      { url: LATE_TOLERANCE_EXTENSION_URL, valueInteger: 30 },
      { url: TIME_ZONE_EXTENSION_URL, valueString: 'Europe/Paris' },
    ]);
  });

  it('writes moments of the day as when MORN/EVE and days as dayOfWeek', () => {
    const repeat = toFhir(metformin).dosageInstruction?.[0]?.timing?.repeat;
    expect(repeat?.when).to.deep.equal(['MORN', 'EVE']);
    expect(repeat?.dayOfWeek).to.deep.equal(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(repeat?.frequency).to.equal(2);
    expect(repeat?.boundsPeriod).to.deep.equal({ start: '2025-11-01', end: '2026-10-31' });
  });

  it('round-trips the levodopa plan (exact times, per-slot dose, stock) domain → FHIR → domain', () => {
    expect(medicationRequestToPlan(toFhir(levodopa))).to.deep.equal(levodopa);
  });

  it('round-trips the metformin plan (MORN/EVE, days) domain → FHIR → domain', () => {
    expect(medicationRequestToPlan(toFhir(metformin))).to.deep.equal(metformin);
  });

  it('round-trips FHIR → domain → FHIR keeping every field we own', () => {
    for (const plan of [levodopa, metformin]) {
      const r = toFhir(plan);
      expect(toFhir(medicationRequestToPlan(r))).to.deep.equal(r);
    }
  });

  it('maps noon and bedtime to NOON and HS', () => {
    const plan: MedicationPlan = { ...metformin, slots: [{ period: 'noon' }, { period: 'bedtime' }] };
    expect(toFhir(plan).dosageInstruction?.[0]?.timing?.repeat?.when).to.deep.equal(['NOON', 'HS']);
    expect(medicationRequestToPlan(toFhir(plan)).slots).to.deep.equal(plan.slots);
  });

  it('reads a request without our extensions with the default time zone', () => {
    const r = clone(toFhir(metformin));
    delete r.extension;
    expect(medicationRequestToPlan(r as unknown as MedicationRequest).timeZone).to.equal('Europe/Paris');
  });

  describe('malformed resources', () => {
    it('rejects a when code that is not one of the four moments, naming it', () => {
      const r = clone(toFhir(metformin));
      const dosage = (r.dosageInstruction as { timing: { repeat: { when: string[] } } }[])[0];
      if (dosage) dosage.timing.repeat.when = ['MORN', 'ACD'];
      expectMappingError(read(r), 'MedicationRequest.dosageInstruction[0].timing.repeat.when[1]');
    });

    it('rejects a dosage without dose quantity, a missing start date and an unparsable renewal date', () => {
      const noDose = clone(toFhir(metformin));
      delete (noDose.dosageInstruction as Record<string, unknown>[])[0]?.doseAndRate;
      expectMappingError(read(noDose), 'MedicationRequest.dosageInstruction[0].doseAndRate[0]');
      const noStart = clone(toFhir(metformin));
      (noStart.dosageInstruction as { timing: { repeat: Record<string, unknown> } }[])[0]!.timing.repeat.boundsPeriod =
        { end: '2026-10-31' };
      expectMappingError(read(noStart), 'MedicationRequest.dosageInstruction[0].timing.repeat.boundsPeriod.start');
      const badRenewal = clone(toFhir(levodopa));
      (badRenewal.dispenseRequest as Record<string, unknown>).validityPeriod = { end: '05/04/2026' };
      expectMappingError(read(badRenewal), 'MedicationRequest.dispenseRequest.validityPeriod.end');
    });

    it('rejects a stock without dispensing date and a medicationReference', () => {
      const noDate = clone(toFhir(levodopa));
      delete (noDate.dispenseRequest as Record<string, unknown>).extension;
      expectMappingError(read(noDate), 'MedicationRequest.dispenseRequest.extension[dispensed-on]');
      const byReference = clone(toFhir(levodopa));
      delete byReference.medicationCodeableConcept;
      byReference.medicationReference = { reference: 'Medication/m1' };
      expectMappingError(read(byReference), 'MedicationRequest.medicationCodeableConcept');
    });

    it('rejects a wrong resourceType, a missing dosage and a bad late tolerance type', () => {
      expectMappingError(
        read({ ...clone(toFhir(levodopa)), resourceType: 'MedicationStatement' }),
        'MedicationRequest.resourceType',
      );
      expectMappingError(
        read({ ...clone(toFhir(levodopa)), dosageInstruction: [] }),
        'MedicationRequest.dosageInstruction[0]',
      );
      const badTolerance = clone(toFhir(levodopa));
      badTolerance.extension = [{ url: LATE_TOLERANCE_EXTENSION_URL, valueString: '30' }];
      expectMappingError(read(badTolerance), 'MedicationRequest.extension[late-tolerance-minutes].valueInteger');
    });

    it('rejects a frequency with neither timeOfDay nor when (left to the fuller Timing mapping)', () => {
      const r = clone(toFhir(metformin));
      delete (r.dosageInstruction as { timing: { repeat: Record<string, unknown> } }[])[0]!.timing.repeat.when;
      expectMappingError(read(r), 'MedicationRequest.dosageInstruction[0].timing.repeat.timeOfDay');
    });
  });

  it('refuses to write slots mixing exact times and moments (FHIR tim-10), or a bad time', () => {
    expectMappingError(
      () => toFhir({ ...metformin, slots: [{ time: '08:00' }, { period: 'evening' }] }),
      'MedicationPlan.slots',
    );
    expectMappingError(() => toFhir({ ...levodopa, slots: [{ time: '7h' }] }), 'MedicationPlan.slots[0].time');
    expectMappingError(() => toFhir({ ...levodopa, start: '2026-13-01' }), 'MedicationPlan.start');
  });
});
