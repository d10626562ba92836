/**
 * The search engines compared by the benchmark, behind one small interface: Carnet's
 * index and three peers (MiniSearch, FlexSearch, Fuse) configured as an application
 * would for this job (accent-insensitive, prefix and typo tolerant, every word
 * required, title boosted, the same six fields). Bench code only.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { Charset, Document as FlexDocument } from 'flexsearch';
import type { DocumentIndex, HealthDocument } from '@carnet/catalog-sdk';
import { createDocumentIndex } from '@carnet/catalog-sdk';
import { DOCUMENT_KINDS } from '../../packages/catalog-sdk/src/model/document.js';

/** Rows a document browser shows at once. */
export const VISIBLE_ROWS = 30;

/** One engine under test. */
export interface Engine {
  readonly name: string;
  /** Builds the index (timed by the caller). */
  build(documents: HealthDocument[]): void | Promise<void>;
  /**
   * What one keystroke costs before the list can be painted: the visible rows, with their highlights
   * when the engine has them (Carnet: search, total, 30 rows with highlights).
   */
  keystroke(query: string): number;
  /**
   * What the page does after painting the list, for the same query (Carnet: the facets of the
   * filter panel, read in a later frame by the document browser); timed separately.
   */
  afterPaint?(query: string): number;
  /**
   * For an engine whose keystroke stops at the visible rows without counting the others (FlexSearch):
   * the same keystroke when the page also shows how many documents match, as Carnet's does; timed
   * separately, beside the keystroke.
   */
  counted?(query: string): number;
  /** Ids of the first `limit` results. */
  top(query: string, limit: number): string[];
  /** Drops the index (memory is measured with it alive, then without). */
  dispose(): void;
}

const KIND_LABEL = new Map(DOCUMENT_KINDS.map((info) => [info.kind, `${info.labelFr} ${info.labelEn}`]));

interface FlatDocument {
  [key: string]: string;
  id: string;
  title: string;
  kind: string;
  author: string;
  organisation: string;
  tags: string;
  description: string;
}

function flat(document: HealthDocument): FlatDocument {
  return {
    id: document.id,
    title: document.title,
    kind: KIND_LABEL.get(document.kind) ?? '',
    author: document.author ?? '',
    organisation: document.organisation ?? '',
    tags: document.tags.join(' '),
    description: document.description ?? '',
  };
}

const FIELDS = ['title', 'kind', 'author', 'organisation', 'tags', 'description'] as const;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').toLowerCase();
}

/** Carnet's index; `chunked` builds it with the cooperative (chunked) builder. */
export function carnet(): Engine {
  let index: DocumentIndex | undefined;
  return {
    name: 'Carnet',
    build(documents) {
      index = createDocumentIndex(documents);
    },
    keystroke(query) {
      const result = (index as DocumentIndex).search(query);
      let sink = result.total;
      const shown = Math.min(VISIBLE_ROWS, result.total);
      for (let i = 0; i < shown; i++) {
        const hit = result.hits[i];
        if (hit !== undefined) sink += Object.keys(hit.matches).length;
      }
      return sink;
    },
    afterPaint(query) {
      // The same search again is answered from the previous result; its facets are counted on first read.
      const { facets } = (index as DocumentIndex).search(query);
      return facets.kinds.length + facets.years.length + facets.authors.length;
    },
    top(query, limit) {
      const hits = (index as DocumentIndex).search(query).hits;
      const ids: string[] = [];
      for (let i = 0; i < Math.min(limit, hits.length); i++)
        ids.push((hits[i] as { document: HealthDocument }).document.id);
      return ids;
    },
    dispose() {
      index = undefined;
    },
  };
}

export function miniSearch(): Engine {
  let index: MiniSearch<FlatDocument> | undefined;
  const options = {
    prefix: true,
    fuzzy: 0.2,
    combineWith: 'AND' as const,
    boost: { title: 2, kind: 1.5, tags: 1.5 },
  };
  return {
    name: 'MiniSearch 7.2',
    build(documents) {
      index = new MiniSearch<FlatDocument>({
        fields: [...FIELDS],
        idField: 'id',
        processTerm: fold,
        searchOptions: options,
      });
      index.addAll(documents.map(flat));
    },
    keystroke(query) {
      return (index as MiniSearch<FlatDocument>).search(query).slice(0, VISIBLE_ROWS).length;
    },
    top(query, limit) {
      return (index as MiniSearch<FlatDocument>)
        .search(query)
        .slice(0, limit)
        .map((result) => String(result.id));
    },
    dispose() {
      index = undefined;
    },
  };
}

export function flexSearch(): Engine {
  let index: FlexDocument<FlatDocument> | undefined;
  let size = 0;
  const search = (query: string, limit: number): string[] => {
    const results = (index as FlexDocument<FlatDocument>).search(query, { limit, merge: true, suggest: false });
    // Merged results may name a document once per field: keep each once.
    const ids = new Set((results as unknown as { id: string }[]).map((result) => String(result.id)));
    return [...ids].slice(0, limit);
  };
  return {
    name: 'FlexSearch 0.8',
    build(documents) {
      index = new FlexDocument<FlatDocument>({
        document: { id: 'id', index: [...FIELDS] },
        tokenize: 'forward',
        encoder: Charset.LatinBalance,
      });
      for (const document of documents) index.add(flat(document));
      size = documents.length;
    },
    keystroke(query) {
      return search(query, VISIBLE_ROWS).length;
    },
    counted(query) {
      // FlexSearch has no count: every matching id is fetched, the visible rows are the first ones.
      const all = search(query, Math.max(1, size));
      return all.length + all.slice(0, VISIBLE_ROWS).length;
    },
    top: search,
    dispose() {
      index = undefined;
    },
  };
}

export function fuse(): Engine {
  let index: Fuse<FlatDocument> | undefined;
  return {
    name: 'Fuse 7.5',
    build(documents) {
      index = new Fuse(documents.map(flat), {
        keys: [{ name: 'title', weight: 2 }, 'kind', 'author', 'organisation', 'tags', 'description'],
        threshold: 0.4,
        ignoreLocation: true,
        ignoreDiacritics: true,
        includeScore: true,
      });
    },
    keystroke(query) {
      return (index as Fuse<FlatDocument>).search(query).slice(0, VISIBLE_ROWS).length;
    },
    top(query, limit) {
      return (index as Fuse<FlatDocument>).search(query, { limit }).map((result) => result.item.id);
    },
    dispose() {
      index = undefined;
    },
  };
}
