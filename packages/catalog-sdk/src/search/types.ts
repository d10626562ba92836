/**
 * Public types of the document search index.
 */
import type { CarnetLocale } from '../model/common.js';
import type { DocumentKind, HealthDocument } from '../model/document.js';

/**
 * What the patient narrowed the list to. Within one group, values are
 * alternatives (OR); groups combine with AND.
 */
export interface DocumentFilters {
  /** Document kinds to keep. */
  kinds?: DocumentKind[];
  /** Years of the clinical date to keep. */
  years?: number[];
  /** Author or organisation display names to keep. */
  authors?: string[];
  /** The patient's tags to keep. */
  tags?: string[];
  /** Only the documents marked as favourite. */
  favouritesOnly?: boolean;
  /** Only the documents the patient hid from professionals. */
  hiddenOnly?: boolean;
}

/** Order of the results. `relevance` falls back to newest first when there is no query. */
export type DocumentSort = 'relevance' | 'date-desc' | 'date-asc' | 'title' | 'kind';

/** Every order, relevance first. */
export const DOCUMENT_SORTS: readonly DocumentSort[] = ['relevance', 'date-desc', 'date-asc', 'title', 'kind'];

/** A highlighted range of an original (not folded) text. */
export interface MatchRange {
  /** Index of the first highlighted UTF-16 code unit. */
  start: number;
  /** Exclusive end. */
  end: number;
}

/** Where the query matched inside one document, as ranges of the original texts. */
export interface DocumentMatches {
  /** Ranges in `document.title`. */
  title?: MatchRange[];
  /** Ranges in `document.author`. */
  author?: MatchRange[];
  /** Ranges in `document.organisation`. */
  organisation?: MatchRange[];
  /** Ranges per tag, keyed by the tag as the patient wrote it. */
  tags?: Record<string, MatchRange[]>;
  /** Ranges in `document.description`. */
  description?: MatchRange[];
  /** Ranges in the kind label of the search locale (`DOCUMENT_KINDS` labelFr / labelEn). */
  kindLabel?: MatchRange[];
}

/** One document found. */
export interface DocumentHit {
  /** The document itself (the index keeps a reference, never a copy). */
  document: HealthDocument;
  /** Relevance from 0 (best) to 1; 0 for every hit of an empty query. */
  score: number;
  /** Highlight ranges. Computed on first read, so undisplayed hits cost nothing. */
  matches: DocumentMatches;
}

/** One value of a facet group, with how many documents it would show. */
export interface FacetValue<T> {
  /** The value to put in {@link DocumentFilters} to select it. */
  value: T;
  /** Display label, localized for kinds. */
  label: string;
  /** Documents matching the query, the other groups' filters, and this value. */
  count: number;
  /** Whether this value is in the current filters. */
  selected: boolean;
}

/** Facet groups for the current query and filters. */
export interface DocumentFacets {
  /** Kinds, most frequent first. */
  kinds: FacetValue<DocumentKind>[];
  /** Years, most recent first. */
  years: FacetValue<number>[];
  /** Authors and organisations, most frequent first. */
  authors: FacetValue<string>[];
  /** Tags, most frequent first. */
  tags: FacetValue<string>[];
  /** Favourites among the documents matching the query and the other filters. */
  favourites: number;
  /** Documents hidden from professionals among those matching the query and the other filters. */
  hidden: number;
}

/** Everything a document browser needs to render one state of the search. */
export interface DocumentSearchResult {
  /** All hits, in the requested order (the browser virtualizes the list). */
  hits: DocumentHit[];
  /** Number of hits. */
  total: number;
  /** Counts for the filter panel. */
  facets: DocumentFacets;
}

/** Options of one search. */
export interface DocumentSearchOptions {
  /** Defaults to `relevance`. */
  sort?: DocumentSort;
  /** Defaults to the index's locale. */
  locale?: CarnetLocale;
}

/** A searchable, facetable, updatable set of the patient's documents. */
export interface DocumentIndex {
  /**
   * Searches; an empty query returns every document that passes the filters.
   * Results are shared with later identical searches: treat them as read-only.
   */
  search(query: string, filters?: DocumentFilters, options?: DocumentSearchOptions): DocumentSearchResult;
  /** Replaces or adds one document (after a tag change) without rebuilding everything. */
  update(document: HealthDocument): void;
  /** Forgets a document; an unknown id is ignored. */
  remove(id: string): void;
  /** Number of documents in the index. */
  readonly size: number;
  /** Every tag in use with its count, most used first — for tag suggestions. */
  tags(): { tag: string; count: number }[];
  /** Tags starting with or fuzzily matching a prefix, for an autocomplete. */
  suggestTags(prefix: string, limit?: number): string[];
}

/** Options of {@link DocumentIndex} creation. */
export interface DocumentIndexOptions {
  /** Default locale of labels; `fr` when omitted. */
  locale?: CarnetLocale;
}

/** Options of {@link DocumentIndexBuild} creation (`buildDocumentIndex`). */
export interface DocumentIndexBuildOptions extends DocumentIndexOptions {
  /** Longest slice of work between two yields to the page, in milliseconds; default 8. */
  sliceMs?: number;
}

/** An index being built in slices (`buildDocumentIndex`). */
export interface DocumentIndexBuild {
  /** The index: searchable at once, over the documents indexed so far until {@link done}. */
  readonly index: DocumentIndex;
  /** Resolves once every document is indexed; rejects (`AbortError`) when cancelled first. */
  readonly done: Promise<DocumentIndex>;
  /** Whether every document is indexed. */
  readonly complete: boolean;
  /** Stops the build (`done` rejects); the index keeps what was indexed. */
  cancel(): void;
  /** Completes the build synchronously now (for a change that cannot wait) and returns the index. */
  finish(): DocumentIndex;
}
