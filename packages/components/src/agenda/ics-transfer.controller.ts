import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { ValidationError } from '@carnet/catalog-sdk';
import type { AgendaEvent, DataSource } from '@carnet/catalog-sdk';
import type { CarnetEventChangeDetail } from '../events/carnet-event-change.js';
import { fromICalendar, toICalendar } from '@carnet/catalog-sdk';
import type { ImportedCalendar } from '@carnet/catalog-sdk';

/** What calendar import and export need from their element. */
export interface IcsTransferOptions {
  source(): DataSource | undefined;
  /** Zone of floating and UTC times in imported files. */
  timeZone(): string;
  /** Called once imported events are created. */
  imported(changes: CarnetEventChangeDetail[]): void;
}

/** Where an import stands. */
export type ImportStep = 'closed' | 'reading' | 'preview' | 'importing' | 'error';

/** Why an import or export failed. */
export type TransferProblem = 'unreadable-file' | 'import-failed' | 'export-failed' | 'partial-import';

/** Name of the downloaded file. */
export const EXPORT_FILE_NAME = 'agenda-carnet.ics';
// Time for the browser to start the download before the object URL is revoked.
const REVOKE_DELAY_MS = 1000;

/** The name of an imported event whose file gave it none. */
export function untitled(): string {
  return msg('Sans titre');
}

/**
 * Export of the agenda to an `.ics` file (downloaded from a Blob object URL,
 * revoked after) and import from one: read through the SDK, previewed with its
 * warnings, created on confirmation. `ical.js` loads only when used.
 */
export class IcsTransferController implements ReactiveController {
  step: ImportStep = 'closed';
  preview?: ImportedCalendar;
  problem?: TransferProblem;
  /** Events created by the last import, for the confirmation message. */
  importedCount = 0;
  /** Events written by the last export. */
  exportedCount?: number;

  private readonly host: ReactiveControllerHost;
  private readonly options: IcsTransferOptions;
  private readonly revokeTimers = new Set<ReturnType<typeof setTimeout>>();

  constructor(host: ReactiveControllerHost, options: IcsTransferOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const timer of this.revokeTimers) clearTimeout(timer);
    this.revokeTimers.clear();
  }

  /** Writes `events` as an iCalendar file and hands it to the browser's download. */
  async exportCalendar(events: AgendaEvent[], root: ShadowRoot | HTMLElement): Promise<void> {
    this.problem = undefined;
    this.exportedCount = undefined;
    let text: string;
    try {
      text = await toICalendar(events);
    } catch {
      this.problem = 'export-failed';
      this.host.requestUpdate();
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = EXPORT_FILE_NAME;
    link.hidden = true;
    root.append(link);
    link.click();
    link.remove();
    const timer = setTimeout(() => {
      this.revokeTimers.delete(timer);
      URL.revokeObjectURL(url);
    }, REVOKE_DELAY_MS);
    this.revokeTimers.add(timer);
    this.exportedCount = events.length;
    this.host.requestUpdate();
  }

  /** The file input changed: reads the chosen file and shows its preview. */
  readonly onFileChange = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await this.read(file);
  };

  /** Reads a calendar file into a preview (or an error the patient can understand). */
  async read(file: Blob): Promise<void> {
    this.step = 'reading';
    this.problem = undefined;
    this.preview = undefined;
    this.host.requestUpdate();
    try {
      this.preview = await fromICalendar(await file.text(), { timeZone: this.options.timeZone() });
      this.step = 'preview';
    } catch (error) {
      this.problem = error instanceof ValidationError ? 'unreadable-file' : 'import-failed';
      this.step = 'error';
    }
    this.host.requestUpdate();
  }

  /** Creates the previewed events in the agenda. */
  async confirm(): Promise<void> {
    const source = this.options.source();
    const events = this.preview?.events ?? [];
    if (!source || events.length === 0) return;
    this.step = 'importing';
    this.host.requestUpdate();
    const changes: CarnetEventChangeDetail[] = [];
    for (const { uid: _uid, title, ...event } of events) {
      try {
        const created = await source.agenda.create({ ...event, title: title ?? untitled() });
        changes.push({ action: 'create', eventId: created.id });
      } catch {
        this.problem = changes.length > 0 ? 'partial-import' : 'import-failed';
      }
    }
    this.importedCount = changes.length;
    this.step = this.problem ? 'error' : 'closed';
    if (!this.problem) this.preview = undefined;
    this.host.requestUpdate();
    if (changes.length > 0) this.options.imported(changes);
  }

  /** Closes the preview or error without importing. */
  cancel(): void {
    this.step = 'closed';
    this.preview = undefined;
    this.problem = undefined;
    this.host.requestUpdate();
  }
}
