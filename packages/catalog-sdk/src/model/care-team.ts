/** A professional in the patient's care team (FHIR `Practitioner`). */
export interface CareTeamMember {
  id: string;
  /** Display name, e.g. « Dr Claire Martin ». */
  name: string;
  prefix?: string;
  given?: string;
  family: string;
  /** Specialty in the patient's words, e.g. « Neurologue ». */
  specialty?: string;
  organisation?: string;
  /** Secure-messaging (MSSanté) address, when known. */
  secureEmail?: string;
  phone?: string;
  /** French national professional identifier (RPPS), when known. */
  rpps?: string;
}
