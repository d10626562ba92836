import type { IsoInstant, Pathology, RecordVersion } from './common.js';

/** Moderation state of a post. */
export type ModerationState = 'visible' | 'hidden';

/** Reasons a patient can give when reporting a post. */
export type ReportReason = 'medical-misinformation' | 'harassment' | 'personal-data' | 'spam' | 'other';

/** A discussion thread in a community (root FHIR `Communication`, category community). */
export interface ForumThread {
  id: string;
  community: Pathology;
  title: string;
  /** Pseudonym of the author; a patient's real name never appears. */
  authorPseudonym: string;
  createdAt: IsoInstant;
  lastActivityAt: IsoInstant;
  /** Number of replies (posts after the first). */
  replyCount: number;
  /** True when the current patient has not read the latest activity. */
  unread?: boolean;
  /** True when the current patient follows the thread (kept by the platform). */
  followed?: boolean;
  version: RecordVersion;
}

/** A post in a thread (FHIR `Communication` with `inResponseTo`). */
export interface ForumPost {
  id: string;
  threadId: string;
  community: Pathology;
  authorPseudonym: string;
  /** Plain text with a small Markdown subset; never HTML. */
  body: string;
  createdAt: IsoInstant;
  editedAt?: IsoInstant;
  /** Id of the post this one replies to, when not the thread itself. */
  replyTo?: string;
  moderation: ModerationState;
  /** Why a moderator hid the post; given to its author only. */
  moderationReason?: string;
  reportCount: number;
  /** True when the current patient wrote it. */
  own?: boolean;
  version: RecordVersion;
}
