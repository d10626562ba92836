import type { AgendaEvent, NewAgendaEvent } from '../model/agenda.js';
import type { AppGrant, CatalogueApp } from '../catalog/catalogue.js';
import type { CareTeamMember } from '../model/care-team.js';
import type { Pathology } from '../model/common.js';
import type { DocumentSending, HealthDocument, HealthDocumentChanges, NewHealthDocument } from '../model/document.js';
import type { ForumPost, ForumThread, ReportReason } from '../model/forum.js';
import type { AccessEntry } from '../model/access.js';
import type { ModeratedCommunity, ModerationRecord, ReportedPost } from '../model/moderation.js';
import type { Caregiver, CaregiverGrant, HelpedPatient, NewCaregiverGrant } from '../model/sharing.js';
import type { CareMessage, MessageThread, NewCareMessage } from '../model/message.js';
import type {
  MedicalProfile,
  MedicalProfileEntries,
  MedicalProfileEntryKind,
  NewMedicalProfileEntry,
} from '../model/medical-profile.js';
import type { IntakeRecord, MedicationPlan, NewBox, NewIntakeRecord, NewMedicationPlan } from '../model/medication.js';
import type {
  ImportOutcome,
  MeasurementRange,
  NewTrackerEntry,
  TrackerEntries,
  TrackerKind,
} from '../model/tracker.js';

/** Options of a paged list. */
export interface PageRequest {
  /** Maximum number of items in the page (default 50). */
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** Total number of items across all pages, when known. */
  total: number;
  /** Cursor of the next page; absent on the last page. */
  nextCursor?: string;
}

/** The patient's documents. */
export interface DocumentRepository {
  /** Documents, most recent clinical date first, one page at a time. */
  list(request?: PageRequest): Promise<Page<HealthDocument>>;
  /** Every document (follows pages); for search and facets. */
  listAll(options?: { signal?: AbortSignal }): Promise<HealthDocument[]>;
  /** One document; `NotFoundError` when absent. */
  get(id: string): Promise<HealthDocument>;
  /** Adds a document with its content. */
  create(document: NewHealthDocument, content?: Blob): Promise<HealthDocument>;
  /**
   * Changes tags, favourite or title. `baseVersion` is the version the change was
   * made on; when the stored document has moved on, rejects with `ConflictError`.
   */
  update(id: string, changes: HealthDocumentChanges, baseVersion: string): Promise<HealthDocument>;
  /** The attachment (PDF, image); `NotFoundError` when it has none. */
  getContent(id: string, options?: { signal?: AbortSignal }): Promise<Blob>;
  /** Sends a document to a member of the care team. */
  send(request: { documentId: string; recipientId: string; message?: string }): Promise<DocumentSending>;
  /** Documents sent so far, most recent first, optionally for one document. */
  listSendings(documentId?: string): Promise<DocumentSending[]>;
}

/** The patient's agenda. */
export interface AgendaRepository {
  /** Every event (recurring series are one event; expand them for display). */
  list(options?: { signal?: AbortSignal }): Promise<AgendaEvent[]>;
  get(id: string): Promise<AgendaEvent>;
  create(event: NewAgendaEvent): Promise<AgendaEvent>;
  /** Replaces an event; `event.version` must be the stored one, else `ConflictError`. */
  update(event: AgendaEvent): Promise<AgendaEvent>;
  /** Deletes an event; `baseVersion` must be the stored one, else `ConflictError`. */
  delete(id: string, baseVersion: string): Promise<void>;
}

/** Filters of intake records. */
export interface IntakeQuery {
  planId?: string;
  /** Scheduled at or after this instant. */
  from?: string;
  /** Scheduled before this instant. */
  to?: string;
}

