/**
 * Where a query word's candidates are in the vocabulary, without comparing every word (issue 17).
 *
 * A query word of 4+ letters matches a vocabulary word by prefix, by typos over the whole word or
 * (being typed) over a prefix, or inside it. Scanning the ~200,000 words of a large collection for
 * that costs milliseconds whenever the matching rules change (at 4, 5 and 8 letters). This index
 * finds a SUPERSET of the words that can match, and the caller runs the very same comparison on
 * them, in id order, so the matches are identical to a scan's:
 *
 * - **Prefix and typo matches** share a property: some prefix of the word, of length between
 *   `query length − budget` and `query length + budget` (or the whole word), is within the typo
 *   budget of the query. The word ids are kept sorted by word: a sorted list is an implicit trie
 *   (words sharing a prefix are contiguous), walked depth by depth with one column of the same
 *   Damerau–Levenshtein (optimal string alignment) table per prefix; a branch stops when its column
 *   exceeds the budget and the previous one leaves no room for a transposition (which jumps over a
 *   column, at the cost of one typo).
 * - **The split** (budget `k`, query of `m ≥ 4 + k` letters, `s = m − 4`): follow the cheapest
 *   alignment of a matching word, of cost ≤ k. Either it crosses query position `s` with fewer than
 *   `k` typos — then the table's row `s` has a cell below `k`, which the walk requires of a branch
 *   (with the same stopping rule, budget `k − 1`, over rows `0 … s`, until it happens) — or it
 *   crosses it with exactly `k` typos, or jumps over it by a transposition after `k − 1`: the rest of
 *   the alignment costs nothing, so the query's last three letters are in the word unchanged, at
 *   position `s + 1 − k` ≥ 1 or later, and the word is in that trigram's list, taken whole.
 * - **Inner matches** (the query at position 1 or later) contain each of the query's letter
 *   trigrams at a position ≥ 1: the words are listed by hashed trigram (positions ≥ 1 only), and
 *   the candidates are the shortest list among the query's trigrams.
 *
 * It covers the word ids below {@link VocabularyIndex.covered} (words are never removed, ids never
 * reused): words added later are scanned one by one until the next rebuild.
 */

/** Hashed trigram buckets (a collision only adds candidates, which the comparison then rejects). */
const GRAM_BUCKETS = 1 << 16;
/** Longest query word walked (typos are only compared up to 48 letters). */
const LONGEST_WALK = 64;
/** Work between two yields of the build in steps (words or ids moved). */
const STEP = 16_384;

function gramOf(word: string, at: number): number {
  return (
    (Math.imul(word.charCodeAt(at), 1369) + Math.imul(word.charCodeAt(at + 1), 37) + word.charCodeAt(at + 2)) &
    (GRAM_BUCKETS - 1)
  );
}

export class VocabularyIndex {
  /** Scratch: one bit per covered word id, set for the candidates of one query, cleared as they are read. */
  private readonly bits: Uint32Array;
  /** Scratch: the table's columns, one per prefix depth (`(query length + 1)` cells each). */
  private columns = new Int32Array(0);
  private marked = 0;

  private constructor(
    private readonly words: readonly string[],
    /** Word ids below this are indexed. */
    readonly covered: number,
    /** Word ids `0 … covered − 1`, sorted by word (UTF-16 code units). */
    private readonly sorted: Int32Array,
    /** Trigram bucket `b`'s word ids (ascending) are `gramIds[gramOffsets[b] … gramOffsets[b + 1]]`. */
    private readonly gramOffsets: Int32Array,
    private readonly gramIds: Int32Array,
  ) {
    this.bits = new Uint32Array((covered + 31) >>> 5);
  }

