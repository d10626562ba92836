import { expect } from '@open-wc/testing';
import { DEFAULT_REFERENCE_DATE, generatePersona, type PersonaId } from './index.js';
import { HOSTILE_BODY, TROLL_PSEUDONYM } from './vocabulary.js';

const PERSONA_IDS: readonly PersonaId[] = ['diabetes', 'parkinson', 'kidney'];
const NOW = new Date(DEFAULT_REFERENCE_DATE);

describe('generatePersona — community forum', () => {
  it('makes 6 to 10 threads of 1 to 12 posts, counts consistent with the posts', () => {
    for (const persona of PERSONA_IDS) {
      const { forumThreads, forumPosts } = generatePersona(persona, { documentCount: 0 });
      expect(forumThreads.length).to.be.within(6, 10);
      const sizes = forumThreads.map((thread) => forumPosts.filter((p) => p.threadId === thread.id).length);
      for (const size of sizes) expect(size).to.be.within(1, 12);
      expect(Math.min(...sizes)).to.equal(1);
      expect(Math.max(...sizes)).to.be.at.least(7);
      forumThreads.forEach((thread, index) => {
        const posts = forumPosts.filter((p) => p.threadId === thread.id);
        expect(thread.replyCount).to.equal(posts.length - 1);
        expect(thread.community).to.equal(persona);
        expect(thread.authorPseudonym).to.equal(posts[0]?.authorPseudonym);
        expect(thread.createdAt).to.equal(posts[0]?.createdAt);
        expect(thread.lastActivityAt).to.equal(posts[posts.length - 1]?.createdAt);
        // Most recent activity first.
        if (index > 0) expect(thread.lastActivityAt <= (forumThreads[index - 1]?.lastActivityAt ?? '')).to.equal(true);
      });
    }
  });

  it('keeps every reference consistent: thread ids, replies to earlier posts, dates in order and in the past', () => {
    for (const persona of PERSONA_IDS) {
      const { forumThreads, forumPosts } = generatePersona(persona, { documentCount: 0 });
      const threadIds = new Set(forumThreads.map((t) => t.id));
      const postsById = new Map(forumPosts.map((p) => [p.id, p]));
      expect(postsById.size).to.equal(forumPosts.length);
      for (const post of forumPosts) {
        expect(threadIds.has(post.threadId), post.threadId).to.equal(true);
        expect(post.community).to.equal(persona);
        expect(Date.parse(post.createdAt)).to.be.at.most(NOW.getTime());
        if (post.replyTo !== undefined) {
          const target = postsById.get(post.replyTo);
          expect(target?.threadId).to.equal(post.threadId);
          expect((target?.createdAt ?? '') < post.createdAt).to.equal(true);
        }
      }
      expect(forumPosts.some((p) => p.replyTo !== undefined)).to.equal(true);
    }
  });

  it("signs the persona's own posts with their pseudonym and others with other pseudonyms", () => {
    for (const persona of PERSONA_IDS) {
      const { forumPosts, patient } = generatePersona(persona, { documentCount: 0 });
      const own = forumPosts.filter((p) => p.own === true);
      expect(own.length).to.be.within(2, 10);
      for (const post of own) expect(post.authorPseudonym).to.equal(patient.pseudonym);
      for (const post of forumPosts.filter((p) => p.own !== true))
        expect(post.authorPseudonym).to.not.equal(patient.pseudonym);
      const others = new Set(forumPosts.filter((p) => p.own !== true).map((p) => p.authorPseudonym));
      expect(others.size).to.be.at.least(5);
      const fullName = `${patient.given} ${patient.family}`;
      expect(
        forumPosts.every((p) => !p.body.includes(fullName) && !p.authorPseudonym.includes(patient.family)),
      ).to.equal(true);
    }
  });

  it('has exactly one reported post and uses a little Markdown with an https link', () => {
    for (const persona of PERSONA_IDS) {
      const { forumPosts } = generatePersona(persona, { documentCount: 0 });
      expect(forumPosts.filter((p) => p.reportCount === 1)).to.have.length(1);
      expect(forumPosts.every((p) => p.moderation === 'visible')).to.equal(true);
      expect(forumPosts.some((p) => /\*[^*\n]+\*/.test(p.body))).to.equal(true);
      expect(forumPosts.some((p) => /^(- |1\. )/m.test(p.body))).to.equal(true);
      expect(forumPosts.some((p) => p.body.includes('\n\n'))).to.equal(true);
      expect(forumPosts.some((p) => /https:\/\/[a-z.]+/.test(p.body))).to.equal(true);
    }
  });

  it('stores exactly one hostile-markup post, by the troll, verbatim as plain text', () => {
    for (const persona of PERSONA_IDS) {
      const { forumPosts } = generatePersona(persona, { documentCount: 0 });
      const hostile = forumPosts.filter((p) => p.body.includes('<img'));
      expect(hostile).to.have.length(1);
      expect(hostile[0]?.authorPseudonym).to.equal(TROLL_PSEUDONYM);
      expect(hostile[0]?.body).to.equal(HOSTILE_BODY);
      expect(hostile[0]?.body).to.contain('<img src=x onerror=alert(1)>');
      expect(forumPosts.filter((p) => p.body.includes('<')).length).to.equal(1);
    }
  });
});
