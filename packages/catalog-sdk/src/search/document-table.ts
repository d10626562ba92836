/**
 * Columns of facts about each indexed document (kind, year, authors, tags,
 * favourite, date), addressed by a dense ordinal, so filtering and facet
 * counting are tight loops over small integers instead of walks over objects.
 */
import { DOCUMENT_KINDS } from '../model/document.js';
import type { DocumentKind, HealthDocument } from '../model/document.js';
import { foldedWords, normalizeForSearch } from './normalize.js';
import { FIELD } from './word-index.js';

/** Gives each distinct value a small integer id. */
export class Interner<T> {
  private readonly ids = new Map<T, number>();
  /** Values by id. */
  readonly values: T[] = [];

  /** Id of `value`, created if new. */
  intern(value: T): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** Id of `value`, or `undefined` when never seen. */
  find(value: T): number | undefined {
    return this.ids.get(value);
  }
}

/** Position of each kind in `DOCUMENT_KINDS`; unknown kinds count as « other ». */
const KIND_POSITION = new Map<DocumentKind, number>(DOCUMENT_KINDS.map((info, position) => [info.kind, position]));
const OTHER_POSITION = KIND_POSITION.get('other') ?? DOCUMENT_KINDS.length - 1;

/** Position of a kind in `DOCUMENT_KINDS`. */
export function kindPosition(kind: DocumentKind): number {
  return KIND_POSITION.get(kind) ?? OTHER_POSITION;
}

/** Folded words of both labels of each kind, shared by every document of that kind. */
const KIND_LABEL_WORDS: readonly string[][] = DOCUMENT_KINDS.map((info) => [
  ...new Set([...foldedWords(normalizeForSearch(info.labelFr)), ...foldedWords(normalizeForSearch(info.labelEn))]),
]);

/** Calendar year of a clinical date, read from the ISO text so the patient's own offset decides it. */
export function documentYear(date: string): number {
  const match = /^(\d{4})-/.exec(date);
  if (match !== null) return Number(match[1]);
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? 0 : parsed.getFullYear();
}

/**
 * Every searchable folded word of a document with the fields it appears in.
 * `reuse` is cleared and filled instead of allocating: building 10,000 documents
 * would otherwise leave 10,000 maps for the garbage collector to pause on later.
 */
export function documentWords(document: HealthDocument, reuse?: Map<string, number>): Map<string, number> {
  const words = reuse ?? new Map<string, number>();
  words.clear();
  const addText = (text: string | undefined, field: number): void => {
    if (text === undefined || text === '') return;
    for (const word of foldedWords(normalizeForSearch(text))) words.set(word, (words.get(word) ?? 0) | field);
  };
  addText(document.title, FIELD.title);
  for (const word of KIND_LABEL_WORDS[kindPosition(document.kind)] ?? [])
    words.set(word, (words.get(word) ?? 0) | FIELD.kindLabel);
  addText(document.author, FIELD.author);
  addText(document.organisation, FIELD.organisation);
  for (const tag of document.tags) addText(tag, FIELD.tag);
  addText(document.description, FIELD.description);
  return words;
}

/** A growable typed column. */
function grown<T extends Int32Array | Uint8Array | Float64Array>(column: T, needed: number): T {
  if (needed <= column.length) return column;
  const next = new (column.constructor as new (length: number) => T)(Math.max(needed, column.length * 2, 64));
  next.set(column);
  return next;
}

/** Shared by every document without tags (most of them): no array per document. */
const NO_IDS: readonly number[] = Object.freeze([]);

/**
 * The indexed documents as typed columns by ordinal; removed ordinals stay as
 * holes until the next rebuild. Columns are typed arrays (a byte or four per
 * document instead of a boxed value and an array per document): at 100,000
 * documents the table is a few megabytes.
 */
