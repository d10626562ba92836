import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ConflictError } from '@carnet/catalog-sdk';
import type { AgendaEvent, DataSource } from '@carnet/catalog-sdk';
import type { AgendaItem } from './agenda-layout.js';
import { withOccurrenceNote } from './series-edits.js';

/** What the details dialog needs from its element. */
export interface OccurrenceDetailsOptions {
  source(): DataSource | undefined;
  /** The stored event behind an occurrence, as last loaded. */
  event(eventId: string): AgendaEvent | undefined;
  /** Called once a note is saved. */
  noteSaved(eventId: string, originalStart: string, note: string): void;
  /** Called after a conflict or failure, so the record is loaded again. */
  stale(): void;
}

/** Why the note could not be saved. */
export type NoteProblem = 'conflict' | 'failed';

/**
 * The details of one occurrence and the patient's note on it (adherence,
 * « dose prise en retard »), saved as that occurrence's override.
 */
export class OccurrenceDetailsController implements ReactiveController {
  /** The occurrence shown, as last rendered. */
  item?: AgendaItem;
  noteDraft = '';
  saving = false;
  problem?: NoteProblem;
  /** True right after a save, for the « Note enregistrée » confirmation. */
  saved = false;

  private readonly host: ReactiveControllerHost;
  private readonly options: OccurrenceDetailsOptions;

  constructor(host: ReactiveControllerHost, options: OccurrenceDetailsOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens the details of an occurrence. */
  open(item: AgendaItem): void {
    this.item = item;
    this.noteDraft = item.note ?? '';
    this.problem = undefined;
    this.saved = false;
    this.saving = false;
    this.host.requestUpdate();
  }

  /** Follows the item into a freshly computed layout (after a reload). */
  refresh(item: AgendaItem | undefined): void {
    if (item && item !== this.item) this.item = item;
  }

  close(): void {
    this.item = undefined;
    this.host.requestUpdate();
  }

  readonly onNoteInput = (event: Event): void => {
    const input = event.target;
    if (input instanceof HTMLTextAreaElement) {
      this.noteDraft = input.value;
      this.saved = false;
    }
  };

  /** Saves the note on the shown occurrence; keeps the text on failure. */
  async saveNote(): Promise<void> {
    const occurrence = this.item?.occurrence;
    const source = this.options.source();
    if (!occurrence || !source) return;
    const event = this.options.event(occurrence.eventId);
    if (!event) return;
    this.saving = true;
    this.problem = undefined;
    this.host.requestUpdate();
    const note = this.noteDraft.trim();
    try {
      await source.agenda.update(withOccurrenceNote(event, occurrence.originalStart, note));
    } catch (error) {
      this.saving = false;
      this.problem = error instanceof ConflictError ? 'conflict' : 'failed';
      this.host.requestUpdate();
      this.options.stale();
      return;
    }
    this.saving = false;
    this.saved = true;
    this.host.requestUpdate();
    this.options.noteSaved(occurrence.eventId, occurrence.originalStart, note);
  }
}
