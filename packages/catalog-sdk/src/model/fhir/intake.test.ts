import { expect } from '@open-wc/testing';
import type { MedicationAdministration } from '@medplum/fhirtypes';
import type { IntakeRecord } from '../medication.js';
import { intakeToMedicationAdministration, medicationAdministrationToIntake } from './intake.js';
import { DATA_ABSENT_REASON_URL, PATIENT_REPORTED_EXTENSION_URL, SCHEDULED_AT_EXTENSION_URL } from './urls.js';
import { expectMappingError } from './test-helpers/expect-mapping-error.js';

const taken: IntakeRecord = {
  id: 'intake-1',
  planId: 'plan-levodopa',
  scheduledAt: '2026-03-02T06:00:00.000Z',
  status: 'taken',
  takenAt: '2026-03-02T06:25:00.000Z',
  note: 'dose prise en retard',
  version: '1',
};

const skipped: IntakeRecord = {
  id: 'intake-2',
  planId: 'plan-metformine',
  scheduledAt: '2026-03-02T18:00:00.000Z',
  status: 'skipped',
  reason: 'Nausées',
  version: '2',
};

const toFhir = (record: IntakeRecord): MedicationAdministration =>
  intakeToMedicationAdministration(record, { patientId: 'pat-diabetes' });
const read = (value: unknown) => () => medicationAdministrationToIntake(value as MedicationAdministration);

describe('MedicationAdministration ↔ IntakeRecord', () => {
  it('writes a taken dose as completed at takenAt, patient-reported, linked to its plan', () => {
    const m = toFhir(taken);
    expect(m.status).to.equal('completed');
    expect(m.effectiveDateTime).to.equal(taken.takenAt);
    expect(m.request).to.deep.equal({ reference: 'MedicationRequest/plan-levodopa' });
    expect(m.subject).to.deep.equal({ reference: 'Patient/pat-diabetes' });
    expect(m.performer).to.deep.equal([{ actor: { reference: 'Patient/pat-diabetes' } }]);
    expect(m.note).to.deep.equal([{ text: 'dose prise en retard' }]);
    expect(m.extension).to.deep.equal([
      { url: SCHEDULED_AT_EXTENSION_URL, valueDateTime: taken.scheduledAt },
      { url: PATIENT_REPORTED_EXTENSION_URL, valueBoolean: true },
    ]);
    expect(m.medicationCodeableConcept?.extension?.[0]?.url).to.equal(DATA_ABSENT_REASON_URL);
  });

  it('writes a skipped dose as not-done at the scheduled time with the reason', () => {
    const m = toFhir(skipped);
    expect(m.status).to.equal('not-done');
    expect(m.effectiveDateTime).to.equal(skipped.scheduledAt);
    expect(m.statusReason).to.deep.equal([{ text: 'Nausées' }]);
  });

  it('writes the medicine when the caller knows it', () => {
    const m = intakeToMedicationAdministration(taken, {
      patientId: 'p1',
      medication: { display: 'Metformine 850 mg' },
    });
    expect(m.medicationCodeableConcept).to.deep.equal({ text: 'Metformine 850 mg' });
  });

  it('round-trips taken and skipped doses domain → FHIR → domain', () => {
    expect(medicationAdministrationToIntake(toFhir(taken))).to.deep.equal(taken);
    expect(medicationAdministrationToIntake(toFhir(skipped))).to.deep.equal(skipped);
  });

  it('round-trips FHIR → domain → FHIR', () => {
    for (const record of [taken, skipped]) {
      const m = toFhir(record);
      expect(toFhir(medicationAdministrationToIntake(m))).to.deep.equal(m);
    }
  });

  describe('malformed resources', () => {
    const base = (record: IntakeRecord): Record<string, unknown> =>
      JSON.parse(JSON.stringify(toFhir(record))) as Record<string, unknown>;

    it('rejects an unknown status, a taken dose without scheduled-at, a request to another type', () => {
      expectMappingError(read({ ...base(taken), status: 'in-progress' }), 'MedicationAdministration.status');
      expectMappingError(
        read({ ...base(taken), extension: undefined }),
        'MedicationAdministration.extension[scheduled-at]',
      );
      expectMappingError(
        read({ ...base(taken), request: { reference: 'CarePlan/c1' } }),
        'MedicationAdministration.request.reference',
      );
    });

    it('rejects an unparsable effectiveDateTime and a scheduled-at of the wrong type', () => {
      expectMappingError(
        read({ ...base(taken), effectiveDateTime: '2026-03-02' }),
        'MedicationAdministration.effectiveDateTime',
      );
      expectMappingError(
        read({ ...base(taken), extension: [{ url: SCHEDULED_AT_EXTENSION_URL, valueString: '2026-03-02T06:00:00Z' }] }),
        'MedicationAdministration.extension[scheduled-at].valueDateTime',
      );
    });

    it('reads a skipped dose without scheduled-at from effectiveDateTime', () => {
      const r = base(skipped);
      delete r.extension;
      expect(medicationAdministrationToIntake(r as unknown as MedicationAdministration).scheduledAt).to.equal(
        skipped.scheduledAt,
      );
    });
  });

  it('refuses to write a taken dose without takenAt, or a skipped one with it', () => {
    expectMappingError(() => toFhir({ ...taken, takenAt: undefined }), 'IntakeRecord.takenAt');
    expectMappingError(() => toFhir({ ...skipped, takenAt: '2026-03-02T18:05:00Z' }), 'IntakeRecord.takenAt');
  });
});
