/**
 * The first rows of a one-word search without a pass over every match (issue 17: work proportional
 * to what is shown). Each vocabulary word's postings are also kept in RANK order — best field first
 * (title, then kind label and tags, author and organisation, description), then newest first — so the
 * best documents of a word are at the head of its list. For the word being typed, the first rows come
 * from a k-way merge of the lists of the vocabulary words it matched, each shifted by that word's
 * match cost, stopping as soon as the rows asked for are certain. The merge computes exactly the keys
 * of the full path (`ResultOrder.keys`: score rounded to a millionth, then newest first) and visits
 * them in ascending order, so its first rows are the full path's first rows, in the same order, with
 * the same scores.
 *
 * A two-word query ({@link RankedPostings.pair}) walks the lists of one of its words the same way,
 * each document's key then completed by the other word's cost.
 *
 * The total stays exact: one stamped count over the matched words' postings (no key, no cost, no
 * array per match). Lists are sorted once, after the index is built; a word whose postings changed
 * since (an update or a removal) is re-sorted when a search next needs it, and postings added after
 * the last compaction (updates) are merged in as a small list sorted on the spot.
 */
import type { WordIndex, WordMatch } from './word-index.js';
import { FIELD_MASK_COST } from './word-index.js';
import { SCORE_STEPS, smallest } from './result-order.js';
import type { GlobalOrder } from './result-order.js';
import { Stamps } from './stamps.js';

/** The distinct field costs, best first: a posting's place in its word's list is (group, date rank). */
const GROUP_COST: readonly number[] = [...new Set(FIELD_MASK_COST)].sort((a, b) => a - b);
/** Group of each field mask. */
const MASK_GROUP: Uint8Array = Uint8Array.from(FIELD_MASK_COST, (cost) => GROUP_COST.indexOf(cost));
const GROUPS = GROUP_COST.length;
/** Largest field cost a ranked list may carry: above `1 - this`, a word's costs would be clamped to 1 and tie. */
const WORST_FIELD_COST = Math.max(...GROUP_COST.filter((cost) => cost < 1));

/** Per-word postings in rank order, parallel to the {@link WordIndex}'s compact block. */
export class RankedPostings {
  /** `group * capacity + date rank` of each posting, ascending within each word's segment of the block. */
  private keys = new Int32Array(0);
  /** Postings of each word when its segment was sorted (-1: not sorted yet). */
  private sortedLive = new Int32Array(0);
  private block: Int32Array | undefined;
  private rank: GlobalOrder | undefined;
  /** Scratch stamps by ordinal, for the count and for the merge's repeated documents. */
  private readonly stamps = new Stamps();
  /**
   * Scratch of {@link pair} by ordinal: the second word's best cost of the documents of both, as a float32
   * (comparing each double with the float32 kept keeps the float32 of the smallest, as in {@link costsOf}).
   */
  private other = new Float32Array(0);
  /** Scratch of {@link pair}: the documents of both words. */
  private members = new Int32Array(0);

  constructor(private readonly words: WordIndex) {}

  /** Sorts every word's list now (after a build): the first keystroke then finds them ready. */
  prepare(rank: GlobalOrder): void {
    for (const _step of this.prepareSteps(() => rank)) {
      // Drained at once.
    }
  }

  /** {@link prepare} in steps (a yield every 64k postings), for a build that leaves the page responsive. */
  *prepareSteps(rankOf: () => GlobalOrder): Generator<void, void, void> {
    let sorted = 0;
    this.sync(rankOf());
    for (let id = 0; id < this.words.vocabularySize; id++) {
      const [start, end] = this.sortedSegment(id);
      sorted += end - start;
      if (sorted >= 65_536) {
        sorted = 0;
        yield;
        // The index may change between steps (a search compacts, an update changes a date): follow it.
        this.sync(rankOf());
      }
    }
  }

  /** Whether the merge gives the full path's order for these matches (no cost clamped to 1). */
  static suits(matches: readonly WordMatch[]): boolean {
    for (const match of matches) if (match.cost + WORST_FIELD_COST >= 1) return false;
    return true;
  }

  /**
   * Number of distinct documents in the postings of these vocabulary words (exact), over
   * `capacity` ordinals.
   */
  count(matches: readonly WordMatch[], capacity: number): number {
    const words = this.words;
    if (matches.length === 1) return words.postingCount((matches[0] as WordMatch).wordId);
    const generation = this.stamps.next(capacity);
    const stamp = this.stamps.array;
    const documents = words.blockDocuments;
    let count = 0;
    for (const match of matches) {
      const [start, end] = words.blockRange(match.wordId);
      for (let p = start; p < end; p++) {
        const ordinal = documents[p] as number;
        if (stamp[ordinal] !== generation) {
          stamp[ordinal] = generation;
          count++;
        }
      }
      const extra = words.extraOf(match.wordId);
      if (extra !== undefined)
        for (const ordinal of extra.documents) {
          if (stamp[ordinal] !== generation) {
            stamp[ordinal] = generation;
            count++;
          }
        }
    }
    return count;
  }

