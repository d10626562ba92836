/**
 * Threads and posts filed in a community (`/Group/{id}/Communication`): the
 * threads by latest activity, a thread's posts, reading one, starting a
 * thread, replying, and changing or deleting one's own posts (`If-Match`).
 */
import type { IncomingMessage } from 'node:http';
import type { Communication } from '@medplum/fhirtypes';
import { FhirHttpError, etagOf, parseResourceBody, readBody, sendJson } from '../fhir/http.js';
import type { Caller } from './auth.js';
import {
  forbidden,
  invalid,
  text,
  type CommunityAccess,
  type CommunityHandler,
  type CommunityContext,
} from './community-access.js';
import type { CommunityJson } from './community-json.js';
import type { Community, StoredPost, StoredThread } from './community-store.js';
import type { ReadState } from './community-reading.js';

function checkVersion(req: IncomingMessage, version: number): void {
  const header = req.headers['if-match'];
  if (header !== undefined && header !== etagOf(String(version)))
    throw new FhirHttpError(412, 'conflict', 'The post changed since the version given in If-Match');
}

/** The thread and post routes. */
export function postRoutes(
  options: CommunityContext,
  access: CommunityAccess,
  json: CommunityJson,
  readState: ReadState,
): CommunityHandler {
  const { store, fhirBaseUrl, now } = options;

  function ownPost(community: Community, caller: Caller, id: string): StoredPost {
    const post = access.postOf(community, id);
    if (post.authorId !== caller.patientId) throw forbidden('Only your own posts can be changed');
    return post;
  }

  return async ({ req, res, url, caller, method, groupId, sub, itemId, operation, allows }) => {
    if (!groupId || sub !== 'Communication' || operation) return false;

    if (!itemId && method === 'GET') {
      allows('s');
      const community = access.communityFor(caller, groupId, 'read');
      const threadId = url.searchParams.get('part-of')?.replace(/^Communication\//, '');
      const tag = `W/"${community.revision}.${readState.revision(caller)}"`;
      if (json.notModified(req, res, tag)) return true;
      const self = `${fhirBaseUrl}/Group/${community.id}/Communication${url.search}`;
      if (threadId) {
        const thread = access.threadOf(community, threadId);
        const { slice, next } = json.page(thread.posts, url);
        const posts = slice.map((post) => json.postJson(caller, community, post));
        sendJson(res, 200, json.bundle(posts, thread.posts.length, self, next), { ETag: tag });
        return true;
      }
      const newestFirst = community.threads;
      const count = newestFirst.length;
      // Threads are kept oldest activity first; the page is read from the end.
      const reversed = {
        length: count,
        slice: (start: number, end: number) => newestFirst.slice(Math.max(count - end, 0), count - start).reverse(),
      } as unknown as StoredThread[];
      const { slice, next } = json.page(reversed, url);
      const threads = slice.map((thread) => json.threadJson(caller, community, thread));
      sendJson(res, 200, json.bundle(threads, count, self, next), { ETag: tag });
      return true;
    }
    if (itemId && method === 'GET') {
      allows('r');
      const community = access.communityFor(caller, groupId, 'read');
      const thread = community.threadsById.get(itemId);
      const resource = thread
        ? json.threadJson(caller, community, thread)
        : json.postJson(caller, community, access.postOf(community, itemId));
      sendJson(res, 200, resource, { ETag: etagOf(resource.meta?.versionId) ?? '' });
      return true;
    }
    if (!itemId && method === 'POST') {
      allows('c');
      const community = access.communityFor(caller, groupId, 'write');
      const pseudonym = access.requireActive(community, caller);
      const body = parseResourceBody(await readBody(req), req.headers['content-type']) as unknown as Communication;
      if (body.resourceType !== 'Communication') throw invalid('A Communication is expected');
      const words = text(body.payload?.[0]?.contentString, 'payload', 10_000);
      const at = now();
      const threadRef = body.partOf?.[0]?.reference;
      if (!threadRef) {
        const title = text(body.topic?.text, 'topic', 200);
        const thread = store.addThread(community, { authorId: caller.patientId, pseudonym, title, body: words, at });
        readState.markRead(caller, thread.id, at);
        sendJson(res, 201, json.threadJson(caller, community, thread), {
          Location: `${fhirBaseUrl}/Group/${community.id}/Communication/${thread.id}`,
        });
        return true;
      }
      const thread = access.threadOf(community, threadRef.replace(/^Communication\//, ''));
      const answered = body.inResponseTo?.[0]?.reference?.replace(/^Communication\//, '');
      if (answered && answered !== thread.id && access.postOf(community, answered).threadId !== thread.id)
        throw invalid('inResponseTo must be a post of the same thread');
      const post = store.addPost(community, thread, {
        authorId: caller.patientId,
        pseudonym,
        body: words,
        at,
        ...(answered && answered !== thread.id ? { replyTo: answered } : {}),
      });
      readState.markRead(caller, thread.id, at);
      sendJson(res, 201, json.postJson(caller, community, post), {
        Location: `${fhirBaseUrl}/Group/${community.id}/Communication/${post.id}`,
      });
      return true;
    }
    if (itemId && method === 'PUT') {
      allows('u');
      const community = access.communityFor(caller, groupId, 'write');
      access.requireActive(community, caller);
      const post = ownPost(community, caller, itemId);
      checkVersion(req, post.version);
      const body = parseResourceBody(await readBody(req), req.headers['content-type']) as unknown as Communication;
      post.body = text(body.payload?.[0]?.contentString, 'payload', 10_000);
      post.editedAt = now();
      post.updatedAt = post.editedAt;
      post.version += 1;
      community.revision += 1;
      sendJson(res, 200, json.postJson(caller, community, post));
      return true;
    }
    if (itemId && method === 'DELETE') {
      allows('d');
      const community = access.communityFor(caller, groupId, 'write');
      const post = ownPost(community, caller, itemId);
      checkVersion(req, post.version);
      const thread = access.threadOf(community, post.threadId);
      if (thread.posts[0] === post) {
        // The opening post carries the thread: removing it removes the discussion.
        for (const each of thread.posts) community.postsById.delete(each.id);
        community.threadsById.delete(thread.id);
        community.threads.splice(community.threads.indexOf(thread), 1);
      } else {
        thread.posts.splice(thread.posts.indexOf(post), 1);
        community.postsById.delete(post.id);
        thread.version += 1;
      }
      community.revision += 1;
      res.statusCode = 204;
      res.end();
      return true;
    }
    return false;
  };
}
