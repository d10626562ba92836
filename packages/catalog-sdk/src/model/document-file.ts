/**
 * What Carnet accepts as a document file (type and size), and what it proposes
 * for a new document from the file alone: title, kind, date and tags, which the
 * patient checks and edits before saving. Pure: no I/O, runs in browsers and Node.
 */
import type { DocumentKind, NewHealthDocument } from './document.js';

/** MIME types a patient may add: PDF and the image formats every browser displays. */
export const DOCUMENT_FILE_TYPES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];

/**
 * Largest file a patient may add, in bytes (3 MB): a FHIR server receives it
 * base64-encoded inside a `Binary` (4 MB), which must stay under common request limits.
 */
export const DOCUMENT_MAX_BYTES = 3_000_000;

/** The facts of a file Carnet reads (a browser `File` has them all). */
export interface DocumentFileFacts {
  /** File name, e.g. `ordonnance-2026-03-14.pdf`. */
  name: string;
  /** MIME type as the browser reports it (may be empty). */
  type: string;
  /** Size in bytes. */
  size: number;
  /** Last modification time, milliseconds since the epoch. */
  lastModified: number;
}

/** Why a file is refused. */
export type DocumentFileProblem = 'too-big' | 'wrong-type' | 'empty';

const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** The file's MIME type: the one reported, else guessed from the extension; empty when unknown. */
export function documentFileType(file: Pick<DocumentFileFacts, 'name' | 'type'>): string {
  if (file.type) return file.type.toLowerCase();
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return EXTENSION_TYPES[extension] ?? '';
}

/** Why a file cannot be added, or undefined when it can. */
export function documentFileProblem(file: DocumentFileFacts): DocumentFileProblem | undefined {
  if (!DOCUMENT_FILE_TYPES.includes(documentFileType(file))) return 'wrong-type';
  if (file.size === 0) return 'empty';
  if (file.size > DOCUMENT_MAX_BYTES) return 'too-big';
  return undefined;
}

/** Words in a file name that name a document kind (French and English, accents removed). */
const KIND_WORDS: readonly (readonly [DocumentKind, RegExp])[] = [
  ['prescription', /\b(ordonnance|ordo|prescription)\b/],
  ['lab-result', /\b(analyse|analyses|bilan|biologie|labo|laboratoire|prise de sang|lab|hba1c)\b/],
  ['imaging', /\b(radio|radiographie|irm|scanner|echographie|echo|imagerie|mri|scan|xray)\b/],
  ['discharge-summary', /\b(hospitalisation|sortie|hopital|discharge)\b/],
  ['vaccination', /\b(vaccin|vaccination|vaccinations|vaccine)\b/],
  ['referral-letter', /\b(adressage|courrier|lettre|referral)\b/],
  ['consultation-note', /\b(consultation|cr|compte rendu|consult)\b/],
];

function plainWords(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\-.]+/g, ' ');
}

/** A date written in a file name (`2026-03-14`, `20260314`, `14-03-2026`), at noon UTC, or undefined. */
function dateInName(name: string): string | undefined {
  const iso = /(?:^|\D)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?:\D|$)/.exec(name);
  const french = /(?:^|\D)(0[1-9]|[12]\d|3[01])[-_.](0[1-9]|1[0-2])[-_.]((?:19|20)\d\d)(?:\D|$)/.exec(name);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
  if (!year || !month || !day) return undefined;
  const date = new Date(`${year}-${month}-${day}T12:00:00Z`);
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day) ? undefined : date.toISOString();
}

/** A title from a file name: extension, dates and separators removed, first letter capitalised. */
function titleFromName(name: string): string {
  const base = name
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[_]+|(?<=\D)-|-(?=\D)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const title = base || name;
  return (title.charAt(0).toLocaleUpperCase('fr') + title.slice(1)).slice(0, 300);
}

/** What Carnet proposes for a new document, before the patient edits it. */
export type DocumentProposal = Pick<NewHealthDocument, 'title' | 'kind' | 'date' | 'contentType' | 'size'> & {
  tags: string[];
};

/**
 * Proposes a new document's details from its file: title from the name, kind
 * from words in the name (« ordonnance », « IRM », « bilan »…), date from the
 * name, else from `embeddedDate` (a PDF's creation date, a photo's EXIF date),
 * else the file's modification date; a tag `photo` for a camera picture.
 */
export function proposeDocument(file: DocumentFileFacts, embeddedDate?: string): DocumentProposal {
  const words = plainWords(file.name);
  const kind = KIND_WORDS.find(([, pattern]) => pattern.test(words))?.[0] ?? 'other';
  const modified = new Date(Number.isFinite(file.lastModified) ? file.lastModified : Date.now());
  const contentType = documentFileType(file);
  return {
    title: titleFromName(file.name),
    kind,
    date: dateInName(file.name) ?? embeddedDate ?? modified.toISOString(),
    contentType,
    size: file.size,
    tags: contentType.startsWith('image/') ? ['photo'] : [],
  };
}

/**
 * The date a file says it was made, when that is cheap to find in its first
 * bytes: a PDF's `/CreationDate (D:YYYYMMDD…)` or a JPEG's EXIF
 * `YYYY:MM:DD HH:MM:SS`. Undefined otherwise.
 */
export function embeddedDocumentDate(head: Uint8Array, contentType: string): string | undefined {
  // Latin-1 keeps one character per byte, so the patterns below see the raw text.
  let text = '';
  for (let i = 0; i < head.length; i += 0x8000) text += String.fromCharCode(...head.subarray(i, i + 0x8000));
  const match =
    contentType === 'application/pdf'
      ? /\/CreationDate\s*\(D:(\d{4})(\d{2})(\d{2})/.exec(text)
      : contentType === 'image/jpeg'
        ? /((?:19|20)\d\d):(\d\d):(\d\d) \d\d:\d\d:\d\d/.exec(text)
        : null;
  if (!match) return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
