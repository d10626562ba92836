import { sendKeys } from '@web/test-runner-commands';
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { ForumPost, ForumThread, PatientRecord } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, oneEvent, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetPostReportEvent } from '../events/carnet-post-report.js';
import { setCarnetLocale } from '../shared/localization.js';
import type { CarnetForumFeed } from './forum-feed.js';
import {
  all,
  feedInProvider,
  one,
  openThread,
  peerThreads,
  seedForum,
  shadow,
  text,
  threadsShown,
  typeInto,
} from './test-helpers/forum-fixtures.js';

/** A one-thread forum: a peer's opening post, a peer's reply reported `reportCount` times, and the patient's own reply. */
function moderatedForum(reportCount: number): { threads: ForumThread[]; posts: ForumPost[] } {
  const forum = peerThreads('parkinson', 1);
  const thread = forum.threads[0] as ForumThread;
  const base = Date.parse(thread.createdAt);
  const at = (minutes: number): string => new Date(base + minutes * 60_000).toISOString();
  thread.replyCount = 2;
  thread.lastActivityAt = at(20);
  const reply = (id: string, minutes: number, extra: Partial<ForumPost>): ForumPost => ({
    ...(forum.posts[0] as ForumPost),
    id,
    createdAt: at(minutes),
    ...extra,
  });
  forum.posts.push(
    reply('p-reported', 10, {
      authorPseudonym: 'Zorro_du_web',
      body: 'Arrêtez votre traitement, buvez du jus.',
      reportCount,
    }),
    reply('p-own', 20, { authorPseudonym: 'Randonneur67', body: 'Mon premier texte.', own: true }),
  );
  return forum;
}

async function moderatedFeed(
  label: string,
  reportCount = 0,
): Promise<{ dbName: string; record: PatientRecord; feed: CarnetForumFeed }> {
  const dbName = uniqueDbName(label);
  const record = await seedForum(dbName, 'parkinson', moderatedForum(reportCount));
  const { feed } = await feedInProvider(dbName);
  await threadsShown(feed);
  await openThread(feed, 'Discussion numéro 1');
  return { dbName, record, feed };
}

function post(feed: CarnetForumFeed, id: string): HTMLElement {
  return one(feed, `article[data-post-id="${id}"]`);
}

async function dialogOpen(feed: CarnetForumFeed, id: string): Promise<HTMLDialogElement> {
  const dialog = one<HTMLDialogElement>(feed, `#${id}`);
  await waitUntil(() => dialog.open, `${id} open`);
  return dialog;
}

