import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { CarnetError, ConflictError, NotFoundError } from '@carnet/catalog-sdk';
import type { CarnetMessageKey, DataSource, IntakeRecord, NewIntakeRecord } from '@carnet/catalog-sdk';
import { emit } from '../events/emit.js';
import type {} from '../events/carnet-intake-change.js';
import { toCarnetErrorDetail } from '../shared/error-messages.js';
import { instantAt } from './organiser-calendar.js';
import type { SkipReason } from './organiser-labels.js';
import type { GridDose } from './week-grid.model.js';
import type { WeekController } from './week.controller.js';

/** Which part of the intake dialog is shown. */
export type IntakeDialogStep = 'menu' | 'time' | 'skip' | 'early';

/** Why the last action failed, as the dialog words it. */
export type IntakeProblem = 'save-failed' | 'time-missing' | 'time-unreadable' | 'time-in-future';

/** What the actions need from the element. */
export interface IntakeActionsOptions {
  source: () => DataSource | undefined;
  now: () => Date;
  /**
   * How a typed time is read in the page's language (« 14h30 », « 2:30 pm » in English):
   * `HH:mm`, or undefined when it is not a time. `parseTimeField`, given by the dialogs' code
   * (`organiser-dialogs.panel.ts`), which is loaded before the form that asks for a time shows.
   */
  readTime: (typed: string) => string | undefined;
  week: WeekController;
  announce: (text: string) => void;
}

/** The dose the dialog is about: its identity, not a snapshot of its state. */
export interface DialogDose {
  key: string;
  planId: string;
  scheduledAt: string;
  date: string;
  timeZone: string;
}

const HOUR_MS = 3_600_000;
/** A dose marked taken more than this many minutes before its time asks the patient to confirm. */
export const EARLY_INTAKE_WARNING_MINUTES = 60;
// A few seconds of leeway: « now » in the form and the clock may differ slightly.
const FUTURE_LEEWAY_MS = 60_000;

/**
 * What the patient does to a dose: mark it taken (now or at a chosen time),
 * skipped (with a reason), or undo the record. Saves through the data source —
 * `recordIntake` is idempotent, so a retry never counts a dose twice — and only
 * shows a state once it is saved. Opens and closes the dialog, and gives focus
 * back to the dose it was opened from.
 */
export class IntakeActionsController implements ReactiveController {
  #dose: DialogDose | undefined;
  #step: IntakeDialogStep = 'menu';
  #problem: IntakeProblem | undefined;
  #failureKey: CarnetMessageKey | undefined;
  #conflict = false;
  #takenAtTime = '';
  #skipReason: SkipReason = 'side-effects';
  #skipNote = '';
  #lastDoseKey: string | undefined;
  #earlyTakenAt: string | undefined;

