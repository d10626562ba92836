/**
 * The community routes of the gateway: `/Group` (one community per pathology)
 * and the `Communication`s filed in each (`/Group/{id}/Communication`).
 *
 * Privacy, decided here from the token: a member reads every post of their
 * communities; a non-member or a patient of another pathology gets 404; the
 * JSON never carries a `Patient` reference, name or id of an author (only the
 * pseudonym, and `own` for the reader's own posts). Moderators (by `fhirUser`)
 * read the report queue, hide, restore and suspend; each action is recorded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bundle, Communication, Group } from '@medplum/fhirtypes';
import {
  COMMUNITY_SYSTEM,
  FOLLOWED_EXTENSION_URL,
  MEMBER_PSEUDONYM_EXTENSION_URL,
  MODERATION_REASON_EXTENSION_URL,
  OWN_EXTENSION_URL,
  UNREAD_EXTENSION_URL,
  forumPostToCommunication,
  forumThreadToCommunication,
  type Pathology,
} from '@carnet/catalog-sdk';
import { FhirHttpError, etagOf, parseResourceBody, readBody, sendJson } from '../fhir/http.js';
import type { Caller } from './auth.js';
import {
  AUTO_HIDE_REPORTERS,
  REPORT_REASONS,
  type Community,
  type CommunityStore,
  type ReportReasonCode,
  type StoredPost,
  type StoredThread,
} from './community-store.js';

/** What the community routes need from the platform. */
export interface CommunityOptions {
  fhirBaseUrl: string;
  store: CommunityStore;
  /** The pathology of a patient (their communities), from the platform's records. */
  pathologyOf(patientId: string): Pathology | undefined;
  /** Clock, for tests. */
  now?: () => Date;
}

/** Sent instead of a hidden post's words to everyone but its author and the moderators. */
export const HIDDEN_BODY = '[…]';

/** Shown instead of the pseudonym of someone who left. */
export const FORMER_MEMBER = 'Ancien membre · Former member';

const PSEUDONYM = /^[\p{L}\p{N}][\p{L}\p{N} _.-]{1,30}[\p{L}\p{N}]$/u;
const GROUP_PATH =
  /^\/Group(?:\/([A-Za-z0-9\-.]{1,64})(?:\/(\$join|\$leave|\$reports|\$suspend|AuditEvent|Communication)(?:\/([A-Za-z0-9\-.]{1,64})(?:\/(\$report|\$read|\$follow|\$unfollow|\$hide|\$restore))?)?)?)?$/;

const notFound = (): FhirHttpError => new FhirHttpError(404, 'not-found', 'Resource not found');
const forbidden = (text: string): FhirHttpError => new FhirHttpError(403, 'forbidden', text);
const invalid = (text: string): FhirHttpError => new FhirHttpError(400, 'invalid', text);

function ext(url: string, value: Record<string, unknown>): { url: string } & Record<string, unknown> {
  return { url, ...value };
}

/** A `Parameters` body's values by name. */
async function parameters(req: IncomingMessage): Promise<Map<string, string>> {
  const body = parseResourceBody(await readBody(req), req.headers['content-type']);
  if (body['resourceType'] !== 'Parameters') throw invalid('A Parameters resource is expected');
  const values = new Map<string, string>();
  for (const parameter of Array.isArray(body['parameter']) ? (body['parameter'] as Record<string, unknown>[]) : []) {
    const value = parameter['valueString'] ?? parameter['valueCode'];
    if (typeof parameter['name'] === 'string' && typeof value === 'string') values.set(parameter['name'], value);
  }
  return values;
}

function text(value: string | undefined, name: string, max: number): string {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) throw invalid(`${name} is required`);
  if (trimmed.length > max) throw invalid(`${name} is too long`);
  return trimmed;
}

