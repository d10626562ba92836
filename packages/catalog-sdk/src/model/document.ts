import type { IsoInstant, RecordVersion } from './common.js';

/** Kinds of health documents Carnet recognises (FHIR `DocumentReference.type`, LOINC). */
export type DocumentKind =
  | 'prescription'
  | 'discharge-summary'
  | 'lab-result'
  | 'imaging'
  | 'vaccination'
  | 'consultation-note'
  | 'referral-letter'
  | 'other';

/** Facts about one document kind: its LOINC code and its labels. */
export interface DocumentKindInfo {
  readonly kind: DocumentKind;
  /** LOINC code used as `DocumentReference.type`. */
  readonly loinc: string;
  /** LOINC display name. */
  readonly display: string;
  /** Label shown to French-speaking patients. */
  readonly labelFr: string;
  /** Label shown to English-speaking patients. */
  readonly labelEn: string;
}

/** LOINC system URI. */
export const LOINC_SYSTEM = 'http://loinc.org';

/** The document kinds and their LOINC codes (ARCHITECTURE section 3). */
export const DOCUMENT_KINDS: readonly DocumentKindInfo[] = [
  {
    kind: 'prescription',
    loinc: '57833-6',
    display: 'Prescription for medication',
    labelFr: 'Ordonnance',
    labelEn: 'Prescription',
  },
  {
    kind: 'discharge-summary',
    loinc: '18842-5',
    display: 'Discharge summary',
    labelFr: "Compte rendu d'hospitalisation",
    labelEn: 'Hospital discharge summary',
  },
  {
    kind: 'lab-result',
    loinc: '11502-2',
    display: 'Laboratory report',
    labelFr: "Résultats d'analyses",
    labelEn: 'Laboratory results',
  },
  {
    kind: 'imaging',
    loinc: '18748-4',
    display: 'Diagnostic imaging study',
    labelFr: "Compte rendu d'imagerie",
    labelEn: 'Imaging report',
  },
  {
    kind: 'vaccination',
    loinc: '11369-6',
    display: 'History of Immunization Narrative',
    labelFr: 'Vaccinations',
    labelEn: 'Vaccinations',
  },
  {
    kind: 'consultation-note',
    loinc: '11488-4',
    display: 'Consult note',
    labelFr: 'Compte rendu de consultation',
    labelEn: 'Consultation note',
  },
  {
    kind: 'referral-letter',
    loinc: '57133-1',
    display: 'Referral note',
    labelFr: "Lettre d'adressage",
    labelEn: 'Referral letter',
  },
  {
    kind: 'other',
    loinc: '34133-9',
    display: 'Summary of episode note',
    labelFr: 'Autre document',
    labelEn: 'Other document',
  },
];

/** Every document kind, in the order of `DOCUMENT_KINDS`. */
export const DOCUMENT_KIND_VALUES: readonly DocumentKind[] = DOCUMENT_KINDS.map((info) => info.kind);

/** Looks up a kind's information. */
export function documentKindInfo(kind: DocumentKind): DocumentKindInfo {
  return DOCUMENT_KINDS.find((k) => k.kind === kind) ?? (DOCUMENT_KINDS[DOCUMENT_KINDS.length - 1] as DocumentKindInfo);
}

/**
 * A document in the patient's record (FHIR `DocumentReference` + `Binary`).
 * User tags and the favourite flag are the patient's own classification.
 */
export interface HealthDocument {
  id: string;
  /** Title as shown to the patient, e.g. « Ordonnance du Dr Martin ». */
  title: string;
  kind: DocumentKind;
  /** Clinical date of the document (when the exam or visit happened). */
  date: IsoInstant;
  /** Author (professional) display name, e.g. « Dr Claire Martin ». */
  author?: string;
  /** Organisation display name, e.g. « CHU de Lyon ». */
  organisation?: string;
  description?: string;
  /** The patient's own tags, unique, in the order added. */
  tags: string[];
  favourite: boolean;
  /**
   * The patient hid this document from professionals (and caregivers): on a platform,
   * they can neither open nor find it, and it cannot be sent to them. On-device
   * (local mode) the flag is kept for when the record is synced. FHIR:
   * `meta.security` confidentiality `R` (restricted).
   */
  hiddenFromProfessionals: boolean;
  /** MIME type of the attachment, e.g. `application/pdf`. */
  contentType: string;
  /** Size of the attachment in bytes, when known. */
  size?: number;
  /** Where the attachment can be fetched (FHIR `Binary` URL), when remote. */
  url?: string;
  version: RecordVersion;
}

/** What a caller gives to create a document; id and version are assigned. */
export type NewHealthDocument = Omit<
  HealthDocument,
  'id' | 'version' | 'tags' | 'favourite' | 'hiddenFromProfessionals'
> &
  Partial<Pick<HealthDocument, 'tags' | 'favourite' | 'hiddenFromProfessionals'>>;

/** The fields a patient may change on a document. */
export type HealthDocumentChanges = Partial<
  Pick<HealthDocument, 'tags' | 'favourite' | 'title' | 'hiddenFromProfessionals'>
>;

/** A document sent to a professional (FHIR `Communication`). */
export interface DocumentSending {
  id: string;
  documentId: string;
  /** CareTeamMember id of the recipient. */
  recipientId: string;
  message?: string;
  sentAt: IsoInstant;
  status: 'completed' | 'in-progress' | 'failed';
}