describe('<carnet-forum-feed> moderation and own posts', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setCarnetLocale('fr');
  });

  it('offers a report dialog with every reason; Escape closes it and focus returns to « Signaler »', async () => {
    const { feed } = await moderatedFeed('report-dialog');
    const reportButton = one<HTMLButtonElement>(
      feed,
      'article[data-post-id="p-reported"] button[data-action="report"]',
    );
    expect(text(reportButton)).to.equal('Signaler le message de Zorro_du_web');
    expect(post(feed, 'p-own').querySelector('button[data-action="report"]')).to.equal(null);
    reportButton.focus();
    reportButton.click();
    const dialog = await dialogOpen(feed, 'report-dialog');
    expect(text(dialog.querySelector('legend'))).to.equal('Pourquoi signalez-vous ce message ?');
    const reasons = [...dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(reasons.map((radio) => radio.value)).to.deep.equal([
      'medical-misinformation',
      'harassment',
      'personal-data',
      'spam',
      'other',
    ]);
    expect(reasons.map((radio) => text(radio.closest('label')))).to.include(
      'Information médicale fausse ou dangereuse',
    );
    await expect(feed).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'dialog closed');
    await waitUntil(() => shadow(feed).activeElement === reportButton, 'focus back on Signaler');
  });

  it('reports a post: confirmation, carnet-post-report with the reason only, one report stored', async () => {
    const { dbName, feed } = await moderatedFeed('report-send');
    one<HTMLButtonElement>(feed, 'article[data-post-id="p-reported"] button[data-action="report"]').click();
    const dialog = await dialogOpen(feed, 'report-dialog');
    dialog.querySelector<HTMLInputElement>('input[value="medical-misinformation"]')?.click();
    typeInto(dialog.querySelector('textarea') as HTMLTextAreaElement, 'Conseil dangereux');
    const reported = oneEvent(feed, 'carnet-post-report');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const event = (await reported) as CarnetPostReportEvent;
    expect(event.detail).to.deep.equal({ postId: 'p-reported', reason: 'medical-misinformation' });
    await waitUntil(() => text(dialog).includes('Merci pour votre signalement'), 'confirmation');
    await waitUntil(
      () => shadow(feed).activeElement?.getAttribute('data-action') === 'close-report',
      'focus on Fermer',
    );
    await expect(feed).to.be.accessible();

    const check = createLocalDataSource({ dbName });
    const stored = (await check.forum.listPosts('t-001')).items.find((p) => p.id === 'p-reported');
    check.close();
    expect(stored?.reportCount).to.equal(1);
    expect(stored?.moderation).to.equal('visible');
    one<HTMLButtonElement>(feed, '[data-action="close-report"]').click();
    await waitUntil(() => !dialog.open, 'closed');
    expect(text(post(feed, 'p-reported').querySelector('[part="post-body"]'))).to.contain('Arrêtez votre traitement');
  });

  it('hides a post once reports reach the threshold: the placeholder replaces its words', async () => {
    const { feed } = await moderatedFeed('report-hide', 2);
    one<HTMLButtonElement>(feed, 'article[data-post-id="p-reported"] button[data-action="report"]').click();
    const dialog = await dialogOpen(feed, 'report-dialog');
    dialog.querySelector<HTMLInputElement>('input[value="harassment"]')?.click();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await waitUntil(() => post(feed, 'p-reported').querySelector('[part="hidden-placeholder"]'), 'hidden');
    const hidden = post(feed, 'p-reported');
    expect(text(hidden.querySelector('[part="hidden-placeholder"]'))).to.equal(
      'Ce message a été masqué par la modération',
    );
    expect(text(hidden)).not.to.contain('Arrêtez votre traitement');
    expect(hidden.querySelector('[part="post-actions"]')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'closed');
    await waitUntil(() => shadow(feed).activeElement === hidden, 'focus on the hidden post');
  });

  it('edits one’s own post, marks it edited, and keeps the change', async () => {
    const { dbName, feed } = await moderatedFeed('edit-own');
    expect(post(feed, 'p-reported').querySelector('button[data-action="edit"]')).to.equal(null);
    one<HTMLButtonElement>(feed, 'article[data-post-id="p-own"] button[data-action="edit"]').click();
    await feed.updateComplete;
    const field = one<HTMLTextAreaElement>(feed, '[part="edit-form"] textarea');
    expect(field.value).to.equal('Mon premier texte.');
    await waitUntil(() => shadow(feed).activeElement === field, 'focus in the editor');
    typeInto(field, 'Mon texte *corrigé*.');
    one<HTMLButtonElement>(feed, '[part="edit-form"] button[type="submit"]').click();
    await waitUntil(() => post(feed, 'p-own').querySelector('[part="post-body"] em'), 'saved');
    expect(text(post(feed, 'p-own').querySelector('.edited'))).to.equal('(modifié)');
    const check = createLocalDataSource({ dbName });
    const stored = (await check.forum.listPosts('t-001')).items.find((p) => p.id === 'p-own');
    check.close();
    expect(stored?.body).to.equal('Mon texte *corrigé*.');
  });

  it('on an edit conflict, says so, reloads the post and keeps the draft; saving again works', async () => {
    const { dbName, feed } = await moderatedFeed('edit-conflict');
    one<HTMLButtonElement>(feed, 'article[data-post-id="p-own"] button[data-action="edit"]').click();
    await feed.updateComplete;
    typeInto(one<HTMLTextAreaElement>(feed, '[part="edit-form"] textarea'), 'Mon brouillon précieux');
    // The same post is changed on another tab meanwhile.
    const other = createLocalDataSource({ dbName });
    await other.forum.editPost('p-own', 'Changé ailleurs', '1');
    other.close();

    one<HTMLButtonElement>(feed, '[part="edit-form"] button[type="submit"]').click();
    await waitUntil(() => shadow(feed).querySelector('[part="edit-form"] [role="alert"]'), 'conflict message');
    expect(text(one(feed, '[part="edit-form"] [role="alert"]'))).to.contain(
      'changé entre-temps, sur un autre appareil',
    );
    expect(one<HTMLTextAreaElement>(feed, '[part="edit-form"] textarea').value).to.equal('Mon brouillon précieux');
    await expect(feed).to.be.accessible();

    one<HTMLButtonElement>(feed, '[part="edit-form"] button[type="submit"]').click();
    await waitUntil(() => !shadow(feed).querySelector('[part="edit-form"]'), 'saved');
    expect(text(post(feed, 'p-own').querySelector('[part="post-body"]'))).to.equal('Mon brouillon précieux');
  });

  it('deletes one’s own reply after confirmation; Cancel keeps it', async () => {
    const { dbName, feed } = await moderatedFeed('delete-own');
    one<HTMLButtonElement>(feed, 'article[data-post-id="p-own"] button[data-action="delete"]').click();
    const dialog = await dialogOpen(feed, 'delete-dialog');
    expect(text(dialog.querySelector('h2'))).to.equal('Supprimer votre message ?');
    await expect(feed).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('[data-action="cancel-delete"]')?.click();
    await waitUntil(() => !dialog.open, 'cancelled');
    expect(post(feed, 'p-own').dataset['postId']).to.equal('p-own');

    one<HTMLButtonElement>(feed, 'article[data-post-id="p-own"] button[data-action="delete"]').click();
    await dialogOpen(feed, 'delete-dialog');
    dialog.querySelector<HTMLButtonElement>('[data-action="confirm-delete"]')?.click();
    await waitUntil(() => !shadow(feed).querySelector('article[data-post-id="p-own"]'), 'deleted');
    expect(all(feed, 'article[part="post"]').map((a) => a.getAttribute('aria-setsize'))).to.deep.equal(['2', '2']);
    const check = createLocalDataSource({ dbName });
    const stored = await check.forum.listPosts('t-001');
    check.close();
    expect(stored.items.map((p) => p.id)).to.deep.equal(['p-t-001', 'p-reported']);
  });

  it('deleting the opening post of one’s own discussion deletes it and returns to the list', async () => {
    const dbName = uniqueDbName('delete-thread');
    await seedForum(dbName, 'parkinson', peerThreads('parkinson', 2));
    const { feed } = await feedInProvider(dbName);
    await threadsShown(feed);
    const source = createLocalDataSource({ dbName });
    const mine = await source.forum.createThread('parkinson', { title: 'À supprimer', body: 'Erreur de ma part' });
    source.close();
    await feed.refresh();
    await threadsShown(feed);
    await openThread(feed, 'À supprimer');
    one<HTMLButtonElement>(feed, 'article[part="post"] button[data-action="delete"]').click();
    const dialog = await dialogOpen(feed, 'delete-dialog');
    expect(text(dialog)).to.contain('toute la discussion et ses réponses seront supprimées');
    dialog.querySelector<HTMLButtonElement>('[data-action="confirm-delete"]')?.click();
    await threadsShown(feed);
    expect(all(feed, 'button[part="thread-open"]').map((b) => text(b))).not.to.include('À supprimer');
    await waitUntil(() => shadow(feed).activeElement === one(feed, '#forum-heading'), 'focus on the heading');
    const check = createLocalDataSource({ dbName });
    const listed = await check.forum.listThreads('parkinson');
    check.close();
    expect(listed.items.map((t) => t.id)).not.to.include(mine.id);
  });

  it('labels report reasons in English', async () => {
    const dbName = uniqueDbName('report-en');
    await seedForum(dbName, 'parkinson', moderatedForum(0));
    const { feed } = await feedInProvider(dbName, { locale: 'en' });
    await threadsShown(feed);
    await openThread(feed, 'Discussion numéro 1');
    await waitUntil(() => text(one(feed, 'button[part="back"]')).includes('All discussions'), 'English');
    one<HTMLButtonElement>(feed, 'article[data-post-id="p-reported"] button[data-action="report"]').click();
    const dialog = await dialogOpen(feed, 'report-dialog');
    expect([...dialog.querySelectorAll('label.reason')].map((label) => text(label))).to.deep.equal([
      'False or dangerous medical information',
      'Harassment or hurtful words',
      'Personal data exposed',
      'Advertising or spam',
      'Other reason',
    ]);
    expect(text(dialog.querySelector('legend'))).to.equal('Why are you reporting this message?');
  });
});
