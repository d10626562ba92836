/**
 * The patient communities on a Carnet platform: one FHIR `Group` per
 * pathology, its threads and posts are `Communication`s filed in the community
 * (`Group/{id}/Communication`), never in the patient's compartment.
 *
 * - The platform decides who sees what from the token: members read their
 *   communities, others get 404; authors appear by pseudonym only, and the
 *   platform marks the reader's own posts, unread threads and followed threads
 *   (per patient, on the server: they follow the patient across devices).
 * - Joining is choosing a pseudonym (`Group/{id}/$join`); leaving is
 *   `Group/{id}/$leave`.
 * - Lists are read with `If-None-Match`: polling an unchanged community costs a
 *   304 and no body.
 */
import type { Bundle, Communication, Group } from '@medplum/fhirtypes';
import { FhirError } from '../../fhir/fhir-error.js';
import { NotFoundError, ValidationError } from '../../errors/errors.js';
import type { Pathology } from '../../model/common.js';
import type { ForumPost, ForumThread, ReportReason } from '../../model/forum.js';
import {
  COMMUNITY_SYSTEM,
  FOLLOWED_EXTENSION_URL,
  MEMBER_PSEUDONYM_EXTENSION_URL,
  MODERATION_REASON_EXTENSION_URL,
  OWN_EXTENSION_URL,
  UNREAD_EXTENSION_URL,
  communicationToForumPost,
  communicationToForumThread,
} from '../../model/fhir/index.js';
import type { ForumRepository, Page, PageRequest } from '../data-source.js';
import { checkPseudonym } from '../rules/forum.js';
import { pageLimit } from '../rules/paging.js';
import { optionalText, requireOneOf, requireText } from '../rules/validation.js';
import type { FhirSourceContext } from './fhir-context.js';

const REPORT_REASONS: readonly ReportReason[] = [
  'medical-misinformation',
  'harassment',
  'personal-data',
  'spam',
  'other',
];

/** Distinct reporters after which the platform hides a post (kept for the API; the platform decides). */
export const DEFAULT_MODERATION_THRESHOLD = 3;

type Extended = { extension?: { url: string; valueBoolean?: boolean; valueString?: string }[] };
const flag = (resource: Extended, url: string): boolean | undefined =>
  resource.extension?.find((e) => e.url === url)?.valueBoolean;

function parameters(values: Record<string, string | undefined>): Record<string, unknown> {
  return {
    resourceType: 'Parameters',
    parameter: Object.entries(values)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => ({ name, valueString: value })),
  };
}

/** A thread with the reader's state the platform adds. */
function toThread(resource: Communication): ForumThread {
  const thread = communicationToForumThread(resource);
  const unread = flag(resource, UNREAD_EXTENSION_URL);
  const followed = flag(resource, FOLLOWED_EXTENSION_URL);
  return {
    ...thread,
    ...(unread === undefined ? {} : { unread }),
    ...(followed === undefined ? {} : { followed }),
  };
}

/** A post with `own` and, for its author, why it was hidden. */
function toPost(resource: Communication): ForumPost {
  const post = communicationToForumPost(resource);
  const reason = resource.extension?.find((e) => e.url === MODERATION_REASON_EXTENSION_URL)?.valueString;
  return { ...post, own: flag(resource, OWN_EXTENSION_URL) === true, ...(reason ? { moderationReason: reason } : {}) };
}

/** The patient communities on a Carnet FHIR platform. */
export class FhirForumRepository implements ForumRepository {
  readonly #groups = new Map<Pathology, string>();
  /** Last answer per list URL, for conditional reads. */
  readonly #lists = new Map<string, { etag: string; bundle: Bundle }>();
  #current: Pathology | undefined;

  constructor(
    private readonly context: FhirSourceContext,
    readonly moderationThreshold = DEFAULT_MODERATION_THRESHOLD,
  ) {}

  async listThreads(community: Pathology, request: PageRequest = {}): Promise<Page<ForumThread>> {
    const group = await this.#group(community);
    const path = request.cursor ?? `Group/${group}/Communication?_count=${pageLimit(request.limit)}`;
    const bundle = await this.#list(path, request.signal);
    return this.#page(bundle, toThread);
  }

