import type { ReactiveControllerHost } from 'lit';
import { Task, initialState } from '@lit/task';
import { ConflictError } from '@carnet/catalog-sdk';
import type { DataSource, ForumPost, ForumThread, Page, Pathology, ReportReason } from '@carnet/catalog-sdk';
import { loadPostBodyLexer } from './post-body.js';

/** What the forum controller needs from its element. */
export interface ForumFeedHost extends ReactiveControllerHost {
  /** The record, from `<carnet-provider>` or set directly. */
  readonly dataSource?: DataSource;
  /** The community shown, from the `community` attribute or the provider's pathology. */
  readonly activeCommunity: Pathology | undefined;
  /** Threads per page of the list. */
  readonly pageSize: number;
}

/** The open thread and its posts, oldest first. */
export interface OpenThread {
  thread: ForumThread;
  posts: ForumPost[];
}

/** What a quiet check found, for the live announcement. */
export interface ForumNews {
  /** New discussions by others at the top of the list. */
  threads: ForumThread[];
  /** New posts by others in the open thread. */
  posts: ForumPost[];
}

/** Posts per request when reading a thread (every page is followed). */
const POSTS_PER_REQUEST = 50;

/** A post id and its thread: what `carnet-post-create` tells the host. */
export interface PublishedPost {
  threadId: string;
  postId: string;
}

/**
 * The forum's data for `<carnet-forum-feed>`: the community's threads page by
 * page, the open thread with its posts, the patient's pseudonym, and every
 * write (publish, reply, edit, delete, report), each refreshing what it changed.
 */
export class ForumFeedController {
  /** Threads loaded so far, most recent activity first. */
  threads: ForumThread[] = [];
  /** Threads in the community across all pages, as last reported by the source. */
  threadTotal = 0;
  /** True while a further page of threads is loading. */
  loadingMore = false;
  /** The failure of the last "load more", until the next attempt. */
  moreError: unknown = undefined;
  /** The patient's pseudonym, once chosen. */
  pseudonym: string | undefined = undefined;
  /** False on a connected platform until the patient joins the community (picks a pseudonym there). */
  joined = true;
  /** The thread being read, if any. */
  openThreadId: string | undefined = undefined;

  private nextCursor: string | undefined;
  private readonly host: ForumFeedHost;

  /** The first page of threads of the community (and the pseudonym). */
  readonly listTask: Task<readonly [DataSource | undefined, Pathology | undefined, number], Page<ForumThread>>;
  /** The open thread and all of its posts. */
  readonly threadTask: Task<readonly [DataSource | undefined, string | undefined], OpenThread>;

  constructor(host: ForumFeedHost) {
    this.host = host;
    this.listTask = new Task(host, {
      task: async ([source, community, limit], { signal }) => {
        if (!source || !community) return initialState;
        if (source.kind === 'fhir') {
          // On a platform, reading a community is for its members: joining is an explicit choice.
          const pseudonym = await source.forum.getPseudonym(community);
          this.pseudonym = pseudonym;
          this.joined = pseudonym !== undefined;
          if (!this.joined) {
            this.threads = [];
            this.threadTotal = 0;
            this.nextCursor = undefined;
            return { items: [], total: 0 };
          }
        }
        const [page, pseudonym] = await Promise.all([
          source.forum.listThreads(community, { limit, signal }),
          source.forum.getPseudonym(),
        ]);
        this.threads = page.items;
        this.threadTotal = page.total;
        this.nextCursor = page.nextCursor;
        this.pseudonym = pseudonym;
        this.moreError = undefined;
        return page;
      },
      args: () => [this.host.dataSource, this.host.activeCommunity, this.host.pageSize] as const,
    });
    this.threadTask = new Task(host, {
      task: async ([source, threadId], { signal }) => {
        if (!source || threadId === undefined) return initialState;
        // The Markdown lexer loads with the posts; if it cannot, bodies show as typed text.
        const [opened] = await Promise.all([
          this.readThread(source, threadId, signal),
          loadPostBodyLexer().catch(() => undefined),
        ]);
        // Reading marks the thread read; a failure here must not hide the posts.
        source.forum.markRead(threadId).then(
          () => this.patchThread({ ...opened.thread, unread: false }),
          () => undefined,
        );
        return opened;
      },
      args: () => [this.host.dataSource, this.openThreadId] as const,
    });
  }

