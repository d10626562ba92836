import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { NotFoundError } from '@carnet/catalog-sdk';
import type { DocumentRepository } from '@carnet/catalog-sdk';

/** Where the preview of the open document stands. */
export type PreviewStatus = 'closed' | 'loading' | 'ready' | 'unavailable' | 'failed';

/**
 * Fetches the open document's attachment and exposes it as an object URL, which
 * is revoked as soon as the preview closes or another document opens.
 */
export class DocumentPreviewController implements ReactiveController {
  /** Id of the document shown; `undefined` when closed. */
  documentId: string | undefined;
  /** Where the preview stands. */
  status: PreviewStatus = 'closed';
  /** Object URL of the attachment, when ready. */
  url: string | undefined;
  /** MIME type of the attachment as stored, when ready. */
  contentType: string | undefined;

  private readonly host: ReactiveControllerHost;
  private readonly repository: () => DocumentRepository | undefined;
  private abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost, repository: () => DocumentRepository | undefined) {
    this.host = host;
    this.repository = repository;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.close();
  }

  /** Opens the preview of a document and starts fetching its attachment. */
  async open(documentId: string): Promise<void> {
    this.release();
    this.documentId = documentId;
    this.status = 'loading';
    this.host.requestUpdate();
    const abort = new AbortController();
    this.abort = abort;
    const repository = this.repository();
    try {
      if (!repository) throw new Error('No data source');
      const blob = await repository.getContent(documentId, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.url = URL.createObjectURL(blob);
      this.contentType = blob.type;
      this.status = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      // Documents listed without a stored attachment (e.g. the demo record) have nothing to show.
      this.status = error instanceof NotFoundError ? 'unavailable' : 'failed';
    }
    this.host.requestUpdate();
  }

  /** Closes the preview and frees the attachment. */
  close(): void {
    this.release();
    this.documentId = undefined;
    this.status = 'closed';
    this.host.requestUpdate();
  }

  private release(): void {
    this.abort?.abort();
    this.abort = undefined;
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = undefined;
    this.contentType = undefined;
  }
}
