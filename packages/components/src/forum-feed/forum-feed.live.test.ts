// Live enough (issue 12): on a platform, what others write appears without
// reloading, is announced politely, and never moves the patient's focus or
// drops what they are typing. The record is a real LocalDataSource; only the
// "other patient" is injected: their post is added to the thread's answers,
// as a platform would return it (not the reader's own).
import { sendKeys } from '@web/test-runner-commands';
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { DataSource, ForumPost, ForumRepository, PageRequest } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, removeFixtures, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetForumFeed } from './forum-feed.js';
import {
  feedInProvider,
  one,
  openThread,
  seedForum,
  shadow,
  text,
  threadsShown,
} from './test-helpers/forum-fixtures.js';

/** Reads `target`'s members with methods bound to it (private fields stay reachable). */
function delegate<T extends object>(target: T, own: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (property in own) return own[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

/** The local record seen as a platform, plus posts by other patients injected per thread. */
function asPlatform(source: DataSource, others: ForumPost[]): DataSource {
  const forum = delegate<ForumRepository>(source.forum, {
    listPosts: async (threadId: string, request?: PageRequest) => {
      const page = await source.forum.listPosts(threadId, request);
      const extra = others.filter((post) => post.threadId === threadId);
      return { ...page, items: [...page.items, ...extra], total: page.total + extra.length };
    },
  });
  return delegate<DataSource>(source, { kind: 'fhir', forum } as Partial<DataSource>);
}

describe('<carnet-forum-feed> live updates', () => {
  afterEach(async () => {
    removeFixtures();
    await deleteTestDatabases();
  });

  it('shows another patient’s reply by itself, announces it politely, keeps focus and the draft', async () => {
    const dbName = uniqueDbName('forum-live');
    const record = await seedForum(dbName, 'parkinson');
    const source = createLocalDataSource({ dbName });
    const others: ForumPost[] = [];
    const feed = await fixture<CarnetForumFeed>(
      html`<carnet-forum-feed
        community="parkinson"
        refresh-interval="100"
        .dataSource=${asPlatform(source, others)}
      ></carnet-forum-feed>`,
    );
    await threadsShown(feed);
    const thread = record.forumThreads[0];
    if (!thread) throw new Error('no thread');
    await openThread(feed, thread.title);
    const draft = one<HTMLTextAreaElement>(feed, '#reply-body');
    draft.focus();
    await sendKeys({ type: 'Je suis en train d’écrire' });

    others.push({
      id: 'from-another-patient',
      threadId: thread.id,
      community: 'parkinson',
      authorPseudonym: 'Voisine42',
      body: 'Bonjour depuis un autre navigateur',
      createdAt: new Date().toISOString(),
      moderation: 'visible',
      reportCount: 0,
      own: false,
      version: '1',
    });
    await waitUntil(
      () => shadow(feed).querySelector('article[data-post-id="from-another-patient"]'),
      'the reply appears without reloading',
      { timeout: 10_000 },
    );
    const status = one(feed, '[role="status"]');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    await waitUntil(() => text(status) === 'Nouvelle réponse de Voisine42.', 'announced', { timeout: 5_000 });
    expect(shadow(feed).activeElement).to.equal(one(feed, '#reply-body'));
    expect(one<HTMLTextAreaElement>(feed, '#reply-body').value).to.equal('Je suis en train d’écrire');
    source.close();
  });

  it('in local mode says plainly that talking with other patients needs a connected platform', async () => {
    const dbName = uniqueDbName('forum-preview');
    await seedForum(dbName, 'parkinson');
    const { feed } = await feedInProvider(dbName);
    await threadsShown(feed);
    expect(text(one(feed, '[part="preview-notice"]'))).to.contain('il faut une plateforme Carnet connectée');
    await expect(feed).to.be.accessible();
  });
});
