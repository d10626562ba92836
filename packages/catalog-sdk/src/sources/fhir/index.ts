/** The connected data source (FHIR R4). */
export { createFhirDataSource } from './fhir-data-source.js';
export type { FhirDataSourceOptions } from './fhir-data-source.js';
export type { PatientSession } from './fhir-context.js';
export { INTAKE_IDENTIFIER_SYSTEM } from './fhir-medications.js';
export { DEFAULT_MODERATION_THRESHOLD } from './fhir-forum.js';
