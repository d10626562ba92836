/**
 * The document search index behind `<carnet-document-browser>`.
 *
 * Target (issue 17): 100,000 documents, keystroke p95 ≤ 16 ms, work proportional
 * to what is shown, index memory at or below MiniSearch's, nothing on the main
 * thread a keystroke waits for. `npm run bench` measures it beside FlexSearch,
 * MiniSearch and Fuse (`bench/search/`, figures in `docs/performance.md`).
 *
 * 1. **Fold once, index words, keep no copies.** At build time every searchable
 *    field (title, kind labels FR + EN, author, organisation, tags, description) is
 *    folded once ({@link normalizeForSearch}) and split into words. An inverted
 *    index maps each distinct word to the documents and fields it appears in
 *    (`word-index.ts`), stored as one compact block of typed arrays (CSR); facts
 *    used by facets and sorting live in typed columns by document ordinal
 *    (`document-table.ts`). Documents are referenced, not copied.
 * 2. **Match query words against the vocabulary, not the documents.** A query word
 *    is compared with the distinct words — after a one-integer letter-signature
 *    test that rules out most of them (`letterMask`): exact, prefix, inner
 *    (4+ letters) and typo matches (banded Damerau–Levenshtein, 1 typo up to 7
 *    letters, 2 beyond; typos in a prefix for the word being typed). Only when
 *    none match does a loose Fuse pass (`ignoreLocation`, threshold 0.25) run, over
 *    the vocabulary. Every query word must match somewhere (AND across words,
 *    best field per word); « de », « d’ », « the »… are not required. The words
 *    compared are only the candidates of a vocabulary index (`vocabulary-index.ts`:
 *    the words sorted — a prefix range, a trie walk with the typo table — and
 *    listed by trigram for inner matches), a superset of the matches: the same
 *    matches as a comparison with every word, without touching ~200,000 of them.
 * 3. **Rank by match quality, then field.** Exact < prefix < inner < typo, plus a
 *    field cost (title < kind label, tags < author, organisation < description):
 *    any exact/prefix match beats any typo match, and a title match beats the same
 *    match in a description. Ties: newest first.
 * 4. **Incremental typing.** Each query word's document set is cached; the word being
 *    typed is re-matched only against the vocabulary words its previous version
 *    matched (a safe superset while the typo budget is unchanged), so the earlier
 *    words cost nothing and the last one a few hundred comparisons. An identical
 *    search (re-render) returns the previous result object.
 *    Word results are compact (ordinals + costs sized to the matches); combining
 *    words uses scratch arrays stamped per pass, never cleared or reallocated.
 * 5. **Facets counted when read** (the filter panel), in one pass over typed
 *    columns (`facets.ts`), each group ignoring its own selection; the facets of
 *    the whole collection are kept until a change.
 * 6. **Work proportional to what is shown.** A one-word search by relevance (the word
 *    being typed) takes its first rows from a k-way merge of per-word postings kept in
 *    rank order (`ranked-postings.ts`), stopping once the first 100 are certain, and
 *    counts its exact total without keys; a first letter's total and first rows are
 *    kept until a change. A two-word search by relevance reads the second word's
 *    postings once against the first word's costs by ordinal (kept while the second
 *    word is typed): that is its exact total; its first rows come from a walk of the
 *    ranked postings of the word with fewer postings, stopped by a bound once the
 *    first 100 are certain. Other searches (other orders, filters, three words or
 *    more), and rows beyond the first 100, hold one float key per match and select
 *    the first rows with a bounded heap; reading far down sorts once, natively. Hits
 *    are objects made only when read (`lazyHits`).
 * 7. **Lazy highlights** (`document-highlights.ts`). `DocumentHit.matches` is a getter
 *    computed on first read (the browser only reads it for the rows it shows). Each
 *    text of a row is split into its folded words once and kept while rows show it
 *    (`TextWordsCache`): the usual text is folded in place (no position map); a text
 *    whose folding changes lengths keeps a position map, so ranges point into the
 *    ORIGINAL strings either way. A word is looked up only when its first letters or
 *    its letter signature can match the query, and once per search.
 *
 * 8. **Built in slices** (`buildDocumentIndex`): a few milliseconds at a time,
 *    searchable meanwhile; the same steps as the synchronous build. Every step is
 *    bounded: before each yield the slice's postings go to per-word lists (no
 *    compaction of everything per keystroke) and the orders are extended by
 *    merging the newcomers (no full sort per keystroke); the final compaction runs
 *    in steps too. Changes made during the build win over the build's copies.
 *
 * `update` changes one document's postings in place; `remove` leaves a hole that
 * is reclaimed by a rebuild once holes outnumber live documents.
 */
