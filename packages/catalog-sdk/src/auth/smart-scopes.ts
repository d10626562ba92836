/**
 * The SMART App Launch scopes Carnet asks for: the one list the SDK, the widgets'
 * provider and the demo platform (which grants exactly these) share.
 */

/**
 * Scopes that are not resource permissions: identity (with the name the widgets greet the
 * patient by), the patient in context, refresh tokens.
 */
export const LAUNCH_SCOPES: readonly string[] = ['openid', 'profile', 'fhirUser', 'launch/patient', 'offline_access'];

/** SMART v2 resource permissions on the patient's compartment that the widgets use. */
export const CARNET_RESOURCE_SCOPES: readonly string[] = [
  'patient/Patient.r',
  'patient/DocumentReference.rs',
  'patient/DocumentReference.u',
  'patient/DocumentReference.c',
  'patient/Binary.r',
  'patient/Binary.c',
  'patient/Appointment.cruds',
  'patient/MedicationRequest.crus',
  'patient/MedicationAdministration.cruds',
  'patient/Communication.cruds',
  'patient/Practitioner.rs',
  'patient/CareTeam.rus',
  'patient/AuditEvent.rs',
  'patient/Consent.crds',
  // The medical profile: allergies, conditions, vaccinations, blood group, emergency contacts.
  'patient/AllergyIntolerance.cruds',
  'patient/Condition.cruds',
  'patient/Immunization.cruds',
  'patient/Observation.cruds',
  'patient/RelatedPerson.cruds',
];

/** Every scope Carnet asks for by default (`<carnet-provider>` without a `scopes` attribute). */
export const CARNET_SCOPES: readonly string[] = [...LAUNCH_SCOPES, ...CARNET_RESOURCE_SCOPES];
