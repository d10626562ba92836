import type { AgendaEvent } from './agenda.js';
import type { CareTeamMember } from './care-team.js';
import type { Pathology } from './common.js';
import type { HealthDocument } from './document.js';
import type { ForumPost, ForumThread } from './forum.js';
import type { IntakeRecord, MedicationPlan } from './medication.js';
import type { GlucoseReading, MotorStateEntry } from './tracker.js';

/**
 * Who a record belongs to (FHIR `Patient`), as Carnet shows them. How the person
 * signs in is the identity provider's business, not part of the record.
 */
export interface RecordPatient {
  id: string;
  given: string;
  family: string;
  /** Calendar date `YYYY-MM-DD`. */
  birthDate: string;
  gender: 'female' | 'male';
  pathology: Pathology;
  /** Pseudonym shown to the other members of the patient's community. */
  pseudonym: string;
}

/**
 * A patient's whole record, all at once: what `LocalDataSource.importRecord`
 * loads, what the demo-data generator makes and what the demo FHIR server seeds.
 */
export interface PatientRecord {
  patient: RecordPatient;
  documents: HealthDocument[];
  careTeam: CareTeamMember[];
  agendaEvents: AgendaEvent[];
  medicationPlans: MedicationPlan[];
  intakes: IntakeRecord[];
  forumThreads: ForumThread[];
  forumPosts: ForumPost[];
  /** Capillary glucose values (the diabetes tracker); absent when none. */
  glucoseReadings?: GlucoseReading[];
  /** Half-hours of the Parkinson's motor diary; absent when none. */
  motorStates?: MotorStateEntry[];
}