import type { HealthDocument } from '../model/document.js';
import { DocumentTable, documentWords } from './document-table.js';
import { countFacets, filterCandidates, noFilters } from './facets.js';
import { TextWordsCache, documentMatches, rangesByFolding } from './document-highlights.js';
import type { WordSpans } from './document-highlights.js';
import type { MatchRange } from './types.js';
import { foldedWords, normalizeForSearch } from './normalize.js';
import { QueryMatcher, parseQuery } from './query-matcher.js';
import type { ParsedQuery } from './query-matcher.js';
import type { WordMatches } from './word-index.js';
import { RankedPostings, rankedKeysFit } from './ranked-postings.js';
import { RankedKeys, ResultOrder, TOP_ROWS, decode } from './result-order.js';
import type { GlobalOrder, SortKeys } from './result-order.js';
import { typoDistance, typoBudget } from './typo-distance.js';
import type {
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
} from './types.js';
import type { CarnetLocale } from '../model/common.js';
import { WordIndex } from './word-index.js';
import { yieldToPage } from './yield-to-page.js';

/** Removed documents tolerated before a rebuild reclaims their ordinals. */
const HOLES_BEFORE_REBUILD = 1024;

/** A hit whose highlight ranges are computed the first time they are read. */
class SearchHit implements DocumentHit {
  private computed: DocumentMatches | undefined;

  constructor(
    readonly document: HealthDocument,
    readonly score: number,
    private readonly spans: (() => WordSpans) | undefined,
    private readonly locale: CarnetLocale,
    private readonly ranges: (text: string | undefined, spans: WordSpans) => MatchRange[],
  ) {}

  get matches(): DocumentMatches {
    this.computed ??=
      this.spans === undefined ? {} : documentMatches(this.document, this.spans(), this.locale, this.ranges);
    return this.computed;
  }
}

/** Whether a property key is an array index (a canonical non-negative integer). */
function indexOfKey(key: string | symbol): number | undefined {
  if (typeof key !== 'string') return undefined;
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return undefined;
  const index = Number(key);
  return Number.isInteger(index) && String(index) === key ? index : undefined;
}

/**
 * An array of `length` hits whose elements are made on first read: a list showing
 * thirty rows of 90,000 matches creates thirty hit objects, not 90,000. It is a
 * real array (a proxy of one) for every reader: indexing, `length`, iteration,
 * `map`, `slice`… Enumerating its keys makes every element.
 */
function lazyHits(length: number, make: (index: number) => DocumentHit): DocumentHit[] {
  // The target's own `length` grows only with the elements made (setting it to 90,000 up front costs a
  // sparse backing store on every keystroke); the proxy reports `length` itself (allowed: it is writable).
  const target: DocumentHit[] = [];
  const element = (index: number): DocumentHit => {
    let hit = target[index];
    if (hit === undefined) {
      hit = make(index);
      target[index] = hit;
    }
    return hit;
  };
  return new Proxy(target, {
    get(array, key, receiver) {
      const index = indexOfKey(key);
      if (index !== undefined) return index < length ? element(index) : undefined;
      if (key === 'length') return length;
      return Reflect.get(array, key, receiver) as unknown;
    },
    has(array, key) {
      const index = indexOfKey(key);
      return index !== undefined ? index < length : Reflect.has(array, key);
    },
    ownKeys(array) {
      for (let index = 0; index < length; index++) element(index);
      array.length = length;
      return Reflect.ownKeys(array);
    },
    getOwnPropertyDescriptor(array, key) {
      const index = indexOfKey(key);
      if (index !== undefined && index < length) element(index);
      if (key === 'length') return { value: length, writable: true, enumerable: false, configurable: false };
      return Reflect.getOwnPropertyDescriptor(array, key);
    },
  });
}

