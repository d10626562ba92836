import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { LocalDataSource, Pathology } from '@carnet/catalog-sdk';
import { seedDemoPersona } from './demo-seeding.js';

/** What a {@link LocalRecord} tells its provider. */
export interface LocalRecordListener {
  /** The record can be given to the widgets; `seeded` when the demo persona was just imported. */
  ready(source: LocalDataSource, seeded: boolean): void;
  /** The record could not be opened or the persona not imported. */
  failed(error: unknown): void;
}

/**
 * Local mode of `<carnet-provider>`: the record kept on this device (IndexedDB),
 * with a demo persona imported into it when it is empty. Owns the database it opens.
 */
export class LocalRecord {
  private readonly listener: LocalRecordListener;
  private owned?: LocalDataSource;
  /** Incremented on every open or close so late results of an older seeding are dropped. */
  private generation = 0;

  constructor(listener: LocalRecordListener) {
    this.listener = listener;
  }

  /** The database this record opened, until closed. */
  get source(): LocalDataSource | undefined {
    return this.owned;
  }

  /**
   * Opens the database, seeding `persona` first when given. Reports `ready`
   * synchronously without a persona; returns `seeding` while it imports one.
   */
  open(dbName: string, persona: Pathology | undefined): 'ready' | 'seeding' | 'failed' {
    this.close();
    const generation = this.generation;
    let source: LocalDataSource;
    try {
      source = createLocalDataSource({ dbName });
    } catch (error) {
      this.listener.failed(error);
      return 'failed';
    }
    this.owned = source;
    if (!persona) {
      this.listener.ready(source, false);
      return 'ready';
    }
    void seedDemoPersona(source, persona, dbName).then(
      (seeded) => {
        if (generation === this.generation) this.listener.ready(source, seeded);
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.close();
        this.listener.failed(error);
      },
    );
    return 'seeding';
  }

  /** Closes the database this record opened, and forgets any seeding under way. */
  close(): void {
    this.generation++;
    const owned = this.owned;
    this.owned = undefined;
    owned?.close();
  }
}
