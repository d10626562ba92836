/** What a patient shares with the people who help her (caregivers), and what a caregiver sees of it. */

/** A part of the record a caregiver may be given access to. */
export type RecordPart = 'documents' | 'agenda' | 'organiser' | 'messages';

/** Every part, in the order interfaces list them. */
export const RECORD_PARTS: readonly RecordPart[] = Object.freeze(['documents', 'agenda', 'organiser', 'messages']);

/** `read` lets the caregiver see a part; `write` also lets them change it (it includes `read`). */
export type AccessLevel = 'read' | 'write';

/** The FHIR resource types behind each part (what a grant of that part opens on the server). */
export const RECORD_PART_RESOURCE_TYPES: Readonly<Record<RecordPart, readonly string[]>> = Object.freeze({
  documents: Object.freeze(['DocumentReference', 'Binary']),
  agenda: Object.freeze(['Appointment']),
  organiser: Object.freeze(['MedicationRequest', 'MedicationAdministration']),
  messages: Object.freeze(['Communication']),
});

/** The part a FHIR resource type belongs to, or undefined when no grant opens it. */
export function recordPartOf(resourceType: string): RecordPart | undefined {
  return RECORD_PARTS.find((part) => RECORD_PART_RESOURCE_TYPES[part].includes(resourceType));
}

/** Parts given, each with its level; a part absent is not shared. */
export type GrantedParts = Partial<Record<RecordPart, AccessLevel>>;

/** Someone the patient may give access to (FHIR `RelatedPerson`). */
export interface Caregiver {
  id: string;
  /** Display name, e.g. « Nadia Benali ». */
  name: string;
  /** Relationship in the patient's words, e.g. « Fille ». */
  relationship?: string;
}

/** One access the patient gave a caregiver (FHIR `Consent`), until it expires or she revokes it. */
export interface CaregiverGrant {
  id: string;
  /** The caregiver's `RelatedPerson` id. */
  caregiverId: string;
  /** The caregiver's name as it was when the access was given. */
  caregiverName?: string;
  /** The patient who gave it. */
  patientId: string;
  parts: GrantedParts;
  /** When it was given (ISO instant). */
  start: string;
  /** Last instant of access (ISO); absent: until revoked. */
  until?: string;
  /** Server version (`meta.versionId`). */
  version: string;
}

/** What the patient chooses when giving access. */
export interface NewCaregiverGrant {
  caregiverId: string;
  /** Shown in the patient's list of accesses. */
  caregiverName?: string;
  parts: GrantedParts;
  /** Last instant of access (ISO); absent: until revoked. */
  until?: string;
}

/** A person a caregiver helps: whose record they may open, and what of it. */
export interface HelpedPatient {
  patientId: string;
  /** Display name, e.g. « Fatima Benali ». */
  name: string;
  parts: GrantedParts;
  /** Earliest end of the accesses given (ISO), when they end. */
  until?: string;
}

/** True when the grant opens the part at this level at this instant. */
export function grantAllows(
  grant: Pick<CaregiverGrant, 'parts' | 'until'>,
  part: RecordPart,
  level: AccessLevel,
  now: string = new Date().toISOString(),
): boolean {
  if (grant.until !== undefined && Date.parse(grant.until) <= Date.parse(now)) return false;
  const given = grant.parts[part];
  return given === 'write' || (given === 'read' && level === 'read');
}
