import { sendKeys } from '@web/test-runner-commands';
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { ForumPost, ForumThread, PatientRecord } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, oneEvent, removeFixtures, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetPostCreateEvent } from '../events/carnet-post-create.js';
import { setCarnetLocale } from '../shared/localization.js';
import type { CarnetForumFeed } from './forum-feed.js';
import {
  all,
  feedInProvider,
  one,
  openThread,
  postsShown,
  seedForum,
  shadow,
  text,
  threadsShown,
} from './test-helpers/forum-fixtures.js';

function postsOf(record: PatientRecord, thread: ForumThread): ForumPost[] {
  return record.forumPosts
    .filter((post) => post.threadId === thread.id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

function threadWithReplyTo(record: PatientRecord): ForumThread {
  const reply = record.forumPosts.find((post) => post.replyTo !== undefined) as ForumPost;
  return record.forumThreads.find((thread) => thread.id === reply.threadId) as ForumThread;
}

async function seededFeed(label: string): Promise<{ dbName: string; record: PatientRecord; feed: CarnetForumFeed }> {
  const dbName = uniqueDbName(label);
  const record = await seedForum(dbName, 'parkinson');
  const { feed } = await feedInProvider(dbName);
  await threadsShown(feed);
  return { dbName, record, feed };
}

describe('<carnet-forum-feed> thread', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setCarnetLocale('fr');
  });

  it('opens a thread: its posts in order as an accessible feed, focus on its heading', async () => {
    const { record, feed } = await seededFeed('thread-open');
    const thread = record.forumThreads[0] as ForumThread;
    await openThread(feed, thread.title);
    expect(shadow(feed).activeElement).to.equal(one(feed, '#thread-heading'));
    expect(text(one(feed, '#thread-heading'))).to.equal(thread.title);
    const expected = postsOf(record, thread);
    const articles = all(feed, 'article[part="post"]');
    expect(articles.map((article) => article.dataset['postId'])).to.deep.equal(expected.map((post) => post.id));
    articles.forEach((article, index) => {
      expect(article.getAttribute('aria-posinset')).to.equal(String(index + 1));
      expect(article.getAttribute('aria-setsize')).to.equal(String(expected.length));
      const [authorId, timeId] = (article.getAttribute('aria-labelledby') ?? '').split(' ');
      expect(text(shadow(feed).getElementById(authorId ?? ''))).to.contain(expected[index]?.authorPseudonym);
      expect(shadow(feed).getElementById(timeId ?? '')?.localName).to.equal('time');
    });
    expect(one(feed, '[part="post-list"]').getAttribute('role')).to.equal('feed');
    expect(feed.matches(':state(thread)')).to.equal(true);
    await expect(feed).to.be.accessible();
  });

  it('marks an unread thread read when opened, and goes back to the list with focus on it', async () => {
    const { dbName, record, feed } = await seededFeed('thread-read');
    const unread = record.forumThreads.find((thread) => thread.unread) as ForumThread;
    await openThread(feed, unread.title);
    const check = createLocalDataSource({ dbName });
    await waitUntil(async () => (await check.forum.getThread(unread.id)).unread === false, 'marked read');
    check.close();

    one<HTMLButtonElement>(feed, 'button[part="back"]').click();
    await threadsShown(feed);
    const button = one(feed, `button[data-thread-id="${unread.id}"]`);
    await waitUntil(() => shadow(feed).activeElement === button, 'focus back on the thread');
    const article = button.closest('article');
    expect(article?.querySelector('[part="unread"]')).to.equal(null);
    expect(feed.matches(':state(ready)')).to.equal(true);
  });

  it('shows which post a reply answers', async () => {
    const { record, feed } = await seededFeed('thread-reply-to');
    const thread = threadWithReplyTo(record);
    await openThread(feed, thread.title);
    const reply = postsOf(record, thread).find((post) => post.replyTo !== undefined) as ForumPost;
    const target = record.forumPosts.find((post) => post.id === reply.replyTo) as ForumPost;
    const context = one(feed, `article[data-post-id="${reply.id}"] [part="reply-context"]`);
    expect(text(context)).to.contain(`En réponse à ${target.authorPseudonym}`);
    expect(text(context.querySelector('q')).slice(0, 20)).to.equal(target.body.replace(/\s+/g, ' ').slice(0, 20));
  });

  it('never shows the patient’s real name, only pseudonyms', async () => {
    const { record, feed } = await seededFeed('thread-pseudonym');
    const own = record.forumPosts.find((post) => post.own) as ForumPost;
    const ownThread = record.forumThreads.find((thread) => thread.id === own.threadId) as ForumThread;
    const { given, family } = record.patient;
    const shownText = (): string => text(shadow(feed));
    expect(shownText()).not.to.contain(family);
    one<HTMLButtonElement>(feed, 'button[part="new-thread"]').click();
    await feed.updateComplete;
    expect(text(one(feed, '#compose-hint'))).to.contain(`pseudonyme ${record.patient.pseudonym}`);
    await openThread(feed, ownThread.title);
    const ownArticle = one(feed, `article[data-post-id="${own.id}"]`);
    expect(text(ownArticle.querySelector('.author'))).to.equal(`${record.patient.pseudonym} (vous)`);
    for (const name of [given, family, `${given} ${family}`]) {
      expect(shownText()).not.to.contain(name);
      expect(shadow(feed).innerHTML).not.to.contain(name);
    }
  });

  it('reads with the keyboard: Tab to a thread, Enter opens it, Page Down / Page Up move between posts', async () => {
    const { record, feed } = await seededFeed('thread-keys');
    const before = document.createElement('button');
    before.textContent = 'Avant';
    feed.parentElement?.insertBefore(before, feed);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(feed).activeElement).to.equal(one(feed, 'button[part="new-thread"]'));
    await sendKeys({ press: 'Tab' });
    const firstOpen = all(feed, 'button[part="thread-open"]')[0];
    expect(shadow(feed).activeElement).to.equal(firstOpen);

    // Page Down moves between thread articles; Enter on an article opens it.
    await sendKeys({ press: 'PageDown' });
    const threads = all(feed, 'article[part="thread"]');
    expect(shadow(feed).activeElement).to.equal(threads[1]);
    await sendKeys({ press: 'PageUp' });
    expect(shadow(feed).activeElement).to.equal(threads[0]);
    await sendKeys({ press: 'Enter' });
    await postsShown(feed);
    const thread = record.forumThreads[0] as ForumThread;
    expect(text(one(feed, '#thread-heading'))).to.equal(thread.title);

    await sendKeys({ press: 'Tab' });
    expect(shadow(feed).activeElement).to.equal(one(feed, '[part="go-to-reply"]'));
    await sendKeys({ press: 'Tab' });
    const firstPostButton = shadow(feed).activeElement;
    expect(firstPostButton?.closest('article')).to.equal(all(feed, 'article[part="post"]')[0]);
    const posts = all(feed, 'article[part="post"]');
    await sendKeys({ press: 'PageDown' });
    expect(shadow(feed).activeElement).to.equal(posts[1]);
    await sendKeys({ press: 'PageDown' });
    expect(shadow(feed).activeElement).to.equal(posts[2]);
    await sendKeys({ press: 'PageUp' });
    expect(shadow(feed).activeElement).to.equal(posts[1]);
    before.remove();
  });

  it('replies to a post: the reply shows, fires carnet-post-create, and persists across a new provider', async () => {
    const { dbName, record, feed } = await seededFeed('thread-reply');
    const thread = record.forumThreads[1] as ForumThread;
    const created: CarnetPostCreateEvent[] = [];
    feed.addEventListener('carnet-post-create', (event) => created.push(event));
    await openThread(feed, thread.title);
    expect(created).to.have.length(0);
    const answered = postsOf(record, thread)[0] as ForumPost;
    one<HTMLButtonElement>(feed, `article[data-post-id="${answered.id}"] button[data-action="reply"]`).click();
    await feed.updateComplete;
    const field = one<HTMLTextAreaElement>(feed, '#reply-body');
    await waitUntil(() => shadow(feed).activeElement === field, 'focus in the reply');
    expect(text(one(feed, '.replying-to'))).to.contain(`En réponse à ${answered.authorPseudonym}`);
    await sendKeys({ type: 'Merci, **très** utile.' });
    const published = oneEvent(feed, 'carnet-post-create');
    one<HTMLButtonElement>(feed, '[part="reply-form"] button[type="submit"]').click();
    const event = (await published) as CarnetPostCreateEvent;
    expect(event.detail.threadId).to.equal(thread.id);
    await waitUntil(
      () => shadow(feed).activeElement?.getAttribute('data-post-id') === event.detail.postId,
      'focus on reply',
    );
    const article = one(feed, `article[data-post-id="${event.detail.postId}"]`);
    expect(text(article.querySelector('strong'))).to.equal('très');
    expect(text(article.querySelector('[part="reply-context"]'))).to.contain(answered.authorPseudonym);
    expect(field.value).to.equal('');
    expect(created).to.have.length(1);

    removeFixtures();
    const again = await feedInProvider(dbName);
    await threadsShown(again.feed);
    expect(text(all(again.feed, 'button[part="thread-open"]')[0])).to.equal(thread.title);
    await openThread(again.feed, thread.title);
    const stored = one(again.feed, `article[data-post-id="${event.detail.postId}"]`);
    expect(text(stored.querySelector('.author'))).to.contain(record.patient.pseudonym);
    expect(text(stored.querySelector('[part="post-body"]'))).to.equal('Merci, très utile.');
  });
});
