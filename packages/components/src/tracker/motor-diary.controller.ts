import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  motorDayRange,
  motorSlots,
  motorStatesBySlot,
  scheduledDoses,
  type DataSource,
  type MotorState,
  type MotorStateEntry,
  type Pathology,
  type ScheduledDose,
} from '@carnet/catalog-sdk';
import { DataLoader } from '../shared/data-loader.controller.js';
import { RovingFocusController } from '../shared/roving-focus.controller.js';
import { MOTOR_BRUSHES, type MotorBrush } from './motor-diary-labels.js';
import { shiftDay } from './motor-diary.model.js';

/** What the diary needs from its element. */
export interface MotorDiaryHost {
  source(): DataSource | undefined;
  pathology(): Pathology;
  now(): Date;
  /** A slot was written (added, changed or cleared). */
  saved(action: 'add' | 'update' | 'remove', entryId: string): void;
  /** A change was made or undone, in words for screen readers. */
  changed(slot: string, state: MotorState | undefined, undone: boolean): void;
}

/** What the diary reads for a day: the week's slots ending on it, and its doses. */
export interface MotorDiaryData {
  day: Date;
  entries: MotorStateEntry[];
  doses: ScheduledDose[];
}

/** One change of a slot, kept for Undo. */
interface SlotChange {
  slot: string;
  before: MotorState | undefined;
  after: MotorState | undefined;
}

/**
 * The Parkinson's motor diary: the day shown, the state chosen in the picker,
 * the slots as the patient sees them (written in order behind her taps), and
 * the changes she can undo. One tap sets the chosen state: tapping again
 * changes nothing, so a tremor's double tap does no harm.
 */
