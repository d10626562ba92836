// The moderation repository against the REAL demo platform: a kidney patient
// posts, a second kidney patient reports it, the association's moderator
// (real sign-in) reads the queue, hides, suspends, lifts and restores.
import { expect } from '@open-wc/testing';
import type { CarnetSession } from '../../auth/carnet-session.js';
import { signedInSession, testPlatform } from '../../auth/test-helpers/platform.js';
import { NotFoundError } from '../../errors/errors.js';
import type { DataSource } from '../data-source.js';
import { createFhirDataSource } from './fhir-data-source.js';

describe('createFhirDataSource: moderation of the communities (real platform)', function () {
  this.timeout(60_000);
  const sessions: CarnetSession[] = [];
  let author: DataSource;
  let reporter: DataSource;
  let moderator: DataSource;

  before(async () => {
    const { fhirBaseUrl } = await testPlatform();
    for (const login of ['kidney', 'kidney-2', 'moderateur']) sessions.push(await signedInSession(login));
    [author, reporter, moderator] = sessions.map((session) =>
      createFhirDataSource({ baseUrl: fhirBaseUrl, session }),
    ) as [DataSource, DataSource, DataSource];
  });

  after(() => {
    for (const session of sessions) session.dispose();
  });

  it('the queue counts reporters and reasons without naming anyone; hide, suspend, lift and restore are recorded', async () => {
    const thread = await author.forum.createThread('kidney', {
      title: 'Régime sans sel ?',
      body: 'Le sel ne compte pas si on boit beaucoup.',
    });
    const [opening] = (await author.forum.listPosts(thread.id)).items;
    if (!opening) throw new Error('the opening post is listed');
    // The second patient joins under a pseudonym of their own and reports it.
    if (!(await reporter.forum.getPseudonym('kidney'))) await reporter.forum.setPseudonym('Rein2');
    await reporter.forum.reportPost(opening.id, 'medical-misinformation', 'dangereux pour les reins');

    const moderation = moderator.moderation;
    if (!moderation) throw new Error('a connected source has moderation');
    const communities = await moderation.listCommunities();
    const kidney = communities.find((community) => community.community === 'kidney');
    if (!kidney) throw new Error('the moderator moderates the kidney community');
    const queued = (await moderation.listReports(kidney.id)).find((item) => item.post.id === opening.id);
    expect(queued).to.include({ threadTitle: 'Régime sans sel ?', reporterCount: 1, authorSuspended: false });
    expect(queued?.reasons).to.deep.equal([{ reason: 'medical-misinformation', count: 1 }]);
    expect(queued?.comments).to.deep.equal(['dangereux pour les reins']);
    expect(JSON.stringify(queued)).not.to.match(/patient-kidney/);

    const hidden = await moderation.hidePost(kidney.id, opening.id, 'Conseil à vérifier avec votre néphrologue');
    expect(hidden.post.moderation).to.equal('hidden');
    const seenByAuthor = (await author.forum.listPosts(thread.id)).items[0];
    expect(seenByAuthor?.moderationReason).to.equal('Conseil à vérifier avec votre néphrologue');

    const pseudonym = opening.authorPseudonym;
    expect((await moderation.suspend(kidney.id, pseudonym)).suspendedPseudonyms).to.include(pseudonym);
    const again = (await moderation.listReports(kidney.id)).find((item) => item.post.id === opening.id);
    expect(again?.authorSuspended).to.equal(true);
    expect((await moderation.liftSuspension(kidney.id, pseudonym)).suspendedPseudonyms).not.to.include(pseudonym);
    const restored = await moderation.restorePost(kidney.id, opening.id);
    expect(restored.post.moderation).to.equal('visible');
    expect(restored.reporterCount).to.equal(0);

    const trail = (await moderation.listActions(kidney.id)).slice(-4);
    expect(trail.map((record) => record.action)).to.deep.equal(['hide', 'suspend', 'unsuspend', 'restore']);
    expect(trail[0]?.reason).to.equal('Conseil à vérifier avec votre néphrologue');
  });

  it('a patient moderates nothing: no community listed, and the queue is not found', async () => {
    const moderation = author.moderation;
    if (!moderation) throw new Error('a connected source has moderation');
    expect(await moderation.listCommunities()).to.deep.equal([]);
    let refused: unknown;
    await moderation.listReports('community-kidney').catch((error: unknown) => {
      refused = error;
    });
    expect(refused).to.be.instanceOf(NotFoundError);
  });
});