/** Medication plans and the intakes recorded against them. */
export interface MedicationRepository {
  listPlans(options?: { signal?: AbortSignal }): Promise<MedicationPlan[]>;
  getPlan(id: string): Promise<MedicationPlan>;
  /**
   * Adds a treatment the patient entered (or a prescription). Rejects with a
   * `ValidationError` whose `rule` names what to fix (`PlanValidationRule`).
   */
  createPlan(plan: NewMedicationPlan): Promise<MedicationPlan>;
  /**
   * Replaces a plan; `plan.version` must be the stored one, else `ConflictError`.
   * Rejects bad input like `createPlan`.
   */
  updatePlan(plan: MedicationPlan): Promise<MedicationPlan>;
  /**
   * Records a new box: its units are added to the stock (`box.boxes` boxes of
   * `stock.unitsPerBox`, or `box.units`). `baseVersion` must be the stored one, else
   * `ConflictError`; a box of no units is a `ValidationError` with rule `box-invalid`.
   */
  addBox(id: string, baseVersion: string, box?: NewBox): Promise<MedicationPlan>;
  /**
   * Stops a treatment at `at` (default now): no dose is scheduled after it, past doses
   * stay. `ValidationError` with rule `already-stopped` when it is; `ConflictError` when stale.
   */
  stopPlan(id: string, baseVersion: string, at?: Date): Promise<MedicationPlan>;
  /** Undoes `stopPlan`. `ValidationError` with rule `not-stopped` when it runs; `ConflictError` when stale. */
  resumePlan(id: string, baseVersion: string): Promise<MedicationPlan>;
  listIntakes(query?: IntakeQuery): Promise<IntakeRecord[]>;
  /**
   * Records what happened to one scheduled dose. Idempotent: recording the same
   * plan and scheduled time again returns the existing record, never a second one.
   */
  recordIntake(record: NewIntakeRecord): Promise<IntakeRecord>;
  /** Changes a record; `record.version` must be the stored one, else `ConflictError`. */
  updateIntake(record: IntakeRecord): Promise<IntakeRecord>;
  /** Removes a record (undo); `baseVersion` must be the stored one, else `ConflictError`. */
  deleteIntake(id: string, baseVersion: string): Promise<void>;
}

/** The patient communities. */
export interface ForumRepository {
  /** Threads of a community, most recent activity first. */
  listThreads(community: Pathology, request?: PageRequest): Promise<Page<ForumThread>>;
  getThread(id: string): Promise<ForumThread>;
  /** Posts of a thread, oldest first; the first post opens the thread. */
  listPosts(threadId: string, request?: PageRequest): Promise<Page<ForumPost>>;
  /**
   * The current patient's pseudonym, once chosen. On a platform, in the given
   * community (default: the last one used); undefined when not a member.
   */
  getPseudonym(community?: Pathology): Promise<string | undefined>;
  /** Chooses the pseudonym (once; later calls with another name are rejected). */
  setPseudonym(pseudonym: string): Promise<string>;
  createThread(community: Pathology, input: { title: string; body: string }): Promise<ForumThread>;
  reply(threadId: string, input: { body: string; replyTo?: string }): Promise<ForumPost>;
  /** Edits one of the patient's own posts. */
  editPost(id: string, body: string, baseVersion: string): Promise<ForumPost>;
  /** Deletes one of the patient's own posts. */
  deletePost(id: string, baseVersion: string): Promise<void>;
  /** Reports a post; it is hidden once it reaches the moderation threshold. */
  reportPost(id: string, reason: ReportReason, comment?: string): Promise<ForumPost>;
  /** Marks a thread read up to now for the current patient. */
  markRead(threadId: string): Promise<void>;
  /** Leaves a community (connected platforms): the pseudonym disappears from new views. */
  leave?(community: Pathology): Promise<void>;
  /** Follows a thread or stops following it (connected platforms). */
  setFollowed?(threadId: string, followed: boolean): Promise<ForumThread>;
}

/**
 * Moderation of the patient communities, for a moderator's session on a
 * platform (an association volunteer with their own login). The platform
 * decides who moderates what from the token: for anyone else every
 * community-specific call rejects with `NotFoundError`.
 *
 * @example
 * ```ts
 * const [community] = await source.moderation.listCommunities();
 * const queue = await source.moderation.listReports(community.id);
 * await source.moderation.hidePost(community.id, queue[0].post.id, 'Conseil médical à vérifier');
 * ```
 */
export interface ModerationRepository {
  /** The communities the signed-in person moderates (empty for everyone else). */
  listCommunities(options?: { signal?: AbortSignal }): Promise<ModeratedCommunity[]>;
  /**
   * The queue: posts reported at least once or hidden, the most reported first,
   * with how many distinct people reported them and why (never who).
   */
  listReports(communityId: string, options?: { signal?: AbortSignal }): Promise<ReportedPost[]>;
  /** Hides a post; its author sees that it was hidden and `reason`, the others see a placeholder. */
  hidePost(communityId: string, postId: string, reason: string): Promise<ReportedPost>;
  /** Shows a post again and clears its reports. */
  restorePost(communityId: string, postId: string, reason?: string): Promise<ReportedPost>;
  /** Suspends a pseudonym: its member reads but no longer posts. */
  suspend(communityId: string, pseudonym: string, reason?: string): Promise<ModeratedCommunity>;
  /** Lifts a suspension. */
  liftSuspension(communityId: string, pseudonym: string): Promise<ModeratedCommunity>;
  /** The community's moderation trail, oldest first: every action, by whom, why. */
  listActions(communityId: string, options?: { signal?: AbortSignal }): Promise<ModerationRecord[]>;
}

