import type { IsoInstant, Pathology } from './common.js';
import type { ForumPost, ReportReason } from './forum.js';

/** A community the signed-in person moderates. */
export interface ModeratedCommunity {
  /** The platform's id of the community (a FHIR `Group`). */
  id: string;
  /** The pathology the community gathers. */
  community: Pathology;
  /** Its name, as the platform gives it. */
  name: string;
  /** Number of members. */
  memberCount: number;
  /** Pseudonyms the moderators suspended (they may read, not post). */
  suspendedPseudonyms: string[];
}

/** How many distinct people gave one reason. */
export interface ReportReasonCount {
  reason: ReportReason;
  count: number;
}

/**
 * A post in the moderators' queue: reported by at least one member, or hidden.
 * Reporters are never named, to the moderators either: only how many and why.
 */
export interface ReportedPost {
  /** The post, with its words (moderators read hidden posts too). */
  post: ForumPost;
  /** Title of the discussion the post belongs to, when the platform gives it. */
  threadTitle?: string;
  /** Distinct reporters (each member counts once, from any device). */
  reporterCount: number;
  /** The reasons given, the most frequent first. */
  reasons: ReportReasonCount[];
  /** Reporters' own words, when they added some. */
  comments: string[];
  /** The last report's instant. */
  lastReportedAt?: IsoInstant;
  /** True when the author's pseudonym is suspended. */
  authorSuspended: boolean;
}

/** What a moderator (or the automatic rule) did. */
export type ModerationActionKind = 'hide' | 'restore' | 'suspend' | 'unsuspend' | 'auto-hide';

/** One entry of a community's moderation trail. */
export interface ModerationRecord {
  id: string;
  at: IsoInstant;
  action: ModerationActionKind;
  /** The post id (hide, restore, auto-hide) or the pseudonym (suspend, unsuspend). */
  target: string;
  /** Who acted: a moderator's `fhirUser`, or `system` for the automatic rule. */
  moderator: string;
  /** The reason given, when one was. */
  reason?: string;
}
