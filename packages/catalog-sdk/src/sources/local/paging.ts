import { ValidationError } from '../../errors/errors.js';

/**
 * Cursor of the next page: the index key of the last item shown. Keyed rather
 * than counted, so adding a document while paging neither skips nor repeats one.
 */
export function encodeCursor(lastKey: readonly string[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(['k1', ...lastKey]));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The last key a cursor stands for; `ValidationError` when it is not one of ours. */
export function decodeCursor(cursor: string, keyLength: number): string[] {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (
      Array.isArray(parsed) &&
      parsed[0] === 'k1' &&
      parsed.length === keyLength + 1 &&
      parsed.every((part) => typeof part === 'string')
    ) {
      return (parsed as string[]).slice(1);
    }
  } catch {
    // Falls through to the ValidationError below.
  }
  throw new ValidationError('cursor', 'is not a cursor of this list');
}

/** The part of an IndexedDB cursor that paging walks. */
export interface WalkableCursor<V> {
  readonly value: V;
  continue(): Promise<WalkableCursor<V> | null>;
}

/** Up to `limit` values from a cursor, and whether more follow. */
export async function readPage<V>(
  first: Promise<WalkableCursor<V> | null>,
  limit: number,
): Promise<{ items: V[]; hasMore: boolean }> {
  const items: V[] = [];
  let cursor = await first;
  while (cursor && items.length < limit) {
    items.push(cursor.value);
    cursor = await cursor.continue();
  }
  return { items, hasMore: cursor !== null };
}
