import { NotFoundError, ValidationError } from '../../errors/errors.js';
import { PATHOLOGIES, type Pathology } from '../../model/common.js';
import type { ForumPost, ForumThread, ReportReason } from '../../model/forum.js';
import type { ForumRepository, Page, PageRequest } from '../data-source.js';
import type { CarnetTransaction, LocalContext, StoredThread } from './database.js';
import { checkPseudonym } from '../rules/forum.js';
import { pageLimit } from '../rules/paging.js';
import { decodeCursor, encodeCursor, readPage } from './paging.js';
import {
  checkBaseVersion,
  compact,
  newId,
  nextVersion,
  optionalText,
  requireOneOf,
  requireText,
  throwIfAborted,
} from '../rules/validation.js';

const THREAD = 'ForumThread';
const POST = 'ForumPost';
const PSEUDONYM_KEY = 'pseudonym';
const REPORT_REASONS: readonly ReportReason[] = [
  'medical-misinformation',
  'harassment',
  'personal-data',
  'spam',
  'other',
];
const MAX_BODY_LENGTH = 10_000;

/** A thread as the patient sees it: unread when active since last read (never-opened own threads are read). */
function withUnread(thread: StoredThread, readAt: string | undefined, pseudonym: string | undefined): ForumThread {
  const unread = readAt === undefined ? thread.authorPseudonym !== pseudonym : thread.lastActivityAt > readAt;
  return { ...thread, unread };
}

/** A later instant of two canonical ones. */
function later(a: string, b: string): string {
  return a > b ? a : b;
}

/** Every key of a thread's posts index lies in this range, oldest first. */
function postsOf(threadId: string): IDBKeyRange {
  return IDBKeyRange.bound([threadId], [threadId, []]);
}

type ForumTx = CarnetTransaction<IDBTransactionMode>;

async function pseudonymIn(tx: ForumTx): Promise<string | undefined> {
  return (await tx.objectStore('settings').get(PSEUDONYM_KEY))?.value;
}

async function requirePseudonym(tx: ForumTx): Promise<string> {
  const pseudonym = await pseudonymIn(tx);
  if (pseudonym === undefined) throw new ValidationError('pseudonym', 'must be chosen before posting');
  return pseudonym;
}

async function requireOwnPost(tx: ForumTx, id: string, baseVersion: string): Promise<ForumPost> {
  const post = await tx.objectStore('posts').get(id);
  if (!post) throw new NotFoundError(POST, id);
  if (post.own !== true) throw new ValidationError('post', 'only your own posts can be changed');
  return checkBaseVersion(POST, id, post, baseVersion);
}

/** The patient communities in IndexedDB, with the patient's pseudonym, reports and read marks. */
export class LocalForumRepository implements ForumRepository {
  readonly #context: LocalContext;

  constructor(context: LocalContext) {
    this.#context = context;
  }

