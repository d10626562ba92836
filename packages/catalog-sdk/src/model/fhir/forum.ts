/**
 * ForumThread / ForumPost ↔ FHIR R4 `Communication` (category community).
 * Authors appear only by pseudonym (`sender.display` + our extension): a forum
 * Communication never references the Patient, so no name can leak through it.
 */
import type { CodeableConcept, Communication } from '@medplum/fhirtypes';
import { PATHOLOGIES, type Pathology } from '../common.js';
import type { ForumPost, ForumThread, ModerationState } from '../forum.js';
import { ExtensionReader, codeExtension, dateTimeExtension, integerExtension, stringExtension } from './extensions.js';
import {
  fail,
  isFhirId,
  isInstant,
  isObject,
  nonEmpty,
  optionalArray,
  optionalObject,
  optionalString,
  readResource,
  referenceTo,
  requireCode,
  requireId,
  requireInstant,
  requireInteger,
  requireObject,
  requireReferenceId,
  requireString,
  requireVersion,
  withoutUndefined,
  type JsonObject,
} from './read.js';
import {
  AUTHOR_PSEUDONYM_EXTENSION_URL,
  COMMUNICATION_CATEGORY_SYSTEM,
  COMMUNITY_SYSTEM,
  EDITED_AT_EXTENSION_URL,
  LAST_ACTIVITY_AT_EXTENSION_URL,
  MODERATION_STATE_EXTENSION_URL,
  REPLY_COUNT_EXTENSION_URL,
  REPORT_COUNT_EXTENSION_URL,
} from './urls.js';

const RT = 'Communication';
const MODERATION_STATES: readonly ModerationState[] = ['visible', 'hidden'];

/** Code of {@link COMMUNICATION_CATEGORY_SYSTEM} marking forum content. */
export const COMMUNITY_CATEGORY_CODE = 'community';

/** Common reading: id, version, community, pseudonym, creation instant. */
function readForumBase(r: JsonObject, extensions: ExtensionReader) {
  let isCommunity = false;
  let community: Pathology | undefined;
  for (const [i, category] of optionalArray(`${RT}.category`, r.category).entries()) {
    const codings = optionalArray(
      `${RT}.category[${i}].coding`,
      requireObject(`${RT}.category[${i}]`, category).coding,
    );
    for (const [j, coding] of codings.entries()) {
      const path = `${RT}.category[${i}].coding[${j}]`;
      if (!isObject(coding)) fail(path, 'is not an object');
      if (coding.system === COMMUNICATION_CATEGORY_SYSTEM && coding.code === COMMUNITY_CATEGORY_CODE)
        isCommunity = true;
      if (coding.system === COMMUNITY_SYSTEM) community = requireCode(`${path}.code`, coding.code, PATHOLOGIES);
    }
  }
  if (!isCommunity) fail(`${RT}.category`, 'is not the community category');
  if (community === undefined) fail(`${RT}.category`, 'names no community');
  const sender = optionalObject(`${RT}.sender`, r.sender);
  const pseudonym =
    extensions.string(AUTHOR_PSEUDONYM_EXTENSION_URL) ??
    (sender && optionalString(`${RT}.sender.display`, sender.display));
  if (pseudonym === undefined) fail(`${RT}.sender.display`, 'is missing');
  return {
    id: requireId(r, RT),
    version: requireVersion(r, RT),
    community,
    authorPseudonym: pseudonym,
    createdAt: requireInstant(`${RT}.sent`, r.sent),
  };
}

/** Category (community) + community code, as two categories. */
function forumCategories(community: Pathology, path: string): CodeableConcept[] {
  if (!PATHOLOGIES.includes(community)) fail(path, 'is not a known community');
  return [
    { coding: [{ system: COMMUNICATION_CATEGORY_SYSTEM, code: COMMUNITY_CATEGORY_CODE }] },
    { coding: [{ system: COMMUNITY_SYSTEM, code: community }] },
  ];
}

/** Checks what every forum record shares before writing it. */
function checkForumRecord(
  kind: 'ForumThread' | 'ForumPost',
  record: { id: string; createdAt: string; authorPseudonym: string },
): void {
  if (record.id !== '' && !isFhirId(record.id)) fail(`${kind}.id`, 'is not a valid FHIR id');
  if (!isInstant(record.createdAt)) fail(`${kind}.createdAt`, 'is not an ISO 8601 instant with offset');
  requireString(`${kind}.authorPseudonym`, record.authorPseudonym);
}

/**
 * Reads a thread's root `Communication`: title in `topic.text`, no `inResponseTo`;
 * last activity and reply count from our extensions (defaults: creation, 0).
 * `unread` is per reader and not stored in FHIR, so it is never set here.
 *
 * @throws MappingError naming the field when the resource is malformed
 */
export function communicationToForumThread(resource: Communication): ForumThread {
  const r = readResource(resource, RT);
  if (optionalArray(`${RT}.inResponseTo`, r.inResponseTo).length > 0)
    fail(`${RT}.inResponseTo`, 'is set on a thread root');
  const extensions = new ExtensionReader(RT, r.extension);
  const base = readForumBase(r, extensions);
  const topic = requireObject(`${RT}.topic`, r.topic);
  return {
    id: base.id,
    community: base.community,
    title: requireString(`${RT}.topic.text`, topic.text),
    authorPseudonym: base.authorPseudonym,
    createdAt: base.createdAt,
    lastActivityAt: extensions.instant(LAST_ACTIVITY_AT_EXTENSION_URL) ?? base.createdAt,
    replyCount: extensions.integer(REPLY_COUNT_EXTENSION_URL) ?? 0,
    version: base.version,
  };
}

