import { validateResource } from '@medplum/core';
import type { MemoryRepository } from '@medplum/fhir-router';
import type { Binary, Patient, Resource } from '@medplum/fhirtypes';
import {
  type HealthDocument,
  type PatientRecord,
  type RecordPatient,
  agendaEventToAppointment,
  careTeamMemberToPractitioner,
  glucoseReadingToObservation,
  motorStateEntryToObservation,
  healthDocumentToDocumentReference,
  intakeToMedicationAdministration,
  planToMedicationRequest,
} from '@carnet/catalog-sdk';
import { COMPARTMENT_RULES, type ResourceJson } from '../gateway/compartment.js';
import { demoAttachment } from '@carnet/catalog-sdk/demo-data';
import { medicalProfileResources } from './medical-profiles.js';

/** Options of {@link seedRepository}. */
export interface SeedOptions {
  /** FHIR base URL, for attachment URLs. */
  fhirBaseUrl: string;
  /** Validate every resource against R4 (slower; for tests). */
  validate?: boolean;
}

/** What seeding produced. */
export interface SeedResult {
  patients: RecordPatient[];
  /** Practitioner ids in each patient's care team. */
  careTeams: Map<string, Set<string>>;
  /** Number of resources created, by type. */
  counts: Record<string, number>;
  /** Validation problems found (only with `validate`), as `Type/id: message`. */
  invalid: string[];
  durationMs: number;
}

/** The attachment file of a document (the SDK's demo files), and the content type it really has. */
function attachmentOf(doc: HealthDocument): { bytes: Buffer; contentType: string } {
  const { bytes, contentType } = demoAttachment(doc);
  return { bytes: Buffer.from(bytes), contentType };
}

function patientResource(patient: RecordPatient): Patient {
  return {
    resourceType: 'Patient',
    id: patient.id,
    active: true,
    name: [{ use: 'official', family: patient.family, given: [patient.given] }],
    gender: patient.gender,
    birthDate: patient.birthDate,
  };
}

/** Puts a resource that names no patient (forum messages) in the persona's compartment. */
function inCompartment<T extends Resource>(resource: T, patientId: string): T {
  const rule = COMPARTMENT_RULES[resource.resourceType];
  const json = resource as unknown as ResourceJson;
  if (rule?.assign && rule.owners(json).length === 0) rule.assign(json, patientId);
  return resource;
}

/** Id of the one CareTeam of a patient: who she shares her record with. */
export function careTeamIdOf(patientId: string): string {
  return `careteam-${patientId}`;
}

/** Turns one persona record into FHIR resources with the SDK's mappers. */
export function personaResources(record: PatientRecord, fhirBaseUrl: string): Resource[] {
  const patientId = record.patient.id;
  const context = { patientId };
  const resources: Resource[] = [patientResource(record.patient)];
  for (const member of record.careTeam) resources.push(careTeamMemberToPractitioner(member));
  // The professionals the patient shares her record with: she adds and removes them.
  resources.push({
    resourceType: 'CareTeam',
    id: careTeamIdOf(patientId),
    status: 'active',
    subject: { reference: `Patient/${patientId}` },
    participant: record.careTeam.map((member) => ({ member: { reference: `Practitioner/${member.id}` } })),
  });
  for (const doc of record.documents) {
    const { bytes, contentType } = attachmentOf(doc);
    const binary: Binary = {
      resourceType: 'Binary',
      id: doc.id,
      contentType,
      securityContext: { reference: `Patient/${patientId}` },
      data: bytes.toString('base64'),
    };
    resources.push(binary);
    resources.push(
      healthDocumentToDocumentReference(
        { ...doc, contentType, size: bytes.length, url: `${fhirBaseUrl}/Binary/${doc.id}` },
        context,
      ),
    );
  }
  for (const event of record.agendaEvents)
    resources.push(inCompartment(agendaEventToAppointment(event, context), patientId));
  const medicineOf = new Map(record.medicationPlans.map((plan) => [plan.id, plan.medication]));
  for (const plan of record.medicationPlans) resources.push(planToMedicationRequest(plan, context));
  for (const intake of record.intakes) {
    const medication = medicineOf.get(intake.planId);
    resources.push(intakeToMedicationAdministration(intake, { patientId, ...(medication ? { medication } : {}) }));
  }
  resources.push(...medicalProfileResources(record.patient.pathology, patientId));
  for (const reading of record.glucoseReadings ?? []) resources.push(glucoseReadingToObservation(reading, context));
  for (const entry of record.motorStates ?? []) resources.push(motorStateEntryToObservation(entry, context));
  // Forum threads and posts live in the community (seed/community.ts), never in a compartment.
  return resources;
}

/**
 * Loads the persona records into the repository, keeping every id (and the
 * generator's versions, through Medplum's seeding mode).
 */
export async function seedRepository(
  repo: MemoryRepository,
  records: readonly PatientRecord[],
  options: SeedOptions,
): Promise<SeedResult> {
  const started = performance.now();
  const counts: Record<string, number> = {};
  const invalid: string[] = [];
  const careTeams = new Map<string, Set<string>>();
  await repo.withSeeding(async () => {
    for (const record of records) {
      careTeams.set(record.patient.id, new Set(record.careTeam.map((member) => member.id)));
      for (const resource of personaResources(record, options.fhirBaseUrl)) {
        if (options.validate) {
          try {
            validateResource(resource);
          } catch (error) {
            invalid.push(
              `${resource.resourceType}/${resource.id ?? '?'}: ${error instanceof Error ? error.message : 'invalid'}`,
            );
          }
        }
        await repo.createResource(resource);
        counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
      }
    }
  });
  return {
    patients: records.map((r) => r.patient),
    careTeams,
    counts,
    invalid,
    durationMs: performance.now() - started,
  };
}