  /**
   * Builds the index of `words[0 … words.length − 1]` in steps (a yield every ~16k words or ids
   * moved). The words are only read: ids added meanwhile are left to the next build.
   */
  static *build(words: readonly string[]): Generator<void, VocabularyIndex, void> {
    const covered = words.length;
    // Sorted ids: chunks sorted natively, then merged pairwise, bottom-up, in steps.
    let ids = new Int32Array(covered);
    for (let id = 0; id < covered; id++) ids[id] = id;
    const compare = (a: number, b: number): number => {
      const x = words[a] as string;
      const y = words[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    };
    const CHUNK = 2048;
    for (let start = 0; start < covered; start += CHUNK) {
      ids.subarray(start, Math.min(covered, start + CHUNK)).sort(compare);
      yield;
    }
    let other = new Int32Array(covered);
    let moved = 0;
    for (let width = CHUNK; width < covered; width *= 2) {
      for (let left = 0; left < covered; left += 2 * width) {
        const middle = Math.min(covered, left + width);
        const right = Math.min(covered, left + 2 * width);
        let a = left;
        let b = middle;
        for (let out = left; out < right; out++) {
          if (b >= right || (a < middle && compare(ids[a] as number, ids[b] as number) <= 0))
            other[out] = ids[a++] as number;
          else other[out] = ids[b++] as number;
          if (++moved === STEP) {
            moved = 0;
            yield;
          }
        }
      }
      const swap = ids;
      ids = other;
      other = swap;
    }
    // Trigram lists (positions ≥ 1), in CSR: counted, then filled; a word is listed once per bucket.
    const last = new Int32Array(GRAM_BUCKETS).fill(-1);
    const offsets = new Int32Array(GRAM_BUCKETS + 1);
    for (let id = 0; id < covered; id++) {
      const word = words[id] as string;
      for (let at = 1; at + 3 <= word.length; at++) {
        const gram = gramOf(word, at);
        if (last[gram] === id) continue;
        last[gram] = id;
        offsets[gram + 1] = (offsets[gram + 1] as number) + 1;
      }
      if ((id & 8191) === 8191) yield;
    }
    for (let gram = 0; gram < GRAM_BUCKETS; gram++)
      offsets[gram + 1] = (offsets[gram + 1] as number) + (offsets[gram] as number);
    yield;
    const gramIds = new Int32Array(offsets[GRAM_BUCKETS] as number);
    const fill = offsets.slice(0, GRAM_BUCKETS);
    last.fill(-1);
    for (let id = 0; id < covered; id++) {
      const word = words[id] as string;
      for (let at = 1; at + 3 <= word.length; at++) {
        const gram = gramOf(word, at);
        if (last[gram] === id) continue;
        last[gram] = id;
        gramIds[fill[gram] as number] = id;
        fill[gram] = (fill[gram] as number) + 1;
      }
      if ((id & 8191) === 8191) yield;
    }
    return new VocabularyIndex(words, covered, ids, offsets, gramIds);
  }

  /**
   * Calls `visit` once per candidate id below {@link covered}, ascending: every word that can match
   * `query` (4+ letters) by prefix, inner match, or within `budget` typos over the whole word or,
   * when `typoPrefix` is set, over a prefix of length `query length ± budget`.
   */
  candidates(query: string, budget: number, typoPrefix: boolean, visit: (id: number) => void): void {
    const m = query.length;
    // A very long word (beyond any typo comparison) is compared with every word: the walk recurses by letter.
    if (this.covered === 0 || m < 3 || m > LONGEST_WALK) {
      for (let id = 0; id < this.covered; id++) visit(id);
      return;
    }
    // Inner matches: the shortest list among the query's trigrams.
    let bestStart = 0;
    let bestEnd = Infinity;
    for (let at = 0; at + 3 <= m; at++) {
      const gram = gramOf(query, at);
      const start = this.gramOffsets[gram] as number;
      const end = this.gramOffsets[gram + 1] as number;
      if (end - start < bestEnd - bestStart) {
        bestStart = start;
        bestEnd = end;
      }
    }
    this.marked = 0;
    this.mark(this.gramIds, bestStart, bestEnd);
    // The split (see the top of the file): the words whose alignment reaches query position `split`
    // with every typo spent keep the query's last three letters unchanged, at position ≥ 1.
    const split = m >= 4 + budget ? m - 4 : -1;
    if (split >= 0) {
      const gram = gramOf(query, m - 3);
      this.mark(this.gramIds, this.gramOffsets[gram] as number, this.gramOffsets[gram + 1] as number);
    }
    // Prefix and typo matches: the walk of the implicit trie.
    const width = m + 1;
    const needed = (m + budget + 1) * width;
    if (this.columns.length < needed) this.columns = new Int32Array(needed);
    const columns = this.columns;
    for (let i = 0; i <= m; i++) columns[i] = i;
    this.walk(query, budget, typoPrefix, split, 0, this.sorted.length, 0, Infinity, split < 0, Infinity);
    this.visitMarked(visit);
  }

  /**
   * Calls `visit` once per covered word id starting with `prefix`, ascending: a contiguous range of the
   * sorted words, found by two binary searches; no other word is touched.
   */
  withPrefix(prefix: string, visit: (id: number) => void): void {
    const { sorted, words } = this;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((words[sorted[middle] as number] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const start = low;
    // From there, the words starting with the prefix come first.
    high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((words[sorted[middle] as number] as string).startsWith(prefix)) low = middle + 1;
      else high = middle;
    }
    if (low === start) return;
    this.marked = 0;
    this.mark(this.sorted, start, low);
    this.visitMarked(visit);
  }

  /** Calls `visit` on the marked ids, ascending, and clears them. */
  private visitMarked(visit: (id: number) => void): void {
    const bits = this.bits;
    if (this.marked === 0) return;
    for (let w = 0; w < bits.length; w++) {
      let set = bits[w] as number;
      if (set === 0) continue;
      bits[w] = 0;
      while (set !== 0) {
        const low = set & -set;
        visit((w << 5) + 31 - Math.clz32(low));
        set ^= low;
      }
    }
  }

  /** Marks the word ids `ids[start … end − 1]` (a trigram's list, or a run of the sorted words). */
  private mark(ids: Int32Array, start: number, end: number): void {
    const bits = this.bits;
    for (let p = start; p < end; p++) {
      const id = ids[p] as number;
      bits[id >>> 5] = (bits[id >>> 5] as number) | (1 << (id & 31));
    }
    this.marked += end - start;
  }

  /**
   * The sorted ids `low … high − 1` share a prefix of length `depth` whose table column (query
   * positions 0 … m) is at `columns[depth · (m + 1)]`; `previousMinimum` is the previous column's
   * minimum; `anchored`: the prefix has crossed query position `split` with fewer typos than the budget.
   */
  private walk(
    query: string,
    budget: number,
    typoPrefix: boolean,
    split: number,
    low: number,
    high: number,
    depth: number,
    previousMinimum: number,
    anchored: boolean,
    previousAnchorMinimum: number,
  ): void {
    const { sorted, words, columns } = this;
    const m = query.length;
    const width = m + 1;
    const base = depth * width;
    const distance = columns[base + m] as number;
    if (depth >= m - budget) {
      // Every word of the range has this prefix within the budget (typo in a prefix), or starts with the query.
      if ((typoPrefix && distance <= budget) || (depth === m && distance === 0)) {
        this.mark(this.sorted, low, high);
        return;
      }
      // The whole word within the budget: the prefix itself, first of its range when it is a word.
      if (distance <= budget && (words[sorted[low] as number] as string).length === depth)
        this.mark(this.sorted, low, low + 1);
    }
    if (depth >= m + budget) return;
    if (!anchored) {
      if (depth >= split - budget + 1 && (columns[base + split] as number) < budget) anchored = true;
      else if (depth >= split + budget - 1) return;
    }
    let minimum = Infinity;
    for (let i = 0; i <= m; i++) if ((columns[base + i] as number) < minimum) minimum = columns[base + i] as number;
    // Any longer prefix's cells come through this column or, by a transposition (one typo), over it from
    // the previous one.
    if (minimum > budget && previousMinimum >= budget) return;
    // Not anchored yet: the alignment must still reach query position `split` with fewer typos than the
    // budget, through this column (at a position up to `split`) or over it.
    let anchorMinimum = Infinity;
    if (!anchored) {
      for (let i = 0; i <= split; i++)
        if ((columns[base + i] as number) < anchorMinimum) anchorMinimum = columns[base + i] as number;
      if (anchorMinimum >= budget && previousAnchorMinimum >= budget - 1) return;
    }
    let start = low;
    if ((words[sorted[start] as number] as string).length === depth) start++;
    const next = base + width;
    const before = base - width;
    while (start < high) {
      const first = words[sorted[start] as number] as string;
      const code = first.charCodeAt(depth);
      // The end of the group continuing with `code`: the first word whose letter there is greater.
      let from = start + 1;
      let to = high;
      while (from < to) {
        const middle = (from + to) >>> 1;
        if ((words[sorted[middle] as number] as string).charCodeAt(depth) > code) to = middle;
        else from = middle + 1;
      }
      const end = from;
      const previousCode = depth > 0 ? first.charCodeAt(depth - 1) : -1;
      columns[next] = depth + 1;
      for (let i = 1; i <= m; i++) {
        const queryCode = query.charCodeAt(i - 1);
        let cell = (columns[base + i - 1] as number) + (queryCode === code ? 0 : 1);
        const deletion = (columns[base + i] as number) + 1;
        if (deletion < cell) cell = deletion;
        const insertion = (columns[next + i - 1] as number) + 1;
        if (insertion < cell) cell = insertion;
        if (i > 1 && depth > 0 && query.charCodeAt(i - 2) === code && queryCode === previousCode) {
          const transposition = (columns[before + i - 2] as number) + 1;
          if (transposition < cell) cell = transposition;
        }
        columns[next + i] = cell;
      }
      this.walk(query, budget, typoPrefix, split, start, end, depth + 1, minimum, anchored, anchorMinimum);
      start = end;
    }
  }
}
