/**
 * The platform's patient communities, in memory: one per pathology (room for
 * more, e.g. an association's own group), members with their pseudonym, threads
 * and posts filed in the community (never in a patient's compartment), reports,
 * moderation and each reader's state. The link from a post to its author's
 * record is kept here only; `community.ts` turns this into FHIR JSON without it.
 */
import type { Pathology } from '@carnet/catalog-sdk';

/** Reasons a patient can give when reporting a post (the SDK's `ReportReason`). */
export const REPORT_REASONS = ['medical-misinformation', 'harassment', 'personal-data', 'spam', 'other'] as const;
export type ReportReasonCode = (typeof REPORT_REASONS)[number];

/** Distinct reporters after which a post is hidden until a moderator looks at it. */
export const AUTO_HIDE_REPORTERS = 3;

/** One patient's membership. */
export interface Member {
  patientId: string;
  pseudonym: string;
  joinedAt: string;
}

/** One report of a post; the reporter is never shown to the author. */
export interface Report {
  reporterId: string;
  reason: ReportReasonCode;
  comment?: string;
  at: string;
}

/** A post (the opening post of a thread included). */
export interface StoredPost {
  id: string;
  threadId: string;
  /** Private link to the author's record: never serialised. */
  authorId: string | undefined;
  pseudonym: string;
  body: string;
  createdAt: string;
  editedAt?: string;
  replyTo?: string;
  hidden: boolean;
  /** Why it is hidden: a moderator's words, or the automatic rule. */
  hiddenReason?: string;
  reports: Map<string, Report>;
  version: number;
  updatedAt: string;
}

/** A thread: its root, the posts in order. */
export interface StoredThread {
  id: string;
  title: string;
  authorId: string | undefined;
  pseudonym: string;
  createdAt: string;
  lastActivityAt: string;
  posts: StoredPost[];
  version: number;
  updatedAt: string;
}

/** One moderation action, for the community's trail. */
export interface ModerationAction {
  id: string;
  at: string;
  moderator: string;
  action: 'hide' | 'restore' | 'suspend' | 'unsuspend' | 'auto-hide';
  target: string;
  reason?: string;
}

/** One community. */
export interface Community {
  id: string;
  pathology: Pathology;
  name: string;
  members: Map<string, Member>;
  /** Pseudonyms ever taken here (lower case), so one is never reused for another person. */
  takenPseudonyms: Map<string, string>;
  /** Suspended pseudonyms: lower case → as the member wrote it. */
  suspended: Map<string, string>;
  /** fhirUser ids (`RelatedPerson/...`, `Practitioner/...`) of its moderators. */
  moderators: Set<string>;
  /** Threads, most recent activity last (moved on each reply). */
  threads: StoredThread[];
  threadsById: Map<string, StoredThread>;
  postsById: Map<string, StoredPost>;
  log: ModerationAction[];
  /** Bumped on every change: the ETag of its lists. */
  revision: number;
}

/** What one reader keeps per thread, across devices and sign-ins. */
export interface ReaderState {
  readMarks: Map<string, string>;
  followed: Set<string>;
  /** Bumped on every change: part of the ETag of the reader's lists. */
  revision: number;
}

/** The communities, by id, and the readers' state. */
export class CommunityStore {
  readonly communities = new Map<string, Community>();
  readonly readers = new Map<string, ReaderState>();
  #sequence = 0;

  /** A new id, unique in this store. */
  nextId(prefix: string): string {
    this.#sequence += 1;
    return `${prefix}-${Date.now().toString(36)}-${this.#sequence.toString(36)}`;
  }

  /** Adds (or returns) the community of a pathology. */
  ensure(pathology: Pathology, name: string, id = `community-${pathology}`): Community {
    const existing = this.communities.get(id);
    if (existing) return existing;
    const community: Community = {
      id,
      pathology,
      name,
      members: new Map(),
      takenPseudonyms: new Map(),
      suspended: new Map(),
      moderators: new Set(),
      threads: [],
      threadsById: new Map(),
      postsById: new Map(),
      log: [],
      revision: 1,
    };
    this.communities.set(id, community);
    return community;
  }

  /** The reader's state (created empty). */
  reader(patientId: string): ReaderState {
    let state = this.readers.get(patientId);
    if (!state) {
      state = { readMarks: new Map(), followed: new Set(), revision: 0 };
      this.readers.set(patientId, state);
    }
    return state;
  }

  /** Adds a thread with its opening post. */
  addThread(
    community: Community,
    input: { authorId: string | undefined; pseudonym: string; title: string; body: string; at: string; id?: string },
  ): StoredThread {
    const thread: StoredThread = {
      id: input.id ?? this.nextId('thread'),
      title: input.title,
      authorId: input.authorId,
      pseudonym: input.pseudonym,
      createdAt: input.at,
      lastActivityAt: input.at,
      posts: [],
      version: 1,
      updatedAt: input.at,
    };
    community.threads.push(thread);
    community.threadsById.set(thread.id, thread);
    this.addPost(community, thread, {
      authorId: input.authorId,
      pseudonym: input.pseudonym,
      body: input.body,
      at: input.at,
    });
    return thread;
  }

  /** Adds a post to a thread and moves the thread to the front of activity. */
  addPost(
    community: Community,
    thread: StoredThread,
    input: { authorId: string | undefined; pseudonym: string; body: string; at: string; replyTo?: string; id?: string },
  ): StoredPost {
    const post: StoredPost = {
      id: input.id ?? this.nextId('post'),
      threadId: thread.id,
      authorId: input.authorId,
      pseudonym: input.pseudonym,
      body: input.body,
      createdAt: input.at,
      hidden: false,
      reports: new Map(),
      version: 1,
      updatedAt: input.at,
      ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    };
    thread.posts.push(post);
    community.postsById.set(post.id, post);
    if (thread.posts.length > 1) this.touch(community, thread, input.at);
    community.revision += 1;
    return post;
  }

  /** Moves a thread's last activity (and it to the end of the activity order). */
  touch(community: Community, thread: StoredThread, at: string): void {
    if (at > thread.lastActivityAt) thread.lastActivityAt = at;
    thread.version += 1;
    thread.updatedAt = at;
    const index = community.threads.lastIndexOf(thread);
    if (index >= 0 && index !== community.threads.length - 1) {
      community.threads.splice(index, 1);
      community.threads.push(thread);
    }
    community.revision += 1;
  }

  /** Records a moderation action. */
  record(community: Community, action: Omit<ModerationAction, 'id'>): ModerationAction {
    const entry = { id: this.nextId('moderation'), ...action };
    community.log.push(entry);
    community.revision += 1;
    return entry;
  }
}
