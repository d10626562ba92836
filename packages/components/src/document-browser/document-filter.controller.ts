import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadOnce } from '../shared/load-once.js';
import type {
  DocumentFilters,
  DocumentHit,
  DocumentIndex,
  DocumentIndexBuild,
  DocumentMatches,
  DocumentKind,
  DocumentSearchResult,
  DocumentSort,
  HealthDocument,
  CarnetLocale,
} from '@carnet/catalog-sdk';

// The search index code loads on demand, apart from the list's first paint (document-search.ts).
const loadSearch = loadOnce(() => import('./document-search.js'));

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
  /** The index being built in slices after the first paint; it answers keystrokes meanwhile. */
  private building: DocumentIndexBuild | undefined;
  private readonly byId = new Map<string, HealthDocument>();
  private locale: CarnetLocale = 'fr';
  /** Incremented on each load so a late index build of older documents is dropped. */
  private generation = 0;
  /** Builds the index of the documents just loaded, once their first rows are painted. */
  private pendingBuild: (() => void) | undefined;
  /** A search asked for before the index code loaded (true: to be announced). */
  private waitingSearch: boolean | undefined;
  /** True when the index code could not be loaded (searching and filters are unavailable). */
  searchUnavailable = false;

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
    // The index code is fetched while the documents are read, not before the list shows.
    this.loadSearch();
    // Put back in the page before its index was built: build it now.
    if (this.byId.size > 0 && !this.index) {
      const generation = this.generation;
      setTimeout(() => this.startBuild(generation), 0);
    }
  }

  hostDisconnected(): void {
    // A widget taken out of the page does not spend the main thread on an index nobody sees.
    this.generation++;
    this.pendingBuild = undefined;
    this.stopBuild();
  }

  /** Number of documents in the record (whatever the filters). */
  get documentCount(): number {
    return this.byId.size;
  }

  /** True when a query or a filter narrows the list. */
  get narrowed(): boolean {
    const { kinds, years, authors, tags, favouritesOnly, hiddenOnly } = this.filters;
    return (
      this.query.trim() !== '' ||
      favouritesOnly === true ||
      hiddenOnly === true ||
      [kinds, years, authors, tags].some((values) => values !== undefined && values.length > 0)
    );
  }

  /** False while the documents are listed but not yet indexed (facets not counted yet). */
  get indexed(): boolean {
    return this.index !== undefined || (this.byId.size === 0 && loadSearch.loaded !== undefined);
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
    this.stopBuild();
    for (const document of documents) this.byId.set(document.id, document);
    for (const id of [...this.selection]) if (!this.byId.has(id)) this.selection.delete(id);
    const generation = ++this.generation;
    if (this.narrowed || this.sort !== 'relevance' || this.byId.size === 0) {
      if (!loadSearch.loaded) {
        // Until the index code is there: nothing to list, or not yet the asked-for answer.
        this.result = this.byId.size === 0 ? unindexedResult([]) : undefined;
        this.host.requestUpdate();
      }
      this.ensureIndex();
      this.search(false);
      return;
    }
    this.result = unindexedResult([...this.byId.values()]);
    this.host.requestUpdate();
    const build = (): void => this.startBuild(generation);
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
    this.ensureIndex()?.update(document);
    this.search(false);
  }

  /** Tags in use, most used first. */
  tags(): string[] {
    return this.index?.tags().map((entry) => entry.tag) ?? [];
  }

  /** Existing tags close to what the patient is typing, for suggestions. */
  suggestTags(prefix: string): string[] {
    return this.ensureIndex()?.suggestTags(prefix, 12) ?? [];
  }

  /** Follows the interface language (kind labels are searched and sorted in it). */
  setLocale(locale: CarnetLocale): void {
    if (locale === this.locale) return;
    this.locale = locale;
    if (this.building) {
      this.stopBuild();
      this.startBuild(this.generation);
    }
    const search = loadSearch.loaded;
    if (this.index && search) this.index = search.createDocumentIndex(newestFirst([...this.byId.values()]), { locale });
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

  /** Shows only the documents hidden from professionals, or everything. */
  setHiddenOnly(only: boolean): void {
    this.filters = { ...this.filters, hiddenOnly: only };
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

  /**
   * Indexes the documents in slices of a few milliseconds (newest first, so answers
   * during the build cover the recent ones): the page stays responsive, and a
   * keystroke meanwhile is answered at once over what is indexed so far, then again
   * when the build is done. The result is the synchronous build's.
   */
  private startBuild(generation: number): void {
    if (generation !== this.generation || this.index || this.building) return;
    const search = loadSearch.loaded;
    if (!search) {
      void this.loadSearch().then(() => this.startBuild(generation));
      return;
    }
    const build = search.buildDocumentIndex(newestFirst([...this.byId.values()]), { locale: this.locale });
    this.building = build;
    build.done.then(
      () => {
        if (this.building !== build) return;
        this.building = undefined;
        this.index = build.index;
        this.search(false);
      },
      () => undefined, // cancelled: a newer load or locale took over
    );
  }

  private stopBuild(): void {
    this.building?.cancel();
    this.building = undefined;
  }

  /**
   * The complete index, built now if needed (a change to the documents cannot wait for the
   * slices); `undefined` while the index code is still loading (it is built once it has).
   */
  private ensureIndex(): DocumentIndex | undefined {
    if (this.building) {
      this.index = this.building.finish();
      this.building = undefined;
    }
    const search = loadSearch.loaded;
    if (!this.index && search)
      this.index = search.createDocumentIndex(newestFirst([...this.byId.values()]), { locale: this.locale });
    return this.index;
  }

  /** Loads the index code; a search asked for meanwhile runs once it has loaded. */
  private loadSearch(): Promise<unknown> {
    return loadSearch().then(
      () => {
        const waiting = this.waitingSearch;
        this.waitingSearch = undefined;
        if (this.searchUnavailable) {
          this.searchUnavailable = false;
          this.host.requestUpdate();
        }
        if (waiting !== undefined) this.search(waiting);
      },
      () => {
        // Shown by the facets panel; the next search or load tries again.
        this.searchUnavailable = true;
        this.host.requestUpdate();
      },
    );
  }

  private search(announce: boolean): void {
    const index = this.index ?? this.building?.index ?? this.ensureIndex();
    if (!index) {
      // The index code is not there yet: this search runs (and is announced) once it is.
      this.waitingSearch = (this.waitingSearch ?? false) || announce;
      void this.loadSearch();
      return;
    }
    this.result = index.search(this.query, this.filters, { sort: this.sort, locale: this.locale });
    this.host.requestUpdate();
    if (announce) this.onResultChange(this.result);
  }
}

/** The documents newest first (stable: equal dates keep their order), as shown and as indexed. */
function newestFirst(documents: HealthDocument[]): HealthDocument[] {
  let ordered = true;
  for (let i = 1; i < documents.length && ordered; i++)
    ordered = (documents[i - 1] as HealthDocument).date >= (documents[i] as HealthDocument).date;
  return ordered ? documents : [...documents].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

// Plain hits, newest first, shown before the index exists (no query, so no highlights).
function unindexedResult(documents: HealthDocument[]): DocumentSearchResult {
  const hits: DocumentHit[] = newestFirst(documents).map((document) => ({ document, score: 0, matches: NO_MATCHES }));
  return {
    hits,
    total: hits.length,
    facets: { kinds: [], years: [], authors: [], tags: [], favourites: 0, hidden: 0 },
  };
}

const NO_MATCHES: DocumentMatches = Object.freeze({});