/** Key identifying a search, to answer a repeated one from the previous result. */
function searchKey(query: string, filters: DocumentFilters, sort: string, locale: CarnetLocale): string {
  return JSON.stringify([
    query,
    sort,
    locale,
    filters.kinds,
    filters.years,
    filters.authors,
    filters.tags,
    filters.favouritesOnly === true,
    filters.hiddenOnly === true,
  ]);
}

class SearchableDocuments implements DocumentIndex {
  private table = new DocumentTable();
  private words = new WordIndex();
  private matcher = new QueryMatcher(this.words, 0);
  private order = new ResultOrder(this.table);
  private ranked = new RankedPostings(this.words);
  private scores = new Float64Array(0);
  /** The first word of the last two-word search and its best cost by ordinal (`RankedPostings.costsOf`). */
  private pairBase: { matches: WordMatches; costs: Float32Array; postings: number } | undefined;
  private pairCosts: Float32Array | undefined;
  /** Total and first rows of one-letter searches (`~` being typed, `=` finished), until a change. */
  private readonly letters = new Map<string, { matched: WordMatches; total: number; top: Float64Array }>();
  private previous: { key: string; result: DocumentSearchResult } | undefined;
  /**
   * A build in slices under way: its remaining steps, the ids updated or removed meanwhile (the
   * build skips its older copies of them), whether documents were indexed since the last yield.
   */
  private building:
    { readonly steps: Generator<void, void, void>; readonly touched: Set<string>; dirty: boolean } | undefined;
  private live: Int32Array | undefined;
  private readonly allFacets = new Map<CarnetLocale, DocumentFacets>();
  /** Reused word map for indexing one document at a time. */
  private readonly scratchWords = new Map<string, number>();
  /** The words of the texts highlighted lately (titles, authors… of the rows shown). */
  private readonly textWords = new TextWordsCache();

  constructor(
    documents: readonly HealthDocument[],
    private readonly locale: CarnetLocale,
    /** Off only in tests, to compare the ranked path (and in-place highlights) with the full one. */
    private readonly rankedPath = true,
  ) {
    this.load(documents);
  }

  /**
   * Indexes `documents` (replacing everything) in slices of at most about
   * `sliceMs`, yielding to the page between slices; searches in between answer over
   * the documents indexed so far. The same steps as {@link load}, in the same order,
   * so the finished index is the one the synchronous build gives.
   */
  async loadInSlices(
    documents: readonly HealthDocument[],
    sliceMs: number,
    control: { cancelled: boolean },
  ): Promise<void> {
    this.reset();
    const steps = this.buildSteps(documents);
    const building = { steps, touched: new Set<string>(), dirty: false };
    this.building = building;
    try {
      let sliceEnd = performance.now() + sliceMs;
      while (!steps.next().done) {
        if (performance.now() < sliceEnd) continue;
        const settling = performance.now();
        this.settle();
        // The slice's bookkeeping counts in the slice: the next one indexes that much less (half at least).
        const settleMs = performance.now() - settling;
        await yieldToPage();
        if (control.cancelled) throw new DOMException('The index build was cancelled.', 'AbortError');
        sliceEnd = performance.now() + Math.max(sliceMs / 2, sliceMs - settleMs);
      }
    } finally {
      if (this.building === building) this.building = undefined;
    }
  }

  /** Completes a build in slices now, synchronously, from where it stands; `false` when none is under way. */
  finishBuild(): boolean {
    const building = this.building;
    if (building === undefined) return false;
    for (const _step of building.steps) {
      // Drained at once.
    }
    this.building = undefined;
    return true;
  }

  /**
   * The work of a build in slices, a pause point at each `yield`: the documents (skipping those
   * updated or removed meanwhile: the later change wins), then the compaction, in steps.
   */
  private *buildSteps(documents: readonly HealthDocument[]): Generator<void, void, void> {
    for (let next = 0; next < documents.length; next++) {
      const document = documents[next] as HealthDocument;
      if (this.building?.touched.has(document.id) !== true) this.indexOne(document);
      if (this.building !== undefined) this.building.dirty = true;
      if ((next & 15) === 15) yield;
    }
    this.settle();
    // An update during the compaction makes it moot: start again (at worst, at once).
    let compacted = false;
    for (let attempt = 0; attempt < 3 && !compacted; attempt++) compacted = yield* this.words.compactSteps();
    if (!compacted) this.words.compact();
    this.order.prepare();
    // The ranked lists of every word, sorted in steps too, so the first keystroke after the build finds them ready.
    if (this.rankedUsable()) for (const _step of this.ranked.prepareSteps(() => this.order.newestFirst())) yield;
    this.changed();
  }