  /**
   * The `limit` smallest relevance keys (as `ResultOrder.keys` computes them for a one-word query)
   * of the documents of these vocabulary words, ascending: a k-way merge of the words' ranked lists.
   */
  top(matches: readonly WordMatch[], rank: GlobalOrder, limit: number): Float64Array {
    this.sync(rank);
    const capacity = rank.order.length;
    const cursors: Cursor[] = [];
    for (const match of matches) {
      this.pushCursors(cursors, match, rank);
    }
    // A min-heap of cursors by their head's key.
    const heap = cursors;
    const size = heap.length;
    for (let at = (size >> 1) - 1; at >= 0; at--) siftDown(heap, at, heap.length);
    const generation = this.stamps.next(capacity);
    const stamp = this.stamps.array;
    const found = new Float64Array(limit);
    let count = 0;
    let live = size;
    while (count < limit && live > 0) {
      const cursor = heap[0] as Cursor;
      const ordinal = rank.order[cursor.rank] as number;
      if (stamp[ordinal] !== generation) {
        stamp[ordinal] = generation;
        found[count++] = cursor.key;
      }
      if (!cursor.advance()) {
        live--;
        heap[0] = heap[live] as Cursor;
        heap.length = live;
      }
      siftDown(heap, 0, live);
    }
    return found.subarray(0, count);
  }

  /**
   * The cursors over one matched word's postings in rank order: its sorted segment of the block, and the
   * postings added since the last compaction (keyed and sorted on the spot), when there are any.
   */
  private pushCursors(cursors: Cursor[], match: WordMatch, rank: GlobalOrder, least?: number): void {
    const capacity = rank.order.length;
    const [start, end] = this.sortedSegment(match.wordId);
    if (end > start) cursors.push(new Cursor(this.keys, start, end, match.cost, capacity, least));
    const extra = this.words.extraOf(match.wordId);
    if (extra === undefined || extra.documents.length === 0) return;
    const keys = Int32Array.from(
      extra.documents,
      (ordinal, i) => (MASK_GROUP[extra.fields[i] as number] as number) * capacity + (rank.rank[ordinal] as number),
    ).sort();
    cursors.push(new Cursor(keys, 0, keys.length, match.cost, capacity, least));
  }

  /**
   * One query word's best cost by ordinal, as the full path keeps it (`QueryMatcher`: the smallest match
   * cost + field cost, as a float32), `Infinity` for the documents without it; written into `into` when it
   * is large enough. `postings`: how many postings were read.
   */
  costsOf(
    matches: readonly WordMatch[],
    capacity: number,
    into?: Float32Array,
  ): { costs: Float32Array; postings: number } {
    const costs = into !== undefined && into.length >= capacity ? into : new Float32Array(capacity);
    costs.fill(Infinity);
    const words = this.words;
    const documents = words.blockDocuments;
    const fields = words.blockFields;
    let postings = 0;
    for (const match of matches) {
      const [start, end] = words.blockRange(match.wordId);
      postings += end - start;
      // Comparing the double with the float32 kept keeps the float32 of the smallest (fround is monotone).
      for (let p = start; p < end; p++) {
        const ordinal = documents[p] as number;
        const cost = match.cost + (FIELD_MASK_COST[fields[p] as number] as number);
        if (cost < (costs[ordinal] as number)) costs[ordinal] = cost;
      }
      const extra = words.extraOf(match.wordId);
      if (extra !== undefined) {
        postings += extra.documents.length;
        for (let i = 0; i < extra.documents.length; i++) {
          const ordinal = extra.documents[i] as number;
          const cost = match.cost + (FIELD_MASK_COST[extra.fields[i] as number] as number);
          if (cost < (costs[ordinal] as number)) costs[ordinal] = cost;
        }
      }
    }
    return { costs, postings };
  }

