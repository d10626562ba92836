import { expect } from '@open-wc/testing';
import type { Communication } from '@medplum/fhirtypes';
import type { ForumPost, ForumThread } from '../forum.js';
import {
  communicationToForumPost,
  communicationToForumThread,
  forumPostToCommunication,
  forumThreadToCommunication,
} from './forum.js';
import {
  AUTHOR_PSEUDONYM_EXTENSION_URL,
  COMMUNICATION_CATEGORY_SYSTEM,
  COMMUNITY_SYSTEM,
  MODERATION_STATE_EXTENSION_URL,
} from './urls.js';
import { expectMappingError } from './test-helpers/expect-mapping-error.js';

const thread: ForumThread = {
  id: 'thr-tremblements',
  community: 'parkinson',
  title: 'Tremblements le matin avant la première prise',
  authorPseudonym: 'Colibri42',
  createdAt: '2026-02-14T08:05:00.000Z',
  lastActivityAt: '2026-02-15T19:40:00.000Z',
  replyCount: 3,
  version: '4',
};

const reply: ForumPost = {
  id: 'post-17',
  threadId: 'thr-tremblements',
  community: 'parkinson',
  authorPseudonym: 'MarcheNordique',
  body: 'Pareil pour moi, mon neurologue a avancé la **première prise** à 6 h 30.',
  createdAt: '2026-02-15T19:40:00.000Z',
  editedAt: '2026-02-15T19:52:00.000Z',
  replyTo: 'post-12',
  moderation: 'visible',
  reportCount: 0,
  version: '2',
};

const readThread = (value: unknown) => () => communicationToForumThread(value as Communication);
const readPost = (value: unknown) => () => communicationToForumPost(value as Communication);
const clone = (c: Communication): Record<string, unknown> => JSON.parse(JSON.stringify(c)) as Record<string, unknown>;

describe('Communication ↔ ForumThread / ForumPost', () => {
  it('writes a thread root: community categories, topic, pseudonym only', () => {
    const c = forumThreadToCommunication(thread);
    expect(c.category).to.deep.equal([
      { coding: [{ system: COMMUNICATION_CATEGORY_SYSTEM, code: 'community' }] },
      { coding: [{ system: COMMUNITY_SYSTEM, code: 'parkinson' }] },
    ]);
    expect(c.topic).to.deep.equal({ text: thread.title });
    expect(c.sender).to.deep.equal({ display: 'Colibri42' });
    expect(c.extension?.find((e) => e.url === AUTHOR_PSEUDONYM_EXTENSION_URL)?.valueString).to.equal('Colibri42');
    expect(c).to.not.have.property('inResponseTo');
    expect(c).to.not.have.property('subject');
    expect(c.sent).to.equal(thread.createdAt);
  });

  it('writes a reply: partOf the thread, inResponseTo the post it answers, body as payload', () => {
    const c = forumPostToCommunication(reply);
    expect(c.partOf).to.deep.equal([{ reference: 'Communication/thr-tremblements' }]);
    expect(c.inResponseTo).to.deep.equal([{ reference: 'Communication/post-12' }]);
    expect(c.payload).to.deep.equal([{ contentString: reply.body }]);
    expect(c.sender).to.deep.equal({ display: 'MarcheNordique' });
    expect(JSON.stringify(c)).to.not.contain('Patient/');
  });

  it('a post answering the thread itself points inResponseTo at the thread and reads back without replyTo', () => {
    const first: ForumPost = { ...reply, id: 'post-1', replyTo: undefined, editedAt: undefined };
    delete first.replyTo;
    delete first.editedAt;
    const c = forumPostToCommunication(first);
    expect(c.inResponseTo).to.deep.equal([{ reference: 'Communication/thr-tremblements' }]);
    expect(communicationToForumPost(c)).to.deep.equal(first);
  });

  it('round-trips thread and reply domain → FHIR → domain', () => {
    expect(communicationToForumThread(forumThreadToCommunication(thread))).to.deep.equal(thread);
    expect(communicationToForumPost(forumPostToCommunication(reply))).to.deep.equal(reply);
    const hidden: ForumPost = { ...reply, moderation: 'hidden', reportCount: 4 };
    expect(communicationToForumPost(forumPostToCommunication(hidden))).to.deep.equal(hidden);
  });

  it('round-trips FHIR → domain → FHIR', () => {
    const t = forumThreadToCommunication(thread);
    expect(forumThreadToCommunication(communicationToForumThread(t))).to.deep.equal(t);
    const p = forumPostToCommunication(reply);
    expect(forumPostToCommunication(communicationToForumPost(p))).to.deep.equal(p);
  });

  it('reads defaults for posts written without our extensions (pseudonym from sender.display)', () => {
    const r = clone(forumPostToCommunication(reply));
    delete r.extension;
    const post = communicationToForumPost(r as unknown as Communication);
    expect(post.authorPseudonym).to.equal('MarcheNordique');
    expect(post.moderation).to.equal('visible');
    expect(post.reportCount).to.equal(0);
    expect(post).to.not.have.property('editedAt');
  });

  describe('malformed resources', () => {
    it('rejects a post read as a thread and a thread read as a post', () => {
      expectMappingError(readThread(forumPostToCommunication(reply)), 'Communication.inResponseTo');
      expectMappingError(readPost(forumThreadToCommunication(thread)), 'Communication.partOf');
    });

    it('rejects an unknown community and a non-community communication', () => {
      const unknown = clone(forumThreadToCommunication(thread));
      unknown.category = [
        { coding: [{ system: COMMUNICATION_CATEGORY_SYSTEM, code: 'community' }] },
        { coding: [{ system: COMMUNITY_SYSTEM, code: 'asthma' }] },
      ];
      expectMappingError(readThread(unknown), 'Communication.category[1].coding[0].code');
      const notCommunity = clone(forumThreadToCommunication(thread));
      notCommunity.category = [{ coding: [{ system: COMMUNITY_SYSTEM, code: 'kidney' }] }];
      expectMappingError(readThread(notCommunity), 'Communication.category');
    });

    it('rejects a bad moderation state, a missing body and a missing pseudonym', () => {
      const badState = clone(forumPostToCommunication(reply));
      badState.extension = [
        { url: MODERATION_STATE_EXTENSION_URL, valueCode: 'deleted' },
        { url: AUTHOR_PSEUDONYM_EXTENSION_URL, valueString: 'x' },
      ];
      expectMappingError(readPost(badState), 'Communication.extension[moderation-state].valueCode');
      expectMappingError(
        readPost({ ...clone(forumPostToCommunication(reply)), payload: [{ contentString: '' }] }),
        'Communication.payload[0].contentString',
      );
      const anonymous = clone(forumThreadToCommunication(thread));
      delete anonymous.extension;
      delete anonymous.sender;
      expectMappingError(readThread(anonymous), 'Communication.sender.display');
    });

    it('rejects a thread without title and an unparsable creation instant', () => {
      expectMappingError(
        readThread({ ...clone(forumThreadToCommunication(thread)), topic: { coding: [] } }),
        'Communication.topic.text',
      );
      expectMappingError(
        readThread({ ...clone(forumThreadToCommunication(thread)), sent: 'yesterday' }),
        'Communication.sent',
      );
    });
  });
});
