import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createDocumentIndex } from '@carnet/catalog-sdk';
import type {
  DocumentFilters,
  DocumentHit,
  DocumentIndex,
  DocumentMatches,
  DocumentKind,
  DocumentSearchResult,
  DocumentSort,
  HealthDocument,
  CarnetLocale,
} from '@carnet/catalog-sdk';

/** Facet groups whose values are toggled one by one. */
export type FacetGroup = 'kinds' | 'years' | 'authors' | 'tags';

/** Every facet group, in the order they are shown. */
export const FACET_GROUPS: readonly FacetGroup[] = ['kinds', 'years', 'authors', 'tags'];

/** The value type of each facet group. */
export interface FacetGroupValue {
  kinds: DocumentKind;
  years: number;
  authors: string;
  tags: string;
}

/** Orders the patient can choose, in the order the menu shows them. */
export const DOCUMENT_SORTS: readonly DocumentSort[] = ['relevance', 'date-desc', 'date-asc', 'title', 'kind'];

/**
 * What the patient is looking at in the document browser: the query, the facet
 * filters, the sort, the documents selected for bulk tagging, and the search
 * index answering them. Searches run synchronously on every change so the list
 * follows each keystroke without a debounce.
 */
export class DocumentFilterController implements ReactiveController {
  /** The text typed in the search field. */
  query = '';
  /** The facet values chosen (values of one group are alternatives, groups combine). */
  filters: DocumentFilters = {};
  /** The chosen order. */
  sort: DocumentSort = 'relevance';
  /** Ids of the documents selected for bulk tagging. */
  readonly selection = new Set<string>();
  /** The current answer; `undefined` until documents are loaded. */
  result: DocumentSearchResult | undefined;

  private readonly host: ReactiveControllerHost;
  private readonly onResultChange: (result: DocumentSearchResult) => void;
  private index: DocumentIndex | undefined;
  private readonly byId = new Map<string, HealthDocument>();
  private locale: CarnetLocale = 'fr';
  /** Incremented on each load so a late index build of older documents is dropped. */
  private generation = 0;
  /** Builds the index of the documents just loaded, once their first rows are painted. */
  private pendingBuild: (() => void) | undefined;

  /**
   * @param onResultChange - called after every search the patient caused (for the
   *   result-count announcement); not called for the initial load.
   */
  constructor(host: ReactiveControllerHost, onResultChange: (result: DocumentSearchResult) => void = () => undefined) {
    this.host = host;
    this.onResultChange = onResultChange;
    host.addController(this);
  }

  hostConnected(): void {
    // Put back in the page before its index was built: build it now.
    if (this.byId.size > 0 && !this.index) {
      const generation = this.generation;
      setTimeout(() => {
        if (generation !== this.generation || this.index) return;
        this.ensureIndex();
        this.search(false);
      }, 0);
    }
  }

  hostDisconnected(): void {
    // A widget taken out of the page does not spend the main thread on an index nobody sees.
    this.generation++;
    this.pendingBuild = undefined;
  }

  /** Number of documents in the record (whatever the filters). */
  get documentCount(): number {
    return this.byId.size;
  }

  /** True when a query or a filter narrows the list. */
  get narrowed(): boolean {
    const { kinds, years, authors, tags, favouritesOnly } = this.filters;
    return (
      this.query.trim() !== '' ||
      favouritesOnly === true ||
      [kinds, years, authors, tags].some((values) => values !== undefined && values.length > 0)
    );
  }

  /** False while the documents are listed but not yet indexed (facets not counted yet). */
  get indexed(): boolean {
    return this.index !== undefined || this.byId.size === 0;
  }

  /**
   * Shows a fresh list of documents at once, newest first, and indexes them just
   * after that first paint: building the index of 10,000 documents takes longer
   * than the first-paint budget. Anything needing the index builds it on demand.
   */
  load(documents: readonly HealthDocument[], locale: CarnetLocale): void {
    this.locale = locale;
    this.byId.clear();
    this.index = undefined;
    for (const document of documents) this.byId.set(document.id, document);
    for (const id of [...this.selection]) if (!this.byId.has(id)) this.selection.delete(id);
    const generation = ++this.generation;
    if (this.narrowed || this.sort !== 'relevance' || this.byId.size === 0) {
      this.ensureIndex();
      this.search(false);
      return;
    }
    this.result = unindexedResult([...this.byId.values()]);
    this.host.requestUpdate();
    const build = (): void => {
      if (generation !== this.generation || this.index) return;
      this.ensureIndex();
      this.search(false);
    };
    this.pendingBuild = build;
    // At the latest: also where frames never come (hidden tabs), so rows are never painted.
    setTimeout(build, 1_000);
  }

