import { DOCUMENT_KINDS } from '@carnet/catalog-sdk';
import type { CarnetLocale, DocumentFacets, DocumentKind, FacetValue, HealthDocument } from '@carnet/catalog-sdk';

/** What the browser's first view shows about the whole record, counted without the search index. */
export interface CollectionCounts {
  /** The facets of every document (no query, no filter), as the search index counts them. */
  facets: DocumentFacets;
  /** Tags in use, most used first (then in the locale's order), as the index lists them. */
  tags: string[];
}

const KIND_POSITION = new Map<DocumentKind, number>(DOCUMENT_KINDS.map((info, position) => [info.kind, position]));
const OTHER_POSITION = KIND_POSITION.get('other') ?? DOCUMENT_KINDS.length - 1;

/** Calendar year of a clinical date, read from the ISO text (as the index reads it). */
function documentYear(date: string): number {
  const match = /^(\d{4})-/.exec(date);
  if (match !== null) return Number(match[1]);
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? 0 : parsed.getFullYear();
}

function bump<T>(counts: Map<T, number>, value: T): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

function byCountThenLabel<T>(a: FacetValue<T>, b: FacetValue<T>): number {
  return b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

function values<T>(counts: Map<T, number>, label: (value: T) => string): FacetValue<T>[] {
  return [...counts].map(([value, count]) => ({ value, label: label(value), count, selected: false }));
}

/**
 * Counts the facets of the whole record in one pass over the documents: what the browser's
 * filter panel shows before anything is searched, without loading the search index (which
 * loads when the patient turns to the search field, the filters or the sort menu). The
 * answer is the index's for an empty query and no filter (`collection-facets.test.ts` checks it):
 * kinds by count then label, years newest first, authors, organisations and tags by count
 * then name, favourites and documents hidden from professionals.
 */
export function countCollection(documents: Iterable<HealthDocument>, locale: CarnetLocale): CollectionCounts {
  const kinds = new Array<number>(DOCUMENT_KINDS.length).fill(0);
  const years = new Map<number, number>();
  const authors = new Map<string, number>();
  const tags = new Map<string, number>();
  let favourites = 0;
  let hidden = 0;
  for (const document of documents) {
    const kind = KIND_POSITION.get(document.kind) ?? OTHER_POSITION;
    kinds[kind] = (kinds[kind] as number) + 1;
    bump(years, documentYear(document.date));
    const { author, organisation } = document;
    if (author !== undefined && author !== '') bump(authors, author);
    if (organisation !== undefined && organisation !== '' && organisation !== author) bump(authors, organisation);
    for (const tag of new Set(document.tags)) bump(tags, tag);
    if (document.favourite) favourites++;
    if (document.hiddenFromProfessionals === true) hidden++;
  }
  const kindValues: FacetValue<DocumentKind>[] = [];
  DOCUMENT_KINDS.forEach((info, position) => {
    const count = kinds[position] as number;
    if (count > 0)
      kindValues.push({
        value: info.kind,
        label: locale === 'en' ? info.labelEn : info.labelFr,
        count,
        selected: false,
      });
  });
  const tagValues = values(tags, (tag) => tag);
  return {
    facets: {
      kinds: kindValues.sort(byCountThenLabel),
      years: values(years, String).sort((a, b) => b.value - a.value),
      authors: values(authors, (name) => name).sort(byCountThenLabel),
      tags: [...tagValues].sort(byCountThenLabel),
      favourites,
      hidden,
    },
    tags: tagValues
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, locale))
      .map((entry) => entry.value),
  };
}
