import { NotFoundError, ValidationError } from '../../errors/errors.js';
import {
  type DocumentSending,
  type HealthDocument,
  type HealthDocumentChanges,
  type NewHealthDocument,
} from '../../model/document.js';
import type { DocumentRepository, Page, PageRequest } from '../data-source.js';
import type { LocalContext } from './database.js';
import { checkDocument, hiddenDocumentError } from '../rules/documents.js';
import { pageLimit } from '../rules/paging.js';
import { decodeCursor, encodeCursor, readPage } from './paging.js';
import {
  checkBaseVersion,
  compact,
  newId,
  nextVersion,
  normaliseTags,
  optionalText,
  requireBoolean,
  requireText,
  throwIfAborted,
} from '../rules/validation.js';

const ENTITY = 'HealthDocument';

/** A stored document with the flags added since it was stored (records kept before `hiddenFromProfessionals`). */
function withFlags(document: HealthDocument): HealthDocument {
  return typeof document.hiddenFromProfessionals === 'boolean'
    ? document
    : { ...document, hiddenFromProfessionals: false };
}
/** The patient's documents in IndexedDB, attachments in their own store. */
export class LocalDocumentRepository implements DocumentRepository {
  readonly #context: LocalContext;

  constructor(context: LocalContext) {
    this.#context = context;
  }

  async list(request: PageRequest = {}): Promise<Page<HealthDocument>> {
    throwIfAborted(request.signal);
    const limit = pageLimit(request.limit);
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, 2);
    const page = await this.#context.database.transaction(['documents'], 'readonly', async (tx) => {
      const index = tx.objectStore('documents').index('by-date');
      const range = after ? IDBKeyRange.upperBound(after, true) : null;
      const [total, { items, hasMore }] = await Promise.all([
        index.count(),
        readPage(index.openCursor(range, 'prev'), limit),
      ]);
      return { total, items, hasMore };
    });
    throwIfAborted(request.signal);
    const last = page.items[page.items.length - 1];
    return {
      items: page.items.map(withFlags),
      total: page.total,
      ...(page.hasMore && last ? { nextCursor: encodeCursor([last.date, last.id]) } : {}),
    };
  }

  async listAll(options: { signal?: AbortSignal } = {}): Promise<HealthDocument[]> {
    throwIfAborted(options.signal);
    const documents = await this.#context.database.transaction(['documents'], 'readonly', (tx) =>
      tx.objectStore('documents').index('by-date').getAll(),
    );
    throwIfAborted(options.signal);
    return documents.reverse().map(withFlags);
  }

  async get(id: string): Promise<HealthDocument> {
    const document = await this.#context.database.transaction(['documents'], 'readonly', (tx) =>
      tx.objectStore('documents').get(id),
    );
    if (!document) throw new NotFoundError(ENTITY, id);
    return withFlags(document);
  }

  async create(input: NewHealthDocument, content?: Blob): Promise<HealthDocument> {
    if (content !== undefined && !(content instanceof Blob)) throw new ValidationError('content', 'must be a Blob');
    const document: HealthDocument = { ...checkDocument(input, content), id: newId(), version: '1' };
    await this.#context.database.transaction(['documents', 'contents'], 'readwrite', async (tx) => {
      await tx.objectStore('documents').add(document);
      if (content) await tx.objectStore('contents').put(content, document.id);
    });
    return document;
  }

  async update(id: string, changes: HealthDocumentChanges, baseVersion: string): Promise<HealthDocument> {
    const checked: HealthDocumentChanges = compact({
      title: changes.title === undefined ? undefined : requireText('title', changes.title, 300),
      tags: changes.tags === undefined ? undefined : normaliseTags(changes.tags),
      favourite: changes.favourite === undefined ? undefined : requireBoolean('favourite', changes.favourite),
      hiddenFromProfessionals:
        changes.hiddenFromProfessionals === undefined
          ? undefined
          : requireBoolean('hiddenFromProfessionals', changes.hiddenFromProfessionals),
    });
    return this.#context.database.transaction(['documents'], 'readwrite', async (tx) => {
      const store = tx.objectStore('documents');
      const stored = checkBaseVersion(ENTITY, id, await store.get(id), baseVersion);
      const updated: HealthDocument = { ...withFlags(stored), ...checked, version: nextVersion(stored.version) };
      await store.put(updated);
      return updated;
    });
  }

  async getContent(id: string, options: { signal?: AbortSignal } = {}): Promise<Blob> {
    throwIfAborted(options.signal);
    const [document, content] = await this.#context.database.transaction(['documents', 'contents'], 'readonly', (tx) =>
      Promise.all([tx.objectStore('documents').getKey(id), tx.objectStore('contents').get(id)]),
    );
    throwIfAborted(options.signal);
    if (document === undefined) throw new NotFoundError(ENTITY, id);
    if (!content) throw new NotFoundError('DocumentContent', id);
    return content;
  }

  async send(request: { documentId: string; recipientId: string; message?: string }): Promise<DocumentSending> {
    const documentId = requireText('documentId', request.documentId, 200);
    const recipientId = requireText('recipientId', request.recipientId, 200);
    const sending: DocumentSending = compact({
      id: newId(),
      documentId,
      recipientId,
      message: optionalText('message', request.message, 5000),
      sentAt: this.#context.now().toISOString(),
      status: 'completed',
    });
    await this.#context.database.transaction(['documents', 'careTeam', 'sendings'], 'readwrite', async (tx) => {
      const [document, recipient] = await Promise.all([
        tx.objectStore('documents').get(documentId),
        tx.objectStore('careTeam').getKey(recipientId),
      ]);
      if (document === undefined) throw new NotFoundError(ENTITY, documentId);
      if (document.hiddenFromProfessionals === true) throw hiddenDocumentError();
      if (recipient === undefined) throw new NotFoundError('CareTeamMember', recipientId);
      await tx.objectStore('sendings').add(sending);
    });
    return sending;
  }

  async listSendings(documentId?: string): Promise<DocumentSending[]> {
    const sendings = await this.#context.database.transaction(['sendings'], 'readonly', (tx) => {
      const store = tx.objectStore('sendings');
      return documentId === undefined ? store.getAll() : store.index('by-document').getAll(documentId);
    });
    return sendings.sort((a, b) => (a.sentAt === b.sentAt ? b.id.localeCompare(a.id) : a.sentAt < b.sentAt ? 1 : -1));
  }
}
