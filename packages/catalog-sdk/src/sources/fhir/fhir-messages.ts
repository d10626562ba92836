/**
 * Secure messages on a FHIR server: `Communication`s categorised `care-message`.
 * The signed-in person is the patient (token `patient`) or a professional
 * (`fhirUser = Practitioner/<id>`, no patient): the server decides what each sees.
 */
import type { Communication, Patient } from '@medplum/fhirtypes';
import { AuthError } from '../../auth/auth-error.js';
import type { CareMessage, Correspondent, MessageThread, NewCareMessage } from '../../model/message.js';
import {
  CARE_MESSAGE_CATEGORY_CODE,
  COMMUNICATION_CATEGORY_SYSTEM,
  careMessageToCommunication,
  communicationToCareMessage,
} from '../../model/fhir/index.js';
import type { MessageRepository } from '../data-source.js';
import { optionalText, requireText } from '../rules/validation.js';
import { ValidationError } from '../../errors/errors.js';
import { versionOf, type FhirSourceContext } from './fhir-context.js';

const CATEGORY = `${COMMUNICATION_CATEGORY_SYSTEM}|${CARE_MESSAGE_CATEGORY_CODE}`;

/** Who is signed in, from the session: the patient, else the professional named by `fhirUser`. */
export function signedInCorrespondent(context: FhirSourceContext): Correspondent {
  const patientId = context.session.patientId;
  if (patientId !== undefined) return { kind: 'patient', id: patientId };
  const fhirUser = context.session.user?.fhirUser;
  const practitioner = fhirUser ? /(?:^|\/)Practitioner\/([A-Za-z0-9\-.]{1,64})$/.exec(fhirUser)?.[1] : undefined;
  if (practitioner !== undefined) return { kind: 'professional', id: practitioner };
  throw new AuthError('login_required', 'Nobody is signed in (the token names no patient and no practitioner)');
}

/** Groups messages into threads with the signed-in person's unread count. */
export function threadsOf(messages: readonly CareMessage[], me: Correspondent): MessageThread[] {
  const byThread = new Map<string, CareMessage[]>();
  for (const message of messages) {
    const list = byThread.get(message.threadId) ?? [];
    list.push(message);
    byThread.set(message.threadId, list);
  }
  const threads: MessageThread[] = [];
  for (const [id, list] of byThread) {
    list.sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
    const first = list[0] as CareMessage;
    const last = list[list.length - 1] as CareMessage;
    const professional = first.sender.kind === 'professional' ? first.sender : first.recipient;
    threads.push({
      id,
      patientId: first.patientId,
      professionalId: professional.id,
      messages: list,
      unreadCount: list.filter(
        (message) =>
          message.readAt === undefined && message.recipient.kind === me.kind && message.recipient.id === me.id,
      ).length,
      lastMessageAt: last.sentAt,
    });
  }
  return threads.sort((a, b) => Date.parse(b.lastMessageAt) - Date.parse(a.lastMessageAt));
}

/** The patient's (or the professional's) message threads on the FHIR server. */
export class FhirMessageRepository implements MessageRepository {
  readonly canSend = true;

  constructor(private readonly context: FhirSourceContext) {}

  async listThreads(options: { signal?: AbortSignal } = {}): Promise<MessageThread[]> {
    const me = signedInCorrespondent(this.context);
    const search = (extra: Record<string, string>): Promise<Communication[]> =>
      this.context.client
        .search<Communication>(
          'Communication',
          { category: CATEGORY, _count: 200, ...extra },
          { ...options, all: true },
        )
        .then((result) => result.resources);
    // The server gives a professional the messages sent to them; those they sent come with `sender`.
    const lists =
      me.kind === 'patient'
        ? [await search({})]
        : await Promise.all([search({}), search({ sender: `Practitioner/${me.id}` })]);
    const seen = new Set<string>();
    const messages: CareMessage[] = [];
    for (const resource of lists.flat()) {
      if (resource.id === undefined || seen.has(resource.id)) continue;
      seen.add(resource.id);
      messages.push(communicationToCareMessage(resource));
    }
    const threads = threadsOf(messages, me);
    if (me.kind === 'patient') return threads;
    // A professional reads each patient's name once (the server answers for patients who share with them).
    const names = new Map<string, string>();
    await Promise.all(
      [...new Set(threads.map((thread) => thread.patientId))].map(async (patientId) => {
        try {
          const { resource } = await this.context.client.read<Patient>('Patient', patientId, options);
          const name = resource.name?.[0];
          const text = name?.text ?? [...(name?.given ?? []), name?.family ?? ''].join(' ').trim();
          if (text) names.set(patientId, text);
        } catch {
          // The thread still shows, under the patient's id.
        }
      }),
    );
    return threads.map((thread) => {
      const patientName = names.get(thread.patientId);
      return patientName ? { ...thread, patientName } : thread;
    });
  }

  async send(input: NewCareMessage): Promise<CareMessage> {
    const me = signedInCorrespondent(this.context);
    const recipientId = requireText('recipientId', input.recipientId, 64);
    const documentIds = input.documentIds ?? [];
    // A document may go without a word; a message without a document needs one.
    const body =
      documentIds.length > 0 ? (optionalText('body', input.body, 5000) ?? '') : requireText('body', input.body, 5000);
    if (documentIds.length > 20) throw new ValidationError('documentIds', 'has more than 20 documents');
    const threadId = optionalText('threadId', input.threadId, 64) ?? '';
    const recipient: Correspondent =
      me.kind === 'patient' ? { kind: 'professional', id: recipientId } : { kind: 'patient', id: recipientId };
    const message: CareMessage = {
      id: '',
      threadId,
      patientId: me.kind === 'patient' ? me.id : recipientId,
      sender: me,
      recipient,
      body,
      documentIds,
      sentAt: this.context.now(),
      version: '',
    };
    if (input.inResponseTo !== undefined) message.inResponseTo = input.inResponseTo;
    const created = await this.context.client.create(careMessageToCommunication(message));
    return communicationToCareMessage(versionOf(created));
  }

  async markRead(message: CareMessage): Promise<CareMessage> {
    if (message.readAt !== undefined) return message;
    const updated = await this.context.client.update(
      careMessageToCommunication({ ...message, readAt: this.context.now() }),
      { ifMatch: message.version },
    );
    return communicationToCareMessage(versionOf(updated));
  }
}