  /** Before a yield of a build in slices: what was indexed since the last one becomes searchable. */
  private settle(): void {
    if (this.building?.dirty !== true) return;
    this.building.dirty = false;
    this.words.compactPending();
    this.order.prepare();
    this.changed();
  }

  /** Whether searches may take the ranked postings (on, and every ordinal fits their 32-bit keys). */
  private rankedUsable(): boolean {
    return this.rankedPath && rankedKeysFit(this.table.documents.length);
  }

  /** Sorts the ranked postings of every word now, so the first keystroke finds them ready. */
  private prepareRanked(): void {
    if (this.rankedUsable()) this.ranked.prepare(this.order.newestFirst());
  }

  get size(): number {
    return this.table.size;
  }

  search(query: string, filters: DocumentFilters = {}, options: DocumentSearchOptions = {}): DocumentSearchResult {
    const locale = options.locale ?? this.locale;
    const parsed = parseQuery(query);
    const sort = options.sort ?? 'relevance';
    const key = searchKey(parsed.words.join(' ') + (parsed.lastBeingTyped ? '…' : ''), filters, sort, locale);
    if (this.previous?.key === key) return this.previous.result;
    // Not while a build in slices runs: its ranked lists are sorted at the end, and a result read after
    // more slices must still answer over the documents indexed when it was made (the full path does).
    if (
      this.rankedUsable() &&
      this.building === undefined &&
      (parsed.words.length === 1 || parsed.words.length === 2) &&
      sort === 'relevance' &&
      noFilters(filters)
    ) {
      const ranked =
        parsed.words.length === 1
          ? this.rankedSearch(parsed, filters, locale)
          : this.rankedPairSearch(parsed, filters, locale);
      if (ranked !== undefined) {
        this.previous = { key, result: ranked };
        return ranked;
      }
    }

    let candidates: Int32Array;
    let spans: (() => WordSpans) | undefined;
    if (parsed.words.length === 0) {
      candidates = this.liveOrdinals();
    } else {
      const matched = this.matcher.match(parsed, this.scores);
      candidates = matched.ordinals;
      spans = matched.spans;
    }
    const kept = filterCandidates(this.table, candidates, filters);
    const effectiveSort = parsed.words.length === 0 && sort === 'relevance' ? 'date-desc' : sort;
    const keys = this.order.keys(kept, effectiveSort, locale, spans === undefined ? undefined : this.scores);
    const ranked = new RankedKeys(keys.keys);
    const documents = this.table.documents;
    const hits = lazyHits(kept.length, (place) => {
      const { ordinal, score } = decode(keys, ranked.at(place));
      return new SearchHit(documents[ordinal] as HealthDocument, score, spans, locale, this.highlightRanges());
    });
    const table = this.table;
    const everything = parsed.words.length === 0 && noFilters(filters);
    let facets: DocumentFacets | undefined;
    const facetsOf = (): DocumentFacets => {
      if (facets !== undefined) return facets;
      if (everything) {
        // The facets of the whole collection are asked on every cleared search: kept until a change.
        facets = this.allFacets.get(locale) ?? countFacets(table, candidates, filters, locale);
        this.allFacets.set(locale, facets);
      } else {
        facets = countFacets(table, candidates, filters, locale);
      }
      return facets;
    };
    const result: DocumentSearchResult = {
      hits,
      total: kept.length,
      // Counted when first read (the filter panel), once per result.
      get facets() {
        return facetsOf();
      },
    };
    this.previous = { key, result };
    return result;
  }

  /**
   * How the rows' highlights are found: the words of each text split once and kept
   * ({@link TextWordsCache}); with the ranked path off (tests), the letter-by-letter reference.
   */
  private highlightRanges(): (text: string | undefined, spans: WordSpans) => MatchRange[] {
    return this.rankedPath ? this.textWords.ranges : rangesByFolding;
  }

