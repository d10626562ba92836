/** The patient's access history: who opened or changed what in her record, and when. */

/** Who acted: the patient herself, a professional, an app, or someone the trail does not name. */
export interface AccessActor {
  kind: 'patient' | 'professional' | 'caregiver' | 'app' | 'unknown';
  /** FHIR id of the person (Patient, Practitioner, RelatedPerson), or the app's client id. */
  id: string;
  /** The person's name as the server recorded it (`agent.who.display`), when it did. */
  name?: string;
}

/** One entry of the access history (one FHIR `AuditEvent`). */
export interface AccessEntry {
  id: string;
  /** When (ISO instant). */
  at: string;
  /** The person who acted. */
  actor: AccessActor;
  /** The app they used, when the trail names one (client id). */
  appId?: string;
  action: 'read' | 'search' | 'create' | 'update' | 'delete';
  /** False for a refused attempt. */
  allowed: boolean;
  /** What was opened or changed, as `Type/id` (documents, messages …). */
  resources: string[];
  /** What a refused attempt without resources aimed at, as the server recorded it (e.g. `search of DocumentReference`). */
  detail?: string;
  /**
   * True for an attempt refused because the patient hid the document from
   * professionals (the server labels it `entity.securityLabel` confidentiality `R`).
   */
  hiddenDocument?: boolean;
}
