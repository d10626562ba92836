/**
 * In-memory moderation for the tests and stories of `<carnet-moderation>`: one
 * diabetes community with a queue (a reported post, a hidden one), the
 * suspensions and the trail kept as the platform keeps them, and switches to
 * make loading or an action fail.
 */
import { FhirError, NotFoundError } from '@carnet/catalog-sdk';
import type {
  DataSource,
  ModeratedCommunity,
  ModerationRecord,
  ModerationRepository,
  ReportedPost,
} from '@carnet/catalog-sdk';
import { createInMemoryDataSource } from '../../document-browser/test-helpers/in-memory-source.js';

const failure = (): FhirError => new FhirError('network', 0, 'The platform cannot be reached');

/** The moderation of one community, in memory. */
export class MemoryModeration implements ModerationRepository {
  community: ModeratedCommunity = {
    id: 'community-diabetes',
    community: 'diabetes',
    name: 'Diabète',
    memberCount: 12,
    suspendedPseudonyms: [],
  };
  reports: ReportedPost[] = [];
  actions: ModerationRecord[] = [];
  failList = false;
  failActions = false;
  /** Every call that changed something, in order. */
  calls: string[] = [];
  #sequence = 0;

  async listCommunities(): Promise<ModeratedCommunity[]> {
    if (this.failList) throw failure();
    return [structuredClone(this.community)];
  }

  async listReports(): Promise<ReportedPost[]> {
    if (this.failList) throw failure();
    const suspended = new Set(this.community.suspendedPseudonyms.map((name) => name.toLowerCase()));
    return this.reports.map((item) => ({
      ...structuredClone(item),
      authorSuspended: suspended.has(item.post.authorPseudonym.toLowerCase()),
    }));
  }

  async hidePost(_communityId: string, postId: string, reason: string): Promise<ReportedPost> {
    return this.#changePost(postId, 'hide', reason, (item) => {
      item.post.moderation = 'hidden';
      item.post.moderationReason = reason;
    });
  }

  async restorePost(_communityId: string, postId: string, reason?: string): Promise<ReportedPost> {
    const restored = await this.#changePost(postId, 'restore', reason, (item) => {
      item.post.moderation = 'visible';
      delete item.post.moderationReason;
      item.reporterCount = 0;
      item.reasons = [];
      item.comments = [];
    });
    this.reports = this.reports.filter((item) => item.post.id !== postId);
    return restored;
  }

  async suspend(_communityId: string, pseudonym: string, reason?: string): Promise<ModeratedCommunity> {
    if (this.failActions) throw failure();
    this.community.suspendedPseudonyms = [...this.community.suspendedPseudonyms, pseudonym];
    this.#record('suspend', pseudonym, reason);
    return structuredClone(this.community);
  }

  async liftSuspension(_communityId: string, pseudonym: string): Promise<ModeratedCommunity> {
    if (this.failActions) throw failure();
    this.community.suspendedPseudonyms = this.community.suspendedPseudonyms.filter((name) => name !== pseudonym);
    this.#record('unsuspend', pseudonym);
    return structuredClone(this.community);
  }

  async listActions(): Promise<ModerationRecord[]> {
    return structuredClone(this.actions);
  }

  async #changePost(
    postId: string,
    action: 'hide' | 'restore',
    reason: string | undefined,
    change: (item: ReportedPost) => void,
  ): Promise<ReportedPost> {
    if (this.failActions) throw failure();
    const item = this.reports.find((candidate) => candidate.post.id === postId);
    if (!item) throw new NotFoundError('ForumPost', postId);
    change(item);
    this.#record(action, postId, reason);
    return structuredClone(item);
  }

  #record(action: ModerationRecord['action'], target: string, reason?: string): void {
    this.#sequence += 1;
    this.calls.push(`${action} ${target}${reason ? `: ${reason}` : ''}`);
    this.actions.push({
      id: `action-${this.#sequence}`,
      at: `2026-03-04T1${this.#sequence}:00:00Z`,
      action,
      target,
      moderator: 'RelatedPerson/moderator-association',
      ...(reason ? { reason } : {}),
    });
  }
}

/** A reported post: « Colibri54 » advising to stop insulin, reported by two people. */
export function reportedPost(): ReportedPost {
  return {
    post: {
      id: 'post-1',
      threadId: 'thread-1',
      community: 'diabetes',
      authorPseudonym: 'Colibri54',
      body: 'Arrêtez l’insuline quand la glycémie est bonne, ça marche pour moi.',
      createdAt: '2026-03-03T09:00:00Z',
      moderation: 'visible',
      reportCount: 2,
      version: '1',
    },
    threadTitle: 'Adapter ses doses',
    reporterCount: 2,
    reasons: [
      { reason: 'medical-misinformation', count: 1 },
      { reason: 'other', count: 1 },
    ],
    comments: ['conseil risqué'],
    lastReportedAt: '2026-03-03T10:00:00Z',
    authorSuspended: false,
  };
}

/** A post a moderator already hid. */
export function hiddenPost(): ReportedPost {
  return {
    post: {
      id: 'post-2',
      threadId: 'thread-2',
      community: 'diabetes',
      authorPseudonym: 'Lulu79',
      body: 'Achetez mes capteurs pas chers, écrivez-moi.',
      createdAt: '2026-03-02T09:00:00Z',
      moderation: 'hidden',
      moderationReason: 'Publicité',
      reportCount: 1,
      version: '2',
    },
    threadTitle: 'Capteurs',
    reporterCount: 1,
    reasons: [{ reason: 'spam', count: 1 }],
    comments: [],
    authorSuspended: false,
  };
}

/** A queue with one waiting and one hidden post. */
export function withQueue(): MemoryModeration {
  const moderation = new MemoryModeration();
  moderation.reports = [reportedPost(), hiddenPost()];
  return moderation;
}

/** A data source whose moderation is `moderation` (the rest in memory). */
export function sourceWith(moderation: MemoryModeration | undefined): DataSource {
  const base = createInMemoryDataSource([]);
  return moderation ? ({ ...base, moderation } as DataSource) : base;
}