  /**
   * A one-word search by relevance without filters, its first rows merged from the ranked postings
   * (`ranked-postings.ts`) and its total counted without keys; everything else (rows beyond the first
   * {@link TOP_ROWS}, facets) through the full path when first read. `undefined` when the merge cannot
   * promise the full path's order.
   */
  private rankedSearch(
    parsed: ParsedQuery,
    filters: DocumentFilters,
    locale: CarnetLocale,
  ): DocumentSearchResult | undefined {
    const capacity = this.table.documents.length;
    const rank = this.order.newestFirst();
    const word = parsed.words[0] as string;
    // A first letter: its total and first rows kept until a change (the word cache forgets them as the
    // patient types on), and no vocabulary scan for it.
    const letter = word.length === 1 ? (parsed.lastBeingTyped ? '~' : '=') + word : undefined;
    const known = letter === undefined ? undefined : this.letters.get(letter);
    if (known !== undefined)
      return this.rankedResult(parsed, filters, locale, [known.matched], rank, known.total, known.top);
    const first = this.matcher.derived(
      word,
      parsed.lastBeingTyped,
      (matched, collected): { matched: WordMatches; total: number; top: Float64Array } | undefined => {
        if (!RankedPostings.suits(matched.matches)) return undefined;
        const total = collected ?? this.ranked.count(matched.matches, capacity);
        return { matched, total, top: this.ranked.top(matched.matches, rank, Math.min(TOP_ROWS, total)) };
      },
    );
    if (first === undefined) return undefined;
    const { matched, total, top } = first;
    if (letter !== undefined) {
      // The highlights of a word shorter than four letters only ask whether it matched anything (a word
      // starting with it is its match, nothing else can be): one match stands for the thousands.
      const summary: WordMatches = { matches: matched.matches.slice(0, 1), loose: matched.loose };
      this.letters.set(letter, { matched: summary, total, top });
    }
    return this.rankedResult(parsed, filters, locale, [matched], rank, total, top);
  }

  /**
   * A two-word search by relevance without filters: its exact total and first rows from
   * {@link RankedPostings.pair} (the second word's postings read against the first word's costs, the
   * first rows walked in key order, no key per match); rows beyond them and facets through the full
   * path when first read.
   */
  private rankedPairSearch(
    parsed: ParsedQuery,
    filters: DocumentFilters,
    locale: CarnetLocale,
  ): DocumentSearchResult | undefined {
    const capacity = this.table.documents.length;
    const rank = this.order.newestFirst();
    // The same word results as `QueryMatcher.match`: only the last word may be being typed.
    const first = this.matcher.wordMatches(parsed.words[0] as string, false);
    const second = this.matcher.wordMatches(parsed.words[1] as string, parsed.lastBeingTyped);
    // The first word's costs by ordinal, kept while the second word is typed (until a change).
    let base = this.pairBase;
    if (base?.matches !== first) {
      const { costs, postings } = this.ranked.costsOf(first.matches, capacity, this.pairCosts);
      base = { matches: first, costs, postings };
      this.pairBase = base;
      this.pairCosts = costs;
    }
    const { total, top } = this.ranked.pair(base.costs, base.postings, first.matches, second.matches, rank, TOP_ROWS);
    return this.rankedResult(parsed, filters, locale, [first, second], rank, total, top);
  }

  /**
   * The result of a search whose first rows (`top`: their keys, ascending) and total came from the ranked
   * postings; rows beyond them and facets through the full path when first read.
   */
  private rankedResult(
    parsed: ParsedQuery,
    filters: DocumentFilters,
    locale: CarnetLocale,
    matched: readonly WordMatches[],
    rank: GlobalOrder,
    total: number,
    top: Float64Array,
  ): DocumentSearchResult {
    const topKeys: SortKeys = { keys: top, relevance: true, order: rank.order, capacity: rank.order.length };
    let spans: WordSpans | undefined;
    const spansOf = (): WordSpans => (spans ??= this.matcher.spansOf(parsed.words, matched));
    // Rows beyond the merged ones (the patient scrolled far): every match keyed, as the full path does.
    let full: { keys: SortKeys; ranked: RankedKeys } | undefined;
    const fullOrder = (): { keys: SortKeys; ranked: RankedKeys } => {
      if (full === undefined) {
        const candidates = this.matcher.match(parsed, this.scores).ordinals;
        const keys = this.order.keys(candidates, 'relevance', locale, this.scores);
        full = { keys, ranked: new RankedKeys(keys.keys) };
      }
      return full;
    };
    const documents = this.table.documents;
    const hits = lazyHits(total, (place) => {
      const { ordinal, score } =
        place < top.length
          ? decode(topKeys, top[place] as number)
          : decode(fullOrder().keys, fullOrder().ranked.at(place));
      return new SearchHit(documents[ordinal] as HealthDocument, score, spansOf, locale, this.highlightRanges());
    });
    const table = this.table;
    const candidates = (): Int32Array => this.matcher.match(parsed, this.scores).ordinals;
    let facets: DocumentFacets | undefined;
    return {
      hits,
      total,
      // Counted when first read (the filter panel, after the list is painted), once per result.
      get facets() {
        facets ??= countFacets(table, candidates(), filters, locale);
        return facets;
      },
    };
  }

