/**
 * Ordering of results. Each sort order of ALL documents is computed once (and
 * kept until a document is added or changes date, title or kind); a result set is
 * then ordered by sorting small integer ranks with the engine's native numeric sort.
 */
import { DOCUMENT_KINDS } from '../model/document.js';
import { normalizeForSearch } from './normalize.js';
import type { DocumentTable } from './document-table.js';
import type { DocumentSort } from './types.js';
import type { CarnetLocale } from '../model/common.js';

/** A total order of every ordinal and each ordinal's place in it. */
interface GlobalOrder {
  /** Ordinals in order. */
  readonly order: Int32Array;
  /** Place of each ordinal in {@link order}. */
  readonly rank: Int32Array;
}

/** Scores are rounded to this many steps so that score and date rank fit in one exact float key. */
const SCORE_STEPS = 1_000_000;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds and caches the global orders of a {@link DocumentTable}. */
export class ResultOrder {
  private readonly orders = new Map<string, GlobalOrder>();

  constructor(private readonly table: DocumentTable) {}

  /** Builds the newest-first order now: every search needs it, so building it with the index keeps the first keystroke fast. */
  prepare(): void {
    this.global('date-desc', 'fr');
  }

  /** Forgets the cached orders (a document was added or its date, title or kind changed). */
  invalidate(): void {
    this.orders.clear();
  }

  /**
   * Orders `ordinals`. `relevance` sorts by score, then newest first;
   * `scores` is read only for that order.
   */
  sort(ordinals: readonly number[], sort: DocumentSort, locale: CarnetLocale, scores: Float64Array): number[] {
    const byDate = this.global('date-desc', locale);
    if (sort === 'relevance') {
      const capacity = byDate.order.length;
      const keys = new Float64Array(ordinals.length);
      for (let i = 0; i < ordinals.length; i++) {
        const ordinal = ordinals[i] as number;
        keys[i] = Math.round((scores[ordinal] as number) * SCORE_STEPS) * capacity + (byDate.rank[ordinal] as number);
      }
      keys.sort();
      const sorted = new Array<number>(keys.length);
      for (let i = 0; i < keys.length; i++) sorted[i] = byDate.order[(keys[i] as number) % capacity] as number;
      return sorted;
    }
    const global = this.global(sort, locale);
    const ranks = new Int32Array(ordinals.length);
    for (let i = 0; i < ordinals.length; i++) ranks[i] = global.rank[ordinals[i] as number] as number;
    ranks.sort();
    const sorted = new Array<number>(ranks.length);
    for (let i = 0; i < ranks.length; i++) sorted[i] = global.order[ranks[i] as number] as number;
    return sorted;
  }

  private global(sort: Exclude<DocumentSort, 'relevance'>, locale: CarnetLocale): GlobalOrder {
    const key = sort === 'kind' ? `kind:${locale}` : sort;
    let global = this.orders.get(key);
    if (global === undefined) {
      global = this.build(sort, locale);
      this.orders.set(key, global);
    }
    return global;
  }

  private build(sort: Exclude<DocumentSort, 'relevance'>, locale: CarnetLocale): GlobalOrder {
    const { time, foldedTitle, kind } = this.table;
    const count = this.table.documents.length;
    const ordinals = Array.from({ length: count }, (_, ordinal) => ordinal);
    const newestFirst = (a: number, b: number): number => (time[b] as number) - (time[a] as number) || a - b;
    if (sort === 'date-desc') {
      ordinals.sort(newestFirst);
    } else if (sort === 'date-asc') {
      ordinals.sort((a, b) => (time[a] as number) - (time[b] as number) || a - b);
    } else if (sort === 'title') {
      ordinals.sort((a, b) => compareText(foldedTitle[a] as string, foldedTitle[b] as string) || newestFirst(a, b));
    } else {
      const labels = DOCUMENT_KINDS.map((info) => normalizeForSearch(locale === 'en' ? info.labelEn : info.labelFr));
      const kindRank = labels.map((label) => labels.filter((other) => other < label).length);
      ordinals.sort(
        (a, b) =>
          (kindRank[kind[a] as number] as number) - (kindRank[kind[b] as number] as number) || newestFirst(a, b),
      );
    }
    const order = Int32Array.from(ordinals);
    const rank = new Int32Array(count);
    for (let place = 0; place < count; place++) rank[order[place] as number] = place;
    return { order, rank };
  }
}
