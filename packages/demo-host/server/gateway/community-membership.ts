/**
 * Membership and pseudonyms: the communities a caller may know of
 * (`GET /Group`, `GET /Group/{id}`), joining under a pseudonym unique in the
 * community and chosen once (`$join`), and leaving (`$leave`).
 */
import { FhirHttpError, sendJson } from '../fhir/http.js';
import {
  invalid,
  notFound,
  notSupported,
  parameters,
  text,
  type CommunityAccess,
  type CommunityHandler,
  type CommunityContext,
} from './community-access.js';
import type { CommunityJson } from './community-json.js';

const PSEUDONYM = /^[\p{L}\p{N}][\p{L}\p{N} _.-]{1,30}[\p{L}\p{N}]$/u;

/** The membership routes. */
export function membershipRoutes(
  options: CommunityContext,
  access: CommunityAccess,
  json: CommunityJson,
): CommunityHandler {
  const { store, fhirBaseUrl } = options;
  return async ({ req, res, caller, method, groupId, sub, allows }) => {
    if (!groupId) {
      if (method !== 'GET') throw notSupported();
      allows('s');
      const groups = [...store.communities.values()]
        .filter((c) => access.visible(caller, c))
        .map((c) => json.groupJson(caller, c));
      sendJson(res, 200, {
        ...json.bundle(groups, groups.length, `${fhirBaseUrl}/Group`),
        entry: groups.map((resource) => ({ fullUrl: `${fhirBaseUrl}/Group/${resource.id}`, resource })),
      });
      return true;
    }
    if (!sub) {
      if (method !== 'GET') throw notSupported();
      allows('r');
      sendJson(res, 200, json.groupJson(caller, access.communityFor(caller, groupId, 'see')));
      return true;
    }
    if (sub === '$join' && method === 'POST') {
      allows('c');
      const community = access.communityFor(caller, groupId, 'see');
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
      community.members.set(caller.patientId, { patientId: caller.patientId, pseudonym, joinedAt: options.now() });
      community.revision += 1;
      sendJson(res, 200, json.groupJson(caller, community));
      return true;
    }
    if (sub === '$leave' && method === 'POST') {
      allows('c');
      const community = access.communityFor(caller, groupId, 'write');
      community.members.delete(caller.patientId);
      community.revision += 1;
      sendJson(res, 200, json.groupJson(caller, community));
      return true;
    }
    return false;
  };
}
