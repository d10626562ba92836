/**
 * DocumentSending ↔ FHIR R4 `Communication` (the secure-messaging path).
 */
import type { Communication, CommunicationPayload } from '@medplum/fhirtypes';
import type { DocumentSending } from '../document.js';
import { patientReference } from './patient.js';
import {
  fail,
  isFhirId,
  isInstant,
  optionalArray,
  optionalString,
  readResource,
  referenceTo,
  requireId,
  requireInstant,
  requireObject,
  requireReferenceId,
  requireString,
  withoutUndefined,
} from './read.js';
import { COMMUNICATION_CATEGORY_SYSTEM } from './urls.js';

const RT = 'Communication';

/** Code of {@link COMMUNICATION_CATEGORY_SYSTEM} marking a document sent to a professional. */
export const DOCUMENT_SENDING_CATEGORY_CODE = 'document-sending';

/** Communication has no `failed`; `not-done` is R4's word for a communication that did not happen. */
const STATUS_TO_FHIR = { completed: 'completed', 'in-progress': 'in-progress', failed: 'not-done' } as const;

/**
 * Reads a `Communication` that sends one document to one professional:
 * `recipient[0]` → `Practitioner/<id>`, `payload[0].contentReference` →
 * `DocumentReference/<id>`, optional `payload[1].contentString` = message.
 * Status `not-done` reads as `failed`; other statuses than the three Carnet uses are errors.
 *
 * @throws MappingError naming the field when the resource is malformed
 */
export function communicationToDocumentSending(resource: Communication): DocumentSending {
  const r = readResource(resource, RT);
  const id = requireId(r, RT);
  const recipients = optionalArray(`${RT}.recipient`, r.recipient);
  if (recipients.length === 0) fail(`${RT}.recipient`, 'is missing');
  const payload = optionalArray(`${RT}.payload`, r.payload);
  if (payload.length === 0) fail(`${RT}.payload`, 'is missing');
  const documentPayload = requireObject(`${RT}.payload[0]`, payload[0]);
  const messagePayload = payload.length > 1 ? requireObject(`${RT}.payload[1]`, payload[1]) : undefined;
  const status = requireString(`${RT}.status`, r.status);
  const entry = Object.entries(STATUS_TO_FHIR).find(([, fhir]) => fhir === status);
  if (!entry) fail(`${RT}.status`, 'is not a status of a document sending');
  return withoutUndefined<DocumentSending>({
    id,
    documentId: requireReferenceId(
      `${RT}.payload[0].contentReference`,
      documentPayload.contentReference,
      'DocumentReference',
    ),
    recipientId: requireReferenceId(`${RT}.recipient[0]`, recipients[0], 'Practitioner'),
    message: messagePayload && optionalString(`${RT}.payload[1].contentString`, messagePayload.contentString),
    sentAt: requireInstant(`${RT}.sent`, r.sent),
    status: entry[0] as DocumentSending['status'],
  });
}

/**
 * Writes a document sending as a `Communication` categorised `document-sending`.
 * With a `patientId`, the patient is both `subject` and `sender`.
 *
 * @throws MappingError when an id or the sending instant is not valid
 */
export function documentSendingToCommunication(
  sending: DocumentSending,
  context: { patientId?: string } = {},
): Communication {
  if (sending.id !== '' && !isFhirId(sending.id)) fail('DocumentSending.id', 'is not a valid FHIR id');
  if (!isInstant(sending.sentAt)) fail('DocumentSending.sentAt', 'is not an ISO 8601 instant with offset');
  const status = STATUS_TO_FHIR[sending.status];
  if (status === undefined) fail('DocumentSending.status', 'is not a known code');
  const payload: CommunicationPayload[] = [
    { contentReference: referenceTo('DocumentSending.documentId', 'DocumentReference', sending.documentId) },
  ];
  if (sending.message !== undefined)
    payload.push({ contentString: requireString('DocumentSending.message', sending.message) });
  const patient = context.patientId === undefined ? undefined : patientReference(context.patientId);
  return withoutUndefined<Communication>({
    resourceType: RT,
    id: sending.id || undefined,
    status,
    category: [{ coding: [{ system: COMMUNICATION_CATEGORY_SYSTEM, code: DOCUMENT_SENDING_CATEGORY_CODE }] }],
    subject: patient,
    sender: patient,
    recipient: [referenceTo('DocumentSending.recipientId', 'Practitioner', sending.recipientId)],
    payload,
    sent: sending.sentAt,
  });
}
