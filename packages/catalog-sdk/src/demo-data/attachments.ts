/**
 * Small, valid attachment files for the synthetic documents: a one-page PDF
 * (hand-written objects and xref table) and an SVG for images. The same files
 * on the demo platform and in an on-device demo record. Runs in browsers and Node.
 */
import type { HealthDocument } from '../model/document.js';

/** Windows-1252 bytes of the characters outside Latin-1 that French text uses. */
const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/**
 * A PDF string literal in WinAnsi: ASCII as is, `\`, `(` and `)` escaped, other
 * characters as octal escapes, so the file stays plain ASCII.
 */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0x3f;
    if (ch === '\\' || ch === '(' || ch === ')') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code === 0x202f || code === 0x2009 || code === 0xa0) out += ' ';
    else {
      const byte = WIN_ANSI_EXTRA[ch] ?? (code >= 0xa0 && code <= 0xff ? code : 0x3f);
      out += `\\${byte.toString(8).padStart(3, '0')}`;
    }
  }
  return `(${out})`;
}

/** Splits text into lines of at most `width` characters, on spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Bytes of a string whose characters are all below U+0100 (Latin-1). */
function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/** Builds a one-page A4 PDF showing a title and a few lines of text (Helvetica, WinAnsi). */
export function makePdf(title: string, lines: readonly string[]): Uint8Array {
  const commands = ['BT', '/F1 18 Tf', '22 TL', '56 780 Td'];
  for (const part of wrap(title, 48)) commands.push(`${pdfText(part)} Tj T*`);
  commands.push('/F1 11 Tf', '16 TL', 'T*');
  for (const line of lines) for (const part of wrap(line, 85)) commands.push(`${pdfText(part)} Tj T*`);
  commands.push('ET');
  const stream = commands.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    `<< /Title ${pdfText(title)} /Producer (Carnet demo host) >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = body.length;
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, CR LF.
  const entries = [
    '0000000000 65535 f\r\n',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n\r\n`),
  ];
  body += `xref\n0 ${objects.length + 1}\n${entries.join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return latin1Bytes(body);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Builds an SVG placeholder image showing the document title (no script, no external reference). */
export function makeSvg(title: string, caption: string): Uint8Array {
  const lines = wrap(title, 34)
    .map((line, i) => `<text x="40" y="${150 + i * 34}" font-size="26">${escapeXml(line)}</text>`)
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480" role="img" aria-label="${escapeXml(title)}">` +
    '<rect width="640" height="480" fill="#e8eef7"/><rect x="20" y="20" width="600" height="440" fill="none" stroke="#1d4ed8" stroke-width="4"/>' +
    `<g font-family="sans-serif" fill="#1b1b1f">${lines}<text x="40" y="420" font-size="16">${escapeXml(caption)}</text></g></svg>`;
  return new TextEncoder().encode(svg);
}

/** A demo document's file: its bytes and the content type they really have. */
export interface DemoAttachment {
  bytes: Uint8Array;
  contentType: string;
}

const NOTICE = 'Document fictif : démonstration Carnet. Synthetic document: Carnet demo.';

/**
 * The file of a synthetic document: a one-page PDF showing its title, date,
 * author and organisation, or an SVG picture for images.
 */
export function demoAttachment(doc: HealthDocument): DemoAttachment {
  if (doc.contentType.startsWith('image/')) {
    return { bytes: makeSvg(doc.title, NOTICE), contentType: 'image/svg+xml' };
  }
  const lines = [doc.date.slice(0, 10), doc.author, doc.organisation, doc.description, '', NOTICE].filter(
    (l): l is string => l !== undefined,
  );
  return { bytes: makePdf(doc.title, lines), contentType: 'application/pdf' };
}
