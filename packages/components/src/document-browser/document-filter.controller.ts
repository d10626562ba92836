import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadOnce } from '../shared/load-once.js';
import { countCollection, type CollectionCounts } from './collection-facets.js';
import { ShownFacets } from './shown-facets.js';
import type * as SearchModule from './document-search.js';
import type {
  DocumentFacets,
  DocumentFilters,
  DocumentIndex,
  DocumentIndexBuild,
  DocumentMatches,
  DocumentKind,
  DocumentSearchResult,
  DocumentSort,
  HealthDocument,
  CarnetLocale,
} from '@carnet/catalog-sdk';

type SearchCode = typeof SearchModule;

/** The search index code's import, replaced by tests only (to hold it back or make it fail). */
let importSearchCode = (): Promise<SearchCode> => import('./document-search.js');

/**
 * The search index code (the SDK's `search/` modules and fuse.js), loaded on intent: when the
 * patient turns to the search field, the filters or the sort menu, or on the first search. The
 * first view (the list newest first, its count, the facets of the whole record) needs none of it.
 */
let loadSearch = loadOnce(() => importSearchCode());

/**
 * For tests only: loads the search code through `load` from now on (`undefined`: the real
 * import), as if the page had never loaded it.
 * @internal
 */
export function replaceSearchCodeImportForTests(load?: (real: () => Promise<SearchCode>) => Promise<SearchCode>): void {
  const real = (): Promise<SearchCode> => import('./document-search.js');
  importSearchCode = load ? () => load(real) : real;
  loadSearch = loadOnce(() => importSearchCode());
}

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
 * follows each keystroke without a debounce; the answer's facet counts are made just
 * after the list showing it is painted, and only for the latest answer ({@link ShownFacets}).
 *
 * The first view — every document newest first, its count, the facets of the whole
 * record — is made without the search index ({@link countCollection}); the index code
 * loads on intent ({@link prepareSearch}: focus or pointer on the search field, the
 * filters or the sort menu) and the index is then built in slices. A search asked for
 * before the code has loaded is answered as soon as it has, over the index being built,
 * and again once it is complete; its count is shown and announced only then.
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
  /** True when the index code could not be loaded (searching and filters are unavailable until a retry). */
  searchUnavailable = false;

  private readonly host: ReactiveControllerHost;
  private readonly onResultChange: (result: DocumentSearchResult) => void;
  private index: DocumentIndex | undefined;
  /** The index being built in slices; it answers searches meanwhile (not counted, not announced). */
  private building: DocumentIndexBuild | undefined;
  private readonly byId = new Map<string, HealthDocument>();
  private locale: CarnetLocale = 'fr';
  /** Incremented on each load so a late index build of older documents is dropped. */
  private generation = 0;
  /** Counts the facets (and builds the index if its code is there) once the first rows are painted. */
  private pendingBuild: (() => void) | undefined;
  /** The facets and tags of every document, counted without the index (until it is built). */
  private counts: CollectionCounts | undefined;
  /** A search asked for before the index code loaded (true: to be announced). */
  private waitingSearch: boolean | undefined;
  /** A search answered during the build, to be announced once the index is complete. */
  private announceWhenBuilt = false;
  /** True while `result` is complete (its count and facets are final). */
  private complete = true;
  /** The facets shown, counted once the list is painted (see `shownFacets`). */
  private readonly facets: ShownFacets;
  /** Tags in use, most used first, as last listed (see `tags`); cleared when a document or the index changes. */
  private tagList: string[] | undefined;

  /**
   * @param onResultChange - called after every search the patient caused (for the
   *   result-count announcement), once its answer is complete; not called for the initial load.
   */
  constructor(host: ReactiveControllerHost, onResultChange: (result: DocumentSearchResult) => void = () => undefined) {
    this.host = host;
    this.onResultChange = onResultChange;
    this.facets = new ShownFacets(host);
    host.addController(this);
  }

  hostConnected(): void {
    // Put back in the page before its facets were counted or its index built: do it now.
    if (this.byId.size > 0 && !this.index && (!this.counts || loadSearch.loaded)) {
      const generation = this.generation;
      setTimeout(() => this.afterFirstPaint(generation), 0);
    }
    this.countFacetsAfterPaint();
  }

  hostDisconnected(): void {
    // A widget taken out of the page does not spend the main thread on an index nobody sees.
    this.generation++;
    this.facets.cancel();
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

  /**
   * The facets to show: the last ones counted. A new answer's facets are counted just after the
   * list showing it is painted (a keystroke waits only for the list and its count), and only for
   * the latest answer; meanwhile — and while an answer is being completed (the index still
   * building) — these stay the previous answer's, so the filter checkboxes stay where they are and
   * keep focus ({@link indexed} is false then: the panel says it is updating). `undefined` before
   * the first count.
   */
  get shownFacets(): DocumentFacets | undefined {
    return this.facets.facets;
  }

  /** False while the facets shown are not those of the current, complete answer (being counted). */
  get indexed(): boolean {
    return this.byId.size === 0 || (this.complete && this.facets.isOf(this.result));
  }

  /**
   * True while the answer to what the patient asked is not complete: the search code is
   * loading, or the index is still being built (the list then shows the answer so far).
   */
  get searching(): boolean {
    return (this.waitingSearch !== undefined && !this.searchUnavailable) || !this.complete;
  }

  /**
   * The patient is about to search, filter or sort: loads the index code (once) and
   * builds the index in slices. Resolves to false when the code could not be loaded.
   */
  prepareSearch(): Promise<boolean> {
    if (loadSearch.loaded && this.waitingSearch === undefined && !this.searchUnavailable) {
      // Already there (every hover of the filters says so again): nothing to redraw.
      if (!this.pendingBuild) this.startBuild(this.generation);
      return Promise.resolve(true);
    }
    return this.loadSearch();
  }

  /**
   * Shows a fresh list of documents at once, newest first; its facets are counted just
   * after that first paint, and the index built then if its code is loaded (building the
   * index of 10,000 documents takes longer than the first-paint budget).
   */
  load(documents: readonly HealthDocument[], locale: CarnetLocale): void {
    this.locale = locale;
    this.byId.clear();
    this.index = undefined;
    this.counts = undefined;
    this.facets.clear();
    this.tagList = undefined;
    this.stopBuild();
    for (const document of documents) this.byId.set(document.id, document);
    for (const id of [...this.selection]) if (!this.byId.has(id)) this.selection.delete(id);
    const generation = ++this.generation;
    if (this.byId.size > 0 && this.needsIndex()) {
      if (loadSearch.loaded) {
        // Answered at once over the index being built, then again once it is complete.
      } else if (this.searchUnavailable) {
        this.counts = this.count();
        this.showAll();
      } else {
        // Until the index code is there: not yet the asked-for answer.
        this.result = undefined;
        this.host.requestUpdate();
      }
      this.search(false);
      return;
    }
    this.showAll();
    if (this.byId.size === 0) return;
    const build = (): void => this.afterFirstPaint(generation);
    this.pendingBuild = build;
    // At the latest: also where frames never come (hidden tabs), so rows are never painted.
    setTimeout(build, 1_000);
  }

  /**
   * Says the first rows are on screen: the facets are counted (and the index built)
   * right after this frame is painted, so it never delays the first paint.
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
    this.tagList = undefined;
    if (this.index || this.building) this.ensureIndex()?.update(document);
    if (this.counts && !this.index) this.counts = this.count();
    this.search(false);
  }

  /** Tags in use, most used first (listed once per change of the documents, not on every keystroke). */
  tags(): string[] {
    if (this.index) return (this.tagList ??= this.index.tags().map((entry) => entry.tag));
    return this.counts?.tags ?? [];
  }

  /**
   * Existing tags close to what the patient is typing, for suggestions; loads the index
   * code if needed (the most used tags are offered meanwhile).
   */
  suggestTags(prefix: string): string[] {
    if (!loadSearch.loaded) {
      // After a failed load, only an action tries again (not every render of the editor).
      if (!this.searchUnavailable) void this.loadSearch();
      return prefix.trim() === '' ? this.tags().slice(0, 12) : [];
    }
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
    this.tagList = undefined;
    if (this.counts) this.counts = this.count();
    if (this.index || (this.result && !this.needsIndex())) this.search(false);
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

  /** Whether the current query, filters or order need the index (the first view does not). */
  private needsIndex(): boolean {
    return this.narrowed || this.sort !== 'relevance';
  }

  /** The facets and tags of every loaded document, newest first (the index's order). */
  private count(): CollectionCounts {
    return countCollection(newestFirst([...this.byId.values()]), this.locale);
  }

  /** Once the first rows are painted: counts the facets, then builds the index if its code is there. */
  private afterFirstPaint(generation: number): void {
    if (generation !== this.generation) return;
    this.pendingBuild = undefined;
    if (this.index) return;
    if (!this.counts) {
      this.counts = this.count();
      if (!this.needsIndex()) this.showAll();
    }
    if (loadSearch.loaded) this.startBuild(generation);
  }

  /** Every document newest first, with the facets counted without the index: the first view. */
  private showAll(): void {
    const hits = newestFirst([...this.byId.values()]).map((document) => ({ document, score: 0, matches: NO_MATCHES }));
    this.result = {
      hits,
      total: hits.length,
      facets: this.counts?.facets ?? (this.byId.size === 0 ? countCollection([], this.locale).facets : NO_FACETS),
    };
    this.complete = true;
    // Counted already (without the index) or nothing to count: shown with the list.
    if (this.counts || this.byId.size === 0) this.facets.showNow(this.result);
    else this.facets.cancel();
    this.host.requestUpdate();
  }

  /** Counts the current answer's facets once the list showing it is painted (an incomplete answer's never). */
  private countFacetsAfterPaint(): void {
    const current = (): DocumentSearchResult | undefined => (this.complete ? this.result : undefined);
    this.facets.countAfterPaint(current(), current);
  }

  /**
   * Indexes the documents in slices of a few milliseconds (newest first, so answers
   * during the build cover the recent ones): the page stays responsive, and a
   * keystroke meanwhile is answered at once over what is indexed so far, then again
   * when the build is done. The result is the synchronous build's.
   */
  private startBuild(generation: number): void {
    if (generation !== this.generation || this.index || this.building || this.byId.size === 0) return;
    const search = loadSearch.loaded;
    if (!search) return;
    const build = search.buildDocumentIndex(newestFirst([...this.byId.values()]), { locale: this.locale });
    this.building = build;
    build.done.then(
      () => {
        if (this.building !== build) return;
        this.building = undefined;
        this.index = build.index;
        this.counts = undefined;
        this.tagList = undefined;
        const announce = this.announceWhenBuilt;
        this.announceWhenBuilt = false;
        // Answered again by the complete index (the first view's too: the same list, its facets).
        if (this.result) this.search(announce);
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
      this.counts = undefined;
      this.tagList = undefined;
    }
    const search = loadSearch.loaded;
    if (!this.index && search) {
      this.index = search.createDocumentIndex(newestFirst([...this.byId.values()]), { locale: this.locale });
      this.tagList = undefined;
    }
    return this.index;
  }

  /** Loads the index code, then builds the index and answers a search asked for meanwhile. */
  private loadSearch(): Promise<boolean> {
    return loadSearch().then(
      () => {
        if (this.searchUnavailable) {
          this.searchUnavailable = false;
          this.host.requestUpdate();
        }
        // Not before the first rows are painted (then counted and built in `afterFirstPaint`).
        if (!this.pendingBuild) this.startBuild(this.generation);
        const waiting = this.waitingSearch;
        this.waitingSearch = undefined;
        if (waiting !== undefined) this.search(waiting);
        this.host.requestUpdate();
        return true;
      },
      () => {
        // Shown beside the search field; its retry button, the next search or load tries again.
        this.searchUnavailable = true;
        if (!this.result) {
          this.counts ??= this.count();
          this.showAll();
        }
        this.host.requestUpdate();
        return false;
      },
    );
  }

  private search(announce: boolean): void {
    if (this.byId.size === 0 || (!this.index && !this.needsIndex())) {
      // Everything, newest first: the first view's answer, without the index.
      this.waitingSearch = undefined;
      if (this.byId.size > 0 && !this.counts && this.pendingBuild === undefined) this.counts = this.count();
      this.showAll();
      if (announce && this.result) this.onResultChange(this.result);
      return;
    }
    if (!this.index && loadSearch.loaded) this.startBuild(this.generation);
    const index = this.index ?? this.building?.index;
    if (!index) {
      // The index code is not there yet: this search runs (and is announced) once it is.
      this.waitingSearch = (this.waitingSearch ?? false) || announce;
      this.host.requestUpdate();
      void this.loadSearch();
      return;
    }
    this.result = index.search(this.query, this.filters, { sort: this.sort, locale: this.locale });
    this.complete = index === this.index;
    // The list and its count first; the facets once that is painted (an incomplete answer's never).
    this.countFacetsAfterPaint();
    this.host.requestUpdate();
    if (!this.complete) this.announceWhenBuilt ||= announce;
    else if (announce) this.onResultChange(this.result);
  }
}

/** The documents newest first (stable: equal dates keep their order), as shown and as indexed. */
function newestFirst(documents: HealthDocument[]): HealthDocument[] {
  let ordered = true;
  for (let i = 1; i < documents.length && ordered; i++)
    ordered = (documents[i - 1] as HealthDocument).date >= (documents[i] as HealthDocument).date;
  return ordered ? documents : [...documents].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

const NO_MATCHES: DocumentMatches = Object.freeze({});
/** Facets not counted yet (the panel says it is preparing them). */
const NO_FACETS: DocumentFacets = { kinds: [], years: [], authors: [], tags: [], favourites: 0, hidden: 0 };
