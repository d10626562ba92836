import type { AgendaEvent } from '../model/agenda.js';
import type { CareTeamMember } from '../model/care-team.js';
import type { Pathology } from '../model/common.js';
import type { HealthDocument } from '../model/document.js';
import type { ForumPost, ForumThread } from '../model/forum.js';
import type { IntakeRecord, MedicationPlan } from '../model/medication.js';

/** The synthetic patient behind a persona. Never a real person. */
export interface DemoPatient {
  id: string;
  given: string;
  family: string;
  birthDate: string;
  gender: 'female' | 'male';
  pathology: Pathology;
  /** Pseudonym used in the forum. */
  pseudonym: string;
  /** Login of the persona's account on the demo identity provider. */
  login: string;
}

/**
 * A whole synthetic patient record: what the generator makes, what
 * `LocalDataSource.importRecord` and the demo FHIR server load.
 */
export interface PersonaRecord {
  patient: DemoPatient;
  documents: HealthDocument[];
  careTeam: CareTeamMember[];
  agendaEvents: AgendaEvent[];
  medicationPlans: MedicationPlan[];
  intakes: IntakeRecord[];
  forumThreads: ForumThread[];
  forumPosts: ForumPost[];
}
