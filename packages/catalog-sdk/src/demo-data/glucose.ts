/**
 * Synthetic capillary glucose values for the diabetes persona: four a day
 * (before breakfast, after lunch, before dinner, bedtime) over the weeks
 * before `now`, mostly in range with a few lows and highs, as a person with
 * type 1 diabetes on a pump might log them.
 */
import type { GlucoseReading, MealContext } from '../model/tracker.js';
import { DEFAULT_TIME_ZONE } from '../model/common.js';
import { createSeededRandom, deriveSeed } from './random.js';
import { addDays, formatIsoDate, instantToWallClock, wallClockToInstant } from './wall-clock.js';

/** Weeks of glucose values the diabetes persona starts with. */
export const GLUCOSE_DEMO_WEEKS = 4;

const SLOTS: readonly { time: string; mealContext: MealContext; mean: number; spread: number }[] = [
  { time: '07:30', mealContext: 'before-meal', mean: 115, spread: 30 },
  { time: '14:15', mealContext: 'after-meal', mean: 160, spread: 45 },
  { time: '19:30', mealContext: 'before-meal', mean: 125, spread: 35 },
  { time: '22:45', mealContext: 'bedtime', mean: 140, spread: 40 },
];

/** The persona's glucose values, oldest first, with stable ids; none after `now`. */
export function buildGlucoseReadings(patientId: string, seed: number, now: Date): GlucoseReading[] {
  const random = createSeededRandom(deriveSeed(seed, 'glucose'));
  const today = instantToWallClock(now, DEFAULT_TIME_ZONE).day;
  const readings: GlucoseReading[] = [];
  for (let back = GLUCOSE_DEMO_WEEKS * 7; back >= 0; back -= 1) {
    const day = formatIsoDate(addDays(today, -back));
    for (const [index, slot] of SLOTS.entries()) {
      if (random.chance(0.08)) continue; // a forgotten measurement now and then
      const minutes = random.int(-20, 20);
      const at = wallClockToInstant(`${day}T${slot.time}:00`, DEFAULT_TIME_ZONE).getTime() + minutes * 60_000;
      if (at > now.getTime()) continue;
      let value = Math.round(slot.mean + (random.next() * 2 - 1) * slot.spread);
      if (random.chance(0.04)) value = random.int(52, 68); // a low
      if (random.chance(0.05)) value = random.int(230, 290); // a high after a rich meal
      readings.push({
        id: `${patientId}-glucose-${day}-${index + 1}`,
        version: '1',
        at: new Date(at).toISOString(),
        value,
        unit: 'mg/dL',
        mealContext: slot.mealContext,
        origin: 'entered',
      });
    }
  }
  return readings;
}
