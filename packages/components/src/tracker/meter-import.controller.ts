import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  glucoseIdentity,
  parseMeterCsv,
  type DataSource,
  type GlucoseReading,
  type ImportOutcome,
  type MeterCsvContent,
} from '@carnet/catalog-sdk';

/** Why a file cannot be imported. */
export type MeterImportProblem = 'unreadable' | 'empty' | 'save';

/** What the preview says before anything is written. */
export interface MeterImportPreview {
  fileName: string;
  content: MeterCsvContent;
  /** Values not yet on record, in the file's order (oldest first). */
  fresh: MeterCsvContent['readings'];
  /** Values already on record, or twice in the file. */
  alreadyThere: number;
}

/** What the element gives the import controller. */
export interface MeterImportHost {
  source(): DataSource | undefined;
  imported(outcome: ImportOutcome<GlucoseReading>): void;
}

/** Largest file read (a year of a sensor every 5 minutes is about 6 MB). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The « Importer depuis un lecteur » dialog: choose a CSV export, see what it
 * holds and what is already on record, then import only the new values.
 */
export class MeterImportController implements ReactiveController {
  #open = false;
  #preview: MeterImportPreview | undefined;
  #problem: MeterImportProblem | undefined;
  #busy = false;
  #report: { added: number; skipped: number } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: MeterImportHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** True while the dialog is open. */
  get isOpen(): boolean {
    return this.#open;
  }
  /** The file's content and what is new in it, once a file is chosen. */
  get preview(): MeterImportPreview | undefined {
    return this.#preview;
  }
  get problem(): MeterImportProblem | undefined {
    return this.#problem;
  }
  /** True while reading the file or importing. */
  get busy(): boolean {
    return this.#busy;
  }
  /** What the last import did. */
  get report(): { added: number; skipped: number } | undefined {
    return this.#report;
  }

  open(): void {
    this.#open = true;
    this.#preview = undefined;
    this.#problem = undefined;
    this.host.requestUpdate();
  }

  close(): void {
    this.#open = false;
    this.host.requestUpdate();
  }

  /** Reads the chosen file and compares it with the record. */
  async choose(file: File | undefined): Promise<void> {
    this.#preview = undefined;
    this.#problem = undefined;
    const source = this.options.source();
    if (!file || !source?.trackers) return;
    this.#busy = true;
    this.host.requestUpdate();
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error('file too large');
      const content = parseMeterCsv(await file.text());
      if (content.readings.length === 0) {
        this.#problem = 'empty';
        return;
      }
      const first = Date.parse(content.readings[0]?.at ?? '');
      const last = Date.parse(content.readings[content.readings.length - 1]?.at ?? '');
      const existing = await source.trackers.list('glucose', {
        from: new Date(first - 60_000).toISOString(),
        to: new Date(last + 60_000).toISOString(),
      });
      const seen = new Set(existing.map(glucoseIdentity));
      const fresh = content.readings.filter((reading) => {
        const identity = glucoseIdentity(reading);
        if (seen.has(identity)) return false;
        seen.add(identity);
        return true;
      });
      this.#preview = {
        fileName: file.name,
        content,
        fresh,
        alreadyThere: content.readings.length - fresh.length,
      };
    } catch {
      this.#problem = 'unreadable';
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }

  /** Imports the file's values; the record skips what it already holds. */
  async confirm(): Promise<boolean> {
    const source = this.options.source();
    const preview = this.#preview;
    if (!preview || !source?.trackers || this.#busy) return false;
    this.#busy = true;
    this.host.requestUpdate();
    try {
      const outcome = await source.trackers.import('glucose', preview.content.readings);
      this.#report = { added: outcome.added.length, skipped: outcome.skipped };
      this.#open = false;
      this.options.imported(outcome);
      return true;
    } catch {
      this.#problem = 'save';
      return false;
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }
}