/**
 * Writes a thread as a root `Communication` (status completed, no payload: the
 * opening words are the thread's first post).
 *
 * @throws MappingError when an id, instant or the community is not valid
 */
export function forumThreadToCommunication(thread: ForumThread): Communication {
  checkForumRecord('ForumThread', thread);
  if (!isInstant(thread.lastActivityAt)) fail('ForumThread.lastActivityAt', 'is not an ISO 8601 instant with offset');
  return withoutUndefined<Communication>({
    resourceType: RT,
    id: thread.id || undefined,
    meta: thread.version ? { versionId: thread.version } : undefined,
    extension: nonEmpty([
      stringExtension(AUTHOR_PSEUDONYM_EXTENSION_URL, thread.authorPseudonym),
      dateTimeExtension(LAST_ACTIVITY_AT_EXTENSION_URL, thread.lastActivityAt),
      integerExtension(REPLY_COUNT_EXTENSION_URL, requireInteger('ForumThread.replyCount', thread.replyCount)),
    ]),
    status: 'completed',
    category: forumCategories(thread.community, 'ForumThread.community'),
    topic: { text: requireString('ForumThread.title', thread.title) },
    sent: thread.createdAt,
    sender: { display: thread.authorPseudonym },
  });
}

/**
 * Reads a post: thread in `partOf[0]`, the post or thread it answers in
 * `inResponseTo[0]` (`replyTo` only when it is not the thread), body in
 * `payload[0].contentString`; moderation (default `visible`), report count
 * (default 0) and edit instant from our extensions. `own` is per reader, never set.
 *
 * @throws MappingError naming the field when the resource is malformed
 */
export function communicationToForumPost(resource: Communication): ForumPost {
  const r = readResource(resource, RT);
  const extensions = new ExtensionReader(RT, r.extension);
  const base = readForumBase(r, extensions);
  const partOf = optionalArray(`${RT}.partOf`, r.partOf);
  if (partOf.length === 0) fail(`${RT}.partOf`, 'is missing');
  const threadId = requireReferenceId(`${RT}.partOf[0]`, partOf[0], 'Communication');
  const inResponseTo = optionalArray(`${RT}.inResponseTo`, r.inResponseTo);
  if (inResponseTo.length === 0) fail(`${RT}.inResponseTo`, 'is missing');
  const answered = requireReferenceId(`${RT}.inResponseTo[0]`, inResponseTo[0], 'Communication');
  const payload = optionalArray(`${RT}.payload`, r.payload);
  if (payload.length === 0) fail(`${RT}.payload`, 'is missing');
  const moderation = extensions.code(MODERATION_STATE_EXTENSION_URL);
  return withoutUndefined<ForumPost>({
    id: base.id,
    threadId,
    community: base.community,
    authorPseudonym: base.authorPseudonym,
    body: requireString(`${RT}.payload[0].contentString`, requireObject(`${RT}.payload[0]`, payload[0]).contentString),
    createdAt: base.createdAt,
    editedAt: extensions.instant(EDITED_AT_EXTENSION_URL),
    replyTo: answered === threadId ? undefined : answered,
    moderation:
      moderation === undefined
        ? 'visible'
        : requireCode(`${RT}.extension[moderation-state].valueCode`, moderation, MODERATION_STATES),
    reportCount: extensions.integer(REPORT_COUNT_EXTENSION_URL) ?? 0,
    version: base.version,
  });
}

/**
 * Writes a post as a `Communication` part of its thread, in response to the
 * post it answers (or the thread itself).
 *
 * @throws MappingError when an id, instant, the community or moderation state is not valid
 */
export function forumPostToCommunication(post: ForumPost): Communication {
  checkForumRecord('ForumPost', post);
  if (post.editedAt !== undefined && !isInstant(post.editedAt))
    fail('ForumPost.editedAt', 'is not an ISO 8601 instant with offset');
  if (!MODERATION_STATES.includes(post.moderation)) fail('ForumPost.moderation', 'is not a known code');
  const thread = referenceTo('ForumPost.threadId', 'Communication', post.threadId);
  return withoutUndefined<Communication>({
    resourceType: RT,
    id: post.id || undefined,
    meta: post.version ? { versionId: post.version } : undefined,
    extension: nonEmpty([
      stringExtension(AUTHOR_PSEUDONYM_EXTENSION_URL, post.authorPseudonym),
      codeExtension(MODERATION_STATE_EXTENSION_URL, post.moderation),
      integerExtension(REPORT_COUNT_EXTENSION_URL, requireInteger('ForumPost.reportCount', post.reportCount)),
      dateTimeExtension(EDITED_AT_EXTENSION_URL, post.editedAt),
    ]),
    partOf: [thread],
    inResponseTo: [
      post.replyTo === undefined ? thread : referenceTo('ForumPost.replyTo', 'Communication', post.replyTo),
    ],
    status: 'completed',
    category: forumCategories(post.community, 'ForumPost.community'),
    sent: post.createdAt,
    sender: { display: post.authorPseudonym },
    payload: [{ contentString: requireString('ForumPost.body', post.body) }],
  });
}
