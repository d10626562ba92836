/**
 * Document search: a fast, typo-tolerant, accent-insensitive index with facets,
 * and helpers to render highlighted matches safely.
 * @packageDocumentation
 */
export { buildDocumentIndex, createDocumentIndex } from './document-index.js';
export { DOCUMENT_SORTS } from './types.js';
export { normalizeForSearch } from './normalize.js';
export { highlightSegments } from './highlight.js';
export type {
  DocumentFacets,
  DocumentFilters,
  DocumentHit,
  DocumentIndex,
  DocumentIndexBuild,
  DocumentIndexBuildOptions,
  DocumentIndexOptions,
  DocumentMatches,
  DocumentSearchOptions,
  DocumentSearchResult,
  DocumentSort,
  FacetValue,
  MatchRange,
} from './types.js';