export class MotorDiaryController implements ReactiveController {
  readonly data: DataLoader<MotorDiaryData | null, readonly [DataSource | undefined, Pathology, number]>;
  private shownDay: Date;
  private brush: MotorBrush = 'off';
  /** Slot start → what is stored (with its version). */
  private stored = new Map<string, MotorStateEntry>();
  /** Slot start → what the patient sees (ahead of `stored` while writes run). */
  private shown = new Map<string, MotorState>();
  /** Taps written behind the view, in order; reads and writes take turns in `queue`. */
  private pending: { slot: string; state: MotorState | undefined }[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private changes: SlotChange[] = [];
  private failed = false;
  private activeSlot: string | undefined;
  /** The slots: one Tab stop, arrows move (left/right: half an hour, up/down: an hour), Enter or Space taps. */
  readonly roving: RovingFocusController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: MotorDiaryHost,
  ) {
    host.addController(this);
    this.shownDay = shiftDay(options.now(), 0);
    this.roving = new RovingFocusController(host, {
      target: (from, event) => {
        const keys = this.slotKeys();
        const index = keys.indexOf(from);
        const step: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 2, ArrowUp: -2 };
        if (event.key === 'Home') return keys[0];
        if (event.key === 'End') return keys[keys.length - 1];
        const move = step[event.key];
        return move === undefined ? undefined : keys[Math.min(keys.length - 1, Math.max(0, index + move))];
      },
      active: {
        get: () => {
          const keys = this.slotKeys();
          if (this.activeSlot !== undefined && keys.includes(this.activeSlot)) return this.activeSlot;
          const now = this.options.now().getTime();
          const current = keys.find((key) => Date.parse(key) <= now && now < Date.parse(key) + 1_800_000);
          return current ?? keys[16] ?? keys[0];
        },
        set: (key) => {
          this.activeSlot = key;
        },
      },
      activate: (key) => void this.tap(key),
    });
    this.data = new DataLoader(host, {
      args: () => [options.source(), options.pathology(), this.shownDay.getTime()] as const,
      load: ([source, pathology], signal) => {
        if (!source) return undefined;
        if (pathology !== 'parkinson') return Promise.resolve(null);
        if (!source.trackers) return Promise.reject(new Error('This data source keeps no measurements'));
        const day = this.shownDay;
        return this.enqueue(() => this.read(source, day, signal));
      },
    });
  }

  hostConnected(): void {}

  /** Runs `job` after every read and write queued before it. */
  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads the week ending on `day` and its doses. Queued behind the writes, so
   * it holds every tap made before it; taps made while it runs are kept on top.
   */
  private async read(source: DataSource, day: Date, signal: AbortSignal): Promise<MotorDiaryData> {
    const { to } = motorDayRange(day);
    const from = motorDayRange(shiftDay(day, -6)).from;
    const [entries, plans] = await Promise.all([
      source.trackers!.list('motorState', { from, to, signal }),
      source.medications.listPlans({ signal }),
    ]);
    const range = motorDayRange(day);
    const doses = scheduledDoses(plans, { start: new Date(range.from), end: new Date(range.to) });
    if (!signal.aborted) {
      this.stored = motorStatesBySlot(entries);
      this.shown = new Map([...this.stored].map(([slot, entry]) => [slot, entry.state]));
      for (const { slot, state } of this.pending) this.show(slot, state);
    }
    return { day, entries, doses };
  }

  private show(slot: string, state: MotorState | undefined): void {
    if (state === undefined) this.shown.delete(slot);
    else this.shown.set(slot, state);
  }

  /** The day shown (local midnight). */
  get day(): Date {
    return this.shownDay;
  }

  /** The slot starts of the day shown. */
  private slotKeys(): string[] {
    return motorSlots(motorDayRange(this.shownDay)).map((slot) => slot.start);
  }

  /** What a tap on a slot does now. */
  get chosen(): MotorBrush {
    return this.brush;
  }

  /** The states as the patient sees them, by slot start. */
  get states(): ReadonlyMap<string, MotorState> {
    return this.shown;
  }

  /** True when a change can be undone. */
  get canUndo(): boolean {
    return this.changes.length > 0;
  }

  /** True after a write failed (the slots were read again from the record). */
  get saveFailed(): boolean {
    return this.failed;
  }

  /** True when the day shown is today (no day after it to go to). */
  get isToday(): boolean {
    return motorDayRange(this.options.now()).from === motorDayRange(this.shownDay).from;
  }

  /** Chooses what the next taps write. */
  choose(brush: MotorBrush): void {
    this.brush = brush;
    this.host.requestUpdate();
  }

  /** Goes `offset` days back (-1) or forward (+1), never past today. */
  goToDay(offset: number): void {
    const next = shiftDay(this.shownDay, offset);
    if (next.getTime() > shiftDay(this.options.now(), 0).getTime()) return;
    this.shownDay = next;
    this.changes = [];
    this.failed = false;
    this.host.requestUpdate();
  }

  /** One tap on a slot: writes the chosen state; false when the slot already holds it. */
  tap(slot: string): boolean {
    const before = this.shown.get(slot);
    const after = this.brush === 'clear' ? undefined : this.brush;
    if (before === after) return false;
    this.changes.push({ slot, before, after });
    this.apply(slot, after);
    this.options.changed(slot, after, false);
    return true;
  }

  /** Undoes the last change: the slot gets back what it held before. */
  undo(): void {
    const last = this.changes.pop();
    if (!last) return;
    this.apply(last.slot, last.before);
    this.options.changed(last.slot, last.before, true);
  }

  private apply(slot: string, state: MotorState | undefined): void {
    this.failed = false;
    this.show(slot, state);
    this.host.requestUpdate();
    const tap = { slot, state };
    this.pending.push(tap);
    const done = (): void => {
      this.pending = this.pending.filter((candidate) => candidate !== tap);
    };
    this.enqueue(() => this.write(slot, state)).then(done, () => {
      done();
      this.fail();
    });
  }

  private async write(slot: string, state: MotorState | undefined): Promise<void> {
    const trackers = this.options.source()?.trackers;
    if (!trackers) throw new Error('This data source keeps no measurements');
    const current = this.stored.get(slot);
    if (state === undefined) {
      if (!current) return;
      await trackers.remove('motorState', current.id, current.version);
      this.stored.delete(slot);
      this.options.saved('remove', current.id);
      return;
    }
    if (current?.state === state) return;
    const saved = current
      ? await trackers.update('motorState', { ...current, state })
      : await trackers.add('motorState', { at: slot, state });
    this.stored.set(slot, saved);
    this.options.saved(current ? 'update' : 'add', saved.id);
  }

  private fail(): void {
    this.failed = true;
    this.changes = [];
    // What the record holds is the truth: read it again (the alert stays until the next tap).
    void this.data.reload().then(() => this.host.requestUpdate());
    this.host.requestUpdate();
  }

  readonly onChoose = (event: MouseEvent): void => {
    const brush = (event.target as HTMLElement).closest<HTMLElement>('[data-brush]')?.dataset['brush'];
    const known = MOTOR_BRUSHES.find((candidate) => candidate === brush);
    if (known) this.choose(known);
  };
  readonly onSlotClick = (event: MouseEvent): void => {
    const key = (event.target as HTMLElement).closest<HTMLElement>('[data-roving-key]')?.dataset['rovingKey'];
    if (key) this.tap(key);
  };
  readonly onUndo = (): void => this.undo();
  readonly onPreviousDay = (): void => this.goToDay(-1);
  readonly onNextDay = (): void => this.goToDay(1);
}