  /**
   * Says the first rows are on screen: the index is built right after this frame
   * is painted, so building it never delays the first paint.
   */
  rowsPainted(): void {
    const build = this.pendingBuild;
    this.pendingBuild = undefined;
    // The rows are painted at the end of this frame; the next frame starts after that.
    if (build) requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(build, 0)));
  }

  /** The document with this id as last loaded or saved. */
  document(id: string): HealthDocument | undefined {
    return this.byId.get(id);
  }

  /** Every loaded document carrying `tag`. */
  documentsTagged(tag: string): HealthDocument[] {
    return [...this.byId.values()].filter((document) => document.tags.includes(tag));
  }

  /** Replaces one document (after a save or a reload) in the index and the list. */
  replace(document: HealthDocument): void {
    this.byId.set(document.id, document);
    this.ensureIndex().update(document);
    this.search(false);
  }

  /** Tags in use, most used first. */
  tags(): string[] {
    return this.index?.tags().map((entry) => entry.tag) ?? [];
  }

  /** Existing tags close to what the patient is typing, for suggestions. */
  suggestTags(prefix: string): string[] {
    return this.ensureIndex().suggestTags(prefix, 12);
  }

  /** Follows the interface language (kind labels are searched and sorted in it). */
  setLocale(locale: CarnetLocale): void {
    if (locale === this.locale) return;
    this.locale = locale;
    if (this.index) this.index = createDocumentIndex([...this.byId.values()], { locale });
    if (this.index) this.search(false);
  }

  /** Searches for what the patient typed. */
  setQuery(query: string): void {
    if (query === this.query) return;
    this.query = query;
    this.search(true);
  }

  /** Changes the order of the results. */
  setSort(sort: DocumentSort): void {
    this.sort = sort;
    this.search(true);
  }

  /** Adds or removes one value of a facet group. */
  toggle<G extends FacetGroup>(group: G, value: FacetGroupValue[G]): void {
    const current = (this.filters[group] ?? []) as FacetGroupValue[G][];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    this.filters = { ...this.filters, [group]: next };
    this.search(true);
  }

  /** Shows only favourites, or everything. */
  setFavouritesOnly(only: boolean): void {
    this.filters = { ...this.filters, favouritesOnly: only };
    this.search(true);
  }

  /** Removes every filter and the query. */
  clearAll(): void {
    this.query = '';
    this.filters = {};
    this.search(true);
  }

  /** Selects or unselects a document for bulk tagging. */
  toggleSelection(id: string): void {
    if (this.selection.has(id)) this.selection.delete(id);
    else this.selection.add(id);
    this.host.requestUpdate();
  }

  /** Empties the selection. */
  clearSelection(): void {
    this.selection.clear();
    this.host.requestUpdate();
  }

  private ensureIndex(): DocumentIndex {
    this.index ??= createDocumentIndex([...this.byId.values()], { locale: this.locale });
    return this.index;
  }

  private search(announce: boolean): void {
    this.result = this.ensureIndex().search(this.query, this.filters, { sort: this.sort, locale: this.locale });
    this.host.requestUpdate();
    if (announce) this.onResultChange(this.result);
  }
}

// Plain hits, newest first, shown before the index exists (no query, so no highlights).
function unindexedResult(documents: HealthDocument[]): DocumentSearchResult {
  let ordered = true;
  for (let i = 1; i < documents.length && ordered; i++)
    ordered = (documents[i - 1] as HealthDocument).date >= (documents[i] as HealthDocument).date;
  const newestFirst = ordered
    ? documents
    : [...documents].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const hits: DocumentHit[] = newestFirst.map((document) => ({ document, score: 0, matches: NO_MATCHES }));
  return {
    hits,
    total: hits.length,
    facets: { kinds: [], years: [], authors: [], tags: [], favourites: 0 },
  };
}

const NO_MATCHES: DocumentMatches = Object.freeze({});