  async getThread(id: string): Promise<ForumThread> {
    return toThread(await this.#read(id, 'ForumThread'));
  }

  async listPosts(threadId: string, request: PageRequest = {}): Promise<Page<ForumPost>> {
    const group = await this.#group();
    const path =
      request.cursor ??
      `Group/${group}/Communication?part-of=Communication/${encodeURIComponent(threadId)}&_count=${pageLimit(request.limit)}`;
    try {
      return this.#page(await this.#list(path, request.signal), toPost);
    } catch (error) {
      throw error instanceof NotFoundError ? new NotFoundError('ForumThread', threadId) : error;
    }
  }

  async getPseudonym(community?: Pathology): Promise<string | undefined> {
    const group = await this.#group(community);
    const answer = await this.context.client.request<Group>('GET', `Group/${group}`);
    return answer.body?.extension?.find((e) => e.url === MEMBER_PSEUDONYM_EXTENSION_URL)?.valueString;
  }

  /** Joins the community under this pseudonym: unique in the community, chosen once. */
  async setPseudonym(pseudonym: string): Promise<string> {
    const chosen = checkPseudonym(pseudonym);
    const group = await this.#group();
    try {
      await this.context.client.request('POST', `Group/${group}/$join`, { body: parameters({ pseudonym: chosen }) });
    } catch (error) {
      if (error instanceof FhirError && error.status === 409) {
        const taken = error.issues.some((issue) => issue.code === 'duplicate');
        throw new ValidationError('pseudonym', taken ? 'is already taken' : 'is already chosen and cannot change');
      }
      throw error;
    }
    this.#lists.clear();
    return chosen;
  }

  /** Leaves the community: no longer a member, the pseudonym no longer shown on new views. */
  async leave(community: Pathology): Promise<void> {
    const group = await this.#group(community);
    await this.context.client.request('POST', `Group/${group}/$leave`, { body: parameters({}) });
    this.#lists.clear();
  }

  /** Follows a thread (or stops), on the server. */
  async setFollowed(threadId: string, followed: boolean): Promise<ForumThread> {
    return toThread(await this.#operation(threadId, followed ? '$follow' : '$unfollow', {}, 'ForumThread'));
  }

  async createThread(community: Pathology, input: { title: string; body: string }): Promise<ForumThread> {
    const title = requireText('title', input.title, 200);
    const body = requireText('body', input.body, 10_000);
    const group = await this.#group(community);
    const answer = await this.context.client.request<Communication>('POST', `Group/${group}/Communication`, {
      body: {
        resourceType: 'Communication',
        status: 'completed',
        topic: { text: title },
        payload: [{ contentString: body }],
      },
    });
    return toThread(answer.body as Communication);
  }

  async reply(threadId: string, input: { body: string; replyTo?: string }): Promise<ForumPost> {
    const body = requireText('body', input.body, 10_000);
    const group = await this.#group();
    const answered = input.replyTo ?? threadId;
    try {
      const answer = await this.context.client.request<Communication>('POST', `Group/${group}/Communication`, {
        body: {
          resourceType: 'Communication',
          status: 'completed',
          partOf: [{ reference: `Communication/${threadId}` }],
          inResponseTo: [{ reference: `Communication/${answered}` }],
          payload: [{ contentString: body }],
        },
      });
      return toPost(answer.body as Communication);
    } catch (error) {
      if (error instanceof FhirError && error.status === 400 && input.replyTo !== undefined)
        throw new ValidationError('replyTo', 'must be a post of the same thread');
      if (error instanceof FhirError && error.status === 403) throw new ValidationError('pseudonym', 'is suspended');
      throw error;
    }
  }

  async editPost(id: string, body: string, baseVersion: string): Promise<ForumPost> {
    const group = await this.#group();
    try {
      const answer = await this.context.client.request<Communication>('PUT', `Group/${group}/Communication/${id}`, {
        body: {
          resourceType: 'Communication',
          status: 'completed',
          payload: [{ contentString: requireText('body', body, 10_000) }],
        },
        ifMatch: baseVersion,
      });
      return toPost(answer.body as Communication);
    } catch (error) {
      if (error instanceof FhirError && error.status === 403)
        throw new ValidationError('post', 'only your own posts can be changed');
      throw error;
    }
  }

  async deletePost(id: string, baseVersion: string): Promise<void> {
    const group = await this.#group();
    try {
      await this.context.client.request('DELETE', `Group/${group}/Communication/${id}`, { ifMatch: baseVersion });
    } catch (error) {
      if (error instanceof FhirError && error.status === 403)
        throw new ValidationError('post', 'only your own posts can be changed');
      throw error;
    }
  }

  async reportPost(id: string, reason: ReportReason, comment?: string): Promise<ForumPost> {
    requireOneOf('reason', reason, REPORT_REASONS);
    optionalText('comment', comment, 1000);
    // The platform counts each patient once and keeps the reason.
    return toPost(await this.#operation(id, '$report', { reason, comment }, 'ForumPost'));
  }

  async markRead(threadId: string): Promise<void> {
    await this.#operation(threadId, '$read', {}, 'ForumThread');
  }

  async #operation(
    id: string,
    operation: string,
    values: Record<string, string | undefined>,
    entity: 'ForumThread' | 'ForumPost',
  ): Promise<Communication> {
    const group = await this.#group();
    try {
      const answer = await this.context.client.request<Communication>(
        'POST',
        `Group/${group}/Communication/${id}/${operation}`,
        { body: parameters(values) },
      );
      this.#lists.clear();
      return answer.body as Communication;
    } catch (error) {
      throw error instanceof NotFoundError ? new NotFoundError(entity, id) : error;
    }
  }

  /** A list, re-read only when it changed (ETag). */
  async #list(path: string, signal?: AbortSignal): Promise<Bundle> {
    const cached = this.#lists.get(path);
    const answer = await this.context.client.request<Bundle>('GET', path, {
      ...(cached ? { ifNoneMatch: cached.etag } : {}),
      ...(signal ? { signal } : {}),
    });
    if (answer.notModified && cached) return cached.bundle;
    const bundle = answer.body as Bundle;
    if (answer.etag) this.#lists.set(path, { etag: answer.etag, bundle });
    return bundle;
  }

  #page<T>(bundle: Bundle, map: (resource: Communication) => T): Page<T> {
    const items = (bundle.entry ?? [])
      .map((entry) => entry.resource)
      .filter((resource): resource is Communication => resource?.resourceType === 'Communication')
      .map(map);
    const page: Page<T> = { items, total: bundle.total ?? items.length };
    const next = bundle.link?.find((link) => link.relation === 'next')?.url;
    if (next)
      page.nextCursor = next.startsWith(this.context.client.baseUrl)
        ? next.slice(this.context.client.baseUrl.length + 1)
        : next;
    return page;
  }