/** The patient's care team: the professionals she shares her record with. */
export interface CareTeamRepository {
  list(options?: { signal?: AbortSignal }): Promise<CareTeamMember[]>;
  get(id: string): Promise<CareTeamMember>;
  /**
   * Shares the record with a professional (adds them to the care team). Absent
   * where nothing is shared (an on-device record).
   */
  share?(practitionerId: string): Promise<void>;
  /**
   * Professionals the patient may choose to share with: the platform's
   * directory (members of her care team included). Absent where there is none.
   */
  directory?(options?: { signal?: AbortSignal }): Promise<CareTeamMember[]>;
  /**
   * Stops sharing with a professional (removes them from the care team); the
   * server refuses them from their next request. Absent on an on-device record.
   */
  stopSharing?(practitionerId: string): Promise<void>;
}

/**
 * Secure message threads between the patient and their care team. The same
 * repository serves a professional (threads with the patients who shared with them).
 */
export interface MessageRepository {
  /**
   * False where nothing can be sent (an on-device record): `send` then rejects
   * with `MessagingUnavailableError`, and interfaces offer download or share instead.
   */
  readonly canSend: boolean;
  /** Threads, most recent activity first, with their messages and unread counts. */
  listThreads(options?: { signal?: AbortSignal }): Promise<MessageThread[]>;
  /** Sends a message (starts a thread, or continues `threadId`). */
  send(message: NewCareMessage): Promise<CareMessage>;
  /** Marks a message to the signed-in person as read (no change when it already is). */
  markRead(message: CareMessage): Promise<CareMessage>;
}

/** The patient's calendar subscription address (see {@link CalendarSubscriptionRepository}). */
export interface CalendarSubscription {
  /** The secret feed URL (`https:` or `http:`), for apps that want it as is. */
  url: string;
  /** The same with the `webcal:` scheme, which opens the device's calendar app to subscribe. */
  webcalUrl: string;
}

/**
 * The patient's calendar subscription on the platform: a secret, revocable URL
 * serving the agenda, doses and renewal reminders as iCalendar with alarms.
 */
export interface CalendarSubscriptionRepository {
  /** The address, created on first use (the same one afterwards, until reset). */
  get(): Promise<CalendarSubscription>;
  /** A new address; the old one stops working at once (404). */
  reset(): Promise<CalendarSubscription>;
}

/**
 * The platform's catalogue of third-party apps and the patient's consent to
 * each: what every app asks for, which ones she allowed, and withdrawing an
 * app's access (its tokens stop working at once).
 */
export interface AppCatalogueRepository {
  /** The apps the platform lists (public information), in the platform's order. */
  listApps(options?: { signal?: AbortSignal }): Promise<CatalogueApp[]>;
  /** The apps the signed-in patient allowed, with what she granted. */
  listGrants(options?: { signal?: AbortSignal }): Promise<AppGrant[]>;
  /**
   * Withdraws the app's access: its access and refresh tokens are refused from
   * the next request, and its next sign-in asks her consent again.
   */
  revoke(clientId: string): Promise<void>;
}

/** The patient's access history (her own trail only). */
export interface AccessHistoryRepository {
  /**
   * Entries, most recent first, optionally within a period. Empty where no
   * server keeps a trail (an on-device record).
   */
  list(options?: { from?: string; to?: string; signal?: AbortSignal }): Promise<AccessEntry[]>;
}

/**
 * Access the patient gives to people who help her (caregivers), and, for a
 * signed-in caregiver, the people who gave them access. The server enforces
 * every grant at each request: a revoked or expired one is refused at once.
 */
export interface SharingRepository {
  /** People the patient may give access to (her known caregivers), by name. */
  listCaregivers(options?: { signal?: AbortSignal }): Promise<Caregiver[]>;
  /** Accesses in force (not revoked, not expired), most recent first. */
  listGrants(options?: { signal?: AbortSignal }): Promise<CaregiverGrant[]>;
  /** Gives a caregiver access to parts of the record, until a date or until revoked. */
  grant(grant: NewCaregiverGrant): Promise<CaregiverGrant>;
  /** Revokes an access: the caregiver is refused from their next request. */
  revoke(grantId: string): Promise<void>;
  /** For a signed-in caregiver: the people whose record they may open, by name. */
  listHelpedPatients(options?: { signal?: AbortSignal }): Promise<HelpedPatient[]>;
}

/**
 * The patient's medical profile: allergies and intolerances, ongoing
 * conditions, vaccinations, blood group and emergency contacts. The patient
 * keeps it herself; an emergency card shows it.
 *
 * @example
 * ```ts
 * await source.medicalProfile?.add('allergy', {
 *   substance: 'Pénicilline', type: 'allergy', category: 'medication', severity: 'high',
 * });
 * const { allergies, contacts } = await source.medicalProfile!.get();
 * ```
 */
