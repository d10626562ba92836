import { expect } from '@open-wc/testing';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/errors.js';
import type { PatientRecord } from '../../model/patient-record.js';
import { cleanUpDatabases, freshSource, personaRecord, rejectionOf, tickingClock } from './test-helpers/fixtures.js';

/** The persona record with an extra parkinson thread by someone else, at a later time. */
function recordWithActivity(lastActivityAt: string): PatientRecord {
  const record = personaRecord();
  const thread = record.forumThreads[0]!;
  return { ...record, forumThreads: [{ ...thread, lastActivityAt, version: '3' }], forumPosts: [] };
}

describe('LocalDataSource forum', () => {
  afterEach(cleanUpDatabases);

  it('setPseudonym trims, accepts letters, digits, spaces, - and _, and is kept', async () => {
    const source = freshSource();
    expect(await source.forum.getPseudonym()).to.equal(undefined);
    expect(await source.forum.setPseudonym('  Hélène-du_Rhône 69 ')).to.equal('Hélène-du_Rhône 69');
    expect(await source.forum.getPseudonym()).to.equal('Hélène-du_Rhône 69');
    expect(await source.forum.setPseudonym('Hélène-du_Rhône 69')).to.equal('Hélène-du_Rhône 69');
  });

  it('setPseudonym rejects too short, too long or odd characters, and any change once chosen', async () => {
    const source = freshSource();
    for (const bad of ['ab', 'x'.repeat(31), 'moi@mail.fr', '<b>Léa</b>', '   ']) {
      const error = await rejectionOf(source.forum.setPseudonym(bad));
      expect(error, bad).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).field).to.equal('pseudonym');
    }
    await source.forum.setPseudonym('Colibri_42');
    const change = await rejectionOf(source.forum.setPseudonym('Mésange'));
    expect(change).to.be.instanceOf(ValidationError);
    expect(await source.forum.getPseudonym()).to.equal('Colibri_42');
  });

  it('createThread needs a pseudonym', async () => {
    const source = freshSource();
    const error = await rejectionOf(
      source.forum.createThread('diabetes', { title: 'Capteur de glycémie', body: 'Lequel choisir ?' }),
    );
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).field).to.equal('pseudonym');
    expect(await source.isEmpty()).to.equal(true);
  });

  it('createThread creates the thread and its first own post, read by its author', async () => {
    const source = freshSource({ now: tickingClock() });
    await source.forum.setPseudonym('Colibri_42');
    const thread = await source.forum.createThread('kidney', {
      title: ' Régime pauvre en potassium ',
      body: 'Vos recettes ?',
    });
    expect(thread).to.include({
      community: 'kidney',
      title: 'Régime pauvre en potassium',
      authorPseudonym: 'Colibri_42',
      replyCount: 0,
      unread: false,
    });
    const posts = await source.forum.listPosts(thread.id);
    expect(posts.total).to.equal(1);
    expect(posts.items[0]).to.include({
      body: 'Vos recettes ?',
      own: true,
      moderation: 'visible',
      reportCount: 0,
      threadId: thread.id,
    });
    expect(await source.forum.getThread(thread.id)).to.deep.equal(thread);
  });

  it('reply increments replyCount and moves lastActivityAt; posts list oldest first', async () => {
    const source = freshSource({ now: tickingClock() });
    await source.importRecord(personaRecord());
    const reply = await source.forum.reply('thr-tremblements', {
      body: 'Mon neurologue a avancé la première prise.',
      replyTo: 'post-1',
    });
    expect(reply).to.include({ own: true, authorPseudonym: 'Colibri_42', replyTo: 'post-1', community: 'parkinson' });
    const thread = await source.forum.getThread('thr-tremblements');
    expect(thread.replyCount).to.equal(2);
    expect(thread.lastActivityAt).to.equal(reply.createdAt);
    expect(thread.version).to.equal('3');
    expect(thread.unread).to.equal(false);
    const posts = await source.forum.listPosts('thr-tremblements');
    expect(posts.items.map((p) => p.id)).to.deep.equal(['post-1', 'post-2', reply.id]);
    const wrongThread = await rejectionOf(source.forum.reply('thr-marche', { body: 'Réponse', replyTo: 'post-1' }));
    expect(wrongThread).to.be.instanceOf(ValidationError);
  });

  it('keeps posts in order even when written within the same millisecond', async () => {
    const source = freshSource({ now: () => new Date('2026-03-02T08:00:00.000Z') });
    await source.forum.setPseudonym('Colibri_42');
    const thread = await source.forum.createThread('parkinson', { title: 'Fatigue', body: 'Premier message' });
    const replies = [];
    for (const body of ['Deux', 'Trois', 'Quatre']) replies.push(await source.forum.reply(thread.id, { body }));
    const posts = await source.forum.listPosts(thread.id);
    expect(posts.items.map((p) => p.body)).to.deep.equal(['Premier message', 'Deux', 'Trois', 'Quatre']);
  });

  it('pages threads by last activity, most recent first, and posts oldest first', async () => {
    const source = freshSource({ now: tickingClock() });
    await source.forum.setPseudonym('Colibri_42');
    const created = [];
    for (const title of ['Sommeil', 'Kiné', 'Alimentation', 'Voyager', 'Travail']) {
      created.push(await source.forum.createThread('parkinson', { title, body: `À propos de ${title}` }));
    }
    await source.forum.createThread('diabetes', { title: 'Autre communauté', body: 'Hors sujet ici' });
    await source.forum.reply(created[0]!.id, { body: 'Je relance' });
    const first = await source.forum.listThreads('parkinson', { limit: 2 });
    const second = await source.forum.listThreads('parkinson', { limit: 2, cursor: first.nextCursor });
    const third = await source.forum.listThreads('parkinson', { limit: 2, cursor: second.nextCursor });
    expect([first.total, second.total, third.total]).to.deep.equal([5, 5, 5]);
    expect(third.nextCursor).to.equal(undefined);
    expect([...first.items, ...second.items, ...third.items].map((t) => t.title)).to.deep.equal([
      'Sommeil',
      'Travail',
      'Voyager',
      'Alimentation',
      'Kiné',
    ]);
    for (const body of ['Deux', 'Trois', 'Quatre']) await source.forum.reply(created[1]!.id, { body });
    const p1 = await source.forum.listPosts(created[1]!.id, { limit: 2 });
    const p2 = await source.forum.listPosts(created[1]!.id, { limit: 2, cursor: p1.nextCursor });
    expect(p1.total).to.equal(4);
    expect([...p1.items, ...p2.items].map((p) => p.body)).to.deep.equal([
      'À propos de Kiné',
      'Deux',
      'Trois',
      'Quatre',
    ]);
    expect(p2.nextCursor).to.equal(undefined);
  });

  it('editPost changes own posts with their version; others’ posts and stale versions are rejected', async () => {
    const source = freshSource({ now: tickingClock() });
    await source.importRecord(personaRecord());
    const edited = await source.forum.editPost('post-2', 'Oui, surtout avant la première prise.', '1');
    expect(edited).to.include({
      body: 'Oui, surtout avant la première prise.',
      version: '2',
      editedAt: '2026-03-02T08:00:00.000Z',
    });
    const stale = await rejectionOf(source.forum.editPost('post-2', 'Encore', '1'));
    expect(stale).to.be.instanceOf(ConflictError);
    expect(stale).to.include({ entity: 'ForumPost', expectedVersion: '1', currentVersion: '2' });
    const notMine = await rejectionOf(source.forum.editPost('post-1', 'Réécrit', '1'));
    expect(notMine).to.be.instanceOf(ValidationError);
    expect((await source.forum.listPosts('thr-tremblements')).items[0]!.body).to.contain('Mes tremblements');
  });

  it('deletePost removes an own reply and decrements replyCount; stale and others’ posts are refused', async () => {
    const source = freshSource();
    await source.importRecord(personaRecord());
    expect(await rejectionOf(source.forum.deletePost('post-1', '1'))).to.be.instanceOf(ValidationError);
    expect(await rejectionOf(source.forum.deletePost('post-2', '7'))).to.be.instanceOf(ConflictError);
    await source.forum.deletePost('post-2', '1');
    const thread = await source.forum.getThread('thr-tremblements');
    expect(thread.replyCount).to.equal(0);
    expect((await source.forum.listPosts('thr-tremblements')).items.map((p) => p.id)).to.deep.equal(['post-1']);
  });

  it('deleting the first post of a thread deletes the thread', async () => {
    const source = freshSource({ now: tickingClock() });
    await source.importRecord(personaRecord());
    await source.forum.reply('thr-marche', { body: 'Je viendrai samedi' });
    await source.forum.deletePost('post-3', '1');
    expect(await rejectionOf(source.forum.getThread('thr-marche'))).to.be.instanceOf(NotFoundError);
    expect(await rejectionOf(source.forum.listPosts('thr-marche'))).to.be.instanceOf(NotFoundError);
    expect((await source.forum.listThreads('parkinson')).items.map((t) => t.id)).to.deep.equal(['thr-tremblements']);
  });

  it('reportPost counts reports, stores the report and hides the post at the moderation threshold', async () => {
    const withReports = (count: number): PatientRecord => {
      const record = personaRecord();
      record.forumPosts = record.forumPosts.map((post) =>
        post.id === 'post-1' ? { ...post, reportCount: count } : post,
      );
      return record;
    };
    const source = freshSource();
    await source.importRecord(withReports(1));
    const second = await source.forum.reportPost('post-1', 'medical-misinformation', 'Conseil dangereux');
    expect(second).to.include({ reportCount: 2, moderation: 'visible', version: '2' });
    // On another device, two other patients already reported it: this third report hides it.
    const elsewhere = freshSource();
    await elsewhere.importRecord(withReports(2));
    const third = await elsewhere.forum.reportPost('post-1', 'harassment');
    expect(third).to.include({ reportCount: 3, moderation: 'hidden' });
    expect((await elsewhere.forum.listPosts('thr-tremblements')).items[0]!.moderation).to.equal('hidden');
    const strict = freshSource({ moderationThreshold: 1 });
    await strict.importRecord(personaRecord());
    expect((await strict.forum.reportPost('post-1', 'personal-data')).moderation).to.equal('hidden');
  });

  it('a patient reporting the same post again counts once', async () => {
    const source = freshSource({ moderationThreshold: 2 });
    await source.importRecord(personaRecord());
    await source.forum.reportPost('post-1', 'spam');
    const again = await source.forum.reportPost('post-1', 'spam', 'Encore de la publicité');
    expect(again).to.include({ reportCount: 1, moderation: 'visible' });
    expect(await rejectionOf(source.forum.reportPost('inconnu', 'spam'))).to.be.instanceOf(NotFoundError);
  });

  it('tracks unread threads: others’ unopened threads are unread, own are not, markRead clears, new activity sets', async () => {
    const source = freshSource({ now: () => new Date('2026-02-20T12:00:00.000Z') });
    await source.importRecord(personaRecord());
    const unread = async () =>
      Object.fromEntries((await source.forum.listThreads('parkinson')).items.map((t) => [t.id, t.unread]));
    expect(await unread()).to.deep.equal({ 'thr-tremblements': true, 'thr-marche': false });
    await source.forum.markRead('thr-tremblements');
    expect(await unread()).to.deep.equal({ 'thr-tremblements': false, 'thr-marche': false });
    await source.importRecord(recordWithActivity('2026-02-25T10:00:00.000Z'), { replace: true });
    expect((await source.forum.getThread('thr-tremblements')).unread).to.equal(true);
    expect(await rejectionOf(source.forum.markRead('inconnu'))).to.be.instanceOf(NotFoundError);
  });
});