  async #read(id: string, entity: 'ForumThread' | 'ForumPost'): Promise<Communication> {
    const group = await this.#group();
    try {
      return (await this.context.client.request<Communication>('GET', `Group/${group}/Communication/${id}`))
        .body as Communication;
    } catch (error) {
      throw error instanceof NotFoundError ? new NotFoundError(entity, id) : error;
    }
  }

  /** The community's Group id (the given community, else the last one used, else the patient's first). */
  async #group(community?: Pathology): Promise<string> {
    if (community !== undefined) this.#current = community;
    const wanted = community ?? this.#current;
    if (wanted !== undefined && this.#groups.has(wanted)) return this.#groups.get(wanted) as string;
    const answer = await this.context.client.request<Bundle>('GET', 'Group');
    for (const entry of answer.body?.entry ?? []) {
      const group = entry.resource as Group | undefined;
      const code = group?.code?.coding?.find((coding) => coding.system === COMMUNITY_SYSTEM)?.code;
      if (group?.id && code) this.#groups.set(code as Pathology, group.id);
    }
    const first = [...this.#groups.keys()][0];
    const chosen = wanted ?? first;
    if (chosen === undefined || !this.#groups.has(chosen)) throw new NotFoundError('Community', wanted ?? '');
    this.#current = chosen;
    return this.#groups.get(chosen) as string;
  }
}
