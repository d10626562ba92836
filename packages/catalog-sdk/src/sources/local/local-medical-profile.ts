import type {
  MedicalProfile,
  MedicalProfileEntries,
  MedicalProfileEntryKind,
  NewMedicalProfileEntry,
} from '../../model/medical-profile.js';
import { MEDICAL_PROFILE_ENTRY_KINDS } from '../../model/medical-profile.js';
import type { MedicalProfileRepository } from '../data-source.js';
import { assembleProfile, checkProfileEntry } from '../rules/medical-profile.js';
import { checkBaseVersion, newId, nextVersion, throwIfAborted } from '../rules/validation.js';
import type { LocalContext, StoredProfileEntry } from './database.js';

const ENTITY = 'MedicalProfileEntry';

function stored<K extends MedicalProfileEntryKind>(kind: K, entry: MedicalProfileEntries[K]): StoredProfileEntry {
  return { ...entry, kind } as StoredProfileEntry;
}

function entryOf<K extends MedicalProfileEntryKind>(record: StoredProfileEntry): MedicalProfileEntries[K] {
  const { kind: _kind, ...entry } = record;
  return entry as unknown as MedicalProfileEntries[K];
}

/** The medical profile in IndexedDB: one `profile` store, entries tagged with their kind. */
export class LocalMedicalProfileRepository implements MedicalProfileRepository {
  readonly #context: LocalContext;

  constructor(context: LocalContext) {
    this.#context = context;
  }

  async get(options: { signal?: AbortSignal } = {}): Promise<MedicalProfile> {
    throwIfAborted(options.signal);
    const records = await this.#context.database.transaction(['profile'], 'readonly', (tx) =>
      tx.objectStore('profile').getAll(),
    );
    throwIfAborted(options.signal);
    const entries = Object.fromEntries(MEDICAL_PROFILE_ENTRY_KINDS.map((kind) => [kind, [] as unknown[]])) as {
      [K in MedicalProfileEntryKind]: MedicalProfileEntries[K][];
    };
    for (const record of records) (entries[record.kind] as unknown[]).push(entryOf(record));
    return assembleProfile(entries);
  }

  async add<K extends MedicalProfileEntryKind>(
    kind: K,
    entry: NewMedicalProfileEntry<K>,
  ): Promise<MedicalProfileEntries[K]> {
    const fields = checkProfileEntry(kind, entry);
    const created = { ...fields, id: newId(), version: '1' } as MedicalProfileEntries[K];
    await this.#context.database.transaction(['profile'], 'readwrite', async (tx) => {
      const store = tx.objectStore('profile');
      // One blood group on record: a new one replaces the old.
      if (kind === 'bloodGroup') {
        for (const key of await store.index('by-kind').getAllKeys('bloodGroup')) await store.delete(key);
      }
      await store.add(stored(kind, created));
    });
    return created;
  }

  async update<K extends MedicalProfileEntryKind>(
    kind: K,
    entry: MedicalProfileEntries[K],
  ): Promise<MedicalProfileEntries[K]> {
    const fields = checkProfileEntry(kind, entry);
    return this.#context.database.transaction(['profile'], 'readwrite', async (tx) => {
      const store = tx.objectStore('profile');
      const current = await store.get(entry.id);
      checkBaseVersion(ENTITY, entry.id, current?.kind === kind ? current : undefined, entry.version);
      const updated = { ...fields, id: entry.id, version: nextVersion(entry.version) } as MedicalProfileEntries[K];
      await store.put(stored(kind, updated));
      return updated;
    });
  }

  async remove(kind: MedicalProfileEntryKind, id: string, baseVersion: string): Promise<void> {
    await this.#context.database.transaction(['profile'], 'readwrite', async (tx) => {
      const store = tx.objectStore('profile');
      const current = await store.get(id);
      checkBaseVersion(ENTITY, id, current?.kind === kind ? current : undefined, baseVersion);
      await store.delete(id);
    });
  }
}
