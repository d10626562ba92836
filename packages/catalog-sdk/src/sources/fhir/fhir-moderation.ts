/**
 * Moderation of the patient communities on a Carnet platform, for a
 * moderator's session: the queue (`Group/{id}/$reports`), hiding and restoring
 * a post (`$hide`, `$restore` with a reason its author reads), suspending a
 * pseudonym and lifting it (`$suspend`, `$unsuspend`), and the trail
 * (`Group/{id}/AuditEvent`). The platform decides from the token who
 * moderates: for anyone else these answer 404 (`NotFoundError`).
 */
import type { Bundle, Communication, Group } from '@medplum/fhirtypes';
import { NotFoundError } from '../../errors/errors.js';
import type { ReportReason } from '../../model/forum.js';
import type {
  ModeratedCommunity,
  ModerationActionKind,
  ModerationRecord,
  ReportReasonCount,
  ReportedPost,
} from '../../model/moderation.js';
import type { Pathology } from '../../model/common.js';
import {
  COMMUNITY_SYSTEM,
  MODERATION_REASON_EXTENSION_URL,
  MODERATOR_EXTENSION_URL,
  REPORT_EXTENSION_URL,
  SUSPENDED_PSEUDONYM_EXTENSION_URL,
  communicationToForumPost,
} from '../../model/fhir/index.js';
import type { ModerationRepository } from '../data-source.js';
import { optionalText, requireText } from '../rules/validation.js';
import type { FhirSourceContext } from './fhir-context.js';

const REASONS: readonly ReportReason[] = ['medical-misinformation', 'harassment', 'personal-data', 'spam', 'other'];
const ACTIONS: readonly ModerationActionKind[] = ['hide', 'restore', 'suspend', 'unsuspend', 'auto-hide'];

interface AuditEventJson {
  id?: string;
  recorded?: string;
  subtype?: { code?: string }[];
  agent?: { who?: { display?: string } }[];
  entity?: { what?: { display?: string }; description?: string }[];
}

function parameters(values: Record<string, string | undefined>): Record<string, unknown> {
  return {
    resourceType: 'Parameters',
    parameter: Object.entries(values)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => ({ name, valueString: value })),
  };
}

function toCommunity(group: Group): ModeratedCommunity {
  const code = group.code?.coding?.find((coding) => coding.system === COMMUNITY_SYSTEM)?.code;
  return {
    id: group.id ?? '',
    community: code as Pathology,
    name: group.name ?? '',
    memberCount: group.quantity ?? 0,
    suspendedPseudonyms: (group.extension ?? [])
      .filter((e) => e.url === SUSPENDED_PSEUDONYM_EXTENSION_URL && typeof e.valueString === 'string')
      .map((e) => e.valueString as string),
  };
}

/** A queued post: the post, and its reports counted by reason (never by reporter). */
function toReported(resource: Communication, suspended: ReadonlySet<string>): ReportedPost {
  const base = communicationToForumPost(resource);
  const reason = resource.extension?.find((e) => e.url === MODERATION_REASON_EXTENSION_URL)?.valueString;
  const post = reason ? { ...base, moderationReason: reason } : base;
  const reports = (resource.extension ?? [])
    .filter((e) => e.url === REPORT_EXTENSION_URL)
    .map((e) => ({
      reason: e.extension?.find((part) => part.url === 'reason')?.valueCode as ReportReason | undefined,
      comment: e.extension?.find((part) => part.url === 'comment')?.valueString,
      at: e.extension?.find((part) => part.url === 'at')?.valueDateTime,
    }));
  const counts = new Map<ReportReason, number>();
  for (const report of reports) {
    const known = report.reason && REASONS.includes(report.reason) ? report.reason : 'other';
    counts.set(known, (counts.get(known) ?? 0) + 1);
  }
  const reasons: ReportReasonCount[] = [...counts]
    .map(([code, count]) => ({ reason: code, count }))
    .sort((a, b) => b.count - a.count || REASONS.indexOf(a.reason) - REASONS.indexOf(b.reason));
  const times = reports.map((report) => report.at).filter((at): at is string => typeof at === 'string');
  const last = times.sort().at(-1);
  const title = resource.topic?.text;
  return {
    post,
    ...(title ? { threadTitle: title } : {}),
    reporterCount: reports.length > 0 ? reports.length : post.reportCount,
    reasons,
    comments: reports.map((report) => report.comment).filter((c): c is string => Boolean(c)),
    ...(last ? { lastReportedAt: last } : {}),
    authorSuspended: suspended.has(post.authorPseudonym.toLowerCase()),
  };
}

/** Waiting first (visible and reported), most reporters first, then the latest. */
function queueOrder(a: ReportedPost, b: ReportedPost): number {
  const waiting = (item: ReportedPost): number => (item.post.moderation === 'visible' ? 0 : 1);
  return (
    waiting(a) - waiting(b) ||
    b.reporterCount - a.reporterCount ||
    (b.lastReportedAt ?? b.post.createdAt).localeCompare(a.lastReportedAt ?? a.post.createdAt)
  );
}

