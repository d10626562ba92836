/**
 * Pure FHIR R4 ↔ domain mappers (no I/O). Every FHIR → domain mapper accepts a
 * resource that may be anything at runtime and throws `MappingError` naming the
 * offending path rather than crashing or returning a half-filled object.
 *
 * Versions: FHIR → domain requires `meta.versionId` (the ETag updates name);
 * domain → FHIR leaves `meta.versionId` (and `id`) out when they are empty, as for
 * a record not yet stored, so the server assigns them.
 * @module
 */
export * from './urls.js';
export type { FhirPatientContext } from './patient.js';
export {
  CONFIDENTIALITY_SYSTEM,
  HIDDEN_FROM_PROFESSIONALS_LABEL,
  documentReferenceToHealthDocument,
  healthDocumentToDocumentReference,
  isHiddenFromProfessionals,
} from './document.js';
export {
  DOCUMENT_SENDING_CATEGORY_CODE,
  communicationToDocumentSending,
  documentSendingToCommunication,
} from './document-sending.js';
export { appointmentToAgendaEvent, agendaEventToAppointment } from './agenda.js';
export { medicationRequestToPlan, planToMedicationRequest } from './medication.js';
export type { IntakeContext } from './intake.js';
export { medicationAdministrationToIntake, intakeToMedicationAdministration } from './intake.js';
export {
  COMMUNITY_CATEGORY_CODE,
  communicationToForumThread,
  forumThreadToCommunication,
  communicationToForumPost,
  forumPostToCommunication,
} from './forum.js';
export { CARE_MESSAGE_CATEGORY_CODE, communicationToCareMessage, careMessageToCommunication } from './care-message.js';
export { auditEventToAccessEntry } from './access.js';
export { practitionerToCareTeamMember, careTeamMemberToPractitioner } from './care-team.js';
export { caregiverGrantToConsent, consentToCaregiverGrant, isActiveConsent } from './consent.js';
export {
  BLOOD_GROUP_LOINC,
  CONTACT_ROLE_SYSTEM,
  EMERGENCY_CONTACT_CODE,
  isEmergencyContact,
  allergyIntoleranceToAllergy,
  allergyToAllergyIntolerance,
  conditionToMedicalCondition,
  medicalConditionToCondition,
  immunizationToVaccination,
  vaccinationToImmunization,
  observationToBloodGroup,
  bloodGroupToObservation,
  relatedPersonToEmergencyContact,
  emergencyContactToRelatedPerson,
} from './medical-profile.js';
export {
  UCUM_SYSTEM,
  CAPILLARY_GLUCOSE_LOINC,
  BLOOD_GLUCOSE_LOINC,
  CAPILLARY_GLUCOSE_MOLAR_LOINC,
  BLOOD_GLUCOSE_MOLAR_LOINC,
  GLUCOSE_LOINC_CODES,
  isGlucoseObservation,
  observationToGlucoseReading,
  glucoseReadingToObservation,
} from './tracker.js';
export {
  BODY_WEIGHT_LOINC,
  BLOOD_PRESSURE_PANEL_LOINC,
  SYSTOLIC_LOINC,
  DIASTOLIC_LOINC,
  isWeightObservation,
  isBloodPressureObservation,
  observationToWeightReading,
  weightReadingToObservation,
  observationToBloodPressureReading,
  bloodPressureReadingToObservation,
} from './vital-signs.js';
export {
  MOTOR_STATE_OBSERVATION_CODE,
  isMotorStateObservation,
  observationToMotorStateEntry,
  motorStateEntryToObservation,
} from './motor-state.js';
