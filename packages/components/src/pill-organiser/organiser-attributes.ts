/** Attribute converters of `<carnet-pill-organiser>`: `now` and `meal-times`. */
import type { ComplexAttributeConverter } from 'lit';
import type { MealTimes } from '@carnet/catalog-sdk';

const MEAL_KEYS: readonly (keyof MealTimes)[] = ['wake', 'breakfast', 'lunch', 'dinner', 'bedtime'];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `now` as an ISO instant; an unreadable value means « the current time ». */
export const nowConverter: ComplexAttributeConverter<Date | undefined> = {
  fromAttribute(value: string | null): Date | undefined {
    if (!value) return undefined;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  },
  toAttribute(value: Date | undefined): string | undefined {
    return value?.toISOString();
  },
};

/**
 * Reads meal times from JSON, keeping only well-formed `HH:mm` values of known
 * meals, so a typo in the page falls back to the defaults instead of breaking the grid.
 */
export function parseMealTimes(value: string | null): Partial<MealTimes> | undefined {
  if (!value) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const times: Partial<MealTimes> = {};
  for (const key of MEAL_KEYS) {
    const time: unknown = (parsed as Record<string, unknown>)[key];
    if (typeof time === 'string' && HH_MM.test(time)) times[key] = time;
  }
  return times;
}

/** `meal-times` as JSON. */
export const mealTimesConverter: ComplexAttributeConverter<Partial<MealTimes> | undefined> = {
  fromAttribute: parseMealTimes,
  toAttribute: (value: Partial<MealTimes> | undefined) => (value ? JSON.stringify(value) : undefined),
};
