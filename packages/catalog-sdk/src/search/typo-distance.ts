/**
 * Bounded typo distance (Damerau–Levenshtein, optimal string alignment) between a
 * query word and a vocabulary word, computed only inside the diagonal band the
 * typo budget allows, so scanning thousands of words costs well under a millisecond.
 */

/** Longest word compared; longer vocabulary words are only found by exact or prefix match. */
const MAX_WORD = 48;

// Three reusable rows: this runs thousands of times per keystroke and must not allocate.
let rowBeforePrevious = new Int32Array(MAX_WORD + 2);
let previousRow = new Int32Array(MAX_WORD + 2);
let currentRow = new Int32Array(MAX_WORD + 2);

/**
 * How many typos a query word of this length may contain: none for short words
 * (too many accidental matches), one up to 7 letters, two beyond.
 */
export function typoBudget(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

/** Result of {@link typoDistance}: the number of typos and how much of the vocabulary word was used. */
export interface TypoAlignment {
  /** Edits needed (≤ budget). */
  distance: number;
  /** Length of the vocabulary word's prefix aligned with the query word. */
  end: number;
}

/**
 * Typos between `query` and `word` (or, when `prefix` is set, the best prefix of
 * `word`, for a word still being typed), or `undefined` beyond `budget`.
 */
export function typoDistance(query: string, word: string, budget: number, prefix: boolean): TypoAlignment | undefined {
  const m = query.length;
  let n = word.length;
  if (m === 0 || m > MAX_WORD) return undefined;
  if (prefix) {
    if (n < m - budget) return undefined;
    n = Math.min(n, m + budget); // D[m][j] for longer prefixes is already beyond budget
  } else if (Math.abs(n - m) > budget) {
    return undefined;
  }
  if (n > MAX_WORD) return undefined;
  const beyond = budget + 1;
  for (let j = 0; j <= n; j++) previousRow[j] = j <= budget ? j : beyond;
  for (let i = 1; i <= m; i++) {
    const low = Math.max(1, i - budget);
    const high = Math.min(n, i + budget);
    currentRow[0] = i <= budget ? i : beyond;
    if (low > 1) currentRow[low - 1] = beyond;
    let rowMinimum = low === 1 ? (currentRow[0] as number) : beyond;
    const queryCode = query.charCodeAt(i - 1);
    const queryBefore = i > 1 ? query.charCodeAt(i - 2) : -1;
    for (let j = low; j <= high; j++) {
      const wordCode = word.charCodeAt(j - 1);
      let cell = (previousRow[j - 1] as number) + (queryCode === wordCode ? 0 : 1);
      const deletion = (previousRow[j] as number) + 1;
      if (deletion < cell) cell = deletion;
      const insertion = (currentRow[j - 1] as number) + 1;
      if (insertion < cell) cell = insertion;
      if (j > 1 && queryBefore === wordCode && queryCode === word.charCodeAt(j - 2)) {
        const transposition = (rowBeforePrevious[j - 2] as number) + 1;
        if (transposition < cell) cell = transposition;
      }
      if (cell > beyond) cell = beyond;
      currentRow[j] = cell;
      if (cell < rowMinimum) rowMinimum = cell;
    }
    if (high < n) currentRow[high + 1] = beyond;
    if (rowMinimum > budget) return undefined;
    const recycled = rowBeforePrevious;
    rowBeforePrevious = previousRow;
    previousRow = currentRow;
    currentRow = recycled;
  }
  if (!prefix) {
    const distance = previousRow[n] as number;
    return distance <= budget ? { distance, end: n } : undefined;
  }
  let best: TypoAlignment | undefined;
  for (let j = Math.max(0, m - budget); j <= n; j++) {
    const distance = previousRow[j] as number;
    // On a tie the longer alignment wins: it highlights more of what the patient meant.
    if (distance <= budget && (best === undefined || distance <= best.distance)) best = { distance, end: j };
  }
  return best;
}