  /** Rebuilds synchronously from these documents. */
  rebuild(documents: readonly HealthDocument[]): void {
    this.load(documents);
  }

  update(document: HealthDocument): void {
    this.building?.touched.add(document.id);
    const ordinal = this.table.ordinalOf(document.id);
    const before = ordinal === undefined ? undefined : this.table.documents[ordinal];
    if (ordinal !== undefined && before !== undefined)
      this.words.delete(ordinal, documentWords(before, this.scratchWords));
    const stored = this.table.put(document);
    if (this.building === undefined) {
      this.words.add(stored, documentWords(document, this.scratchWords));
    } else {
      // During a build in slices most postings are outside the block: straight to the per-word lists,
      // not a compaction of everything now (the build compacts at its end).
      this.words.add(stored, documentWords(document, this.scratchWords), true);
      this.words.compactPending();
    }
    const orderUnchanged =
      before !== undefined &&
      before.date === document.date &&
      before.title === document.title &&
      before.kind === document.kind;
    if (!orderUnchanged) this.order.invalidate();
    this.changed();
  }

  remove(id: string): void {
    this.building?.touched.add(id);
    const ordinal = this.table.ordinalOf(id);
    const before = ordinal === undefined ? undefined : this.table.documents[ordinal];
    if (ordinal === undefined || before === undefined) return;
    this.words.delete(ordinal, documentWords(before, this.scratchWords));
    this.table.delete(id);
    // Not during a build in slices: it goes on filling the current table.
    if (this.building === undefined && this.table.holes > HOLES_BEFORE_REBUILD && this.table.holes > this.table.size) {
      this.load(this.table.documents.filter((document): document is HealthDocument => document !== undefined));
    } else {
      this.changed();
    }
  }

