import type { AgendaEvent, NewAgendaEvent } from '../model/agenda.js';
import type { CareTeamMember } from '../model/care-team.js';
import type { Pathology } from '../model/common.js';
import type { DocumentSending, HealthDocument, HealthDocumentChanges, NewHealthDocument } from '../model/document.js';
import type { ForumPost, ForumThread, ReportReason } from '../model/forum.js';
import type { AccessEntry } from '../model/access.js';
import type { CareMessage, MessageThread, NewCareMessage } from '../model/message.js';
import type { IntakeRecord, MedicationPlan, NewBox, NewIntakeRecord, NewMedicationPlan } from '../model/medication.js';

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

/** The patient's access history (her own trail only). */
export interface AccessHistoryRepository {
  /**
   * Entries, most recent first, optionally within a period. Empty where no
   * server keeps a trail (an on-device record).
   */
  list(options?: { from?: string; to?: string; signal?: AbortSignal }): Promise<AccessEntry[]>;
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
  /** Who opened or changed what in the record; absent where nothing is traced. */
  readonly accessHistory?: AccessHistoryRepository;
  /** Releases connections (IndexedDB). */
  close(): void;
}
