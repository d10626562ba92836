import type { Patient, Reference } from '@medplum/fhirtypes';
import { referenceTo } from './read.js';

/** Who a resource written by Carnet belongs to (domain → FHIR mappers). */
export interface FhirPatientContext {
  /** FHIR id of the patient whose record this is. */
  patientId: string;
}

/** `Patient/<id>` reference, checking the id (the patient's id never comes from data). */
export function patientReference(patientId: string): Reference<Patient> {
  return referenceTo('FhirPatientContext.patientId', 'Patient', patientId);
}
