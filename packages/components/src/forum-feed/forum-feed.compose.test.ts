import { sendKeys } from '@web/test-runner-commands';
import { createLocalDataSource } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, oneEvent, removeFixtures, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetPostCreateEvent } from '../events/carnet-post-create.js';
import { setCarnetLocale } from '../shared/localization.js';
import {
  all,
  feedInProvider,
  one,
  postsShown,
  shadow,
  text,
  threadsShown,
  typeInto,
} from './test-helpers/forum-fixtures.js';
import type { CarnetForumFeed } from './forum-feed.js';

async function emptyForum(label: string): Promise<{ dbName: string; feed: CarnetForumFeed }> {
  const dbName = uniqueDbName(label);
  const { feed } = await feedInProvider(dbName, { community: 'diabetes' });
  await waitUntil(() => shadow(feed).querySelector('[part="empty"]'), 'empty state');
  return { dbName, feed };
}

async function fillNewThread(feed: CarnetForumFeed, title: string, body: string): Promise<void> {
  one<HTMLButtonElement>(feed, 'button[part="new-thread"]').click();
  await feed.updateComplete;
  typeInto(one<HTMLInputElement>(feed, '#compose-subject'), title);
  typeInto(one<HTMLTextAreaElement>(feed, '#compose-body'), body);
}

function submitCompose(feed: CarnetForumFeed): void {
  one<HTMLButtonElement>(feed, '[part="compose"] button[type="submit"]').click();
}

describe('<carnet-forum-feed> compose and pseudonym', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setCarnetLocale('fr');
  });

  it('opens an accessible new-discussion form with focus on its title, and Cancel closes it', async () => {
    const { feed } = await emptyForum('compose-form');
    one<HTMLButtonElement>(feed, 'button[part="new-thread"]').click();
    await feed.updateComplete;
    const subject = one<HTMLInputElement>(feed, '#compose-subject');
    await waitUntil(() => shadow(feed).activeElement === subject, 'focus on the title');
    expect(text(one(feed, '#compose-hint'))).to.contain('Vous choisirez un pseudonyme avant de publier');
    await expect(feed).to.be.accessible();
    one<HTMLButtonElement>(feed, '[part="compose"] button[type="button"]').click();
    await waitUntil(
      () => shadow(feed).activeElement === shadow(feed).querySelector('button[part="new-thread"]'),
      'focus back',
    );
    expect(shadow(feed).querySelector('[part="compose"]')).to.equal(null);
  });

  it('asks for a pseudonym before the first post; Escape closes the dialog and keeps the drafts', async () => {
    const { feed } = await emptyForum('compose-escape');
    await fillNewThread(feed, 'Capteur de glucose', 'Quel capteur utilisez-vous ?');
    submitCompose(feed);
    const dialog = one<HTMLDialogElement>(feed, '#pseudonym-dialog');
    await waitUntil(() => dialog.open, 'pseudonym dialog');
    expect(text(dialog.querySelector('h2'))).to.equal('Choisissez votre pseudonyme');
    expect(text(dialog)).to.contain('jamais votre nom');
    await expect(feed).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'closed');
    expect(one<HTMLInputElement>(feed, '#compose-subject').value).to.equal('Capteur de glucose');
    expect(one<HTMLTextAreaElement>(feed, '#compose-body').value).to.equal('Quel capteur utilisez-vous ?');
  });

  it('refuses an unfit pseudonym with a clear message, then publishes under the chosen one', async () => {
    const { dbName, feed } = await emptyForum('compose-publish');
    const created: CarnetPostCreateEvent[] = [];
    feed.addEventListener('carnet-post-create', (event) => created.push(event));
    await fillNewThread(feed, 'Capteur de glucose', 'Quel capteur utilisez-vous ?\n\n- *Libre*\n- **Dexcom**');
    submitCompose(feed);
    const dialog = one<HTMLDialogElement>(feed, '#pseudonym-dialog');
    await waitUntil(() => dialog.open, 'pseudonym dialog');
    const input = dialog.querySelector('input') as HTMLInputElement;
    typeInto(input, 'Moi <b>');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await waitUntil(() => dialog.querySelector('[role="alert"]'), 'pseudonym refused');
    expect(text(dialog.querySelector('[role="alert"]'))).to.contain('Ce pseudonyme ne convient pas');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(created).to.have.length(0);

    typeInto(input, 'Tulipe_42');
    const published = oneEvent(feed, 'carnet-post-create');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const event = (await published) as CarnetPostCreateEvent;
    await postsShown(feed);
    expect(dialog.open).to.equal(false);
    expect(text(one(feed, '#thread-heading'))).to.equal('Capteur de glucose');
    await waitUntil(() => shadow(feed).activeElement === one(feed, '#thread-heading'), 'focus on the new thread');
    const opening = one(feed, 'article[part="post"]');
    expect(opening.dataset['postId']).to.equal(event.detail.postId);
    expect(text(opening.querySelector('.author'))).to.equal('Tulipe_42 (vous)');
    expect(all(feed, '[part="post-body"] li').map((li) => text(li))).to.deep.equal(['Libre', 'Dexcom']);
    expect(created).to.have.length(1);

    const check = createLocalDataSource({ dbName });
    expect(await check.forum.getPseudonym()).to.equal('Tulipe_42');
    const stored = await check.forum.getThread(event.detail.threadId);
    check.close();
    expect(stored.authorPseudonym).to.equal('Tulipe_42');
  });

  it('keeps a published discussion and the pseudonym across a new provider, and never asks again', async () => {
    const { dbName, feed } = await emptyForum('compose-persist');
    await fillNewThread(feed, 'Hypo la nuit', 'Comment les repérer ?');
    submitCompose(feed);
    const dialog = one<HTMLDialogElement>(feed, '#pseudonym-dialog');
    await waitUntil(() => dialog.open, 'pseudonym dialog');
    typeInto(dialog.querySelector('input') as HTMLInputElement, 'Colibri');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await postsShown(feed);

    removeFixtures();
    const again = await feedInProvider(dbName, { community: 'diabetes' });
    await threadsShown(again.feed);
    expect(all(again.feed, 'button[part="thread-open"]').map((b) => text(b))).to.deep.equal(['Hypo la nuit']);
    expect(text(one(again.feed, '.thread-meta'))).to.contain('par Colibri');
    await fillNewThread(again.feed, 'Deuxième', 'Sans nouvelle question de pseudonyme');
    expect(text(one(again.feed, '#compose-hint'))).to.contain('pseudonyme Colibri');
    const published = oneEvent(again.feed, 'carnet-post-create');
    submitCompose(again.feed);
    await published;
    expect(one<HTMLDialogElement>(again.feed, '#pseudonym-dialog').open).to.equal(false);
  });

  it('fires no event when code changes properties or the list reloads', async () => {
    const { feed } = await emptyForum('compose-no-event');
    let events = 0;
    const count = (): void => {
      events += 1;
    };
    document.addEventListener('carnet-post-create', count);
    document.addEventListener('carnet-post-report', count);
    feed.community = 'kidney';
    feed.pageSize = 5;
    await feed.refresh();
    await feed.updateComplete;
    document.removeEventListener('carnet-post-create', count);
    document.removeEventListener('carnet-post-report', count);
    expect(events).to.equal(0);
  });
});