  /**
   * The exact total and the `limit` smallest relevance keys, ascending, of a two-word query — the keys
   * `ResultOrder.keys` computes from `QueryMatcher.match`'s scores: each word's best cost as a float32,
   * the two averaged, clamped to 1, rounded to a millionth, then newest first — without a key per
   * document of both words.
   *
   * The second word's postings are read once against the first word's costs (`firstCosts`, from
   * {@link costsOf}): that counts the documents of both exactly and keeps the second word's best cost of
   * each. The first rows then come from a walk of the ranked lists of the word with fewer postings, in
   * the order of an optimistic key — the key a document would have if its cost for the other word were
   * the smallest among the documents of both — which never exceeds its real key: once the walk's next
   * optimistic key is at or above the largest of the rows found, no document left can enter them (keys
   * are distinct: each ends with the document's date rank). When the documents of both are few, or the
   * walk would read too many postings for them, they are all keyed and the smallest selected instead.
   */
  pair(
    firstCosts: Float32Array,
    firstPostings: number,
    first: readonly WordMatch[],
    second: readonly WordMatch[],
    rank: GlobalOrder,
    limit: number,
  ): { total: number; top: Float64Array } {
    this.sync(rank);
    const capacity = rank.order.length;
    const words = this.words;
    const documents = words.blockDocuments;
    const fields = words.blockFields;
    const generation = this.stamps.next(capacity);
    const stamp = this.stamps.array;
    if (this.other.length < capacity) {
      this.other = new Float32Array(Math.max(capacity, this.other.length * 2));
      this.members = new Int32Array(this.other.length);
    }
    const { other, members } = this;
    let total = 0;
    let secondPostings = 0;
    // The smallest cost of each word among the documents of both: the other word's is the walk's optimism.
    let firstLeast = Infinity;
    let secondSmallest = Infinity;
    const visit = (ordinal: number, cost: number): void => {
      const firstCost = firstCosts[ordinal] as number;
      if (firstCost === Infinity) return;
      if (cost < secondSmallest) secondSmallest = cost;
      if (stamp[ordinal] !== generation) {
        stamp[ordinal] = generation;
        other[ordinal] = cost;
        members[total++] = ordinal;
        if (firstCost < firstLeast) firstLeast = firstCost;
      } else if (cost < (other[ordinal] as number)) {
        other[ordinal] = cost;
      }
    };
    for (const match of second) {
      const [start, end] = words.blockRange(match.wordId);
      secondPostings += end - start;
      for (let p = start; p < end; p++)
        visit(documents[p] as number, match.cost + (FIELD_MASK_COST[fields[p] as number] as number));
      const extra = words.extraOf(match.wordId);
      if (extra !== undefined) {
        secondPostings += extra.documents.length;
        for (let i = 0; i < extra.documents.length; i++)
          visit(extra.documents[i] as number, match.cost + (FIELD_MASK_COST[extra.fields[i] as number] as number));
      }
    }
    const dateRank = rank.rank;
    // Exactly the full path's key (`QueryMatcher.matchPair` then `ResultOrder.keys`).
    const keyOf = (ordinal: number): number =>
      Math.round(Math.min(1, ((firstCosts[ordinal] as number) + (other[ordinal] as number)) / 2) * SCORE_STEPS) *
        capacity +
      (dateRank[ordinal] as number);
    const keyAll = (): Float64Array => {
      const keys = new Float64Array(total);
      for (let i = 0; i < total; i++) keys[i] = keyOf(members[i] as number);
      return smallest(keys, Math.min(limit, total));
    };
    const need = Math.min(limit, total);
    if (total <= limit * 4) return { total, top: keyAll() };
    // The float32 of the smallest is the smallest float32 (fround is monotone).
    const secondLeast = Math.fround(secondSmallest);
    const walkFirst = firstPostings <= secondPostings;
    const walked = walkFirst ? first : second;
    const least = walkFirst ? secondLeast : firstLeast;
    const cursors: Cursor[] = [];
    for (const match of walked) {
      // Within a list the optimistic keys rise only while no score is clamped to 1.
      if (match.cost + WORST_FIELD_COST + least >= 1.9) return { total, top: keyAll() };
      this.pushCursors(cursors, match, rank, least);
    }
    const heap = cursors;
    let live = heap.length;
    for (let at = (live >> 1) - 1; at >= 0; at--) siftDown(heap, at, live);
    // A max-heap of the smallest keys found.
    const found = new Float64Array(need);
    let size = 0;
    // Past this many postings, keying every document of both is cheaper.
    let budget = Math.max(limit * 8, total >> 1);
    const order = rank.order;
    while (live > 0) {
      const cursor = heap[0] as Cursor;
      if (size === need && cursor.key >= (found[0] as number)) break;
      if (--budget < 0) return { total, top: keyAll() };
      const ordinal = order[cursor.rank] as number;
      if (stamp[ordinal] === generation) {
        // Taken once: a document in several of the walked word's lists is not a member twice.
        stamp[ordinal] = 0;
        const key = keyOf(ordinal);
        if (size < need) {
          let at = size++;
          while (at > 0) {
            const parent = (at - 1) >> 1;
            if ((found[parent] as number) >= key) break;
            found[at] = found[parent] as number;
            at = parent;
          }
          found[at] = key;
        } else if (key < (found[0] as number)) {
          let at = 0;
          for (;;) {
            const left = at * 2 + 1;
            if (left >= size) break;
            const right = left + 1;
            const larger = right < size && (found[right] as number) > (found[left] as number) ? right : left;
            if ((found[larger] as number) <= key) break;
            found[at] = found[larger] as number;
            at = larger;
          }
          found[at] = key;
        }
      }
      if (!cursor.advance()) {
        live--;
        heap[0] = heap[live] as Cursor;
        heap.length = live;
      }
      siftDown(heap, 0, live);
    }
    return { total, top: found.subarray(0, size).sort() };
  }

