import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataSource, HelpedPatient } from '@carnet/catalog-sdk';
import type { ConnectedModeController } from './connected-mode.controller.js';

/** Where the list of people a caregiver helps stands. */
export type RecordPickerStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Connected mode, signed in as a caregiver: the people who gave them access,
 * read once per data source, and the choice of whose record to open (opened
 * at once when there is only one).
 */
export class RecordPickerController implements ReactiveController {
  status: RecordPickerStatus = 'idle';
  people: readonly HelpedPatient[] = [];
  error?: unknown;
  /** The data source the list was read with: a new sign-in reads it again. */
  private readFrom?: DataSource;
  private run = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly connection: ConnectedModeController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Reads the list when a caregiver signed in and it was not read for this session yet. */
  hostUpdate(): void {
    const source = this.connection.dataSource;
    if (!this.connection.isCaregiver || !source) {
      if (this.readFrom) this.reset();
      return;
    }
    if (this.readFrom === undefined) void this.load(source);
  }

  /** The person whose record is open, when known. */
  get current(): HelpedPatient | undefined {
    return this.people.find((person) => person.patientId === this.connection.recordOf);
  }

  /** Reads the list again (Retry). */
  reload(): void {
    const source = this.connection.dataSource;
    if (source) void this.load(source, false);
  }

  /** Opens a person's record. */
  open(patientId: string): void {
    this.connection.openRecordOf(patientId);
    this.host.requestUpdate();
  }

  /** Back to choosing whose record to open: the list is read again (an access may have been withdrawn). */
  change(): void {
    this.connection.openRecordOf(undefined);
    const source = this.connection.dataSource;
    if (source) void this.load(source, false);
    this.host.requestUpdate();
  }

  /** Reads the list; on the first read, the record of the only person helped opens at once. */
  private async load(source: DataSource, openTheOnlyOne = true): Promise<void> {
    const run = ++this.run;
    this.readFrom = source;
    this.status = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const people = (await source.sharing?.listHelpedPatients()) ?? [];
      if (run !== this.run) return;
      this.people = people;
      this.status = 'ready';
      const [only] = people;
      if (openTheOnlyOne && people.length === 1 && only && this.connection.recordOf === undefined)
        this.open(only.patientId);
    } catch (error) {
      if (run !== this.run) return;
      this.error = error;
      this.status = 'error';
    }
    this.host.requestUpdate();
  }

  private reset(): void {
    this.run++;
    this.readFrom = undefined;
    this.people = [];
    this.status = 'idle';
    this.error = undefined;
  }
}
