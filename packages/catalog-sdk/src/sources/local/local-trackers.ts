import type {
  ImportOutcome,
  MeasurementRange,
  NewTrackerEntry,
  TrackerEntries,
  TrackerKind,
} from '../../model/tracker.js';
import type { TrackerRepository } from '../data-source.js';
import { checkRange, checkTrackerEntry, entryIdentity } from '../rules/trackers.js';
import { checkBaseVersion, newId, nextVersion, throwIfAborted } from '../rules/validation.js';
import type { LocalContext, StoredMeasurement } from './database.js';

const ENTITY = 'Measurement';

function stored<K extends TrackerKind>(kind: K, entry: TrackerEntries[K]): StoredMeasurement {
  return { ...entry, kind } as StoredMeasurement;
}

function entryOf<K extends TrackerKind>(record: StoredMeasurement): TrackerEntries[K] {
  const { kind: _kind, ...entry } = record;
  return entry as unknown as unknown as TrackerEntries[K];
}

const identityOf = entryIdentity;

/** Tracker entries in IndexedDB: one `measurements` store, indexed by kind and time. */
export class LocalTrackerRepository implements TrackerRepository {
  readonly #context: LocalContext;

  constructor(context: LocalContext) {
    this.#context = context;
  }

  async list<K extends TrackerKind>(
    kind: K,
    range: MeasurementRange & { signal?: AbortSignal },
  ): Promise<TrackerEntries[K][]> {
    throwIfAborted(range.signal);
    const { from, to } = checkRange(range);
    const records = await this.#context.database.transaction(['measurements'], 'readonly', (tx) =>
      tx
        .objectStore('measurements')
        .index('by-kind-at')
        .getAll(IDBKeyRange.bound([kind, from], [kind, to], false, true)),
    );
    throwIfAborted(range.signal);
    return records.map((record) => entryOf<K>(record));
  }

  async add<K extends TrackerKind>(kind: K, entry: NewTrackerEntry<K>): Promise<TrackerEntries[K]> {
    const created = { ...checkTrackerEntry(kind, entry), id: newId(), version: '1' } as unknown as TrackerEntries[K];
    await this.#context.database.transaction(['measurements'], 'readwrite', async (tx) => {
      await tx.objectStore('measurements').add(stored(kind, created));
    });
    return created;
  }

  async import<K extends TrackerKind>(
    kind: K,
    entries: readonly NewTrackerEntry<K>[],
  ): Promise<ImportOutcome<TrackerEntries[K]>> {
    const checked = entries.map((entry) => checkTrackerEntry(kind, { ...entry, origin: 'imported' }));
    if (checked.length === 0) return { added: [], skipped: 0 };
    const times = checked.map((entry) => entry.at).sort();
    const from = new Date(Date.parse(times[0] ?? '') - 60_000).toISOString();
    const to = new Date(Date.parse(times[times.length - 1] ?? '') + 60_000).toISOString();
    return this.#context.database.transaction(['measurements'], 'readwrite', async (tx) => {
      const store = tx.objectStore('measurements');
      const existing = await store.index('by-kind-at').getAll(IDBKeyRange.bound([kind, from], [kind, to]));
      const seen = new Set(existing.map((record) => identityOf(kind, entryOf(record))));
      const added: TrackerEntries[K][] = [];
      let skipped = 0;
      for (const entry of checked) {
        const identity = identityOf(kind, entry);
        if (seen.has(identity)) {
          skipped += 1;
          continue;
        }
        seen.add(identity);
        const created = { ...entry, id: newId(), version: '1' } as unknown as TrackerEntries[K];
        await store.add(stored(kind, created));
        added.push(created);
      }
      return { added, skipped };
    });
  }

  async update<K extends TrackerKind>(kind: K, entry: TrackerEntries[K]): Promise<TrackerEntries[K]> {
    const { id, version, ...fields } = entry as TrackerEntries[K] & { id: string; version: string };
    const checked = checkTrackerEntry(kind, fields as unknown as NewTrackerEntry<K>);
    return this.#context.database.transaction(['measurements'], 'readwrite', async (tx) => {
      const store = tx.objectStore('measurements');
      const current = await store.get(id);
      checkBaseVersion(ENTITY, id, current?.kind === kind ? current : undefined, version);
      const updated = { ...checked, id, version: nextVersion(version) } as unknown as TrackerEntries[K];
      await store.put(stored(kind, updated));
      return updated;
    });
  }

  async remove(kind: TrackerKind, id: string, baseVersion: string): Promise<void> {
    await this.#context.database.transaction(['measurements'], 'readwrite', async (tx) => {
      const store = tx.objectStore('measurements');
      const current = await store.get(id);
      checkBaseVersion(ENTITY, id, current?.kind === kind ? current : undefined, baseVersion);
      await store.delete(id);
    });
  }
}
