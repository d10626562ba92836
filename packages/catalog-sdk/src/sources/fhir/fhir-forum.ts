/**
 * The patient communities on a FHIR server: threads and posts are
 * `Communication`s categorised `community` that never reference the patient.
 *
 * - The patient's own posts carry `sender` = their `Patient` reference (with the
 *   pseudonym as display); the pseudonym is read from them. Chosen before the first
 *   post, it is kept in memory until that post stores it. A server hosting one
 *   community for many patients must not return that reference on others' posts. A patient may not write their
 *   `Patient` resource (SMART `patient/Patient.r`), so it is not kept there.
 * - Read marks (`unread`) are kept in memory for this data source only: FHIR has
 *   no per-reader state for a Communication, and they are not worth a resource.
 * - A report increments the post's report count (hidden at the threshold); the
 *   reason is checked but not stored on the server.
 */
import type { Communication } from '@medplum/fhirtypes';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/errors.js';
import type { Pathology } from '../../model/common.js';
import type { ForumPost, ForumThread, ReportReason } from '../../model/forum.js';
import {
  AUTHOR_PSEUDONYM_EXTENSION_URL,
  COMMUNICATION_CATEGORY_SYSTEM,
  COMMUNITY_CATEGORY_CODE,
  COMMUNITY_SYSTEM,
  communicationToForumPost,
  communicationToForumThread,
  forumPostToCommunication,
  forumThreadToCommunication,
} from '../../model/fhir/index.js';
import type { ForumRepository, Page, PageRequest } from '../data-source.js';
import { checkPseudonym } from '../rules/forum.js';
import { pageLimit } from '../rules/paging.js';
import { optionalText, requireOneOf, requireText } from '../rules/validation.js';
import { patientIdOf, searchOnePage, toPage, versionOf, type FhirSourceContext } from './fhir-context.js';

const RT = 'Communication';
const REPORT_REASONS: readonly ReportReason[] = [
  'medical-misinformation',
  'harassment',
  'personal-data',
  'spam',
  'other',
];

/** Reports after which a post is hidden until a moderator looks at it. */
export const DEFAULT_MODERATION_THRESHOLD = 3;

/** The patient communities on a FHIR server. */
export class FhirForumRepository implements ForumRepository {
  readonly #readMarks = new Map<string, string>();
  readonly #reported = new Set<string>();
  #pseudonym: string | undefined;

  constructor(
    private readonly context: FhirSourceContext,
    private readonly moderationThreshold = DEFAULT_MODERATION_THRESHOLD,
  ) {}

