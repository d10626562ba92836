/**
 * Reports and moderation: a member reports a post once (`$report`; distinct
 * reporters past the threshold hide it until a moderator looks); moderators
 * read the queue (`$reports`), hide or restore a post with a reason for its
 * author (`$hide`, `$restore`), suspend a pseudonym or lift the suspension
 * (`$suspend`, `$unsuspend`), and read the trail of every action (`AuditEvent`).
 */
import { sendJson } from '../fhir/http.js';
import {
  invalid,
  notFound,
  parameters,
  text,
  type CommunityAccess,
  type CommunityHandler,
  type CommunityContext,
} from './community-access.js';
import type { CommunityJson } from './community-json.js';
import { AUTO_HIDE_REPORTERS, REPORT_REASONS, type ReportReasonCode } from './community-store.js';

/** Why a post hidden by the automatic rule is hidden, in both languages. */
export const AUTO_HIDDEN_REASON =
  'Masqué en attendant la modération après plusieurs signalements · Hidden pending moderation after several reports';

/** Why a moderator hid a post when they gave no words of their own. */
export const DEFAULT_HIDDEN_REASON = 'Contraire à la charte · Against the community rules';

/** The report and moderation routes. */
export function moderationRoutes(
  options: CommunityContext,
  access: CommunityAccess,
  json: CommunityJson,
): CommunityHandler {
  const { store, fhirBaseUrl, now } = options;
  return async ({ req, res, caller, method, groupId, sub, itemId, operation, allows }) => {
    if (!groupId) return false;
    const moderatorName = caller.fhirUser ?? caller.subject;

    // A moderator's token must carry the scopes of what they do: reading the queue and the
    // log is a search, hiding, restoring and suspending change posts (`u`).
    if (sub === '$reports' && method === 'GET') {
      allows('s');
      const community = access.communityFor(caller, groupId, 'moderate');
      const reported = [...community.postsById.values()].filter((post) => post.reports.size > 0 || post.hidden);
      const entries = reported.map((post) => json.postJson(caller, community, post));
      sendJson(res, 200, json.bundle(entries, entries.length, `${fhirBaseUrl}/Group/${community.id}/$reports`));
      return true;
    }
    if ((sub === '$suspend' || sub === '$unsuspend') && method === 'POST') {
      allows('u');
      const community = access.communityFor(caller, groupId, 'moderate');
      const values = await parameters(req);
      const pseudonym = text(values.get('pseudonym'), 'pseudonym', 32);
      const key = pseudonym.toLowerCase();
      const holder = community.takenPseudonyms.get(key);
      if (holder === undefined) throw notFound();
      if (sub === '$suspend') community.suspended.set(key, community.members.get(holder)?.pseudonym ?? pseudonym);
      else community.suspended.delete(key);
      const reason = values.get('reason')?.trim().slice(0, 500);
      store.record(community, {
        at: now(),
        moderator: moderatorName,
        action: sub === '$suspend' ? 'suspend' : 'unsuspend',
        target: pseudonym,
        ...(reason ? { reason } : {}),
      });
      sendJson(res, 200, json.groupJson(caller, community));
      return true;
    }
    if (sub === 'AuditEvent' && method === 'GET') {
      allows('s');
      const community = access.communityFor(caller, groupId, 'moderate');
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
      sendJson(res, 200, {
        resourceType: 'Bundle',
        type: 'searchset',
        total: events.length,
        entry: events.map((resource) => ({ resource })),
      });
      return true;
    }
    if (sub !== 'Communication' || !itemId || method !== 'POST') return false;

    if (operation === '$report') {
      allows('r');
      const community = access.communityFor(caller, groupId, 'write');
      const post = access.postOf(community, itemId);
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
          post.hiddenReason = AUTO_HIDDEN_REASON;
          store.record(community, { at: now(), moderator: 'system', action: 'auto-hide', target: post.id });
        }
        post.version += 1;
        community.revision += 1;
      }
      sendJson(res, 200, json.postJson(caller, community, post));
      return true;
    }
    if (operation === '$hide' || operation === '$restore') {
      allows('u');
      const community = access.communityFor(caller, groupId, 'moderate');
      const post = access.postOf(community, itemId);
      const reason = (await parameters(req)).get('reason')?.trim().slice(0, 500);
      post.hidden = operation === '$hide';
      if (post.hidden) post.hiddenReason = reason || DEFAULT_HIDDEN_REASON;
      else {
        delete post.hiddenReason;
        post.reports.clear();
      }
      post.version += 1;
      post.updatedAt = now();
      store.record(community, {
        at: post.updatedAt,
        moderator: moderatorName,
        action: post.hidden ? 'hide' : 'restore',
        target: post.id,
        ...(reason ? { reason } : {}),
      });
      sendJson(res, 200, json.postJson(caller, community, post));
      return true;
    }
    return false;
  };
}