export class DocumentTable {
  /** Documents by ordinal (`undefined` for a removed one). */
  readonly documents: (HealthDocument | undefined)[] = [];
  /** Position of the kind in `DOCUMENT_KINDS`. */
  kind = new Uint8Array(0);
  /** Id (in {@link years}) of the clinical date's year. */
  yearId = new Int32Array(0);
  /** Clinical date in ms since the epoch, for sorting. */
  time = new Float64Array(0);
  /** The patient's favourite flag (1 = favourite). */
  favourite = new Uint8Array(0);
  /** Hidden from professionals (1 = hidden). */
  hidden = new Uint8Array(0);
  /** Id (in {@link authors}) of the author display, or -1. */
  authorId = new Int32Array(0);
  /** Id (in {@link authors}) of the organisation display when different from the author, or -1. */
  organisationId = new Int32Array(0);
  /** Ids (in {@link tags}) of the patient's tags. */
  readonly tagIds: (readonly number[])[] = [];
  /** Distinct years. */
  readonly years = new Interner<number>();
  /** Distinct author and organisation displays. */
  readonly authors = new Interner<string>();
  /** Distinct tags, as the patient wrote them. */
  readonly tags = new Interner<string>();
  /** Number of live documents using each tag id. */
  readonly tagUse: number[] = [];
  private readonly ordinals = new Map<string, number>();
  private titles: string[] | undefined;

  /** Number of live documents. */
  get size(): number {
    return this.ordinals.size;
  }

  /** Number of removed ordinals not yet reclaimed. */
  get holes(): number {
    return this.documents.length - this.ordinals.size;
  }

  /** Folded title by ordinal, for alphabetical order: computed on first need only. */
  get foldedTitle(): readonly string[] {
    this.titles ??= this.documents.map((document) =>
      document === undefined ? '' : normalizeForSearch(document.title),
    );
    return this.titles;
  }

  /** Ordinal of a document id. */
  ordinalOf(id: string): number | undefined {
    return this.ordinals.get(id);
  }

  /** Stores a document at its existing ordinal, or a new one; returns the ordinal. */
  put(document: HealthDocument): number {
    const existing = this.ordinals.get(document.id);
    const ordinal = existing ?? this.documents.length;
    if (existing !== undefined) this.releaseTags(existing);
    const needed = ordinal + 1;
    if (needed > this.kind.length) {
      this.kind = grown(this.kind, needed);
      this.yearId = grown(this.yearId, needed);
      this.time = grown(this.time, needed);
      this.favourite = grown(this.favourite, needed);
      this.hidden = grown(this.hidden, needed);
      this.authorId = grown(this.authorId, needed);
      this.organisationId = grown(this.organisationId, needed);
    }
    this.ordinals.set(document.id, ordinal);
    this.documents[ordinal] = document;
    this.kind[ordinal] = kindPosition(document.kind);
    this.yearId[ordinal] = this.years.intern(documentYear(document.date));
    const time = Date.parse(document.date);
    this.time[ordinal] = Number.isNaN(time) ? 0 : time;
    this.favourite[ordinal] = document.favourite ? 1 : 0;
    this.hidden[ordinal] = document.hiddenFromProfessionals === true ? 1 : 0;
    const authorId =
      document.author !== undefined && document.author !== '' ? this.authors.intern(document.author) : -1;
    const organisationId =
      document.organisation !== undefined && document.organisation !== ''
        ? this.authors.intern(document.organisation)
        : -1;
    this.authorId[ordinal] = authorId;
    this.organisationId[ordinal] = organisationId === authorId ? -1 : organisationId;
    let tagIds: readonly number[] = NO_IDS;
    if (document.tags.length > 0) {
      tagIds = [...new Set(document.tags)].map((tag) => this.tags.intern(tag));
      for (const tagId of tagIds) this.tagUse[tagId] = (this.tagUse[tagId] ?? 0) + 1;
    }
    this.tagIds[ordinal] = tagIds;
    if (this.titles !== undefined) this.titles[ordinal] = normalizeForSearch(document.title);
    return ordinal;
  }

  /** Removes a document; returns its former ordinal. */
  delete(id: string): number | undefined {
    const ordinal = this.ordinals.get(id);
    if (ordinal === undefined) return undefined;
    this.releaseTags(ordinal);
    this.ordinals.delete(id);
    this.documents[ordinal] = undefined;
    this.tagIds[ordinal] = NO_IDS;
    this.authorId[ordinal] = -1;
    this.organisationId[ordinal] = -1;
    return ordinal;
  }

  private releaseTags(ordinal: number): void {
    for (const tagId of this.tagIds[ordinal] ?? []) this.tagUse[tagId] = (this.tagUse[tagId] ?? 1) - 1;
  }
}