/** The community routes: `handles(path)` says whether a request is theirs. */
export function createCommunityRoutes(options: CommunityOptions) {
  const { store, fhirBaseUrl } = options;
  const now = (): string => (options.now?.() ?? new Date()).toISOString();

  const isModerator = (caller: Caller, community: Community): boolean => {
    const user = caller.fhirUser?.replace(`${fhirBaseUrl}/`, '');
    return Boolean(user && community.moderators.has(user));
  };
  /** A community the caller may know of: their pathology's, or one they moderate. */
  const visible = (caller: Caller, community: Community): boolean =>
    isModerator(caller, community) || options.pathologyOf(caller.patientId) === community.pathology;
  const isMember = (caller: Caller, community: Community): boolean => community.members.has(caller.patientId);

  function communityFor(caller: Caller, id: string, need: 'see' | 'read' | 'write' | 'moderate'): Community {
    const community = store.communities.get(id);
    if (!community || !visible(caller, community)) throw notFound();
    const moderator = isModerator(caller, community);
    if (need === 'moderate' && !moderator) throw notFound();
    if (need === 'read' && !moderator && !isMember(caller, community)) throw notFound();
    if (need === 'write' && !isMember(caller, community)) throw notFound();
    return community;
  }

  const pseudonymOf = (community: Community, authorId: string | undefined, pseudonym: string): string =>
    authorId === undefined || community.members.has(authorId) ? pseudonym : FORMER_MEMBER;

  function groupJson(caller: Caller, community: Community): Group {
    const mine = community.members.get(caller.patientId);
    return {
      resourceType: 'Group',
      id: community.id,
      meta: { versionId: String(community.revision) },
      type: 'person',
      actual: true,
      name: community.name,
      code: { coding: [{ system: COMMUNITY_SYSTEM, code: community.pathology }] },
      quantity: community.members.size,
      ...(mine ? { extension: [ext(MEMBER_PSEUDONYM_EXTENSION_URL, { valueString: mine.pseudonym })] } : {}),
    } as Group;
  }

  function threadJson(caller: Caller, community: Community, thread: StoredThread): Communication {
    const reader = store.reader(caller.patientId);
    const readAt = reader.readMarks.get(thread.id);
    const own = thread.authorId === caller.patientId;
    const unread = readAt === undefined ? !own : thread.lastActivityAt > readAt;
    const resource = forumThreadToCommunication({
      id: thread.id,
      version: String(thread.version),
      community: community.pathology,
      title: thread.title,
      authorPseudonym: pseudonymOf(community, thread.authorId, thread.pseudonym),
      createdAt: thread.createdAt,
      lastActivityAt: thread.lastActivityAt,
      replyCount: thread.posts.length - 1,
    });
    resource.meta = { versionId: String(thread.version), lastUpdated: thread.updatedAt };
    resource.extension = [
      ...(resource.extension ?? []),
      ext(UNREAD_EXTENSION_URL, { valueBoolean: unread }),
      ext(FOLLOWED_EXTENSION_URL, { valueBoolean: reader.followed.has(thread.id) }),
      ext(OWN_EXTENSION_URL, { valueBoolean: own }),
    ];
    return resource;
  }

  function postJson(caller: Caller, community: Community, post: StoredPost): Communication {
    const own = post.authorId !== undefined && post.authorId === caller.patientId;
    const moderator = isModerator(caller, community);
    // A hidden post's words reach only its author and the moderators.
    const body = post.hidden && !own && !moderator ? HIDDEN_BODY : post.body;
    const resource = forumPostToCommunication({
      id: post.id,
      version: String(post.version),
      threadId: post.threadId,
      community: community.pathology,
      authorPseudonym: pseudonymOf(community, post.authorId, post.pseudonym),
      body,
      createdAt: post.createdAt,
      moderation: post.hidden ? 'hidden' : 'visible',
      reportCount: post.reports.size,
      ...(post.editedAt ? { editedAt: post.editedAt } : {}),
      ...(post.replyTo ? { replyTo: post.replyTo } : {}),
    });
    resource.meta = { versionId: String(post.version), lastUpdated: post.updatedAt };
    resource.extension = [
      ...(resource.extension ?? []),
      ext(OWN_EXTENSION_URL, { valueBoolean: own }),
      ...(post.hidden && post.hiddenReason && (own || moderator)
        ? [ext(MODERATION_REASON_EXTENSION_URL, { valueString: post.hiddenReason })]
        : []),
    ];
    if (moderator)
      resource.note = [...post.reports.values()].map((report) => ({
        time: report.at,
        text: report.comment ? `${report.reason}: ${report.comment}` : report.reason,
      }));
    return resource;
  }

  function bundle(entries: Communication[] | Group[], total: number, self: string, next?: string): Bundle {
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total,
      link: [{ relation: 'self', url: self }, ...(next ? [{ relation: 'next', url: next }] : [])],
      entry: entries.map((resource) => ({ fullUrl: `${fhirBaseUrl}/Communication/${resource.id}`, resource })),
    };
  }

  /** Pages by `_count` and `_offset`: cheap on an array, stable enough for a feed. */
  function page<T>(items: readonly T[], url: URL): { slice: T[]; next?: string } {
    const count = Math.min(Math.max(Number(url.searchParams.get('_count') ?? 20) || 20, 1), 100);
    const offset = Math.max(Number(url.searchParams.get('_offset') ?? 0) || 0, 0);
    const slice = items.slice(offset, offset + count);
    if (offset + count >= items.length) return { slice };
    const next = new URL(url);
    next.searchParams.set('_offset', String(offset + count));
    next.searchParams.set('_count', String(count));
    return { slice, next: `${fhirBaseUrl}${next.pathname.replace(/^.*?\/Group/, '/Group')}${next.search}` };
  }

  /** Answers 304 when the reader's view has not changed since `If-None-Match`. */
  function notModified(req: IncomingMessage, res: ServerResponse, tag: string): boolean {
    res.setHeader('ETag', tag);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.headers['if-none-match'] !== tag) return false;
    res.statusCode = 304;
    res.end();
    return true;
  }

  function threadOf(community: Community, id: string): StoredThread {
    const thread = community.threadsById.get(id);
    if (!thread) throw notFound();
    return thread;
  }

  function postOf(community: Community, id: string): StoredPost {
    const post = community.postsById.get(id);
    if (!post) throw notFound();
    return post;
  }

  function requireActive(community: Community, caller: Caller): string {
    const member = community.members.get(caller.patientId);
    if (!member) throw notFound();
    if (community.suspended.has(member.pseudonym.toLowerCase()))
      throw forbidden('This pseudonym is suspended by the moderators');
    return member.pseudonym;
  }

  function ownPost(community: Community, caller: Caller, id: string): StoredPost {
    const post = postOf(community, id);
    if (post.authorId !== caller.patientId) throw forbidden('Only your own posts can be changed');
    return post;
  }

  function checkVersion(req: IncomingMessage, version: number): void {
    const header = req.headers['if-match'];
    if (header !== undefined && header !== etagOf(String(version)))
      throw new FhirHttpError(412, 'conflict', 'The post changed since the version given in If-Match');
  }

  const markRead = (caller: Caller, threadId: string, at: string): void => {
    const reader = store.reader(caller.patientId);
    reader.readMarks.set(threadId, at);
    reader.revision += 1;
  };
  const readerRevision = (caller: Caller): number => store.reader(caller.patientId).revision;

  async function serve(req: IncomingMessage, res: ServerResponse, url: URL, path: string, caller: Caller) {
    const method = req.method ?? 'GET';
    const [, groupId, sub, itemId, operation] = GROUP_PATH.exec(path) ?? [];
    if (!GROUP_PATH.test(path)) throw notFound();
    const allows = (interaction: 'r' | 's' | 'c' | 'u' | 'd'): void => {
      if (!caller.permissions.allows('Communication', interaction))
        throw new FhirHttpError(403, 'forbidden', 'The access token lacks the scope for this interaction', {
          'WWW-Authenticate': `Bearer realm="carnet-fhir", error="insufficient_scope", scope="patient/Communication.${interaction}"`,
        });
    };

    if (!groupId) {
      if (method !== 'GET') throw new FhirHttpError(405, 'not-supported', 'Interaction not supported');
      allows('s');
      const groups = [...store.communities.values()].filter((c) => visible(caller, c)).map((c) => groupJson(caller, c));
      return sendJson(res, 200, {
        ...bundle(groups, groups.length, `${fhirBaseUrl}/Group`),
        entry: groups.map((resource) => ({ fullUrl: `${fhirBaseUrl}/Group/${resource.id}`, resource })),
      });
    }
    if (!sub) {
      if (method !== 'GET') throw new FhirHttpError(405, 'not-supported', 'Interaction not supported');
      allows('r');
      return sendJson(res, 200, groupJson(caller, communityFor(caller, groupId, 'see')));
    }
    if (sub === '$join' && method === 'POST') {
      allows('c');
      const community = communityFor(caller, groupId, 'see');
      if (options.pathologyOf(caller.patientId) !== community.pathology) throw notFound();
      const pseudonym = text((await parameters(req)).get('pseudonym'), 'pseudonym', 32);
      if (!PSEUDONYM.test(pseudonym)) throw invalid('pseudonym: 3 to 32 letters, digits, spaces, dots, dashes');
      const current = community.members.get(caller.patientId);
      if (current && current.pseudonym !== pseudonym)
        throw new FhirHttpError(409, 'conflict', 'pseudonym is already chosen');
      const holder = community.takenPseudonyms.get(pseudonym.toLowerCase());
      if (holder !== undefined && holder !== caller.patientId)
        throw new FhirHttpError(409, 'duplicate', 'pseudonym is taken in this community');
      community.takenPseudonyms.set(pseudonym.toLowerCase(), caller.patientId);
      community.members.set(caller.patientId, { patientId: caller.patientId, pseudonym, joinedAt: now() });
      community.revision += 1;
      return sendJson(res, 200, groupJson(caller, community));
    }
    if (sub === '$leave' && method === 'POST') {
      allows('c');
      const community = communityFor(caller, groupId, 'write');
      community.members.delete(caller.patientId);
      community.revision += 1;
      return sendJson(res, 200, groupJson(caller, community));
    }
    if (sub === '$reports' && method === 'GET') {
      const community = communityFor(caller, groupId, 'moderate');
      const reported = [...community.postsById.values()].filter((post) => post.reports.size > 0 || post.hidden);
      const entries = reported.map((post) => postJson(caller, community, post));
      return sendJson(res, 200, bundle(entries, entries.length, `${fhirBaseUrl}/Group/${community.id}/$reports`));
    }
    if (sub === '$suspend' && method === 'POST') {
      const community = communityFor(caller, groupId, 'moderate');
      const values = await parameters(req);
      const pseudonym = text(values.get('pseudonym'), 'pseudonym', 32);
      if (!community.takenPseudonyms.has(pseudonym.toLowerCase())) throw notFound();
      community.suspended.add(pseudonym.toLowerCase());
      store.record(community, {
        at: now(),
        moderator: caller.fhirUser ?? caller.subject,
        action: 'suspend',
        target: pseudonym,
        ...(values.get('reason') ? { reason: values.get('reason') as string } : {}),
      });
      return sendJson(res, 200, groupJson(caller, community));
    }
    if (sub === 'AuditEvent' && method === 'GET') {
      const community = communityFor(caller, groupId, 'moderate');
      const events = community.log.map((entry) => ({
        resourceType: 'AuditEvent',
        id: entry.id,
        type: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110113', display: 'Security Alert' },
        subtype: [{ system: 'https://carnet.example/fhir/CodeSystem/moderation-action', code: entry.action }],
        recorded: entry.at,
        agent: [{ who: { display: entry.moderator }, requestor: true }],
        source: { observer: { display: 'Carnet community moderation' } },
        entity: [{ what: { display: entry.target }, ...(entry.reason ? { description: entry.reason } : {}) }],
      }));
      return sendJson(res, 200, {
        resourceType: 'Bundle',
        type: 'searchset',
        total: events.length,
        entry: events.map((resource) => ({ resource })),
      });
    }
    if (sub !== 'Communication') throw new FhirHttpError(405, 'not-supported', 'Interaction not supported');

    if (!itemId && method === 'GET') {
      allows('s');
      const community = communityFor(caller, groupId, 'read');
      const threadId = url.searchParams.get('part-of')?.replace(/^Communication\//, '');
      const tag = `W/"${community.revision}.${readerRevision(caller)}"`;
      if (notModified(req, res, tag)) return;
      const self = `${fhirBaseUrl}/Group/${community.id}/Communication${url.search}`;
      if (threadId) {
        const thread = threadOf(community, threadId);
        const { slice, next } = page(thread.posts, url);
        return sendJson(
          res,
          200,
          bundle(
            slice.map((post) => postJson(caller, community, post)),
            thread.posts.length,
            self,
            next,
          ),
          { ETag: tag },
        );
      }
      const newestFirst = community.threads;
      const count = newestFirst.length;
      // Threads are kept oldest activity first; the page is read from the end.
      const reversed = {
        length: count,
        slice: (start: number, end: number) => newestFirst.slice(Math.max(count - end, 0), count - start).reverse(),
      } as unknown as StoredThread[];
      const { slice, next } = page(reversed, url);
      return sendJson(
        res,
        200,
        bundle(
          slice.map((thread) => threadJson(caller, community, thread)),
          count,
          self,
          next,
        ),
        { ETag: tag },
      );
    }
    if (itemId && !operation && method === 'GET') {
      allows('r');
      const community = communityFor(caller, groupId, 'read');
      const thread = community.threadsById.get(itemId);
      const resource = thread
        ? threadJson(caller, community, thread)
        : postJson(caller, community, postOf(community, itemId));
      return sendJson(res, 200, resource, { ETag: etagOf(resource.meta?.versionId) ?? '' });
    }
    if (!itemId && method === 'POST') {
      allows('c');
      const community = communityFor(caller, groupId, 'write');
      const pseudonym = requireActive(community, caller);
      const body = parseResourceBody(await readBody(req), req.headers['content-type']) as unknown as Communication;
      if (body.resourceType !== 'Communication') throw invalid('A Communication is expected');
      const words = text(body.payload?.[0]?.contentString, 'payload', 10_000);
      const at = now();
      const threadRef = body.partOf?.[0]?.reference;
      if (!threadRef) {
        const title = text(body.topic?.text, 'topic', 200);
        const thread = store.addThread(community, { authorId: caller.patientId, pseudonym, title, body: words, at });
        markRead(caller, thread.id, at);
        return sendJson(res, 201, threadJson(caller, community, thread), {
          Location: `${fhirBaseUrl}/Group/${community.id}/Communication/${thread.id}`,
        });
      }
      const thread = threadOf(community, threadRef.replace(/^Communication\//, ''));
      const answered = body.inResponseTo?.[0]?.reference?.replace(/^Communication\//, '');
      if (answered && answered !== thread.id && postOf(community, answered).threadId !== thread.id)
        throw invalid('inResponseTo must be a post of the same thread');
      const post = store.addPost(community, thread, {
        authorId: caller.patientId,
        pseudonym,
        body: words,
        at,
        ...(answered && answered !== thread.id ? { replyTo: answered } : {}),
      });
      markRead(caller, thread.id, at);
      return sendJson(res, 201, postJson(caller, community, post), {
        Location: `${fhirBaseUrl}/Group/${community.id}/Communication/${post.id}`,
      });
    }
    if (itemId && !operation && method === 'PUT') {
      allows('u');
      const community = communityFor(caller, groupId, 'write');
      requireActive(community, caller);
      const post = ownPost(community, caller, itemId);
      checkVersion(req, post.version);
      const body = parseResourceBody(await readBody(req), req.headers['content-type']) as unknown as Communication;
      post.body = text(body.payload?.[0]?.contentString, 'payload', 10_000);
      post.editedAt = now();
      post.updatedAt = post.editedAt;
      post.version += 1;
      community.revision += 1;
      return sendJson(res, 200, postJson(caller, community, post));
    }
    if (itemId && !operation && method === 'DELETE') {
      allows('d');
      const community = communityFor(caller, groupId, 'write');
      const post = ownPost(community, caller, itemId);
      checkVersion(req, post.version);
      const thread = threadOf(community, post.threadId);
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
      return;
    }
    if (!itemId || method !== 'POST') throw new FhirHttpError(405, 'not-supported', 'Interaction not supported');

    if (operation === '$read' || operation === '$follow' || operation === '$unfollow') {
      allows('r');
      const community = communityFor(caller, groupId, 'read');
      const thread = threadOf(community, itemId);
      const reader = store.reader(caller.patientId);
      if (operation === '$read') {
        const at = now();
        // Read up to the latest activity even if the clock lags behind it.
        reader.readMarks.set(thread.id, thread.lastActivityAt > at ? thread.lastActivityAt : at);
      } else if (operation === '$follow') reader.followed.add(thread.id);
      else reader.followed.delete(thread.id);
      reader.revision += 1;
      return sendJson(res, 200, threadJson(caller, community, thread));
    }
    if (operation === '$report') {
      allows('r');
      const community = communityFor(caller, groupId, 'write');
      const post = postOf(community, itemId);
      const values = await parameters(req);
      const reason = values.get('reason') as ReportReasonCode | undefined;
      if (!reason || !REPORT_REASONS.includes(reason)) throw invalid('reason is not a known code');
      const comment = values.get('comment')?.trim().slice(0, 1000);
      // One patient counts once, from any device: a single person must not hide a post.
      if (!post.reports.has(caller.patientId) && post.authorId !== caller.patientId) {
        post.reports.set(caller.patientId, {
          reporterId: caller.patientId,
          reason,
          at: now(),
          ...(comment ? { comment } : {}),
        });
        if (!post.hidden && post.reports.size >= AUTO_HIDE_REPORTERS) {
          post.hidden = true;
          post.hiddenReason =
            'Masqué en attendant la modération après plusieurs signalements · Hidden pending moderation after several reports';
          store.record(community, { at: now(), moderator: 'system', action: 'auto-hide', target: post.id });
        }
        post.version += 1;
        community.revision += 1;
      }
      return sendJson(res, 200, postJson(caller, community, post));
    }
    if (operation === '$hide' || operation === '$restore') {
      const community = communityFor(caller, groupId, 'moderate');
      const post = postOf(community, itemId);
      const reason = (await parameters(req)).get('reason')?.trim().slice(0, 500);
      post.hidden = operation === '$hide';
      if (post.hidden) post.hiddenReason = reason || 'Contraire à la charte · Against the community rules';
      else {
        delete post.hiddenReason;
        post.reports.clear();
      }
      post.version += 1;
      post.updatedAt = now();
      store.record(community, {
        at: post.updatedAt,
        moderator: caller.fhirUser ?? caller.subject,
        action: post.hidden ? 'hide' : 'restore',
        target: post.id,
        ...(reason ? { reason } : {}),
      });
      return sendJson(res, 200, postJson(caller, community, post));
    }
    throw new FhirHttpError(405, 'not-supported', 'Interaction not supported');
  }

  return {
    /** True for the paths these routes serve. */
    handles: (path: string): boolean => path === '/Group' || path.startsWith('/Group/'),
    serve,
  };
}

/** The community routes. */
export type CommunityRoutes = ReturnType<typeof createCommunityRoutes>;
