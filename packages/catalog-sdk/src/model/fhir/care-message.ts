/**
 * CareMessage ↔ FHIR R4 `Communication` (category `care-message`): sender and
 * recipient a Patient and a Practitioner, `partOf` the thread's first message,
 * `inResponseTo` the message answered, `received` the read state, documents as
 * `payload.contentReference`.
 */
import type { Communication, CommunicationPayload, Patient, Practitioner, Reference } from '@medplum/fhirtypes';
import type { CareMessage, Correspondent } from '../message.js';
import {
  fail,
  isFhirId,
  isInstant,
  isObject,
  optionalArray,
  optionalInstant,
  readResource,
  referenceTo,
  requireId,
  requireInstant,
  requireReferenceId,
  requireString,
  requireVersion,
  withoutUndefined,
} from './read.js';
import { COMMUNICATION_CATEGORY_SYSTEM } from './urls.js';

const RT = 'Communication';

/** Code of {@link COMMUNICATION_CATEGORY_SYSTEM} marking a message of the care team thread. */
export const CARE_MESSAGE_CATEGORY_CODE = 'care-message';

function correspondentOf(path: string, value: unknown): Correspondent {
  const reference = isObject(value) ? value.reference : undefined;
  if (typeof reference === 'string' && /(?:^|\/)Practitioner\//.test(reference))
    return { kind: 'professional', id: requireReferenceId(path, value, 'Practitioner') };
  return { kind: 'patient', id: requireReferenceId(path, value, 'Patient') };
}

function referenceOf(path: string, who: Correspondent): Reference<Patient | Practitioner> {
  return referenceTo(path, who.kind === 'patient' ? 'Patient' : 'Practitioner', who.id);
}

/**
 * Reads a care message.
 *
 * @throws MappingError when a required element is missing or malformed
 */
export function communicationToCareMessage(resource: unknown): CareMessage {
  const r = readResource(resource, RT);
  const id = requireId(r, RT);
  const [recipient] = optionalArray(`${RT}.recipient`, r.recipient);
  const [partOf] = optionalArray(`${RT}.partOf`, r.partOf);
  const [inResponseTo] = optionalArray(`${RT}.inResponseTo`, r.inResponseTo);
  let body = '';
  const documentIds: string[] = [];
  for (const [i, part] of optionalArray(`${RT}.payload`, r.payload).entries()) {
    const path = `${RT}.payload[${i}]`;
    if (!isObject(part)) fail(path, 'is not an object');
    if (part.contentString !== undefined) body += requireString(`${path}.contentString`, part.contentString);
    else documentIds.push(requireReferenceId(`${path}.contentReference`, part.contentReference, 'DocumentReference'));
  }
  const readAt = optionalInstant(`${RT}.received`, r.received);
  return withoutUndefined<CareMessage>({
    id,
    threadId: partOf === undefined ? id : requireReferenceId(`${RT}.partOf[0]`, partOf, 'Communication'),
    patientId: requireReferenceId(`${RT}.subject`, r.subject, 'Patient'),
    sender: correspondentOf(`${RT}.sender`, r.sender),
    recipient: correspondentOf(`${RT}.recipient[0]`, recipient),
    body,
    documentIds,
    sentAt: requireInstant(`${RT}.sent`, r.sent),
    readAt,
    inResponseTo:
      inResponseTo === undefined
        ? undefined
        : requireReferenceId(`${RT}.inResponseTo[0]`, inResponseTo, 'Communication'),
    version: requireVersion(r, RT),
  });
}

/**
 * Writes a care message. An empty `id` and `version` make a new one.
 *
 * @throws MappingError when an id or the sending instant is not valid
 */
export function careMessageToCommunication(message: CareMessage): Communication {
  if (message.id !== '' && !isFhirId(message.id)) fail('CareMessage.id', 'is not a valid FHIR id');
  if (!isInstant(message.sentAt)) fail('CareMessage.sentAt', 'is not an ISO 8601 instant with offset');
  if (message.readAt !== undefined && !isInstant(message.readAt))
    fail('CareMessage.readAt', 'is not an ISO 8601 instant with offset');
  const payload: CommunicationPayload[] = [];
  if (message.body !== '') payload.push({ contentString: message.body });
  for (const documentId of message.documentIds)
    payload.push({ contentReference: referenceTo('CareMessage.documentIds', 'DocumentReference', documentId) });
  const isFirst = message.threadId === '' || message.threadId === message.id;
  return withoutUndefined<Communication>({
    resourceType: RT,
    id: message.id || undefined,
    meta: message.version ? { versionId: message.version } : undefined,
    status: 'completed',
    category: [{ coding: [{ system: COMMUNICATION_CATEGORY_SYSTEM, code: CARE_MESSAGE_CATEGORY_CODE }] }],
    subject: referenceTo('CareMessage.patientId', 'Patient', message.patientId),
    sender: referenceOf('CareMessage.sender', message.sender),
    recipient: [referenceOf('CareMessage.recipient', message.recipient)],
    partOf: isFirst ? undefined : [referenceTo('CareMessage.threadId', 'Communication', message.threadId)],
    inResponseTo:
      message.inResponseTo === undefined
        ? undefined
        : [referenceTo('CareMessage.inResponseTo', 'Communication', message.inResponseTo)],
    payload: payload.length > 0 ? payload : undefined,
    sent: message.sentAt,
    received: message.readAt,
  });
}