  /**
   * Reads the first page of threads and the open thread again without showing
   * a loading state (the lists stay, focus stays): what others wrote since.
   */
  async checkForNews(): Promise<ForumNews> {
    const source = this.host.dataSource;
    const community = this.host.activeCommunity;
    const news: ForumNews = { threads: [], posts: [] };
    if (!source || !community || this.listTask.value === undefined) return news;
    const page = await source.forum.listThreads(community, { limit: this.host.pageSize });
    if (source !== this.host.dataSource || community !== this.host.activeCommunity) return news;
    const known = new Set(this.threads.map((thread) => thread.id));
    news.threads = page.items.filter((thread) => !known.has(thread.id) && thread.authorPseudonym !== this.pseudonym);
    const first = new Set(page.items.map((thread) => thread.id));
    this.threads = [...page.items, ...this.threads.filter((thread) => !first.has(thread.id))];
    this.threadTotal = page.total;
    const opened = this.threadTask.value;
    const threadId = this.openThreadId;
    if (opened && threadId !== undefined && opened.thread.id === threadId) {
      const fresh = await this.readThread(source, threadId);
      if (this.openThreadId === threadId && this.threadTask.value === opened) {
        const knownPosts = new Set(opened.posts.map((post) => post.id));
        news.posts = fresh.posts.filter((post) => !knownPosts.has(post.id) && !post.own);
        opened.thread = fresh.thread;
        opened.posts = fresh.posts;
        if (news.posts.length > 0) void source.forum.markRead(threadId).catch(() => undefined);
      }
    }
    this.host.requestUpdate();
    return news;
  }

  /** True when another page of threads can be loaded. */
  get hasMoreThreads(): boolean {
    return this.nextCursor !== undefined;
  }

  private source(): DataSource {
    const source = this.host.dataSource;
    if (!source) throw new Error('No data source yet');
    return source;
  }

