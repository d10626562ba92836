/**
 * Synthetic Parkinson's motor diary for the Parkinson persona: the last days in
 * half-hours, as a person on levodopa four times a day (07:00, 11:00, 15:00,
 * 19:00) might note them: asleep at night, « off » before the first dose and
 * when a dose wears off, dyskinesia at the peak of the midday dose.
 */
import type { MotorState, MotorStateEntry } from '../model/tracker.js';
import { DEFAULT_TIME_ZONE } from '../model/common.js';
import { createSeededRandom, deriveSeed } from './random.js';
import { addDays, formatIsoDate, instantToWallClock, wallClockToInstant } from './wall-clock.js';

/** Days of diary the Parkinson persona starts with (today excluded). */
export const MOTOR_DIARY_DEMO_DAYS = 3;

/** The state of the half-hour starting at `minutes` after midnight, on a typical day. */
function typicalState(minutes: number, wearingOff: number): MotorState {
  if (minutes < 7 * 60 || minutes >= 22 * 60 + 30) return 'asleep';
  if (minutes < 7 * 60 + 30) return 'off'; // before the first dose works
  if (minutes >= 12 * 60 && minutes < 13 * 60) return 'on-dyskinesia'; // peak of the 11:00 dose
  // Each dose wears off before the next one (11:00, 15:00, 19:00).
  for (const next of [11 * 60, 15 * 60, 19 * 60]) if (minutes >= next - wearingOff && minutes < next + 30) return 'off';
  return 'on';
}

/** The persona's diary half-hours over the days before today, oldest first, with stable ids. */
export function buildMotorDiary(patientId: string, seed: number, now: Date): MotorStateEntry[] {
  const random = createSeededRandom(deriveSeed(seed, 'motor-diary'));
  const today = instantToWallClock(now, DEFAULT_TIME_ZONE).day;
  const entries: MotorStateEntry[] = [];
  for (let back = MOTOR_DIARY_DEMO_DAYS; back >= 1; back -= 1) {
    const day = formatIsoDate(addDays(today, -back));
    const wearingOff = random.chance(0.5) ? 30 : 60;
    for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const at = wallClockToInstant(`${day}T${time}:00`, DEFAULT_TIME_ZONE);
      entries.push({
        id: `${patientId}-motor-${day}-${time.replace(':', '')}`,
        version: '1',
        at: at.toISOString(),
        end: new Date(at.getTime() + 30 * 60_000).toISOString(),
        state: typicalState(minutes, wearingOff),
        origin: 'entered',
      });
    }
  }
  return entries;
}
