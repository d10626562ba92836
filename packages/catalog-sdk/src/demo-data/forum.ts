/**
 * The persona's community forum: written threads, dated backwards from their
 * last activity so every post is in the past and replies follow questions.
 */
import type { ForumPost, ForumThread } from '../model/forum.js';
import { vocabularyOf, type PersonaId } from './personas.js';
import { createSeededRandom, deriveSeed } from './random.js';
import { COMMUNITY_PSEUDONYMS, GENERIC_REPLIES, SELF, type PostSeed } from './vocabulary.js';

/** The most posts a demo thread holds. */
export const MAX_POSTS_PER_THREAD = 12;

const HOUR_MS = 3_600_000;

/** `post-<persona>-<thread>-<post>`, both numbers from 01. */
function postId(persona: PersonaId, threadIndex: number, postIndex: number): string {
  return `post-${persona}-${String(threadIndex + 1).padStart(2, '0')}-${String(postIndex + 1).padStart(2, '0')}`;
}

/** Threads (most recent activity first) and their posts (oldest first within a thread). */
export function buildForum(
  persona: PersonaId,
  seed: number,
  now: Date,
): { threads: ForumThread[]; posts: ForumPost[] } {
  const vocabulary = vocabularyOf(persona);
  const random = createSeededRandom(deriveSeed(seed, `forum:${persona}`));
  const threads: ForumThread[] = [];
  const posts: ForumPost[] = [];
  vocabulary.forumThreads.forEach((threadSeed, threadIndex) => {
    const threadId = `thread-${persona}-${String(threadIndex + 1).padStart(2, '0')}`;
    const extras = Math.min(threadSeed.extraReplies ?? 0, MAX_POSTS_PER_THREAD - threadSeed.posts.length);
    const seeds: PostSeed[] = [
      ...threadSeed.posts,
      ...random.sample(GENERIC_REPLIES, extras).map((body) => ({ by: random.pick(COMMUNITY_PSEUDONYMS), body })),
    ];
    // Walk back from the last activity, placed in the day (07:00–21:59 UTC) and never after now.
    const day = new Date(now.getTime() - threadSeed.lastActivityDaysAgo * 24 * HOUR_MS);
    const placed = Date.UTC(
      day.getUTCFullYear(),
      day.getUTCMonth(),
      day.getUTCDate(),
      random.int(7, 21),
      random.int(0, 59),
    );
    const lastActivity = Math.min(placed, now.getTime() - random.int(20, 90) * 60_000);
    const times: number[] = [lastActivity];
    // Gaps of 40 minutes to 30 hours between posts.
    for (let i = 1; i < seeds.length; i += 1) times.unshift((times[0] ?? lastActivity) - random.int(40, 1800) * 60_000);
    const threadPosts = seeds.map((postSeed, postIndex): ForumPost => {
      const own = postSeed.by === SELF;
      const post: ForumPost = {
        id: postId(persona, threadIndex, postIndex),
        threadId,
        community: persona,
        authorPseudonym: own ? vocabulary.pseudonym : postSeed.by,
        body: postSeed.body,
        createdAt: new Date(times[postIndex] ?? lastActivity).toISOString(),
        moderation: 'visible',
        reportCount: postSeed.reportCount ?? 0,
        version: '1',
      };
      if (own) post.own = true;
      // Only earlier posts can be answered.
      if (postSeed.replyTo !== undefined && postSeed.replyTo < postIndex)
        post.replyTo = postId(persona, threadIndex, postSeed.replyTo);
      return post;
    });
    const first = threadPosts[0];
    const last = threadPosts[threadPosts.length - 1];
    if (!first || !last) return;
    threads.push({
      id: threadId,
      community: persona,
      title: threadSeed.title,
      authorPseudonym: first.authorPseudonym,
      createdAt: first.createdAt,
      lastActivityAt: last.createdAt,
      replyCount: threadPosts.length - 1,
      unread: threadSeed.lastActivityDaysAgo <= 7 && last.own !== true,
      version: '1',
    });
    posts.push(...threadPosts);
  });
  threads.sort((a, b) => (a.lastActivityAt < b.lastActivityAt ? 1 : a.lastActivityAt > b.lastActivityAt ? -1 : 0));
  return { threads, posts };
}
