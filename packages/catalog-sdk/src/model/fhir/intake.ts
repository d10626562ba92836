/**
 * IntakeRecord ↔ FHIR R4 `MedicationAdministration` (patient-reported).
 */
import type { CodeableConcept, MedicationAdministration } from '@medplum/fhirtypes';
import type { IntakeRecord, Medication } from '../medication.js';
import { ExtensionReader } from './extensions.js';
import { patientReference, type FhirPatientContext } from './patient.js';
import {
  fail,
  isFhirId,
  isInstant,
  optionalArray,
  optionalString,
  readResource,
  referenceTo,
  requireId,
  requireInstant,
  requireObject,
  requireReferenceId,
  requireString,
  requireVersion,
  withoutUndefined,
} from './read.js';
import { DATA_ABSENT_REASON_URL, PATIENT_REPORTED_EXTENSION_URL, SCHEDULED_AT_EXTENSION_URL } from './urls.js';

const RT = 'MedicationAdministration';

/** Options of {@link intakeToMedicationAdministration}. */
export interface IntakeContext extends FhirPatientContext {
  /** The plan's medicine; R4 requires `medication[x]`, marked data-absent when not given. */
  medication?: Medication;
}

/**
 * Reads a `MedicationAdministration` as an intake record. Status `completed` is
 * `taken` (taken at `effectiveDateTime`), `not-done` is `skipped` (reason in
 * `statusReason[0].text`); other statuses are errors. The scheduled instant is our
 * `scheduled-at` extension; a skipped dose without it falls back on `effectiveDateTime`.
 *
 * @throws MappingError naming the field when the resource is malformed
 */
export function medicationAdministrationToIntake(resource: MedicationAdministration): IntakeRecord {
  const r = readResource(resource, RT);
  const id = requireId(r, RT);
  const version = requireVersion(r, RT);
  const status = requireString(`${RT}.status`, r.status);
  if (status !== 'completed' && status !== 'not-done') fail(`${RT}.status`, 'is neither completed nor not-done');
  const effective = requireInstant(`${RT}.effectiveDateTime`, r.effectiveDateTime);
  const scheduled = new ExtensionReader(RT, r.extension).instant(SCHEDULED_AT_EXTENSION_URL);
  if (scheduled === undefined && status === 'completed') fail(`${RT}.extension[scheduled-at]`, 'is missing');
  const reasons = optionalArray(`${RT}.statusReason`, r.statusReason);
  const notes = optionalArray(`${RT}.note`, r.note);
  return withoutUndefined<IntakeRecord>({
    id,
    planId: requireReferenceId(`${RT}.request`, r.request, 'MedicationRequest'),
    scheduledAt: scheduled ?? effective,
    status: status === 'completed' ? 'taken' : 'skipped',
    takenAt: status === 'completed' ? effective : undefined,
    reason:
      reasons.length > 0
        ? optionalString(`${RT}.statusReason[0].text`, requireObject(`${RT}.statusReason[0]`, reasons[0]).text)
        : undefined,
    note:
      notes.length > 0 ? requireString(`${RT}.note[0].text`, requireObject(`${RT}.note[0]`, notes[0]).text) : undefined,
    version,
  });
}

/**
 * Writes an intake as a `MedicationAdministration` performed and reported by the
 * patient: `completed` at `takenAt`, or `not-done` at the scheduled instant.
 * R4 has no `reportedBoolean` here (that is MedicationRequest's), so the patient is
 * the performer and our `patient-reported` extension says so.
 *
 * @throws MappingError when the record is inconsistent (taken without `takenAt`,
 *   skipped with one) or an instant or id is not valid
 */
export function intakeToMedicationAdministration(
  record: IntakeRecord,
  context: IntakeContext,
): MedicationAdministration {
  if (record.id !== '' && !isFhirId(record.id)) fail('IntakeRecord.id', 'is not a valid FHIR id');
  if (!isInstant(record.scheduledAt)) fail('IntakeRecord.scheduledAt', 'is not an ISO 8601 instant with offset');
  if (record.status !== 'taken' && record.status !== 'skipped') fail('IntakeRecord.status', 'is not a known code');
  if (record.status === 'taken' && !isInstant(record.takenAt))
    fail('IntakeRecord.takenAt', 'is missing or not an ISO 8601 instant');
  if (record.status === 'skipped' && record.takenAt !== undefined)
    fail('IntakeRecord.takenAt', 'is set on a skipped dose');
  const patient = patientReference(context.patientId);
  return withoutUndefined<MedicationAdministration>({
    resourceType: RT,
    id: record.id || undefined,
    meta: record.version ? { versionId: record.version } : undefined,
    extension: [
      { url: SCHEDULED_AT_EXTENSION_URL, valueDateTime: record.scheduledAt },
      { url: PATIENT_REPORTED_EXTENSION_URL, valueBoolean: true },
    ],
    status: record.status === 'taken' ? 'completed' : 'not-done',
    statusReason:
      record.reason === undefined ? undefined : [{ text: requireString('IntakeRecord.reason', record.reason) }],
    medicationCodeableConcept: medicationConcept(context.medication),
    subject: patient,
    effectiveDateTime: record.takenAt ?? record.scheduledAt,
    performer: [{ actor: patient }],
    request: referenceTo('IntakeRecord.planId', 'MedicationRequest', record.planId),
    note: record.note === undefined ? undefined : [{ text: requireString('IntakeRecord.note', record.note) }],
  });
}

/** The medicine when known, else a concept marked data-absent (R4 requires one). */
function medicationConcept(medication: Medication | undefined): CodeableConcept {
  if (medication === undefined) return { extension: [{ url: DATA_ABSENT_REASON_URL, valueCode: 'unknown' }] };
  return withoutUndefined<CodeableConcept>({
    text: medication.display,
    coding:
      medication.code === undefined
        ? undefined
        : [withoutUndefined({ system: medication.system, code: medication.code, display: medication.display })],
  });
}