  private async readThread(source: DataSource, threadId: string, signal?: AbortSignal): Promise<OpenThread> {
    const thread = await source.forum.getThread(threadId);
    const posts: ForumPost[] = [];
    let cursor: string | undefined;
    do {
      const page = await source.forum.listPosts(threadId, {
        limit: POSTS_PER_REQUEST,
        ...(cursor ? { cursor } : {}),
        ...(signal ? { signal } : {}),
      });
      posts.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return { thread, posts };
  }

  private patchThread(thread: ForumThread): void {
    this.threads = this.threads.map((known) => (known.id === thread.id ? thread : known));
    this.host.requestUpdate();
  }

  private patchPost(post: ForumPost): void {
    const opened = this.threadTask.value;
    if (!opened) return;
    opened.posts = opened.posts.map((known) => (known.id === post.id ? post : known));
    this.host.requestUpdate();
  }

  /** Appends the next page of threads. */
  async loadMore(): Promise<number> {
    const community = this.host.activeCommunity;
    if (!community || this.nextCursor === undefined || this.loadingMore) return 0;
    this.loadingMore = true;
    this.moreError = undefined;
    this.host.requestUpdate();
    try {
      const page = await this.source().forum.listThreads(community, {
        limit: this.host.pageSize,
        cursor: this.nextCursor,
      });
      const known = new Set(this.threads.map((thread) => thread.id));
      const added = page.items.filter((thread) => !known.has(thread.id));
      this.threads = [...this.threads, ...added];
      this.threadTotal = page.total;
      this.nextCursor = page.nextCursor;
      return added.length;
    } catch (error) {
      this.moreError = error;
      throw error;
    } finally {
      this.loadingMore = false;
      this.host.requestUpdate();
    }
  }

  /** Shows a thread (its posts load, then it is marked read). */
  open(threadId: string): void {
    this.openThreadId = threadId;
    this.host.requestUpdate();
  }

  /** Back to the list. */
  close(): void {
    this.openThreadId = undefined;
    this.host.requestUpdate();
  }

  /** Leaves the community (connected platforms), then shows the invitation to join again. */
  async leave(): Promise<void> {
    const community = this.host.activeCommunity;
    const forum = this.source().forum;
    if (!community || !forum.leave) return;
    await forum.leave(community);
    this.openThreadId = undefined;
    await this.listTask.run();
  }

  /** Chooses the patient's pseudonym, once. */
  async choosePseudonym(pseudonym: string): Promise<string> {
    this.pseudonym = await this.source().forum.setPseudonym(pseudonym);
    this.host.requestUpdate();
    return this.pseudonym;
  }

  /** Publishes a new discussion and puts it first in the list. */
  async createThread(title: string, body: string): Promise<PublishedPost> {
    const community = this.host.activeCommunity;
    if (!community) throw new Error('No community');
    const forum = this.source().forum;
    const thread = await forum.createThread(community, { title, body });
    const opening = await forum.listPosts(thread.id, { limit: 1 });
    this.threads = [thread, ...this.threads.filter((known) => known.id !== thread.id)];
    this.threadTotal += 1;
    this.host.requestUpdate();
    return { threadId: thread.id, postId: opening.items[0]?.id ?? thread.id };
  }

  /** Replies in the open thread, optionally to one of its posts. */
  async reply(body: string, replyTo?: string): Promise<PublishedPost> {
    const threadId = this.openThreadId;
    if (threadId === undefined) throw new Error('No open thread');
    const forum = this.source().forum;
    const post = await forum.reply(threadId, replyTo === undefined ? { body } : { body, replyTo });
    this.threadTask.value?.posts.push(post);
    const thread = await forum.getThread(threadId);
    if (this.threadTask.value) this.threadTask.value.thread = thread;
    this.threads = [thread, ...this.threads.filter((known) => known.id !== threadId)];
    this.host.requestUpdate();
    return { threadId, postId: post.id };
  }

  /**
   * Saves an edit of one's own post. On a version conflict, reloads the thread
   * and rethrows, so the caller keeps the draft and can try again.
   */
  async editPost(post: ForumPost, body: string): Promise<ForumPost> {
    try {
      const saved = await this.source().forum.editPost(post.id, body, post.version);
      this.patchPost(saved);
      return saved;
    } catch (error) {
      if (error instanceof ConflictError) await this.threadTask.run();
      throw error;
    }
  }

  /**
   * Deletes one's own post; deleting the opening post deletes the discussion and
   * returns to the list. Returns true when the whole discussion went.
   */
  async deletePost(post: ForumPost): Promise<boolean> {
    const opened = this.threadTask.value;
    const wholeThread = opened?.posts[0]?.id === post.id;
    try {
      await this.source().forum.deletePost(post.id, post.version);
    } catch (error) {
      if (error instanceof ConflictError) await this.threadTask.run();
      throw error;
    }
    if (wholeThread) {
      this.threads = this.threads.filter((thread) => thread.id !== post.threadId);
      this.threadTotal = Math.max(0, this.threadTotal - 1);
      this.close();
      return true;
    }
    if (opened) opened.posts = opened.posts.filter((known) => known.id !== post.id);
    this.host.requestUpdate();
    return false;
  }

  /** Reports a post; it comes back hidden once enough patients reported it. */
  async reportPost(postId: string, reason: ReportReason, comment?: string): Promise<ForumPost> {
    const trimmed = comment?.trim();
    const reported = await this.source().forum.reportPost(postId, reason, trimmed ? trimmed : undefined);
    this.patchPost(reported);
    return reported;
  }
}
