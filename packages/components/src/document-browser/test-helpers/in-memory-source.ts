/**
 * An in-memory `DataSource` whose documents answer at once: for the 10,000-document
 * story, the benchmark and tests that need a fault. Agenda, medications and forum
 * come from a local source that is never opened unless used.
 */
import { ConflictError, MessagingUnavailableError, NotFoundError, createLocalDataSource } from '@carnet/catalog-sdk';
import type {
  CareMessage,
  CareTeamMember,
  MessageRepository,
  CareTeamRepository,
  DataSource,
  DocumentRepository,
  DocumentSending,
  HealthDocument,
  HealthDocumentChanges,
  NewHealthDocument,
  Page,
  PageRequest,
} from '@carnet/catalog-sdk';

/** Options of {@link createInMemoryDataSource}. */
export interface InMemoryOptions {
  careTeam?: CareTeamMember[];
  /** Attachments by document id. */
  contents?: Map<string, Blob>;
  /** When set, `documents.send` rejects with it. */
  sendFailure?: Error;
  /** True to behave like an on-device record: nothing can be sent. */
  messagingUnavailable?: boolean;
}

/** The in-memory source, with hooks for tests. */
export interface InMemoryDataSource extends DataSource {
  /** Sendings recorded so far. */
  readonly sendings: DocumentSending[];
  /** Calls made to `documents.send`. */
  sendCalls: number;
  /** When set, `documents.send` rejects with it. */
  sendFailure: Error | undefined;
}

class InMemoryDocuments implements DocumentRepository {
  readonly byId = new Map<string, HealthDocument>();
  readonly contents: Map<string, Blob>;
  readonly sendings: DocumentSending[] = [];
  sendCalls = 0;
  sendFailure: Error | undefined;
  private counter = 0;

  constructor(documents: readonly HealthDocument[], options: InMemoryOptions) {
    for (const document of documents) this.byId.set(document.id, document);
    this.contents = options.contents ?? new Map();
    this.sendFailure = options.sendFailure;
  }

  private newestFirst(): HealthDocument[] {
    return [...this.byId.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  }

  list(request: PageRequest = {}): Promise<Page<HealthDocument>> {
    const all = this.newestFirst();
    const start = Number(request.cursor ?? 0);
    const limit = request.limit ?? 50;
    const items = all.slice(start, start + limit);
    const next = start + limit < all.length ? { nextCursor: String(start + limit) } : {};
    return Promise.resolve({ items, total: all.length, ...next });
  }

  listAll(): Promise<HealthDocument[]> {
    return Promise.resolve([...this.byId.values()]);
  }

  get(id: string): Promise<HealthDocument> {
    const document = this.byId.get(id);
    return document ? Promise.resolve(document) : Promise.reject(new NotFoundError('HealthDocument', id));
  }

  create(input: NewHealthDocument, content?: Blob): Promise<HealthDocument> {
    this.counter += 1;
    const document: HealthDocument = {
      tags: [],
      favourite: false,
      ...input,
      hiddenFromProfessionals: input.hiddenFromProfessionals ?? false,
      id: `memory-${this.counter}`,
      version: '1',
    };
    this.byId.set(document.id, document);
    if (content) this.contents.set(document.id, content);
    return Promise.resolve(document);
  }

  update(id: string, changes: HealthDocumentChanges, baseVersion: string): Promise<HealthDocument> {
    const stored = this.byId.get(id);
    if (!stored) return Promise.reject(new NotFoundError('HealthDocument', id));
    if (stored.version !== baseVersion)
      return Promise.reject(new ConflictError('HealthDocument', id, baseVersion, stored.version));
    const updated: HealthDocument = { ...stored, ...changes, version: String(Number(stored.version) + 1) };
    this.byId.set(id, updated);
    return Promise.resolve(updated);
  }

  getContent(id: string): Promise<Blob> {
    const content = this.contents.get(id);
    return content ? Promise.resolve(content) : Promise.reject(new NotFoundError('DocumentContent', id));
  }

  send(request: { documentId: string; recipientId: string; message?: string }): Promise<DocumentSending> {
    this.sendCalls += 1;
    if (this.sendFailure) return Promise.reject(this.sendFailure);
    const sending: DocumentSending = {
      id: `sending-${this.sendings.length + 1}`,
      ...request,
      sentAt: new Date().toISOString(),
      status: 'completed',
    };
    this.sendings.unshift(sending);
    return Promise.resolve(sending);
  }

  listSendings(documentId?: string): Promise<DocumentSending[]> {
    return Promise.resolve(this.sendings.filter((s) => documentId === undefined || s.documentId === documentId));
  }
}

/** A data source holding `documents` in memory; `listAll` resolves immediately. */
export function createInMemoryDataSource(
  documents: readonly HealthDocument[],
  options: InMemoryOptions = {},
): InMemoryDataSource {
  const repository = new InMemoryDocuments(documents, options);
  const team = options.careTeam ?? [];
  const careTeam: CareTeamRepository = {
    list: () => Promise.resolve(team),
    get: (id) => {
      const member = team.find((m) => m.id === id);
      return member ? Promise.resolve(member) : Promise.reject(new NotFoundError('CareTeamMember', id));
    },
  };
  // Sending a document records it as a sending (the hooks above), in a thread of its own.
  const messages: MessageRepository = {
    canSend: options.messagingUnavailable !== true,
    listThreads: () => Promise.resolve([]),
    async send(input): Promise<CareMessage> {
      if (options.messagingUnavailable) throw new MessagingUnavailableError();
      const documentId = input.documentIds?.[0] ?? '';
      const sending = await repository.send({
        documentId,
        recipientId: input.recipientId,
        ...(input.body ? { message: input.body } : {}),
      });
      return {
        id: sending.id,
        threadId: sending.id,
        patientId: 'in-memory',
        sender: { kind: 'patient', id: 'in-memory' },
        recipient: { kind: 'professional', id: input.recipientId },
        body: input.body,
        documentIds: input.documentIds ?? [],
        sentAt: sending.sentAt,
        version: '1',
      };
    },
    markRead: (message) => Promise.resolve(message),
  };
  // Never opened unless a widget other than the document browser asks.
  const unused = createLocalDataSource({ dbName: 'carnet-in-memory-companion' });
  return {
    kind: 'local',
    documents: repository,
    careTeam,
    messages,
    agenda: unused.agenda,
    medications: unused.medications,
    forum: unused.forum,
    close: () => unused.close(),
    get sendings() {
      return repository.sendings;
    },
    get sendCalls() {
      return repository.sendCalls;
    },
    set sendCalls(value: number) {
      repository.sendCalls = value;
    },
    get sendFailure() {
      return repository.sendFailure;
    },
    set sendFailure(value: Error | undefined) {
      repository.sendFailure = value;
    },
  };
}