export interface MedicalProfileRepository {
  /** The whole profile (serious allergies first). */
  get(options?: { signal?: AbortSignal }): Promise<MedicalProfile>;
  /**
   * Adds an entry; rejects with `ValidationError` naming a wrong field. Adding
   * a blood group replaces the one on record.
   */
  add<K extends MedicalProfileEntryKind>(kind: K, entry: NewMedicalProfileEntry<K>): Promise<MedicalProfileEntries[K]>;
  /** Replaces an entry; `entry.version` must be the stored one, else `ConflictError`. */
  update<K extends MedicalProfileEntryKind>(
    kind: K,
    entry: MedicalProfileEntries[K],
  ): Promise<MedicalProfileEntries[K]>;
  /** Removes an entry; `baseVersion` must be the stored one, else `ConflictError`. */
  remove(kind: MedicalProfileEntryKind, id: string, baseVersion: string): Promise<void>;
}

/**
 * What the patient measures for her condition (glucose today), one kind at a
 * time. Each entry is a FHIR `Observation` with its LOINC code.
 *
 * @example
 * ```ts
 * await source.trackers?.add('glucose', { at: new Date().toISOString(), value: 112, unit: 'mg/dL', mealContext: 'before-meal' });
 * const week = await source.trackers!.list('glucose', { from: weekAgo, to: now });
 * ```
 */
export interface TrackerRepository {
  /** Entries of one kind measured in the range (`from` included, `to` excluded), oldest first. */
  list<K extends TrackerKind>(
    kind: K,
    range: MeasurementRange & { signal?: AbortSignal },
  ): Promise<TrackerEntries[K][]>;
  /** Records one entry; rejects with `ValidationError` naming a wrong field. */
  add<K extends TrackerKind>(kind: K, entry: NewTrackerEntry<K>): Promise<TrackerEntries[K]>;
  /**
   * Records many entries at once (a meter's export): an entry already on record
   * (same minute, same value), or twice in `entries`, is skipped and counted.
   * Every entry is checked first; one wrong entry rejects the whole import.
   */
  import<K extends TrackerKind>(
    kind: K,
    entries: readonly NewTrackerEntry<K>[],
  ): Promise<ImportOutcome<TrackerEntries[K]>>;
  /**
   * Replaces an entry (e.g. the state of a motor diary slot): `entry.version`
   * must be the stored one, else `ConflictError`; `NotFoundError` when it is gone.
   * Rejects bad input like `add`. Returns the entry with its new version.
   */
  update<K extends TrackerKind>(kind: K, entry: TrackerEntries[K]): Promise<TrackerEntries[K]>;
  /** Removes an entry; `baseVersion` must be the stored one, else `ConflictError`. */
  remove(kind: TrackerKind, id: string, baseVersion: string): Promise<void>;
}

/**
 * Where widgets read and write the patient's record: local (IndexedDB, the
 * embedded default) or remote (FHIR). Components only ever talk to this.
 */
export interface DataSource {
  /** `local` for the on-device record, `fhir` for a connected FHIR server. */
  readonly kind: 'local' | 'fhir';
  readonly documents: DocumentRepository;
  readonly agenda: AgendaRepository;
  readonly medications: MedicationRepository;
  readonly forum: ForumRepository;
  readonly careTeam: CareTeamRepository;
  /** Secure messages with the care team. */
  readonly messages: MessageRepository;
  /**
   * Moderation of the communities (a moderator's session on a platform);
   * absent on an on-device record, where there is no one to moderate.
   */
  readonly moderation?: ModerationRepository;
  /** Who opened or changed what in the record; absent where nothing is traced. */
  readonly accessHistory?: AccessHistoryRepository;
  /** Access given to caregivers; absent where nothing is shared (an on-device record). */
  readonly sharing?: SharingRepository;
  /** Allergies, conditions, vaccinations, blood group, emergency contacts; absent on sources that predate it. */
  readonly medicalProfile?: MedicalProfileRepository;
  /** Measurements for the patient's condition (glucose…); absent on sources that predate them. */
  readonly trackers?: TrackerRepository;
  /** The calendar subscription (webcal); absent where no server serves one (an on-device record). */
  readonly calendarSubscription?: CalendarSubscriptionRepository;
  /** The platform's app catalogue and the patient's consents; absent on an on-device record. */
  readonly apps?: AppCatalogueRepository;
  /** Releases connections (IndexedDB). */
  close(): void;
}
