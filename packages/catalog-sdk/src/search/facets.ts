/**
 * Filtering and facet counting in one pass. Standard faceted search: the counts of
 * a group ignore that group's own selection (a document failing only that group
 * still counts there), so the patient can see what adding a second value would give.
 */
import { DOCUMENT_KINDS } from '../model/document.js';
import type { DocumentKind } from '../model/document.js';
import type { DocumentTable, Interner } from './document-table.js';
import { kindPosition } from './document-table.js';
import type { DocumentFacets, DocumentFilters, FacetValue } from './types.js';
import type { CarnetLocale } from '../model/common.js';

/** Filters resolved to flags by id, so the pass never hashes strings. */
interface ResolvedFilters {
  kinds: Uint8Array | undefined;
  years: Uint8Array | undefined;
  authors: Uint8Array | undefined;
  tags: Uint8Array | undefined;
  favouritesOnly: boolean;
}

function selectionFlags<T>(selected: readonly T[] | undefined, interner: Interner<T>): Uint8Array | undefined {
  if (selected === undefined || selected.length === 0) return undefined;
  const flags = new Uint8Array(interner.values.length);
  for (const value of selected) {
    const id = interner.find(value);
    if (id !== undefined) flags[id] = 1;
  }
  return flags;
}

function resolve(table: DocumentTable, filters: DocumentFilters): ResolvedFilters {
  let kinds: Uint8Array | undefined;
  if (filters.kinds !== undefined && filters.kinds.length > 0) {
    kinds = new Uint8Array(DOCUMENT_KINDS.length);
    for (const kind of filters.kinds) kinds[kindPosition(kind)] = 1;
  }
  return {
    kinds,
    years: selectionFlags(filters.years, table.years),
    authors: selectionFlags(filters.authors, table.authors),
    tags: selectionFlags(filters.tags, table.tags),
    favouritesOnly: filters.favouritesOnly === true,
  };
}

function anySelected(ids: readonly number[], flags: Uint8Array): boolean {
  for (const id of ids) if (flags[id] === 1) return true;
  return false;
}

/** Result of {@link filterAndCount}. */
export interface FilteredDocuments {
  /** Ordinals passing every filter, in the order given. */
  kept: number[];
  facets: DocumentFacets;
}

/**
 * Keeps the candidates passing `filters` and counts the facets over the
 * candidates (the documents matching the query).
 */
export function filterAndCount(
  table: DocumentTable,
  candidates: ArrayLike<number>,
  filters: DocumentFilters,
  locale: CarnetLocale,
): FilteredDocuments {
  const selection = resolve(table, filters);
  const kindCounts = new Int32Array(DOCUMENT_KINDS.length);
  const yearCounts = new Int32Array(table.years.values.length);
  const authorCounts = new Int32Array(table.authors.values.length);
  const tagCounts = new Int32Array(table.tags.values.length);
  let favourites = 0;
  const kept: number[] = [];
  for (let index = 0; index < candidates.length; index++) {
    const ordinal = candidates[index] as number;
    const kind = table.kind[ordinal] as number;
    const yearId = table.yearId[ordinal] as number;
    const authorIds = table.authorIds[ordinal] as readonly number[];
    const tagIds = table.tagIds[ordinal] as readonly number[];
    const favourite = table.favourite[ordinal] === true;
    const kindPasses = selection.kinds === undefined || selection.kinds[kind] === 1;
    const yearPasses = selection.years === undefined || selection.years[yearId] === 1;
    const authorPasses = selection.authors === undefined || anySelected(authorIds, selection.authors);
    const tagPasses = selection.tags === undefined || anySelected(tagIds, selection.tags);
    const favouritePasses = !selection.favouritesOnly || favourite;
    const failures = +!kindPasses + +!yearPasses + +!authorPasses + +!tagPasses + +!favouritePasses;
    if (failures > 1) continue;
    // With one failure, the document only counts in the group it fails.
    if (failures === 0 || !kindPasses) kindCounts[kind] = (kindCounts[kind] as number) + 1;
    if (failures === 0 || !yearPasses) yearCounts[yearId] = (yearCounts[yearId] as number) + 1;
    if (failures === 0 || !authorPasses)
      for (const id of authorIds) authorCounts[id] = (authorCounts[id] as number) + 1;
    if (failures === 0 || !tagPasses) for (const id of tagIds) tagCounts[id] = (tagCounts[id] as number) + 1;
    if ((failures === 0 || !favouritePasses) && favourite) favourites++;
    if (failures === 0) kept.push(ordinal);
  }
  return {
    kept,
    facets: {
      kinds: kindFacet(kindCounts, selection.kinds, locale),
      years: valueFacet(yearCounts, selection.years, table.years, filters.years, (year) => String(year)).sort(
        (a, b) => b.value - a.value,
      ),
      authors: valueFacet(authorCounts, selection.authors, table.authors, filters.authors, (name) => name).sort(
        byCountThenLabel,
      ),
      tags: valueFacet(tagCounts, selection.tags, table.tags, filters.tags, (tag) => tag).sort(byCountThenLabel),
      favourites,
    },
  };
}

function byCountThenLabel<T>(a: FacetValue<T>, b: FacetValue<T>): number {
  return b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

function kindFacet(
  counts: Int32Array,
  flags: Uint8Array | undefined,
  locale: CarnetLocale,
): FacetValue<DocumentKind>[] {
  const values: FacetValue<DocumentKind>[] = [];
  DOCUMENT_KINDS.forEach((info, position) => {
    const count = counts[position] as number;
    const isSelected = flags?.[position] === 1;
    if (count > 0 || isSelected) {
      values.push({
        value: info.kind,
        label: locale === 'en' ? info.labelEn : info.labelFr,
        count,
        selected: isSelected,
      });
    }
  });
  return values.sort(byCountThenLabel);
}

function valueFacet<T>(
  counts: Int32Array,
  flags: Uint8Array | undefined,
  interner: Interner<T>,
  selected: readonly T[] | undefined,
  label: (value: T) => string,
): FacetValue<T>[] {
  const values: FacetValue<T>[] = [];
  for (let id = 0; id < counts.length; id++) {
    const count = counts[id] as number;
    const isSelected = flags?.[id] === 1;
    if (count > 0 || isSelected) {
      const value = interner.values[id] as T;
      values.push({ value, label: label(value), count, selected: isSelected });
    }
  }
  // A selected value nobody has (any more) still shows, so the patient can clear it.
  for (const value of selected ?? []) {
    if (interner.find(value) === undefined) values.push({ value, label: label(value), count: 0, selected: true });
  }
  return values;
}
