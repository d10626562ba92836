/**
 * Parkinson's motor diary arithmetic: the half-hour slots of a day, and what a
 * neurologist reads from them (time « off », the off periods, time with
 * dyskinesia). Pure functions, no I/O; days are the device's local days.
 *
 * @example Yesterday's off periods
 * ```ts
 * const yesterday = new Date(Date.now() - 86_400_000);
 * const range = motorDayRange(yesterday);
 * const entries = await source.trackers!.list('motorState', range);
 * const { offPeriods, offMinutes } = summariseMotorDay(entries, range);
 * ```
 */
import { MOTOR_SLOT_MINUTES, type MeasurementRange, type MotorState, type MotorStateEntry } from '../model/tracker.js';

const SLOT_MS = MOTOR_SLOT_MINUTES * 60_000;

/** The local day holding `day` (midnight to the next midnight, device zone), as a `list` range. */
export function motorDayRange(day: Date): MeasurementRange {
  const start = new Date(day.getFullYear(), day.getMonth(), day.getDate());
  const end = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** One half-hour slot of a day. */
export interface MotorSlot {
  /** Start instant (ISO). */
  start: string;
  /** End instant (ISO). */
  end: string;
}

/**
 * The half-hour slots of a range, in order: 48 for an ordinary day, 46 or 50
 * on a daylight-saving change.
 */
export function motorSlots(range: MeasurementRange): MotorSlot[] {
  const slots: MotorSlot[] = [];
  const to = Date.parse(range.to);
  for (let at = Date.parse(range.from); at + SLOT_MS <= to; at += SLOT_MS)
    slots.push({ start: new Date(at).toISOString(), end: new Date(at + SLOT_MS).toISOString() });
  return slots;
}

/**
 * One entry per slot start: when two entries name the same slot (entered on two
 * devices), the one listed last wins.
 */
export function motorStatesBySlot(entries: readonly MotorStateEntry[]): Map<string, MotorStateEntry> {
  const bySlot = new Map<string, MotorStateEntry>();
  for (const entry of entries) bySlot.set(new Date(entry.at).toISOString(), entry);
  return bySlot;
}

/** A run of consecutive slots in one state. */
export interface MotorPeriod {
  /** Start instant of its first slot (ISO). */
  start: string;
  /** End instant of its last slot (ISO). */
  end: string;
  /** Its length in minutes. */
  minutes: number;
}

/** What a day of the diary says. */
export interface MotorDaySummary {
  /** Minutes noted in each state. */
  minutes: Record<MotorState, number>;
  /** Minutes « off » (the same as `minutes.off`). */
  offMinutes: number;
  /** Minutes « on » with troublesome dyskinesia. */
  dyskinesiaMinutes: number;
  /** Minutes with a state noted. */
  recordedMinutes: number;
  /** The off periods, in time order: consecutive off slots make one period. */
  offPeriods: MotorPeriod[];
  /** The periods « on » with dyskinesia, in time order. */
  dyskinesiaPeriods: MotorPeriod[];
}

function periodsOf(entries: readonly MotorStateEntry[], state: MotorState): MotorPeriod[] {
  const periods: MotorPeriod[] = [];
  for (const entry of entries) {
    if (entry.state !== state) continue;
    const last = periods[periods.length - 1];
    const start = Date.parse(entry.at);
    const end = Date.parse(entry.end);
    if (last && Date.parse(last.end) === start) {
      last.end = new Date(end).toISOString();
      last.minutes += Math.round((end - start) / 60_000);
    } else
      periods.push({
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        minutes: Math.round((end - start) / 60_000),
      });
  }
  return periods;
}

/**
 * Summarises the diary entries of a range (usually `motorDayRange(day)`): time
 * in each state, off periods and dyskinesia periods. Entries outside the range
 * are left out; one entry per slot counts (see `motorStatesBySlot`).
 */
export function summariseMotorDay(entries: readonly MotorStateEntry[], range: MeasurementRange): MotorDaySummary {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const inRange = [...motorStatesBySlot(entries).values()]
    .filter((entry) => Date.parse(entry.at) >= from && Date.parse(entry.at) < to)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const minutes: Record<MotorState, number> = { off: 0, on: 0, 'on-dyskinesia': 0, asleep: 0 };
  for (const entry of inRange)
    minutes[entry.state] += Math.round((Date.parse(entry.end) - Date.parse(entry.at)) / 60_000);
  return {
    minutes,
    offMinutes: minutes.off,
    dyskinesiaMinutes: minutes['on-dyskinesia'],
    recordedMinutes: minutes.off + minutes.on + minutes['on-dyskinesia'] + minutes.asleep,
    offPeriods: periodsOf(inRange, 'off'),
    dyskinesiaPeriods: periodsOf(inRange, 'on-dyskinesia'),
  };
}