  /** The dose the dialog is open for; undefined when closed. */
  get dose(): DialogDose | undefined {
    return this.#dose;
  }
  /** Which part of the dialog is shown. */
  get step(): IntakeDialogStep {
    return this.#step;
  }
  /** The problem shown in the dialog, if any. */
  get problem(): IntakeProblem | undefined {
    return this.#problem;
  }
  /** Message key of the last save failure (for the error sentence). */
  get failureKey(): CarnetMessageKey | undefined {
    return this.#failureKey;
  }
  /** True after a conflict: someone changed the record elsewhere; it was reloaded. */
  get conflict(): boolean {
    return this.#conflict;
  }
  /** `HH:mm` chosen in the « taken at » form. */
  get takenAtTime(): string {
    return this.#takenAtTime;
  }
  /** On the `early` step: how many minutes before its time the dose would be marked taken. */
  get minutesEarly(): number | undefined {
    const dose = this.#dose;
    if (!dose || this.#earlyTakenAt === undefined) return undefined;
    return Math.round((Date.parse(dose.scheduledAt) - Date.parse(this.#earlyTakenAt)) / 60_000);
  }
  /** The reason chosen for a skipped dose. */
  get skipReason(): SkipReason {
    return this.#skipReason;
  }
  /** The note written for a skipped dose. */
  get skipNote(): string {
    return this.#skipNote;
  }

  private readonly savingKeys = new Set<string>();
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: IntakeActionsOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: IntakeActionsOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** A dialog does not survive its element leaving the page. */
  hostDisconnected(): void {
    this.#dose = undefined;
  }

  /** Sets the « taken at » time as the patient types it. */
  setTakenAtTime(time: string): void {
    // As typed (« 14h30 »): read when the form is sent.
    this.#takenAtTime = time;
  }

  /** Sets why the dose is skipped. */
  setSkipReason(reason: SkipReason): void {
    this.#skipReason = reason;
  }

  /** Sets the note of a skipped dose. */
  setSkipNote(note: string): void {
    this.#skipNote = note;
  }

  /** Whether the dose with this key is being saved (its buttons are disabled meanwhile). */
  isSaving(key: string): boolean {
    return this.savingKeys.has(key);
  }

  /** Opens the dialog for a dose. */
  open(dose: GridDose, timeZone: string): void {
    this.#dose = { key: dose.key, planId: dose.plan.id, scheduledAt: dose.dose.scheduledAt, date: dose.date, timeZone };
    this.#lastDoseKey = dose.key;
    this.#step = 'menu';
    this.#problem = undefined;
    this.#failureKey = undefined;
    this.#takenAtTime = dose.time;
    this.#skipReason = 'side-effects';
    this.#skipNote = '';
    this.#earlyTakenAt = undefined;
    this.host.requestUpdate();
  }

  /** Shows another part of the dialog. */
  showStep(step: IntakeDialogStep): void {
    this.#step = step;
    this.#problem = undefined;
    this.host.requestUpdate();
  }

  /** Closes the dialog (button, Escape); the dialog controller returns focus to the dose. */
  close(): void {
    if (!this.#dose) return;
    this.#dose = undefined;
    this.host.requestUpdate();
  }

  /** Hides the conflict message. */
  dismissConflict(): void {
    this.#conflict = false;
    this.host.requestUpdate();
  }

  /** The button of the dose the dialog was last about, as shown now (the grid or the day list). */
  lastDoseButton(): HTMLElement | undefined {
    const key = this.#lastDoseKey;
    const buttons = this.host.shadowRoot?.querySelectorAll<HTMLElement>('[data-dose-key]') ?? [];
    return [...buttons].find((button) => button.dataset['doseKey'] === key && button.getClientRects().length > 0);
  }

  /** Records the dose as taken now. */
  takeNow(): Promise<void> {
    const dose = this.#dose;
    if (!dose) return Promise.resolve();
    return this.takeAt(dose, this.options.now().getTime());
  }

  /** Records the dose taken at the time the early-intake warning was about (« Noter quand même »). */
  confirmEarly(): Promise<void> {
    const dose = this.#dose;
    const takenAt = this.#earlyTakenAt;
    if (!dose || takenAt === undefined) return Promise.resolve();
    return this.record(dose, { status: 'taken', takenAt });
  }

  /** Records a dose taken at `takenAt`, or first warns when that is far before its time. */
  private takeAt(dose: DialogDose, takenAt: number): Promise<void> {
    const takenAtIso = new Date(takenAt).toISOString();
    if (Date.parse(dose.scheduledAt) - takenAt > EARLY_INTAKE_WARNING_MINUTES * 60_000) {
      this.#earlyTakenAt = takenAtIso;
      this.#step = 'early';
      this.#problem = undefined;
      this.host.requestUpdate();
      return Promise.resolve();
    }
    return this.record(dose, { status: 'taken', takenAt: takenAtIso });
  }

  /** Records the dose as taken at the time chosen in the form, on the dose's day. */
  takeAtChosenTime(): Promise<void> {
    const dose = this.#dose;
    if (!dose) return Promise.resolve();
    if (this.#takenAtTime.trim() === '') return this.refuse('time-missing');
    const time = this.options.readTime(this.#takenAtTime);
    if (time === undefined) return this.refuse('time-unreadable');
    const scheduled = Date.parse(dose.scheduledAt);
    let takenAt = instantAt(dose.date, time, dose.timeZone).getTime();
    // A bedtime dose taken after midnight belongs to the evening before.
    if (takenAt < scheduled - 12 * HOUR_MS) takenAt += 24 * HOUR_MS;
    if (takenAt > this.options.now().getTime() + FUTURE_LEEWAY_MS) return this.refuse('time-in-future');
    return this.takeAt(dose, takenAt);
  }

  /** Records the dose as skipped, with the chosen reason and optional note. */
  skip(): Promise<void> {
    const dose = this.#dose;
    if (!dose) return Promise.resolve();
    const note = this.#skipNote.trim();
    return this.record(dose, { status: 'skipped', reason: this.#skipReason, ...(note ? { note } : {}) });
  }

  /** Removes the dose's record (undo), based on the version the organiser knows. */
  async undo(): Promise<void> {
    const dose = this.#dose;
    const source = this.options.source();
    const record = dose ? this.options.week.recordOf(dose.planId, dose.scheduledAt) : undefined;
    if (!dose || !source || !record || !this.begin(dose)) return;
    try {
      await source.medications.deleteIntake(record.id, record.version);
      this.options.week.recordRemoved(record);
      this.announceAndClose(dose, msg('Saisie annulée.'));
      emit(this.host, 'carnet-intake-change', {
        planId: dose.planId,
        scheduledAt: dose.scheduledAt,
        status: 'cleared',
      });
    } catch (error) {
      this.fail(dose, error);
    } finally {
      this.end(dose);
    }
  }

  private async record(dose: DialogDose, outcome: Omit<NewIntakeRecord, 'planId' | 'scheduledAt'>): Promise<void> {
    const source = this.options.source();
    if (!source || !this.begin(dose)) return;
    try {
      const saved: IntakeRecord = await source.medications.recordIntake({
        planId: dose.planId,
        scheduledAt: dose.scheduledAt,
        ...outcome,
      });
      this.options.week.recordSaved(saved);
      this.announceAndClose(
        dose,
        saved.status === 'taken' ? msg('Prise enregistrée.') : msg('Dose sautée enregistrée.'),
      );
      emit(this.host, 'carnet-intake-change', {
        planId: dose.planId,
        scheduledAt: dose.scheduledAt,
        status: saved.status,
      });
    } catch (error) {
      this.fail(dose, error);
    } finally {
      this.end(dose);
    }
  }

  /** Marks a dose as saving; false when it already is (a double click). */
  private begin(dose: DialogDose): boolean {
    if (this.savingKeys.has(dose.key)) return false;
    this.savingKeys.add(dose.key);
    this.#problem = undefined;
    this.#failureKey = undefined;
    this.host.requestUpdate();
    return true;
  }

  private end(dose: DialogDose): void {
    this.savingKeys.delete(dose.key);
    this.host.requestUpdate();
  }

  private refuse(problem: IntakeProblem): Promise<void> {
    this.#problem = problem;
    this.host.requestUpdate();
    return Promise.resolve();
  }

  private announceAndClose(dose: DialogDose, text: string): void {
    this.options.announce(text);
    if (this.#dose?.key === dose.key) this.close();
  }

  private fail(dose: DialogDose, error: unknown): void {
    emit(this.host, 'carnet-error', toCarnetErrorDetail(error));
    // Changed or removed elsewhere: what the organiser shows is stale, so read it again.
    if (error instanceof ConflictError || error instanceof NotFoundError) {
      this.#conflict = true;
      if (this.#dose?.key === dose.key) this.close();
      void this.options.week.reload();
      return;
    }
    this.#failureKey = error instanceof CarnetError ? error.messageKey : 'error.unknown';
    this.#problem = 'save-failed';
  }
}
