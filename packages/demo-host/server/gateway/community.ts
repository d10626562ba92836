/**
 * The community routes of the gateway: `/Group` (one community per pathology)
 * and the `Communication`s filed in each (`/Group/{id}/Communication`).
 *
 * Privacy, decided from the token: a member reads every post of their
 * communities; a non-member or a patient of another pathology gets 404; the
 * JSON never carries a `Patient` reference, name or id of an author (only the
 * pseudonym, and `own` for the reader's own posts). Moderators (by `fhirUser`)
 * read the report queue, hide, restore, suspend and lift suspensions; each
 * action is recorded.
 *
 * This file routes; each responsibility has its module: who may do what
 * (`community-access.ts`), the JSON a reader gets (`community-json.ts`),
 * membership and pseudonyms (`community-membership.ts`), threads and posts
 * (`community-posts.ts`), reports and moderation (`community-moderation.ts`),
 * read marks and followed threads (`community-reading.ts`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FhirHttpError } from '../fhir/http.js';
import type { Caller } from './auth.js';
import {
  createCommunityAccess,
  notFound,
  notSupported,
  type CommunityContext,
  type CommunityHandler,
  type CommunityOptions,
} from './community-access.js';
import { createCommunityJson } from './community-json.js';
import { membershipRoutes } from './community-membership.js';
import { moderationRoutes } from './community-moderation.js';
import { postRoutes } from './community-posts.js';
import { createReadState, readingRoutes } from './community-reading.js';

export type { CommunityOptions } from './community-access.js';
export { FORMER_MEMBER, HIDDEN_BODY } from './community-json.js';

const GROUP_PATH =
  /^\/Group(?:\/([A-Za-z0-9\-.]{1,64})(?:\/(\$join|\$leave|\$reports|\$suspend|\$unsuspend|AuditEvent|Communication)(?:\/([A-Za-z0-9\-.]{1,64})(?:\/(\$report|\$read|\$follow|\$unfollow|\$hide|\$restore))?)?)?)?$/;

/** The community routes: `handles(path)` says whether a request is theirs. */
export function createCommunityRoutes(options: CommunityOptions) {
  const context: CommunityContext = { ...options, now: (): string => (options.now?.() ?? new Date()).toISOString() };
  const access = createCommunityAccess(options);
  const json = createCommunityJson(options.fhirBaseUrl, options.store, access);
  const readState = createReadState(options);
  const handlers: CommunityHandler[] = [
    membershipRoutes(context, access, json),
    postRoutes(context, access, json, readState),
    readingRoutes(context, access, json),
    moderationRoutes(context, access, json),
  ];

  async function serve(req: IncomingMessage, res: ServerResponse, url: URL, path: string, caller: Caller) {
    const match = GROUP_PATH.exec(path);
    if (!match) throw notFound();
    const [, groupId, sub, itemId, operation] = match;
    const request = {
      req,
      res,
      url,
      caller,
      method: req.method ?? 'GET',
      groupId,
      sub,
      itemId,
      operation,
      allows(interaction: 'r' | 's' | 'c' | 'u' | 'd'): void {
        if (!caller.permissions.allows('Communication', interaction))
          throw new FhirHttpError(403, 'forbidden', 'The access token lacks the scope for this interaction', {
            'WWW-Authenticate': `Bearer realm="carnet-fhir", error="insufficient_scope", scope="patient/Communication.${interaction}"`,
          });
      },
    };
    for (const handler of handlers) if (await handler(request)) return;
    throw notSupported();
  }

  return {
    /** True for the paths these routes serve. */
    handles: (path: string): boolean => path === '/Group' || path.startsWith('/Group/'),
    serve,
  };
}

/** The community routes. */
export type CommunityRoutes = ReturnType<typeof createCommunityRoutes>;
