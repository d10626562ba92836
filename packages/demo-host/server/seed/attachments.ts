/**
 * The synthetic documents' files, as Node buffers: the generator lives in the
 * SDK's demo data, so the platform and an on-device demo record show the same files.
 */
import { makePdf as pdfBytes, makeSvg as svgBytes } from '@carnet/catalog-sdk/demo-data';

export { pdfText } from '@carnet/catalog-sdk/demo-data';

/** Builds a one-page A4 PDF showing a title and a few lines of text (Helvetica, WinAnsi). */
export function makePdf(title: string, lines: readonly string[]): Buffer {
  return Buffer.from(pdfBytes(title, lines));
}

/** Builds an SVG placeholder image showing the document title (no script, no external reference). */
export function makeSvg(title: string, caption: string): Buffer {
  return Buffer.from(svgBytes(title, caption));
}