  async listThreads(community: Pathology, request: PageRequest = {}): Promise<Page<ForumThread>> {
    const params = {
      category: [`${COMMUNICATION_CATEGORY_SYSTEM}|${COMMUNITY_CATEGORY_CODE}`, `${COMMUNITY_SYSTEM}|${community}`],
      'part-of:missing': 'true',
      // A reply updates its thread's last activity, so last update is last activity.
      _sort: '-_lastUpdated',
      _count: pageLimit(request.limit),
      _total: 'accurate',
    };
    const page = await searchOnePage<Communication>(this.context.client, RT, params, request);
    const pseudonym = await this.getPseudonym();
    return toPage(
      page.resources.map((r) => this.#withUnread(communicationToForumThread(r), pseudonym)),
      page.total,
      page.next,
    );
  }

  async getThread(id: string): Promise<ForumThread> {
    return this.#withUnread(communicationToForumThread(await this.#read(id, 'ForumThread')), await this.getPseudonym());
  }

  async listPosts(threadId: string, request: PageRequest = {}): Promise<Page<ForumPost>> {
    if (request.cursor === undefined) await this.#read(threadId, 'ForumThread');
    const params = {
      'part-of': `${RT}/${threadId}`,
      _sort: 'sent',
      _count: pageLimit(request.limit),
      _total: 'accurate',
    };
    const page = await searchOnePage<Communication>(this.context.client, RT, params, request);
    const pseudonym = await this.getPseudonym();
    return toPage(
      page.resources.map((r) => this.#withOwn(communicationToForumPost(r), pseudonym)),
      page.total,
      page.next,
    );
  }

  async getPseudonym(): Promise<string | undefined> {
    if (this.#pseudonym !== undefined) return this.#pseudonym;
    const mine = await this.context.client.search<Communication>(RT, {
      sender: this.#patientReference(),
      category: `${COMMUNICATION_CATEGORY_SYSTEM}|${COMMUNITY_CATEGORY_CODE}`,
      _count: 1,
    });
    const found = mine.resources[0];
    this.#pseudonym =
      found?.extension?.find((e) => e.url === AUTHOR_PSEUDONYM_EXTENSION_URL)?.valueString ?? found?.sender?.display;
    return this.#pseudonym;
  }

  async setPseudonym(pseudonym: string): Promise<string> {
    const chosen = checkPseudonym(pseudonym);
    const current = await this.getPseudonym();
    if (current !== undefined && current !== chosen)
      throw new ValidationError('pseudonym', 'is already chosen and cannot change');
    this.#pseudonym = chosen;
    return chosen;
  }

  async createThread(community: Pathology, input: { title: string; body: string }): Promise<ForumThread> {
    const pseudonym = await this.#requirePseudonym();
    const now = this.context.now();
    const title = requireText('title', input.title, 200);
    const body = requireText('body', input.body, 10_000);
    const root: ForumThread = {
      id: '',
      version: '',
      community,
      title,
      authorPseudonym: pseudonym,
      createdAt: now,
      lastActivityAt: now,
      replyCount: 0,
    };
    const thread = communicationToForumThread(
      versionOf(await this.context.client.create(this.#asMine(forumThreadToCommunication(root)))),
    );
    const opening: ForumPost = {
      id: '',
      version: '',
      threadId: thread.id,
      community,
      authorPseudonym: pseudonym,
      body,
      createdAt: now,
      moderation: 'visible',
      reportCount: 0,
    };
    await this.context.client.create(this.#asMine(forumPostToCommunication(opening)));
    this.#readMarks.set(thread.id, now);
    return { ...thread, unread: false };
  }

  async reply(threadId: string, input: { body: string; replyTo?: string }): Promise<ForumPost> {
    const pseudonym = await this.#requirePseudonym();
    const body = requireText('body', input.body, 10_000);
    const thread = communicationToForumThread(await this.#read(threadId, 'ForumThread'));
    if (input.replyTo !== undefined) {
      const target = communicationToForumPost(await this.#read(input.replyTo, 'ForumPost'));
      if (target.threadId !== threadId) throw new ValidationError('replyTo', 'must be a post of the same thread');
    }
    const now = this.context.now();
    const draft: ForumPost = {
      id: '',
      version: '',
      threadId,
      community: thread.community,
      authorPseudonym: pseudonym,
      body,
      createdAt: now,
      moderation: 'visible',
      reportCount: 0,
    };
    if (input.replyTo !== undefined) draft.replyTo = input.replyTo;
    const post = communicationToForumPost(
      versionOf(await this.context.client.create(this.#asMine(forumPostToCommunication(draft)))),
    );
    await this.#touchThread(threadId, 1, now);
    this.#readMarks.set(threadId, now);
    return { ...post, own: true };
  }

  async editPost(id: string, body: string, baseVersion: string): Promise<ForumPost> {
    const post = await this.#requireOwnPost(id);
    const edited: ForumPost = {
      ...post,
      body: requireText('body', body, 10_000),
      editedAt: this.context.now(),
      version: baseVersion,
    };
    const updated = await this.context.client.update(this.#asMine(forumPostToCommunication(edited)), {
      ifMatch: baseVersion,
    });
    return { ...communicationToForumPost(versionOf(updated)), own: true };
  }

  async deletePost(id: string, baseVersion: string): Promise<void> {
    const post = await this.#requireOwnPost(id);
    const first = await this.context.client.search<Communication>(RT, {
      'part-of': `${RT}/${post.threadId}`,
      _sort: 'sent',
      _count: 1,
    });
    await this.context.client.delete(RT, id, { ifMatch: baseVersion });
    if (first.resources[0]?.id === id) {
      // The opening post carries the thread: removing it removes the discussion, as in local mode.
      await this.context.client.delete(RT, post.threadId);
      return;
    }
    await this.#touchThread(post.threadId, -1, undefined);
  }

  async reportPost(id: string, reason: ReportReason, comment?: string): Promise<ForumPost> {
    requireOneOf('reason', reason, REPORT_REASONS);
    optionalText('comment', comment, 1000);
    const pseudonym = await this.getPseudonym();
    // One patient counts once (per data source): a single person must not hide a post.
    if (this.#reported.has(id))
      return this.#withOwn(communicationToForumPost(await this.#read(id, 'ForumPost')), pseudonym);
    const updated = await this.#retryOnConflict(async () => {
      const stored = await this.#read(id, 'ForumPost');
      const post = communicationToForumPost(stored);
      const reportCount = post.reportCount + 1;
      const next: ForumPost = {
        ...post,
        reportCount,
        moderation: reportCount >= this.moderationThreshold ? 'hidden' : post.moderation,
      };
      return communicationToForumPost(
        versionOf(
          await this.context.client.update(
            { ...forumPostToCommunication(next), sender: stored.sender ?? { display: post.authorPseudonym } },
            { ifMatch: post.version },
          ),
        ),
      );
    });
    this.#reported.add(id);
    return this.#withOwn(updated, pseudonym);
  }

  async markRead(threadId: string): Promise<void> {
    const thread = communicationToForumThread(await this.#read(threadId, 'ForumThread'));
    const now = this.context.now();
    // Read up to the latest activity even if this device's clock lags behind it.
    this.#readMarks.set(threadId, thread.lastActivityAt > now ? thread.lastActivityAt : now);
  }

  /** Moves the thread's last activity and reply count; retried when another reply raced it. */
  async #touchThread(threadId: string, replyDelta: number, at: string | undefined): Promise<void> {
    await this.#retryOnConflict(async () => {
      const stored = await this.#read(threadId, 'ForumThread');
      const thread = communicationToForumThread(stored);
      const next: ForumThread = {
        ...thread,
        replyCount: Math.max(0, thread.replyCount + replyDelta),
        lastActivityAt: at ?? thread.lastActivityAt,
      };
      // The author's reference stays as it was: whoever replies, the thread remains its author's.
      await this.context.client.update(
        { ...forumThreadToCommunication(next), sender: stored.sender ?? { display: thread.authorPseudonym } },
        { ifMatch: thread.version },
      );
    });
  }

  async #retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof ConflictError) || tries >= 3) throw error;
      }
    }
  }

  async #requirePseudonym(): Promise<string> {
    const pseudonym = await this.getPseudonym();
    if (pseudonym === undefined) throw new ValidationError('pseudonym', 'must be chosen before posting');
    return pseudonym;
  }

  async #requireOwnPost(id: string): Promise<ForumPost> {
    const post = communicationToForumPost(await this.#read(id, 'ForumPost'));
    const pseudonym = await this.getPseudonym();
    if (pseudonym === undefined || post.authorPseudonym !== pseudonym)
      throw new ValidationError('post', 'only your own posts can be changed');
    return post;
  }

  #withUnread(thread: ForumThread, pseudonym: string | undefined): ForumThread {
    const readAt = this.#readMarks.get(thread.id);
    return {
      ...thread,
      unread: readAt === undefined ? thread.authorPseudonym !== pseudonym : thread.lastActivityAt > readAt,
    };
  }

  #patientReference(): string {
    return `Patient/${patientIdOf(this.context)}`;
  }

  /** Marks a resource as written by the signed-in patient (see the module notes). */
  #asMine(resource: Communication): Communication {
    return { ...resource, sender: { ...resource.sender, reference: this.#patientReference() } };
  }

  #withOwn(post: ForumPost, pseudonym: string | undefined): ForumPost {
    return { ...post, own: pseudonym !== undefined && post.authorPseudonym === pseudonym };
  }

  async #read(id: string, entity: 'ForumThread' | 'ForumPost'): Promise<Communication> {
    try {
      return versionOf(await this.context.client.read<Communication>(RT, id));
    } catch (error) {
      throw error instanceof NotFoundError ? new NotFoundError(entity, id) : error;
    }
  }
}