  tags(): { tag: string; count: number }[] {
    const used: { tag: string; count: number }[] = [];
    this.table.tags.values.forEach((tag, id) => {
      const count = this.table.tagUse[id] ?? 0;
      if (count > 0) used.push({ tag, count });
    });
    return used.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, this.locale));
  }

  suggestTags(prefix: string, limit = 10): string[] {
    const used = this.tags();
    const wanted = normalizeForSearch(prefix);
    if (wanted === '') return used.slice(0, limit).map((entry) => entry.tag);
    // Like the word being typed in a search, a short prefix gets no typo tolerance: too many tags would match.
    const budget = wanted.length >= 5 ? typoBudget(wanted.length) : 0;
    const ranked: { tag: string; tier: number }[] = [];
    for (const { tag } of used) {
      const folded = normalizeForSearch(tag);
      let tier: number | undefined;
      if (folded.startsWith(wanted)) tier = 0;
      else if (foldedWords(folded).some((word) => word.startsWith(wanted))) tier = 1;
      else if (budget > 0 && typoDistance(wanted, folded, budget, true) !== undefined) tier = 2;
      else if (budget > 0 && foldedWords(folded).some((word) => typoDistance(wanted, word, budget, true) !== undefined))
        tier = 3;
      if (tier !== undefined) ranked.push({ tag, tier });
    }
    // `used` is already most-used first and Array.prototype.sort is stable.
    return ranked
      .sort((a, b) => a.tier - b.tier)
      .slice(0, limit)
      .map((entry) => entry.tag);
  }

  /** (Re)builds every structure from scratch. */
  private load(documents: readonly HealthDocument[]): void {
    this.building = undefined;
    this.reset();
    for (const document of documents) this.indexOne(document);
    this.words.compact();
    this.order.prepare();
    this.prepareRanked();
    this.changed();
  }

  private reset(): void {
    this.table = new DocumentTable();
    this.words = new WordIndex();
    this.order = new ResultOrder(this.table);
    this.ranked = new RankedPostings(this.words);
    this.matcher = new QueryMatcher(this.words, 0, this.rankedPath);
    this.textWords.clear();
    this.changed();
  }

  private indexOne(document: HealthDocument): void {
    const existing = this.table.ordinalOf(document.id);
    if (existing !== undefined) {
      // A repeated id: the last copy wins, as with update().
      this.words.delete(existing, documentWords(this.table.documents[existing] as HealthDocument, this.scratchWords));
      // Its date, title or kind may change: orders built during a build in slices are stale.
      this.order.invalidate();
    }
    this.words.add(this.table.put(document), documentWords(document, this.scratchWords), true);
  }

  /** Every live ordinal, ascending (the candidates of an empty query); kept until a change. */
  private liveOrdinals(): Int32Array {
    if (this.live === undefined) {
      const all = new Int32Array(this.table.size);
      let count = 0;
      this.table.documents.forEach((document, ordinal) => {
        if (document !== undefined) all[count++] = ordinal;
      });
      this.live = all.subarray(0, count);
    }
    return this.live;
  }

  /** Drops everything derived from the previous contents. */
  private changed(): void {
    this.live = undefined;
    this.allFacets.clear();
    const capacity = this.table.documents.length;
    this.matcher.reset(capacity);
    if (this.scores.length < capacity) this.scores = new Float64Array(Math.max(capacity, this.scores.length * 2));
    this.previous = undefined;
    // Its buffer is reused for the next first word (no result handed out reads it).
    this.pairBase = undefined;
    this.letters.clear();
  }
}

/**
 * Builds a search index without holding the main thread: the work runs in slices
 * of a few milliseconds (`sliceMs`, default 8) with the page free in between, so a
 * keystroke during the build is handled within a frame. The index is searchable
 * from the start — over the documents indexed so far — and, once `done` resolves,
 * answers exactly as {@link createDocumentIndex} over the same documents would.
 * Give the documents newest first so early answers cover the recent ones.
 *
 * Chosen over a Web Worker: a worker needs a separate script (or a `blob:` URL a
 * strict CSP forbids) in the self-contained bundle, and every result would have to
 * be copied back; slices share the index and need neither.
 */
export function buildDocumentIndex(
  documents: readonly HealthDocument[],
  options: DocumentIndexBuildOptions = {},
): DocumentIndexBuild {
  const index = new SearchableDocuments([], options.locale ?? 'fr');
  const control = { cancelled: false };
  let complete = false;
  const done = index.loadInSlices(documents, options.sliceMs ?? 8, control).then(
    () => {
      complete = true;
      return index as DocumentIndex;
    },
    (error: unknown) => {
      // Cancelled by finish(): the index is complete all the same.
      if (complete) return index as DocumentIndex;
      throw error;
    },
  );
  return {
    index,
    done,
    get complete() {
      return complete;
    },
    cancel() {
      control.cancelled = true;
    },
    finish() {
      if (!complete) {
        // The rest of the same steps, synchronously, no waiting: changes made meanwhile are kept.
        control.cancelled = true;
        // Cancelled earlier: everything from scratch.
        if (!index.finishBuild()) index.rebuild(documents);
        complete = true;
      }
      return index;
    },
  };
}

/**
 * Builds a search index over the patient's documents (see the notes at the top
 * of this module for how it stays fast at 10,000 documents).
 *
 * @param documents - the documents; for a repeated id the last one wins.
 * @param options - `locale` of kind labels in facets and highlights (default `fr`).
 */
export function createDocumentIndex(documents: HealthDocument[], options: DocumentIndexOptions = {}): DocumentIndex {
  return new SearchableDocuments(documents, options.locale ?? 'fr');
}

/**
 * Test only (not exported by the package): an index answering every search through the full path
 * (every match keyed, bounded heap), to check that the ranked path gives the same results.
 * @internal
 */
export function createFullPathIndex(documents: HealthDocument[], options: DocumentIndexOptions = {}): DocumentIndex {
  return new SearchableDocuments(documents, options.locale ?? 'fr', false);
}
