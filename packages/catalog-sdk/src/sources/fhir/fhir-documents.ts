/**
 * The patient's documents on a FHIR server: `DocumentReference` (+ `Binary` for
 * the attachment), and document sendings as `Communication`.
 */
import type { Binary, Coding, Communication, DocumentReference } from '@medplum/fhirtypes';
import { NotFoundError, ValidationError } from '../../errors/errors.js';
import type {
  DocumentSending,
  HealthDocument,
  HealthDocumentChanges,
  NewHealthDocument,
} from '../../model/document.js';
import {
  COMMUNICATION_CATEGORY_SYSTEM,
  DOCUMENT_SENDING_CATEGORY_CODE,
  FAVOURITE_CODE,
  FAVOURITE_SYSTEM,
  USER_TAG_SYSTEM,
  communicationToDocumentSending,
  documentReferenceToHealthDocument,
  documentSendingToCommunication,
  healthDocumentToDocumentReference,
} from '../../model/fhir/index.js';
import { isHiddenFromProfessionals, withHiddenLabel } from '../../model/fhir/document.js';
import { checkDocument, hiddenDocumentError } from '../rules/documents.js';
import type { DocumentRepository, Page, PageRequest } from '../data-source.js';
import { pageLimit } from '../rules/paging.js';
import { normaliseTags, optionalText, requireText } from '../rules/validation.js';
import { patientIdOf, searchOnePage, toPage, versionOf, type FhirSourceContext } from './fhir-context.js';

const RT = 'DocumentReference';
/** Page size when following every page. */
const BULK_PAGE = 200;

/** The patient's documents on a FHIR server. */
export class FhirDocumentRepository implements DocumentRepository {
  constructor(private readonly context: FhirSourceContext) {}

  async list(request: PageRequest = {}): Promise<Page<HealthDocument>> {
    const params = {
      patient: patientIdOf(this.context),
      _sort: '-date',
      _count: pageLimit(request.limit),
      _total: 'accurate',
    };
    const page = await searchOnePage<DocumentReference>(this.context.client, RT, params, request);
    return toPage(page.resources.map(documentReferenceToHealthDocument), page.total, page.next);
  }

  async listAll(options: { signal?: AbortSignal } = {}): Promise<HealthDocument[]> {
    const result = await this.context.client.search<DocumentReference>(
      RT,
      { patient: patientIdOf(this.context), _sort: '-date', _count: BULK_PAGE },
      { ...options, all: true },
    );
    return result.resources.map(documentReferenceToHealthDocument);
  }

  async get(id: string): Promise<HealthDocument> {
    return documentReferenceToHealthDocument(await this.#read(id));
  }

  async create(document: NewHealthDocument, content?: Blob): Promise<HealthDocument> {
    const checked = checkDocument(document, content);
    const patientId = patientIdOf(this.context);
    let url = checked.url;
    if (content !== undefined) {
      const binary: Binary = {
        resourceType: 'Binary',
        contentType: checked.contentType,
        data: await toBase64(content),
      };
      const stored = await this.context.client.create(binary);
      url = `Binary/${stored.resource.id ?? ''}`;
    }
    const draft: HealthDocument = { ...checked, id: '', version: '', size: checked.size ?? content?.size };
    if (url !== undefined) draft.url = url;
    const created = await this.context.client.create(healthDocumentToDocumentReference(draft, { patientId }));
    return documentReferenceToHealthDocument(versionOf(created));
  }

  /**
   * Read-modify-write of the stored resource (not a domain round trip, so fields
   * Carnet does not model survive), sent with `If-Match: baseVersion`.
   */
  async update(id: string, changes: HealthDocumentChanges, baseVersion: string): Promise<HealthDocument> {
    const current = await this.#read(id);
    const updated = await this.context.client.update(applyDocumentChanges(current, changes), { ifMatch: baseVersion });
    return documentReferenceToHealthDocument(versionOf(updated));
  }

  async getContent(id: string, options: { signal?: AbortSignal } = {}): Promise<Blob> {
    const url = (await this.#read(id, options.signal)).content[0]?.attachment.url;
    if (url === undefined) throw new NotFoundError('HealthDocument content', id);
    return this.context.client.readBinary(url, options);
  }

  async send(request: { documentId: string; recipientId: string; message?: string }): Promise<DocumentSending> {
    const patientId = patientIdOf(this.context);
    const document = await this.#read(request.documentId);
    if (isHiddenFromProfessionals(document)) throw hiddenDocumentError();
    const sending: DocumentSending = {
      id: '',
      documentId: request.documentId,
      recipientId: requireText('recipientId', request.recipientId, 64),
      sentAt: this.context.now(),
      status: 'completed',
    };
    const message = optionalText('message', request.message, 5000);
    if (message !== undefined) sending.message = message;
    const created = await this.context.client.create(documentSendingToCommunication(sending, { patientId }));
    return communicationToDocumentSending(created.resource);
  }

  /** R4 has no search on `Communication.payload`, so the document filter is applied here. */
  async listSendings(documentId?: string): Promise<DocumentSending[]> {
    const result = await this.context.client.search<Communication>(
      'Communication',
      {
        patient: patientIdOf(this.context),
        category: `${COMMUNICATION_CATEGORY_SYSTEM}|${DOCUMENT_SENDING_CATEGORY_CODE}`,
        _sort: '-sent',
        _count: BULK_PAGE,
      },
      { all: true },
    );
    const sendings = result.resources.map(communicationToDocumentSending);
    const filtered = documentId === undefined ? sendings : sendings.filter((s) => s.documentId === documentId);
    return filtered.sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt));
  }

  async #read(id: string, signal?: AbortSignal): Promise<DocumentReference> {
    try {
      return versionOf(
        await this.context.client.read<DocumentReference>(RT, id, signal === undefined ? {} : { signal }),
      );
    } catch (error) {
      throw error instanceof NotFoundError ? new NotFoundError('HealthDocument', id) : error;
    }
  }
}

/**
 * The stored resource with the patient's changes (tags, favourite, title, hidden
 * from professionals) applied;
 * everything Carnet does not model is kept as it is.
 */
export function applyDocumentChanges(current: DocumentReference, changes: HealthDocumentChanges): DocumentReference {
  const next: DocumentReference = structuredClone(current);
  const doc = documentReferenceToHealthDocument(current);
  const tags = changes.tags === undefined ? doc.tags : normaliseTags(changes.tags);
  const favourite = changes.favourite ?? doc.favourite;
  const others = (current.meta?.tag ?? []).filter(
    (tag) => tag.system !== USER_TAG_SYSTEM && tag.system !== FAVOURITE_SYSTEM,
  );
  const ours: Coding[] = tags.map((tag) => ({ system: USER_TAG_SYSTEM, code: tag, display: tag }));
  if (favourite) ours.push({ system: FAVOURITE_SYSTEM, code: FAVOURITE_CODE });
  next.meta = { ...next.meta, tag: [...others, ...ours] };
  if (changes.hiddenFromProfessionals !== undefined) {
    const security = withHiddenLabel(next.meta.security, changes.hiddenFromProfessionals);
    if (security.length > 0) next.meta.security = security;
    else delete next.meta.security;
  }
  if (changes.title !== undefined) {
    const attachment = next.content[0]?.attachment;
    if (attachment === undefined) throw new ValidationError('title', 'cannot be set on a document without content');
    attachment.title = requireText('title', changes.title, 300);
  }
  return next;
}

/** Base64 of a Blob, for `Binary.data`. */
async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // Chunks keep String.fromCharCode's argument list small on large files.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