/** Moderation of the communities on a Carnet FHIR platform. */
export class FhirModerationRepository implements ModerationRepository {
  constructor(private readonly context: FhirSourceContext) {}

  async listCommunities(options: { signal?: AbortSignal } = {}): Promise<ModeratedCommunity[]> {
    const answer = await this.context.client.request<Bundle>('GET', 'Group', this.#signal(options.signal));
    return (answer.body?.entry ?? [])
      .map((entry) => entry.resource as Group | undefined)
      .filter(
        (group): group is Group =>
          group?.resourceType === 'Group' &&
          group.extension?.some((e) => e.url === MODERATOR_EXTENSION_URL && e.valueBoolean === true) === true,
      )
      .map(toCommunity);
  }

  async listReports(communityId: string, options: { signal?: AbortSignal } = {}): Promise<ReportedPost[]> {
    const group = this.#path(communityId);
    const [queue, community] = await Promise.all([
      this.context.client.request<Bundle>('GET', `${group}/$reports`, this.#signal(options.signal)),
      this.#community(communityId, options.signal),
    ]);
    const suspended = new Set(community.suspendedPseudonyms.map((name) => name.toLowerCase()));
    return (queue.body?.entry ?? [])
      .map((entry) => entry.resource as Communication | undefined)
      .filter((resource): resource is Communication => resource?.resourceType === 'Communication')
      .map((resource) => toReported(resource, suspended))
      .sort(queueOrder);
  }

  async hidePost(communityId: string, postId: string, reason: string): Promise<ReportedPost> {
    return this.#postOperation(communityId, postId, '$hide', requireText('reason', reason, 500));
  }

  async restorePost(communityId: string, postId: string, reason?: string): Promise<ReportedPost> {
    return this.#postOperation(communityId, postId, '$restore', optionalText('reason', reason, 500));
  }

  async suspend(communityId: string, pseudonym: string, reason?: string): Promise<ModeratedCommunity> {
    return this.#groupOperation(communityId, '$suspend', {
      pseudonym: requireText('pseudonym', pseudonym, 32),
      reason: optionalText('reason', reason, 500),
    });
  }

  async liftSuspension(communityId: string, pseudonym: string): Promise<ModeratedCommunity> {
    return this.#groupOperation(communityId, '$unsuspend', { pseudonym: requireText('pseudonym', pseudonym, 32) });
  }

  async listActions(communityId: string, options: { signal?: AbortSignal } = {}): Promise<ModerationRecord[]> {
    const answer = await this.context.client.request<Bundle>(
      'GET',
      `${this.#path(communityId)}/AuditEvent`,
      this.#signal(options.signal),
    );
    return (answer.body?.entry ?? []).map((entry) => {
      const event = entry.resource as AuditEventJson;
      const code = event.subtype?.[0]?.code as ModerationActionKind;
      const reason = event.entity?.[0]?.description;
      return {
        id: event.id ?? '',
        at: event.recorded ?? '',
        action: ACTIONS.includes(code) ? code : 'hide',
        target: event.entity?.[0]?.what?.display ?? '',
        moderator: event.agent?.[0]?.who?.display ?? '',
        ...(reason ? { reason } : {}),
      };
    });
  }

  async #postOperation(
    communityId: string,
    postId: string,
    operation: '$hide' | '$restore',
    reason: string | undefined,
  ): Promise<ReportedPost> {
    const path = `${this.#path(communityId)}/Communication/${encodeURIComponent(postId)}/${operation}`;
    try {
      const answer = await this.context.client.request<Communication>('POST', path, {
        body: parameters({ reason }),
      });
      const community = await this.#community(communityId);
      return toReported(
        answer.body as Communication,
        new Set(community.suspendedPseudonyms.map((name) => name.toLowerCase())),
      );
    } catch (error) {
      throw error instanceof NotFoundError ? new NotFoundError('ForumPost', postId) : error;
    }
  }

  async #groupOperation(
    communityId: string,
    operation: '$suspend' | '$unsuspend',
    values: Record<string, string | undefined>,
  ): Promise<ModeratedCommunity> {
    const answer = await this.context.client.request<Group>('POST', `${this.#path(communityId)}/${operation}`, {
      body: parameters(values),
    });
    return toCommunity(answer.body as Group);
  }

  async #community(communityId: string, signal?: AbortSignal): Promise<ModeratedCommunity> {
    const answer = await this.context.client.request<Group>('GET', this.#path(communityId), this.#signal(signal));
    return toCommunity(answer.body as Group);
  }

  #path(communityId: string): string {
    return `Group/${encodeURIComponent(requireText('communityId', communityId, 64))}`;
  }

  #signal(signal: AbortSignal | undefined): { signal?: AbortSignal } {
    return signal ? { signal } : {};
  }
}
