/**
 * In-memory messages for the tests and stories of `<carnet-messages>`: a
 * conversation between the patient and one professional, threads computed as
 * the FHIR repository computes them, and a switch to make loading fail.
 */
import { FhirError } from '@carnet/catalog-sdk';
import type { CareMessage, DataSource, HealthDocument, MessageRepository, MessageThread } from '@carnet/catalog-sdk';
import { createInMemoryDataSource } from '../../document-browser/test-helpers/in-memory-source.js';

export const DOCUMENT: HealthDocument = {
  id: 'doc-1',
  title: 'Bilan sanguin de mars',
  kind: 'lab-result',
  date: '2026-03-02',
  tags: [],
  favourite: false,
  contentType: 'application/pdf',
  version: '1',
} as unknown as HealthDocument;

/** Messages kept in memory, threads computed as the FHIR repository does. */
export class MemoryMessages implements MessageRepository {
  readonly canSend = true;
  messages: CareMessage[] = [];
  failList = false;
  #next = 1;

  listThreads(): Promise<MessageThread[]> {
    if (this.failList) return Promise.reject(new FhirError('network', 0, 'offline'));
    const byThread = new Map<string, CareMessage[]>();
    for (const message of this.messages)
      byThread.set(message.threadId, [...(byThread.get(message.threadId) ?? []), message]);
    return Promise.resolve(
      [...byThread].map(([id, list]) => ({
        id,
        patientId: 'p1',
        professionalId: list[0]?.sender.kind === 'professional' ? list[0].sender.id : (list[0]?.recipient.id ?? ''),
        messages: list,
        unreadCount: list.filter((m) => !m.readAt && m.recipient.kind === 'patient').length,
        lastMessageAt: list[list.length - 1]?.sentAt ?? '',
      })),
    );
  }

  send(input: Parameters<MessageRepository['send']>[0]): Promise<CareMessage> {
    const id = `m${this.#next++}`;
    const message: CareMessage = {
      id,
      threadId: input.threadId ?? id,
      patientId: 'p1',
      sender: { kind: 'patient', id: 'p1' },
      recipient: { kind: 'professional', id: input.recipientId },
      body: input.body,
      documentIds: input.documentIds ?? [],
      sentAt: new Date().toISOString(),
      version: '1',
    };
    this.messages.push(message);
    return Promise.resolve(message);
  }

  markRead(message: CareMessage): Promise<CareMessage> {
    const read = { ...message, readAt: new Date().toISOString() };
    this.messages = this.messages.map((m) => (m.id === message.id ? read : m));
    return Promise.resolve(read);
  }
}

/** The care team of the tests: Dr Martin (the conversation's professional) and a second one, not written to yet. */
export const CARE_TEAM = [
  { id: 'pro-1', name: 'Dr Claire Martin', family: 'Martin' },
  { id: 'pro-2', name: 'Dr Paul Girard', family: 'Girard' },
];

export function sourceWith(messages: MemoryMessages, careTeam = CARE_TEAM.slice(0, 1)): DataSource {
  const base = createInMemoryDataSource([DOCUMENT], { careTeam });
  return { ...base, documents: base.documents, messages } as DataSource;
}

export function withConversation(): MemoryMessages {
  const messages = new MemoryMessages();
  messages.messages = [
    {
      id: 't1',
      threadId: 't1',
      patientId: 'p1',
      sender: { kind: 'patient', id: 'p1' },
      recipient: { kind: 'professional', id: 'pro-1' },
      body: 'Voici mon bilan',
      documentIds: ['doc-1'],
      sentAt: '2026-03-03T09:00:00Z',
      readAt: '2026-03-03T10:00:00Z',
      version: '1',
    },
    {
      id: 't2',
      threadId: 't1',
      patientId: 'p1',
      sender: { kind: 'professional', id: 'pro-1' },
      recipient: { kind: 'patient', id: 'p1' },
      body: 'Bien reçu, tout va bien.',
      documentIds: [],
      sentAt: '2026-03-03T11:00:00Z',
      inResponseTo: 't1',
      version: '1',
    },
  ];
  return messages;
}
