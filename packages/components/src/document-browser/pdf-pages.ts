/**
 * Draws a PDF's first pages on canvases with pdf.js, entirely in this page: no
 * plugin (`object-src`), no frame (`frame-src`), no worker (`worker-src`), no
 * `eval` (`'unsafe-eval'`), no fetch. So a preview works under the strict CSP an
 * embedding site has. Loaded on demand, the first time a PDF is previewed.
 */
import { getDocument } from 'pdfjs-dist';
// pdf.js's "worker" code, run in this thread: it registers itself on `globalThis.pdfjsWorker`,
// which pdf.js then uses instead of starting a Worker from a URL.
import 'pdfjs-dist/build/pdf.worker.mjs';

/** One drawn page: its canvas, and its text for screen readers and search. */
export interface PdfPageImage {
  canvas: HTMLCanvasElement;
  text: string;
}

/** The pages drawn, and how many the document has. */
export interface RenderedPdf {
  pages: PdfPageImage[];
  pageCount: number;
}

/** How to draw. */
export interface PdfRenderOptions {
  /** Width the pages are shown at, in CSS pixels. */
  cssWidth: number;
  /** Pages drawn at most (the rest is read after download). */
  maxPages: number;
  /** Accessible name of a page's picture. */
  pageLabel(page: number, pageCount: number): string;
  signal?: AbortSignal;
}

/** Renders the first pages of a PDF; rejects when the file is not a readable PDF. */
export async function renderPdfPages(bytes: Uint8Array, options: PdfRenderOptions): Promise<RenderedPdf> {
  const task = getDocument({
    data: bytes,
    isEvalSupported: false,
    useWasm: false,
    useWorkerFetch: false,
    enableXfa: false,
    // Errors only: warnings about fonts would otherwise fill the host page's console.
    verbosity: 0,
  });
  const abort = (): void => void task.destroy();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    const pdf = await task.promise;
    const pages: PdfPageImage[] = [];
    const count = Math.min(pdf.numPages, options.maxPages);
    const ratio = Math.min(globalThis.devicePixelRatio || 1, 2);
    for (let number = 1; number <= count; number += 1) {
      if (options.signal?.aborted) break;
      const page = await pdf.getPage(number);
      const natural = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (options.cssWidth / natural.width) * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', options.pageLabel(number, pdf.numPages));
      // The print intent draws in one go, not frame by frame: a preview is a still picture, and it
      // is ready even when the page is in the background (no animation frames there).
      await page.render({ canvas, viewport, intent: 'print' }).promise;
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      pages.push({ canvas, text });
      page.cleanup();
    }
    return { pages, pageCount: pdf.numPages };
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await task.destroy();
  }
}
