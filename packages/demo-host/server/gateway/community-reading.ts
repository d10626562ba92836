/**
 * Each reader's state, kept on the server so it follows them across devices
 * and sign-ins: read marks (`$read`) and followed threads (`$follow`, `$unfollow`).
 */
import { sendJson } from '../fhir/http.js';
import type { Caller } from './auth.js';
import type { CommunityAccess, CommunityContext, CommunityHandler, CommunityOptions } from './community-access.js';
import type { CommunityJson } from './community-json.js';

/** The reader's state: marks and the revision that enters the ETag of their lists. */
export function createReadState(options: CommunityOptions) {
  const { store } = options;
  return {
    /** Marks a thread read up to `at` for the caller (after they post in it). */
    markRead(caller: Caller, threadId: string, at: string): void {
      const reader = store.reader(caller.patientId);
      reader.readMarks.set(threadId, at);
      reader.revision += 1;
    },
    /** Changes with each of the caller's marks: part of their lists' ETag. */
    revision: (caller: Caller): number => store.reader(caller.patientId).revision,
  };
}

/** The read-state helpers. */
export type ReadState = ReturnType<typeof createReadState>;

/** The read-state routes. */
export function readingRoutes(
  options: CommunityContext,
  access: CommunityAccess,
  json: CommunityJson,
): CommunityHandler {
  const { store } = options;
  return async ({ res, caller, method, groupId, sub, itemId, operation, allows }) => {
    if (!groupId || sub !== 'Communication' || !itemId || method !== 'POST') return false;
    if (operation !== '$read' && operation !== '$follow' && operation !== '$unfollow') return false;
    allows('r');
    const community = access.communityFor(caller, groupId, 'read');
    const thread = access.threadOf(community, itemId);
    const reader = store.reader(caller.patientId);
    if (operation === '$read') {
      const at = options.now();
      // Read up to the latest activity even if the clock lags behind it.
      reader.readMarks.set(thread.id, thread.lastActivityAt > at ? thread.lastActivityAt : at);
    } else if (operation === '$follow') reader.followed.add(thread.id);
    else reader.followed.delete(thread.id);
    reader.revision += 1;
    sendJson(res, 200, json.threadJson(caller, community, thread));
    return true;
  };
}