  /** Starts over when the block was rebuilt (compaction) or the date order changed. */
  private sync(rank: GlobalOrder): void {
    const block = this.words.blockDocuments;
    if (this.block === block && this.rank === rank) return;
    this.block = block;
    this.rank = rank;
    if (this.keys.length !== block.length) this.keys = new Int32Array(block.length);
    if (this.sortedLive.length < this.words.vocabularySize)
      this.sortedLive = new Int32Array(Math.max(this.words.vocabularySize, 1024));
    this.sortedLive.fill(-1);
  }

  /** A word's segment of {@link keys}, sorted now if its postings changed since. */
  private sortedSegment(id: number): readonly [number, number] {
    const range = this.words.blockRange(id);
    const [start, end] = range;
    if (id >= this.sortedLive.length) {
      const grown = new Int32Array(Math.max(id + 1, this.sortedLive.length * 2));
      grown.fill(-1);
      grown.set(this.sortedLive);
      this.sortedLive = grown;
    }
    if (this.sortedLive[id] === end - start) return range;
    const rank = (this.rank as GlobalOrder).rank;
    const capacity = (this.rank as GlobalOrder).order.length;
    const documents = this.words.blockDocuments;
    const fields = this.words.blockFields;
    const keys = this.keys;
    for (let p = start; p < end; p++)
      keys[p] = (MASK_GROUP[fields[p] as number] as number) * capacity + (rank[documents[p] as number] as number);
    if (end - start > 1) keys.subarray(start, end).sort();
    this.sortedLive[id] = end - start;
    return range;
  }
}

/** Whether `capacity` ordinals and every field group fit the 32-bit ranked keys. */
export function rankedKeysFit(capacity: number): boolean {
  return GROUPS * capacity < 2 ** 31;
}

/**
 * One word's ranked list being merged: its head's ordinal rank and relevance key. Alone (a one-word
 * search) the key is exactly the full path's; walked by {@link RankedPostings.pair} with `least`, it is
 * optimistic — the key of a two-word score if the other word's cost were `least`.
 */
class Cursor {
  key = 0;
  rank = 0;

  constructor(
    private readonly keys: Int32Array,
    private at: number,
    private readonly end: number,
    private readonly cost: number,
    private readonly capacity: number,
    private readonly least?: number,
  ) {
    this.load();
  }

  /** Moves to the next posting; false at the end. */
  advance(): boolean {
    if (++this.at >= this.end) return false;
    this.load();
    return true;
  }

  private load(): void {
    const packed = this.keys[this.at] as number;
    const group = Math.floor(packed / this.capacity);
    this.rank = packed - group * this.capacity;
    // The cost is summed in doubles and kept as a float32, as the full path does; then clamped, rounded.
    const own = Math.fround(this.cost + (GROUP_COST[group] as number));
    const score = Math.min(1, this.least === undefined ? own : (own + this.least) / 2);
    this.key = Math.round(score * SCORE_STEPS) * this.capacity + this.rank;
  }
}

function siftDown<T extends { readonly key: number }>(heap: T[], from: number, size: number): void {
  let at = from;
  const moving = heap[at];
  if (moving === undefined) return;
  const key = moving.key;
  for (;;) {
    const left = at * 2 + 1;
    if (left >= size) break;
    const right = left + 1;
    const smaller = right < size && (heap[right] as T).key < (heap[left] as T).key ? right : left;
    if ((heap[smaller] as T).key >= key) break;
    heap[at] = heap[smaller] as T;
    at = smaller;
  }
  heap[at] = moving;
}
