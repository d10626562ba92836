import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { NotFoundError } from '@carnet/catalog-sdk';
import type { DocumentRepository } from '@carnet/catalog-sdk';

/** Where the preview of the open document stands. */
export type PreviewStatus = 'closed' | 'loading' | 'ready' | 'unavailable' | 'failed';

/** Where drawing a PDF's pages stands (`none` for other files). */
export type PdfStatus = 'none' | 'drawing' | 'drawn' | 'failed';

/** A drawn PDF page (a canvas) and its text. */
export interface PreviewPage {
  canvas: HTMLCanvasElement;
  text: string;
}

/** Pages of a PDF drawn in the preview; the rest is read after download. */
export const PREVIEW_MAX_PAGES = 10;
/** Width PDF pages are drawn at, in CSS pixels (they shrink to fit the dialog). */
const PAGE_CSS_WIDTH = 720;

/** What the preview needs from its element. */
export interface DocumentPreviewOptions {
  repository(): DocumentRepository | undefined;
  /** Accessible name of a PDF page's picture. */
  pageLabel(page: number, pageCount: number): string;
}

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
  /** Drawing of a PDF's pages (pdf.js, loaded on demand: no plugin, so a strict CSP allows it). */
  pdfStatus: PdfStatus = 'none';
  /** The PDF pages drawn so far. */
  pages: readonly PreviewPage[] = [];
  /** Number of pages of the PDF, once read. */
  pageCount = 0;

  private readonly host: ReactiveControllerHost;
  private readonly options: DocumentPreviewOptions;
  private abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost, options: DocumentPreviewOptions) {
    this.host = host;
    this.options = options;
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
    const repository = this.options.repository();
    try {
      if (!repository) throw new Error('No data source');
      const blob = await repository.getContent(documentId, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.url = URL.createObjectURL(blob);
      this.contentType = blob.type;
      this.status = 'ready';
      if (blob.type === 'application/pdf') void this.drawPdf(blob, abort.signal);
    } catch (error) {
      if (abort.signal.aborted) return;
      // Documents listed without a stored attachment (e.g. the demo record) have nothing to show.
      this.status = error instanceof NotFoundError ? 'unavailable' : 'failed';
    }
    this.host.requestUpdate();
  }

  private async drawPdf(blob: Blob, signal: AbortSignal): Promise<void> {
    this.pdfStatus = 'drawing';
    this.host.requestUpdate();
    try {
      const [{ renderPdfPages }, bytes] = await Promise.all([
        import('./pdf-pages.js'),
        blob.arrayBuffer().then((buffer) => new Uint8Array(buffer)),
      ]);
      const rendered = await renderPdfPages(bytes, {
        cssWidth: PAGE_CSS_WIDTH,
        maxPages: PREVIEW_MAX_PAGES,
        pageLabel: this.options.pageLabel,
        signal,
      });
      if (signal.aborted) return;
      this.pages = rendered.pages;
      this.pageCount = rendered.pageCount;
      this.pdfStatus = 'drawn';
    } catch {
      if (signal.aborted) return;
      // The download link and « open in a new tab » stay: the file is never out of reach.
      this.pdfStatus = 'failed';
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
    this.pdfStatus = 'none';
    this.pages = [];
    this.pageCount = 0;
  }
}
