/**
 * The community's FHIR JSON, shaped for one reader: pseudonyms only (never a
 * `Patient` reference, name or id), the reader's own marks (`own`, unread,
 * followed), a hidden post's words and reason only for its author and the
 * moderators, reports (reasons, never reporters) and suspensions only for the
 * moderators. Also paging and conditional reads (ETag, 304).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bundle, Communication, Group } from '@medplum/fhirtypes';
import {
  COMMUNITY_SYSTEM,
  FOLLOWED_EXTENSION_URL,
  MEMBER_PSEUDONYM_EXTENSION_URL,
  MODERATION_REASON_EXTENSION_URL,
  MODERATOR_EXTENSION_URL,
  OWN_EXTENSION_URL,
  REPORT_EXTENSION_URL,
  SUSPENDED_PSEUDONYM_EXTENSION_URL,
  UNREAD_EXTENSION_URL,
  forumPostToCommunication,
  forumThreadToCommunication,
} from '@carnet/catalog-sdk';
import type { Caller } from './auth.js';
import type { CommunityAccess } from './community-access.js';
import type { Community, CommunityStore, StoredPost, StoredThread } from './community-store.js';

/** Sent instead of a hidden post's words to everyone but its author and the moderators. */
export const HIDDEN_BODY = '[…]';

/** Shown instead of the pseudonym of someone who left. */
export const FORMER_MEMBER = 'Ancien membre · Former member';

type Extension = { url: string } & Record<string, unknown>;

function ext(url: string, value: Record<string, unknown>): Extension {
  return { url, ...value };
}

/** The JSON writers of the communities, for one platform. */
export function createCommunityJson(fhirBaseUrl: string, store: CommunityStore, access: CommunityAccess) {
  const pseudonymOf = (community: Community, authorId: string | undefined, pseudonym: string): string =>
    authorId === undefined || community.members.has(authorId) ? pseudonym : FORMER_MEMBER;

  function groupJson(caller: Caller, community: Community): Group {
    const mine = community.members.get(caller.patientId);
    const extension: Extension[] = [
      ...(mine ? [ext(MEMBER_PSEUDONYM_EXTENSION_URL, { valueString: mine.pseudonym })] : []),
      ...(access.isModerator(caller, community)
        ? [
            ext(MODERATOR_EXTENSION_URL, { valueBoolean: true }),
            ...[...community.suspended.values()].map((pseudonym) =>
              ext(SUSPENDED_PSEUDONYM_EXTENSION_URL, { valueString: pseudonym }),
            ),
          ]
        : []),
    ];
    return {
      resourceType: 'Group',
      id: community.id,
      meta: { versionId: String(community.revision) },
      type: 'person',
      actual: true,
      name: community.name,
      code: { coding: [{ system: COMMUNITY_SYSTEM, code: community.pathology }] },
      quantity: community.members.size,
      ...(extension.length > 0 ? { extension } : {}),
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
    const moderator = access.isModerator(caller, community);
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
    if (moderator) {
      // Reasons and when, never who: the queue does not name reporters either.
      const reports = [...post.reports.values()];
      resource.note = reports.map((report) => ({
        time: report.at,
        text: report.comment ? `${report.reason}: ${report.comment}` : report.reason,
      }));
      resource.extension.push(
        ...reports.map((report) =>
          ext(REPORT_EXTENSION_URL, {
            extension: [
              { url: 'reason', valueCode: report.reason },
              ...(report.comment ? [{ url: 'comment', valueString: report.comment }] : []),
              { url: 'at', valueDateTime: report.at },
            ],
          }),
        ),
      );
      const thread = community.threadsById.get(post.threadId);
      if (thread) resource.topic = { text: thread.title };
    }
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

  return { groupJson, threadJson, postJson, bundle, page, notModified };
}

/** The JSON writers. */
export type CommunityJson = ReturnType<typeof createCommunityJson>;