  #now(): string {
    return this.#context.now().toISOString();
  }

  async listThreads(community: Pathology, request: PageRequest = {}): Promise<Page<ForumThread>> {
    throwIfAborted(request.signal);
    requireOneOf('community', community, PATHOLOGIES);
    const limit = pageLimit(request.limit);
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, 2);
    const page = await this.#context.database.transaction(['threads', 'reads', 'settings'], 'readonly', async (tx) => {
      const index = tx.objectStore('threads').index('by-community-activity');
      // [community] sorts before and [community, []] after every key of the community.
      const upper = after ? [community, ...after] : [community, []];
      const range = IDBKeyRange.bound([community], upper, false, after !== undefined);
      const [total, { items, hasMore }, pseudonym] = await Promise.all([
        index.count(IDBKeyRange.bound([community], [community, []])),
        readPage(index.openCursor(range, 'prev'), limit),
        pseudonymIn(tx),
      ]);
      const reads = await Promise.all(items.map((thread) => tx.objectStore('reads').get(thread.id)));
      const threads = items.map((thread, i) => withUnread(thread, reads[i]?.readAt, pseudonym));
      return { total, threads, hasMore };
    });
    throwIfAborted(request.signal);
    const last = page.threads[page.threads.length - 1];
    return {
      items: page.threads,
      total: page.total,
      ...(page.hasMore && last ? { nextCursor: encodeCursor([last.lastActivityAt, last.id]) } : {}),
    };
  }

  async getThread(id: string): Promise<ForumThread> {
    return this.#context.database.transaction(['threads', 'reads', 'settings'], 'readonly', async (tx) => {
      const [thread, read, pseudonym] = await Promise.all([
        tx.objectStore('threads').get(id),
        tx.objectStore('reads').get(id),
        pseudonymIn(tx),
      ]);
      if (!thread) throw new NotFoundError(THREAD, id);
      return withUnread(thread, read?.readAt, pseudonym);
    });
  }

  async listPosts(threadId: string, request: PageRequest = {}): Promise<Page<ForumPost>> {
    throwIfAborted(request.signal);
    const limit = pageLimit(request.limit);
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, 2);
    const page = await this.#context.database.transaction(['threads', 'posts'], 'readonly', async (tx) => {
      const thread = await tx.objectStore('threads').getKey(threadId);
      if (thread === undefined) throw new NotFoundError(THREAD, threadId);
      const index = tx.objectStore('posts').index('by-thread-created');
      const range = after ? IDBKeyRange.bound([threadId, ...after], [threadId, []], true) : postsOf(threadId);
      const [total, result] = await Promise.all([
        index.count(postsOf(threadId)),
        readPage(index.openCursor(range), limit),
      ]);
      return { total, ...result };
    });
    throwIfAborted(request.signal);
    const last = page.items[page.items.length - 1];
    return {
      items: page.items,
      total: page.total,
      ...(page.hasMore && last ? { nextCursor: encodeCursor([last.createdAt, last.id]) } : {}),
    };
  }

  async getPseudonym(): Promise<string | undefined> {
    return this.#context.database.transaction(['settings'], 'readonly', (tx) => pseudonymIn(tx));
  }

  async setPseudonym(pseudonym: string): Promise<string> {
    const chosen = checkPseudonym(pseudonym);
    return this.#context.database.transaction(['settings'], 'readwrite', async (tx) => {
      const current = await pseudonymIn(tx);
      if (current !== undefined && current !== chosen)
        throw new ValidationError('pseudonym', 'is already chosen and cannot change');
      if (current === undefined) await tx.objectStore('settings').put({ key: PSEUDONYM_KEY, value: chosen });
      return chosen;
    });
  }

  async createThread(community: Pathology, input: { title: string; body: string }): Promise<ForumThread> {
    requireOneOf('community', community, PATHOLOGIES);
    const title = requireText('title', input.title, 200);
    const body = requireText('body', input.body, MAX_BODY_LENGTH);
    const now = this.#now();
    return this.#context.database.transaction(['settings', 'threads', 'posts', 'reads'], 'readwrite', async (tx) => {
      const pseudonym = await requirePseudonym(tx);
      const thread: StoredThread = {
        id: newId(),
        community,
        title,
        authorPseudonym: pseudonym,
        createdAt: now,
        lastActivityAt: now,
        replyCount: 0,
        version: '1',
      };
      const post: ForumPost = {
        id: newId(),
        threadId: thread.id,
        community,
        authorPseudonym: pseudonym,
        body,
        createdAt: now,
        moderation: 'visible',
        reportCount: 0,
        own: true,
        version: '1',
      };
      await Promise.all([
        tx.objectStore('threads').add(thread),
        tx.objectStore('posts').add(post),
        tx.objectStore('reads').put({ threadId: thread.id, readAt: now }),
      ]);
      return { ...thread, unread: false };
    });
  }

  async reply(threadId: string, input: { body: string; replyTo?: string }): Promise<ForumPost> {
    const body = requireText('body', input.body, MAX_BODY_LENGTH);
    const now = this.#context.now().getTime();
    return this.#context.database.transaction(['settings', 'threads', 'posts', 'reads'], 'readwrite', async (tx) => {
      const pseudonym = await requirePseudonym(tx);
      const threads = tx.objectStore('threads');
      const thread = await threads.get(threadId);
      if (!thread) throw new NotFoundError(THREAD, threadId);
      if (input.replyTo !== undefined) {
        const target = await tx.objectStore('posts').get(input.replyTo);
        if (!target) throw new NotFoundError(POST, input.replyTo);
        if (target.threadId !== threadId) throw new ValidationError('replyTo', 'must be a post of the same thread');
      }
      // Never before the thread's last activity, so posts keep their order even within one millisecond.
      const createdAt = new Date(Math.max(now, Date.parse(thread.lastActivityAt) + 1)).toISOString();
      const post: ForumPost = compact({
        id: newId(),
        threadId,
        community: thread.community,
        authorPseudonym: pseudonym,
        body,
        createdAt,
        replyTo: input.replyTo,
        moderation: 'visible',
        reportCount: 0,
        own: true,
        version: '1',
      });
      await Promise.all([
        tx.objectStore('posts').add(post),
        threads.put({
          ...thread,
          replyCount: thread.replyCount + 1,
          lastActivityAt: createdAt,
          version: nextVersion(thread.version),
        }),
        tx.objectStore('reads').put({ threadId, readAt: createdAt }),
      ]);
      return post;
    });
  }

  async editPost(id: string, body: string, baseVersion: string): Promise<ForumPost> {
    const edited = requireText('body', body, MAX_BODY_LENGTH);
    const now = this.#now();
    return this.#context.database.transaction(['posts'], 'readwrite', async (tx) => {
      const stored = await requireOwnPost(tx, id, baseVersion);
      const updated: ForumPost = { ...stored, body: edited, editedAt: now, version: nextVersion(stored.version) };
      await tx.objectStore('posts').put(updated);
      return updated;
    });
  }

  async deletePost(id: string, baseVersion: string): Promise<void> {
    await this.#context.database.transaction(['threads', 'posts', 'reports', 'reads'], 'readwrite', async (tx) => {
      const post = await requireOwnPost(tx, id, baseVersion);
      const posts = tx.objectStore('posts');
      const threads = tx.objectStore('threads');
      const first = await posts.index('by-thread-created').openCursor(postsOf(post.threadId));
      if (first?.value.id === id) {
        // The opening post carries the thread: removing it removes the whole discussion.
        const postIds = await posts.index('by-thread-created').getAllKeys(postsOf(post.threadId));
        await Promise.all([
          ...postIds.map((postId) => this.#deletePostAndReports(tx, postId)),
          threads.delete(post.threadId),
          tx.objectStore('reads').delete(post.threadId),
        ]);
        return;
      }
      const thread = await threads.get(post.threadId);
      await this.#deletePostAndReports(tx, id);
      if (thread) {
        await threads.put({
          ...thread,
          replyCount: Math.max(0, thread.replyCount - 1),
          version: nextVersion(thread.version),
        });
      }
    });
  }

  async #deletePostAndReports(tx: CarnetTransaction<'readwrite'>, postId: string): Promise<void> {
    const reports = tx.objectStore('reports');
    const reportIds = await reports.index('by-post').getAllKeys(postId);
    await Promise.all([
      tx.objectStore('posts').delete(postId),
      ...reportIds.map((reportId) => reports.delete(reportId)),
    ]);
  }

  async reportPost(id: string, reason: ReportReason, comment?: string): Promise<ForumPost> {
    const checkedReason = requireOneOf('reason', reason, REPORT_REASONS);
    const checkedComment = optionalText('comment', comment, 1000);
    const now = this.#now();
    const threshold = this.#context.moderationThreshold;
    return this.#context.database.transaction(['posts', 'reports'], 'readwrite', async (tx) => {
      const posts = tx.objectStore('posts');
      const reports = tx.objectStore('reports');
      const [post, alreadyReported] = await Promise.all([posts.get(id), reports.index('by-post').count(id)]);
      if (!post) throw new NotFoundError(POST, id);
      // One patient counts once: reporting again must not let a single person hide a post.
      if (alreadyReported > 0) return post;
      const reportCount = post.reportCount + 1;
      const updated: ForumPost = {
        ...post,
        reportCount,
        moderation: reportCount >= threshold ? 'hidden' : post.moderation,
        version: nextVersion(post.version),
      };
      await Promise.all([
        reports.add(
          compact({ id: newId(), postId: id, reason: checkedReason, comment: checkedComment, reportedAt: now }),
        ),
        posts.put(updated),
      ]);
      return updated;
    });
  }

  async markRead(threadId: string): Promise<void> {
    const now = this.#now();
    await this.#context.database.transaction(['threads', 'reads'], 'readwrite', async (tx) => {
      const thread = await tx.objectStore('threads').get(threadId);
      if (!thread) throw new NotFoundError(THREAD, threadId);
      // Read up to the latest activity even if this device's clock lags behind it.
      await tx.objectStore('reads').put({ threadId, readAt: later(now, thread.lastActivityAt) });
    });
  }
}
