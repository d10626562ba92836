import { createLocalDataSource, StorageError } from '@carnet/catalog-sdk';
import type { ForumThread } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { setCarnetLocale } from '../shared/localization.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetForumFeed } from './forum-feed.js';
import {
  all,
  feedInProvider,
  one,
  peerThreads,
  seedForum,
  shadow,
  text,
  threadsShown,
  withFailingThreadList,
} from './test-helpers/forum-fixtures.js';

function threadTitles(feed: CarnetForumFeed): string[] {
  return all(feed, 'button[part="thread-open"]').map((button) => text(button));
}

describe('<carnet-forum-feed> list', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setCarnetLocale('fr');
  });

  it('shows a busy feed and a named skeleton while it has no record yet, and is accessible', async () => {
    const feed = await fixture<CarnetForumFeed>(html`<carnet-forum-feed community="parkinson"></carnet-forum-feed>`);
    const busyFeed = one(feed, '[role="feed"]');
    expect(busyFeed.getAttribute('aria-busy')).to.equal('true');
    expect(text(one(feed, '[part="loading"]'))).to.equal('Chargement des discussions…');
    expect(feed.matches(':state(loading)')).to.equal(true);
    await expect(feed).to.be.accessible();
  });

  it('invites to start the first discussion when the community is empty, and is accessible', async () => {
    const { feed } = await feedInProvider(uniqueDbName('forum-empty'), { community: 'kidney' });
    await waitUntil(() => shadow(feed).querySelector('[part="empty"]'), 'empty state');
    expect(text(one(feed, '[part="empty"]'))).to.contain("Aucune discussion pour l'instant — lancez la première !");
    expect(shadow(feed).querySelector('[role="feed"]')).to.equal(null);
    expect(feed.matches(':state(empty)')).to.equal(true);
    expect(text(one(feed, 'button[part="new-thread"]'))).to.equal('Nouvelle discussion');
    await expect(feed).to.be.accessible();
  });

  it('lists the community threads, most recent activity first, as an accessible feed', async () => {
    const dbName = uniqueDbName('forum-list');
    const record = await seedForum(dbName, 'parkinson');
    const { feed } = await feedInProvider(dbName);
    await threadsShown(feed);
    const expected = [...record.forumThreads].sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
    expect(threadTitles(feed)).to.deep.equal(expected.map((thread) => thread.title));

    const feedElement = one(feed, '[role="feed"]');
    expect(feedElement.getAttribute('aria-busy')).to.equal('false');
    expect(text(shadow(feed).getElementById(feedElement.getAttribute('aria-labelledby') ?? ''))).to.equal(
      'Entraide entre patients',
    );
    const articles = all(feed, 'article[part="thread"]');
    articles.forEach((article, index) => {
      expect(article.getAttribute('aria-posinset')).to.equal(String(index + 1));
      expect(article.getAttribute('aria-setsize')).to.equal(String(expected.length));
      const labels = (article.getAttribute('aria-labelledby') ?? '').split(' ');
      expect(labels).to.have.length(2);
      labels.forEach((id) => expect(shadow(feed).getElementById(id), id).to.exist);
    });
    const first = expected[0] as ForumThread;
    expect(text(articles[0])).to.contain(`par ${first.authorPseudonym}`);
    expect(text(one(feed, '.community'))).to.equal('Maladie de Parkinson');
    expect(feed.matches(':state(ready)')).to.equal(true);
    await expect(feed).to.be.accessible();
  });

  it('marks unread threads and says how many replies each has', async () => {
    const dbName = uniqueDbName('forum-unread');
    const record = await seedForum(dbName, 'parkinson');
    const { feed } = await feedInProvider(dbName);
    await threadsShown(feed);
    const unread = record.forumThreads.filter((thread) => thread.unread);
    expect(unread.length).to.be.greaterThan(0);
    const marked = all(feed, 'article[part="thread"]').filter((article) => article.querySelector('[part="unread"]'));
    expect(marked.map((article) => text(article.querySelector('button')))).to.have.members(
      unread.map((thread) => thread.title),
    );
    expect(text(marked[0]?.querySelector('[part="unread"]'))).to.equal('Nouveau');
    const withReplies = record.forumThreads.find((thread) => thread.replyCount > 1) as ForumThread;
    const article = all(feed, 'article[part="thread"]').find(
      (a) => text(a.querySelector('button')) === withReplies.title,
    );
    expect(text(article)).to.contain(`${withReplies.replyCount} réponses`);
  });

  it('shows relative times with the full date as the title of a <time datetime>', async () => {
    const dbName = uniqueDbName('forum-time');
    const now = Date.now();
    const forum = peerThreads('diabetes', 3);
    const [a, b, c] = forum.threads as [ForumThread, ForumThread, ForumThread];
    a.lastActivityAt = new Date(now - 3 * 3_600_000).toISOString();
    b.lastActivityAt = new Date(now - 26 * 3_600_000).toISOString();
    c.lastActivityAt = new Date(now - 5 * 86_400_000).toISOString();
    await seedForum(dbName, 'diabetes', forum);
    const { feed } = await feedInProvider(dbName, { community: 'diabetes' });
    await threadsShown(feed);
    const times = all<HTMLTimeElement>(feed, 'article[part="thread"] time');
    expect(times.map((time) => text(time))).to.deep.equal(['il y a 3 heures', 'hier', 'il y a 5 jours']);
    expect(times[0]?.dateTime).to.equal(a.lastActivityAt);
    const full = new Intl.DateTimeFormat('fr', { dateStyle: 'full', timeStyle: 'short' }).format(
      new Date(a.lastActivityAt),
    );
    expect(times[0]?.title).to.equal(full);
  });

  it('loads more threads on « Voir plus de discussions », continuing positions and updating the set size', async () => {
    const dbName = uniqueDbName('forum-paging');
    await seedForum(dbName, 'kidney', peerThreads('kidney', 23));
    const { feed } = await feedInProvider(dbName, { community: 'kidney', pageSize: 10 });
    await threadsShown(feed);
    expect(all(feed, 'article[part="thread"]')).to.have.length(10);
    expect(one(feed, 'article[part="thread"]').getAttribute('aria-setsize')).to.equal('23');

    // Someone else starts a discussion meanwhile: the next page reports the new total.
    const other = createLocalDataSource({ dbName });
    await other.forum.createThread('kidney', { title: 'Arrivée pendant la lecture', body: 'Bonjour à tous' });
    other.close();

    const more = one<HTMLButtonElement>(feed, 'button[part="load-more"]');
    expect(text(more)).to.equal('Voir plus de discussions');
    more.click();
    await waitUntil(() => all(feed, 'article[part="thread"]').length === 20, 'second page');
    const articles = all(feed, 'article[part="thread"]');
    expect(articles[10]?.getAttribute('aria-posinset')).to.equal('11');
    expect(articles.every((article) => article.getAttribute('aria-setsize') === '24')).to.equal(true);
    expect(threadTitles(feed)[10]).to.equal('Discussion numéro 11');
    await waitUntil(() => shadow(feed).activeElement === articles[10], 'focus on the first new thread');

    one<HTMLButtonElement>(feed, 'button[part="load-more"]').click();
    await waitUntil(() => all(feed, 'article[part="thread"]').length === 23, 'last page');
    expect(shadow(feed).querySelector('button[part="load-more"]')).to.equal(null);
    expect(threadTitles(feed)).not.to.include('Arrivée pendant la lecture');
  });

  it('shows a localized error with Retry when listing fails, and lists on Retry', async () => {
    const dbName = uniqueDbName('forum-fault');
    await seedForum(dbName, 'parkinson');
    const real = createLocalDataSource({ dbName });
    const faulty = withFailingThreadList(real, new StorageError('simulated quota failure'));
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider .dataSource=${faulty.source}>
        <carnet-forum-feed community="parkinson"></carnet-forum-feed>
      </carnet-provider>`,
    );
    const feed = provider.querySelector('carnet-forum-feed') as CarnetForumFeed;
    await waitUntil(() => shadow(feed).querySelector('[role="alert"]'), 'error shown');
    expect(text(one(feed, '[role="alert"]'))).to.contain("Votre carnet n'a pas pu être ouvert sur cet appareil.");
    expect(text(one(feed, '[role="alert"]'))).not.to.contain('simulated');
    expect(feed.matches(':state(error)')).to.equal(true);
    await expect(feed).to.be.accessible();

    faulty.failing = false;
    one<HTMLButtonElement>(feed, 'button[part="retry"]').click();
    await threadsShown(feed);
    expect(faulty.calls).to.equal(2);
    expect(shadow(feed).querySelector('[role="alert"]')).to.equal(null);
    real.close();
  });

  it('follows the provider pathology when no community is set, and only shows that community', async () => {
    const dbName = uniqueDbName('forum-pathology');
    const forum = peerThreads('diabetes', 2);
    const kidney = peerThreads('kidney', 1);
    kidney.threads[0] = { ...(kidney.threads[0] as ForumThread), id: 'k-1', title: 'Rein seulement' };
    kidney.posts[0] = { ...kidney.posts[0]!, id: 'pk-1', threadId: 'k-1' };
    await seedForum(dbName, 'diabetes', {
      threads: [...forum.threads, ...kidney.threads],
      posts: [...forum.posts, ...kidney.posts],
    });
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${dbName} pathology="diabetes">
        <carnet-forum-feed></carnet-forum-feed>
      </carnet-provider>`,
    );
    const feed = provider.querySelector('carnet-forum-feed') as CarnetForumFeed;
    await threadsShown(feed);
    expect(threadTitles(feed)).to.deep.equal(['Discussion numéro 1', 'Discussion numéro 2']);
    provider.pathology = 'kidney';
    await waitUntil(() => threadTitles(feed).join() === 'Rein seulement', 'kidney community');
  });

  it('speaks English when the provider says so', async () => {
    const dbName = uniqueDbName('forum-en');
    await seedForum(dbName, 'parkinson');
    const { feed } = await feedInProvider(dbName, { locale: 'en' });
    await threadsShown(feed);
    await waitUntil(() => text(one(feed, '#forum-heading')) === 'Patient community', 'English heading');
    expect(text(one(feed, 'button[part="new-thread"]'))).to.equal('New discussion');
    expect(text(one(feed, '.community'))).to.equal("Parkinson's disease");
    expect(text(one(feed, '.thread-meta'))).to.match(/^(New )?by \S+/);
    expect(text(one(feed, 'article time'))).to.match(/ago|now|yesterday|minute|hour/);
    await expect(feed).to.be.accessible();
  });
});
