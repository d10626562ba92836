/**
 * The patient's medical profile: what a doctor meeting her for the first time
 * (A&E, a locum) must know. FHIR homes: `AllergyIntolerance`, `Condition`,
 * `Immunization`, an `Observation` (LOINC 882-1) for the blood group and
 * `RelatedPerson` for emergency contacts.
 */
import type { IsoDate, RecordVersion } from './common.js';

/** What an allergy or intolerance is to (FHIR `AllergyIntolerance.category`). */
export type AllergyCategory = 'medication' | 'food' | 'environment' | 'biologic';

/** Every allergy category, medicines first (what A&E needs first). */
export const ALLERGY_CATEGORIES: readonly AllergyCategory[] = ['medication', 'food', 'environment', 'biologic'];

/** How serious a reaction can be (FHIR `AllergyIntolerance.criticality`). */
export type AllergySeverity = 'high' | 'low' | 'unknown';

/** Every severity, most serious first. */
export const ALLERGY_SEVERITIES: readonly AllergySeverity[] = ['high', 'low', 'unknown'];

/** An allergy or an intolerance (FHIR `AllergyIntolerance`). */
export interface Allergy {
  id: string;
  version: RecordVersion;
  /** The substance, in the patient's words: « Pénicilline », « Arachide ». */
  substance: string;
  /** `allergy` (immune) or `intolerance`. */
  type: 'allergy' | 'intolerance';
  category: AllergyCategory;
  severity: AllergySeverity;
  /** What happens, in the patient's words: « œdème de Quincke ». */
  reaction?: string;
}

/** An ongoing condition (FHIR `Condition`, active, problem list). */
export interface MedicalCondition {
  id: string;
  version: RecordVersion;
  /** « Insuffisance rénale chronique stade 5 ». */
  name: string;
  /** Known since (a day; the first of the month or year when only those are known). */
  since?: IsoDate;
  note?: string;
}

/** A vaccination received (FHIR `Immunization`, completed). */
export interface Vaccination {
  id: string;
  version: RecordVersion;
  /** « Grippe saisonnière », « Hépatite B (3e dose) ». */
  vaccine: string;
  date: IsoDate;
  note?: string;
}

/** ABO and Rh(D) blood groups. */
export type BloodGroup = 'A+' | 'A-' | 'B+' | 'B-' | 'AB+' | 'AB-' | 'O+' | 'O-';

/** Every blood group. */
export const BLOOD_GROUPS: readonly BloodGroup[] = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'];

/** The blood group on record (FHIR `Observation`, LOINC 882-1). */
export interface BloodGroupRecord {
  id: string;
  version: RecordVersion;
  group: BloodGroup;
}

/** Someone to call in an emergency (FHIR `RelatedPerson`). */
export interface EmergencyContact {
  id: string;
  version: RecordVersion;
  name: string;
  /** In the patient's words: « Fille », « Voisin ». */
  relationship: string;
  phone: string;
}

/** The entries of a medical profile, by kind. */
export interface MedicalProfileEntries {
  allergy: Allergy;
  condition: MedicalCondition;
  vaccination: Vaccination;
  bloodGroup: BloodGroupRecord;
  contact: EmergencyContact;
}

/** A kind of profile entry. */
export type MedicalProfileEntryKind = keyof MedicalProfileEntries;

/** Every kind of profile entry, in the order an emergency card shows them. */
export const MEDICAL_PROFILE_ENTRY_KINDS: readonly MedicalProfileEntryKind[] = [
  'allergy',
  'contact',
  'bloodGroup',
  'condition',
  'vaccination',
];

/** A profile entry not yet stored (no id, no version). */
export type NewMedicalProfileEntry<K extends MedicalProfileEntryKind> = Omit<
  MedicalProfileEntries[K],
  'id' | 'version'
>;

/** The whole profile, as the widgets show it. */
export interface MedicalProfile {
  /** Serious ones first, then by substance. */
  allergies: Allergy[];
  conditions: MedicalCondition[];
  /** Most recent first. */
  vaccinations: Vaccination[];
  /** At most one is kept. */
  bloodGroup?: BloodGroupRecord;
  contacts: EmergencyContact[];
}
