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
  hiddenOnly: boolean;
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
    hiddenOnly: filters.hiddenOnly === true,
  };
}

function anySelected(ids: readonly number[], flags: Uint8Array): boolean {
  for (let i = 0; i < ids.length; i++) if (flags[ids[i] as number] === 1) return true;
  return false;
}

function authorSelected(table: DocumentTable, ordinal: number, flags: Uint8Array): boolean {
  const author = table.authorId[ordinal] as number;
  const organisation = table.organisationId[ordinal] as number;
  return (author >= 0 && flags[author] === 1) || (organisation >= 0 && flags[organisation] === 1);
}

function bump(counts: Int32Array, id: number): void {
  counts[id] = (counts[id] as number) + 1;
}

/** Whether no filter is set (the candidates are then the result, no pass needed). */
export function noFilters(filters: DocumentFilters): boolean {
  return (
    !filters.kinds?.length &&
    !filters.years?.length &&
    !filters.authors?.length &&
    !filters.tags?.length &&
    filters.favouritesOnly !== true &&
    filters.hiddenOnly !== true
  );
}

/** Which groups a document fails: one bit per group (kinds 1, years 2, authors 4, tags 8, favourites 16, hidden 32). */
function failures(table: DocumentTable, ordinal: number, selection: ResolvedFilters): number {
  let failed = 0;
  if (selection.kinds !== undefined && selection.kinds[table.kind[ordinal] as number] !== 1) failed |= 1;
  if (selection.years !== undefined && selection.years[table.yearId[ordinal] as number] !== 1) failed |= 2;
  if (selection.authors !== undefined && !authorSelected(table, ordinal, selection.authors)) failed |= 4;
  if (selection.tags !== undefined && !anySelected(table.tagIds[ordinal] as readonly number[], selection.tags))
    failed |= 8;
  if (selection.favouritesOnly && table.favourite[ordinal] !== 1) failed |= 16;
  if (selection.hiddenOnly && table.hidden[ordinal] !== 1) failed |= 32;
  return failed;
}

/**
 * The candidates passing every filter, in the order given (the candidates
 * themselves when no filter is set: no copy, no pass).
 */
export function filterCandidates(table: DocumentTable, candidates: Int32Array, filters: DocumentFilters): Int32Array {
  if (noFilters(filters)) return candidates;
  const selection = resolve(table, filters);
  const kept = new Int32Array(candidates.length);
  let count = 0;
  for (let index = 0; index < candidates.length; index++) {
    const ordinal = candidates[index] as number;
    if (failures(table, ordinal, selection) === 0) kept[count++] = ordinal;
  }
  return kept.subarray(0, count);
}

/**
 * Facet counts over the candidates (the documents matching the query): each
 * group counts the documents passing every OTHER group's filters. One pass over
 * typed columns, no allocation per document; called lazily, when the facets are read.
 */
export function countFacets(
  table: DocumentTable,
  candidates: Int32Array,
  filters: DocumentFilters,
  locale: CarnetLocale,
): DocumentFacets {
  const selection = resolve(table, filters);
  const kindCounts = new Int32Array(DOCUMENT_KINDS.length);
  const yearCounts = new Int32Array(table.years.values.length);
  const authorCounts = new Int32Array(table.authors.values.length);
  const tagCounts = new Int32Array(table.tags.values.length);
  const { kind, yearId, authorId, organisationId, favourite, hidden, tagIds } = table;
  const filtered = !noFilters(filters);
  let favourites = 0;
  let hiddenCount = 0;
  for (let index = 0; index < candidates.length; index++) {
    const ordinal = candidates[index] as number;
    const failed = filtered ? failures(table, ordinal, selection) : 0;
    // A document failing two groups counts nowhere; failing one, only in that group.
    if (failed !== 0 && (failed & (failed - 1)) !== 0) continue;
    if (failed === 0 || failed === 1) bump(kindCounts, kind[ordinal] as number);
    if (failed === 0 || failed === 2) bump(yearCounts, yearId[ordinal] as number);
    if (failed === 0 || failed === 4) {
      const author = authorId[ordinal] as number;
      const organisation = organisationId[ordinal] as number;
      if (author >= 0) bump(authorCounts, author);
      if (organisation >= 0) bump(authorCounts, organisation);
    }
    if (failed === 0 || failed === 8) {
      const tags = tagIds[ordinal] as readonly number[];
      for (let t = 0; t < tags.length; t++) bump(tagCounts, tags[t] as number);
    }
    if ((failed === 0 || failed === 16) && favourite[ordinal] === 1) favourites++;
    if ((failed === 0 || failed === 32) && hidden[ordinal] === 1) hiddenCount++;
  }
  return {
    kinds: kindFacet(kindCounts, selection.kinds, locale),
    years: valueFacet(yearCounts, selection.years, table.years, filters.years, (year) => String(year)).sort(
      (a, b) => b.value - a.value,
    ),
    authors: valueFacet(authorCounts, selection.authors, table.authors, filters.authors, (name) => name).sort(
      byCountThenLabel,
    ),
    tags: valueFacet(tagCounts, selection.tags, table.tags, filters.tags, (tag) => tag).sort(byCountThenLabel),
    favourites,
    hidden: hiddenCount,
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
