/**
 * Watches what the document browser asks of its (real) search index: which answers' facets are
 * counted, and which hits' highlights are computed. The index is the SDK's own; only its answers
 * are wrapped, to note reads, through the search code's test import hook.
 */
import type {
  DocumentFacets,
  DocumentHit,
  DocumentIndex,
  DocumentIndexBuild,
  DocumentMatches,
  DocumentSearchResult,
} from '@carnet/catalog-sdk';
import { replaceSearchCodeImportForTests } from '../document-filter.controller.js';
import type * as SearchModule from '../document-search.js';

type SearchCode = typeof SearchModule;

/** What the browser read of the index's answers. */
export interface SearchReads {
  /** The query of each answer whose facets were read, in order. */
  readonly facets: string[];
  /** The query and list position of each hit whose highlights were read, in order. */
  readonly matches: { query: string; index: number }[];
}

function observedHits(hits: DocumentHit[], query: string, reads: SearchReads): DocumentHit[] {
  const wrapped = new Map<number, DocumentHit>();
  return new Proxy(hits, {
    get(target, key, receiver) {
      const index = typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : undefined;
      if (index === undefined || index >= target.length) return Reflect.get(target, key, receiver) as unknown;
      let hit = wrapped.get(index);
      if (!hit) {
        const real = target[index] as DocumentHit;
        hit = {
          document: real.document,
          score: real.score,
          get matches(): DocumentMatches {
            reads.matches.push({ query, index });
            return real.matches;
          },
        };
        wrapped.set(index, hit);
      }
      return hit;
    },
  });
}

function observedIndex(index: DocumentIndex, reads: SearchReads, seen: WeakMap<object, unknown>): DocumentIndex {
  const known = seen.get(index) as DocumentIndex | undefined;
  if (known) return known;
  const results = new WeakMap<DocumentSearchResult, DocumentSearchResult>();
  const wrapper: DocumentIndex = {
    search(query, filters, options) {
      const real = index.search(query, filters, options);
      let result = results.get(real);
      if (!result) {
        const hits = observedHits(real.hits, query, reads);
        result = {
          hits,
          total: real.total,
          get facets(): DocumentFacets {
            reads.facets.push(query);
            return real.facets;
          },
        };
        results.set(real, result);
      }
      return result;
    },
    update: (document) => index.update(document),
    remove: (id) => index.remove(id),
    get size() {
      return index.size;
    },
    tags: () => index.tags(),
    suggestTags: (prefix, limit) => index.suggestTags(prefix, limit),
  };
  seen.set(index, wrapper);
  return wrapper;
}

/**
 * From now on, the browser's search code is the real one with its answers watched; returns the
 * reads noted. Call `replaceSearchCodeImportForTests()` after the test to put the real import back.
 */
export function observeSearches(): SearchReads {
  const reads: SearchReads = { facets: [], matches: [] };
  const seen = new WeakMap<object, unknown>();
  replaceSearchCodeImportForTests(async (real) => {
    const code = await real();
    return {
      createDocumentIndex: (...args: Parameters<SearchCode['createDocumentIndex']>) =>
        observedIndex(code.createDocumentIndex(...args), reads, seen),
      buildDocumentIndex: (...args: Parameters<SearchCode['buildDocumentIndex']>): DocumentIndexBuild => {
        const build = code.buildDocumentIndex(...args);
        return {
          get index() {
            return observedIndex(build.index, reads, seen);
          },
          done: build.done.then((index) => observedIndex(index, reads, seen)),
          get complete() {
            return build.complete;
          },
          cancel: () => build.cancel(),
          finish: () => observedIndex(build.finish(), reads, seen),
        };
      },
    };
  });
  return reads;
}
