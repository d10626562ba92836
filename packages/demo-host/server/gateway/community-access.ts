/**
 * Who may do what in a community, decided from the token: the request shape
 * every community route receives, the errors they answer with, and the access
 * rules (a member reads, a moderator moderates, anyone else gets 404).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pathology } from '@carnet/catalog-sdk';
import { FhirHttpError, parseResourceBody, readBody } from '../fhir/http.js';
import type { Caller } from './auth.js';
import type { Community, CommunityStore, StoredPost, StoredThread } from './community-store.js';

/** What the community routes need from the platform. */
export interface CommunityOptions {
  fhirBaseUrl: string;
  store: CommunityStore;
  /** The pathology of a patient (their communities), from the platform's records. */
  pathologyOf(patientId: string): Pathology | undefined;
  /** Clock, for tests. */
  now?: () => Date;
}

/** What the route modules share: the options, with the clock as ISO instants. */
export type CommunityContext = Omit<CommunityOptions, 'now'> & { now: () => string };

/** One request to the community routes, its path already split. */
export interface CommunityRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  caller: Caller;
  method: string;
  groupId: string | undefined;
  /** `$join`, `$leave`, `$reports`, `$suspend`, `$unsuspend`, `AuditEvent` or `Communication`. */
  sub: string | undefined;
  itemId: string | undefined;
  /** `$report`, `$read`, `$follow`, `$unfollow`, `$hide` or `$restore`. */
  operation: string | undefined;
  /** Throws 403 `insufficient_scope` unless the token allows this interaction on `Communication`. */
  allows(interaction: 'r' | 's' | 'c' | 'u' | 'd'): void;
}

/** One responsibility's routes: true when it answered the request. */
export type CommunityHandler = (request: CommunityRequest) => Promise<boolean>;

export const notFound = (): FhirHttpError => new FhirHttpError(404, 'not-found', 'Resource not found');
export const forbidden = (text: string): FhirHttpError => new FhirHttpError(403, 'forbidden', text);
export const invalid = (text: string): FhirHttpError => new FhirHttpError(400, 'invalid', text);
export const notSupported = (): FhirHttpError => new FhirHttpError(405, 'not-supported', 'Interaction not supported');

/** A `Parameters` body's values by name. */
export async function parameters(req: IncomingMessage): Promise<Map<string, string>> {
  const body = parseResourceBody(await readBody(req), req.headers['content-type']);
  if (body['resourceType'] !== 'Parameters') throw invalid('A Parameters resource is expected');
  const values = new Map<string, string>();
  for (const parameter of Array.isArray(body['parameter']) ? (body['parameter'] as Record<string, unknown>[]) : []) {
    const value = parameter['valueString'] ?? parameter['valueCode'];
    if (typeof parameter['name'] === 'string' && typeof value === 'string') values.set(parameter['name'], value);
  }
  return values;
}

/** A required, trimmed text of at most `max` characters (400 otherwise). */
export function text(value: string | undefined, name: string, max: number): string {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) throw invalid(`${name} is required`);
  if (trimmed.length > max) throw invalid(`${name} is too long`);
  return trimmed;
}

/** The access rules of the communities. */
export function createCommunityAccess(options: CommunityOptions) {
  const { store, fhirBaseUrl } = options;

  const isModerator = (caller: Caller, community: Community): boolean => {
    const user = caller.fhirUser?.replace(`${fhirBaseUrl}/`, '');
    return Boolean(user && community.moderators.has(user));
  };
  /** A community the caller may know of: their pathology's, or one they moderate. */
  const visible = (caller: Caller, community: Community): boolean =>
    isModerator(caller, community) || options.pathologyOf(caller.patientId) === community.pathology;
  const isMember = (caller: Caller, community: Community): boolean => community.members.has(caller.patientId);

  /** The community, when the caller may `see` it, `read` its posts, `write` there or `moderate` it; else 404. */
  function communityFor(caller: Caller, id: string, need: 'see' | 'read' | 'write' | 'moderate'): Community {
    const community = store.communities.get(id);
    if (!community || !visible(caller, community)) throw notFound();
    const moderator = isModerator(caller, community);
    if (need === 'moderate' && !moderator) throw notFound();
    if (need === 'read' && !moderator && !isMember(caller, community)) throw notFound();
    if (need === 'write' && !isMember(caller, community)) throw notFound();
    return community;
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

  /** The caller's pseudonym, when they may post (a member, not suspended). */
  function requireActive(community: Community, caller: Caller): string {
    const member = community.members.get(caller.patientId);
    if (!member) throw notFound();
    if (community.suspended.has(member.pseudonym.toLowerCase()))
      throw forbidden('This pseudonym is suspended by the moderators');
    return member.pseudonym;
  }

  return { isModerator, visible, isMember, communityFor, threadOf, postOf, requireActive };
}

/** The access rules. */
export type CommunityAccess = ReturnType<typeof createCommunityAccess>;
