/** Fixtures of the forum tests: real local databases, a provider around the feed, and one fault injector. */
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type {
  DataSource,
  ForumPost,
  ForumRepository,
  ForumThread,
  Pathology,
  PatientRecord,
} from '@carnet/catalog-sdk';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import { fixture, html, waitUntil } from '../../test-helpers/fixture.js';
import type { CarnetProvider } from '../../provider/provider.js';
import type { CarnetForumFeed } from '../forum-feed.js';
import '../../provider/provider.js';
import '../forum-feed.js';

/** Collapsed text content of a node. */
export function text(root: Node | null | undefined): string {
  return root?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The shadow root of the feed (always open). */
export function shadow(feed: CarnetForumFeed): ShadowRoot {
  if (!feed.shadowRoot) throw new Error('no shadow root');
  return feed.shadowRoot;
}

/** Elements in the feed's shadow root. */
export function all<E extends Element = HTMLElement>(feed: CarnetForumFeed, selector: string): E[] {
  return [...shadow(feed).querySelectorAll<E>(selector)];
}

/** One element in the feed's shadow root, or a failure naming the selector. */
export function one<E extends Element = HTMLElement>(feed: CarnetForumFeed, selector: string): E {
  const found = shadow(feed).querySelector<E>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/**
 * Imports a persona whose forum is replaced by `threads` and `posts` (when given),
 * through the real LocalDataSource; returns the record.
 */
export async function seedForum(
  dbName: string,
  persona: Pathology,
  forum?: { threads: ForumThread[]; posts: ForumPost[] },
): Promise<PatientRecord> {
  const generated = generatePersona(persona, { documentCount: 2 });
  const record: PatientRecord = forum
    ? { ...generated, forumThreads: forum.threads, forumPosts: forum.posts }
    : generated;
  const source = createLocalDataSource({ dbName });
  try {
    await source.importRecord(record);
  } finally {
    source.close();
  }
  return record;
}

/** `count` one-post threads by peers in `community`, the newest first, all read. */
export function peerThreads(community: Pathology, count: number): { threads: ForumThread[]; posts: ForumPost[] } {
  const start = Date.now() - 60_000;
  const threads: ForumThread[] = [];
  const posts: ForumPost[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = new Date(start - i * 3_600_000).toISOString();
    const id = `t-${String(i + 1).padStart(3, '0')}`;
    threads.push({
      id,
      community,
      title: `Discussion numéro ${i + 1}`,
      authorPseudonym: `Membre${i + 1}`,
      createdAt: at,
      lastActivityAt: at,
      replyCount: 0,
      unread: false,
      version: '1',
    });
    posts.push({
      id: `p-${id}`,
      threadId: id,
      community,
      authorPseudonym: `Membre${i + 1}`,
      body: `Premier message de la discussion ${i + 1}.`,
      createdAt: at,
      moderation: 'visible',
      reportCount: 0,
      version: '1',
    });
  }
  return { threads, posts };
}

/** Renders `<carnet-forum-feed>` inside a provider on `dbName`. */
export async function feedInProvider(
  dbName: string,
  options: { community?: Pathology; locale?: 'fr' | 'en'; pageSize?: number } = {},
): Promise<{ provider: CarnetProvider; feed: CarnetForumFeed }> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName} locale=${options.locale ?? 'fr'}>
      <carnet-forum-feed
        community=${options.community ?? 'parkinson'}
        page-size=${options.pageSize ?? 10}
      ></carnet-forum-feed>
    </carnet-provider>`,
  );
  const feed = provider.querySelector('carnet-forum-feed') as CarnetForumFeed;
  return { provider, feed };
}

/** Waits until the thread list shows at least one discussion. */
export async function threadsShown(feed: CarnetForumFeed): Promise<void> {
  await waitUntil(() => shadow(feed).querySelector('article[part="thread"]'), 'threads shown', { timeout: 10_000 });
}

/** Opens the thread titled `title` with a click and waits for its posts. */
export async function openThread(feed: CarnetForumFeed, title: string): Promise<void> {
  const button = all<HTMLButtonElement>(feed, 'button[part="thread-open"]').find((b) => text(b) === title);
  if (!button) throw new Error(`no thread titled ${title}`);
  button.click();
  await postsShown(feed);
}

/** Waits until the open thread's posts are shown. */
export async function postsShown(feed: CarnetForumFeed): Promise<void> {
  await waitUntil(
    () => shadow(feed).querySelector('[part="post-list"][aria-busy="false"] article[part="post"]'),
    'posts shown',
    { timeout: 10_000 },
  );
}

/** Sets a field's value as typing would, firing `input`. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** A real data source whose `forum.listThreads` fails while `failing` is true. */
export interface FaultyForum {
  readonly source: DataSource;
  failing: boolean;
  /** Calls made to `listThreads`, failed or not. */
  calls: number;
}

// Methods are bound to the real object: repositories keep their state in #private fields.
function bound<T extends object>(target: T, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

/** Wraps `real` so that listing threads fails with `error`; every other call reaches the real source. */
export function withFailingThreadList(real: DataSource, error: Error): FaultyForum {
  const state: FaultyForum = { source: real, failing: true, calls: 0 };
  const forum = new Proxy(real.forum, {
    get(target, property) {
      if (property !== 'listThreads') return bound(target, property);
      return (...args: Parameters<ForumRepository['listThreads']>) => {
        state.calls += 1;
        return state.failing ? Promise.reject(error) : target.listThreads(...args);
      };
    },
  });
  const source = new Proxy(real, {
    get(target, property) {
      if (property === 'forum') return forum;
      if (property === 'close') return () => undefined;
      return bound(target, property);
    },
  });
  return Object.assign(state, { source });
}
