/**
 * Dose slots and days ↔ FHIR `Timing.repeat` (the simple, lossless part).
 * Meal-relative and interval timings are the pill organiser's fuller Timing → RRULE.
 */
import type { Extension, TimingRepeat } from '@medplum/fhirtypes';
import type { Weekday } from '../common.js';
import type { DayPeriod, DoseSlot } from '../medication.js';
import { ExtensionReader, decimalExtension, stringExtension } from './extensions.js';
import { fail, isTimeOfDay, optionalArray, optionalInteger, requireCode, type JsonObject } from './read.js';
import { DOSE_SLOT_QUANTITY_EXTENSION_URL } from './urls.js';

type WhenCode = 'MORN' | 'NOON' | 'EVE' | 'HS' | 'CM' | 'CD' | 'CV';
type FhirDay = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

const PERIOD_TO_WHEN: Record<DayPeriod, WhenCode> = { morning: 'MORN', noon: 'NOON', evening: 'EVE', bedtime: 'HS' };
/** « With the meal » of a moment: breakfast, lunch, dinner (FHIR CM, CD, CV). */
const PERIOD_TO_MEAL: Partial<Record<DayPeriod, WhenCode>> = { morning: 'CM', noon: 'CD', evening: 'CV' };
const WEEKDAY_TO_FHIR: Record<Weekday, FhirDay> = {
  MO: 'mon',
  TU: 'tue',
  WE: 'wed',
  TH: 'thu',
  FR: 'fri',
  SA: 'sat',
  SU: 'sun',
};
const WHEN_CODES = [...Object.values(PERIOD_TO_WHEN), ...Object.values(PERIOD_TO_MEAL)];

/** The `when` code of a moment slot. */
const whenOf = (slot: DoseSlot): WhenCode =>
  (slot.withMeal ? PERIOD_TO_MEAL[slot.period as DayPeriod] : undefined) ?? PERIOD_TO_WHEN[slot.period as DayPeriod];
const FHIR_DAYS = Object.values(WEEKDAY_TO_FHIR);

/** FHIR `time` of an exact slot: `HH:mm` → `HH:mm:ss`. */
const fhirTime = (time: string): string => (time.length === 5 ? `${time}:00` : time);

/** Key of a slot in the per-slot dose extension: its FHIR time or `when` code. */
const slotKey = (slot: DoseSlot): string => (slot.time !== undefined ? fhirTime(slot.time) : whenOf(slot));

/**
 * Writes slots and days as `Timing.repeat`: `timeOfDay` for exact times, `when`
 * for moments of the day (CM/CD/CV with a meal), `frequency` = slots per day over a
 * period of 1 day, or of `everyDays` days (all the slots on one day of each period).
 * @throws MappingError when slots mix exact times and moments (FHIR rule tim-10 forbids it)
 */
export function slotsToRepeat(
  slots: readonly DoseSlot[],
  daysOfWeek: readonly Weekday[] | undefined,
  everyDays?: number,
): TimingRepeat {
  const timed = slots.filter((slot) => slot.time !== undefined);
  slots.forEach((slot, i) => {
    if (slot.time !== undefined && (!isTimeOfDay(slot.time) || slot.time.length !== 5))
      fail(`MedicationPlan.slots[${i}].time`, 'is not a time HH:mm');
    if (slot.time === undefined && (slot.period === undefined || !(slot.period in PERIOD_TO_WHEN))) {
      fail(`MedicationPlan.slots[${i}].period`, 'is not a known moment of the day');
    }
  });
  if (timed.length > 0 && timed.length < slots.length)
    fail('MedicationPlan.slots', 'mix exact times and moments of the day');
  const repeat: TimingRepeat = {};
  if (everyDays !== undefined && (!Number.isInteger(everyDays) || everyDays < 1))
    fail('MedicationPlan.everyDays', 'is not a whole number of days');
  if (slots.length > 0) Object.assign(repeat, { frequency: slots.length, period: everyDays ?? 1, periodUnit: 'd' });
  if (timed.length > 0) repeat.timeOfDay = slots.map((slot) => fhirTime(slot.time as string));
  else if (slots.length > 0) repeat.when = slots.map(whenOf);
  if (daysOfWeek !== undefined && daysOfWeek.length > 0) {
    repeat.dayOfWeek = daysOfWeek.map(
      (day, i) => WEEKDAY_TO_FHIR[day] ?? fail(`MedicationPlan.daysOfWeek[${i}]`, 'is not a weekday'),
    );
  }
  return repeat;
}

/** Per-slot doses that differ from the plan's dose, as complex extensions on the Dosage. */
export function slotQuantityExtensions(slots: readonly DoseSlot[]): Extension[] {
  return slots
    .filter((slot) => slot.quantity !== undefined)
    .map((slot) => ({
      url: DOSE_SLOT_QUANTITY_EXTENSION_URL,
      extension: [stringExtension('slot', slotKey(slot)), decimalExtension('quantity', slot.quantity)] as Extension[],
    }));
}

/**
 * Reads slots, days and the interval from `Timing.repeat`. A `when` outside
 * MORN/NOON/EVE/HS/CM/CD/CV is an error naming it; seconds of a `timeOfDay` are dropped
 * (slots are to the minute); a whole `period` of several days (`d`) is `everyDays`.
 * @param path path of the `repeat` element
 * @param dosage the Dosage element (carries per-slot dose extensions)
 */
export function repeatToSlots(
  path: string,
  repeat: JsonObject | undefined,
  dosagePath: string,
  dosage: JsonObject,
): { slots: DoseSlot[]; daysOfWeek?: Weekday[]; everyDays?: number } {
  const times = optionalArray(`${path}.timeOfDay`, repeat?.timeOfDay);
  const whens = optionalArray(`${path}.when`, repeat?.when);
  if (times.length > 0 && whens.length > 0) fail(`${path}.when`, 'is set together with timeOfDay');
  const slots: DoseSlot[] = times.map((time, i) => {
    if (!isTimeOfDay(time) || time.length !== 8) fail(`${path}.timeOfDay[${i}]`, 'is not a FHIR time HH:mm:ss');
    return { time: time.slice(0, 5) };
  });
  whens.forEach((when, i) => {
    const code = requireCode(`${path}.when[${i}]`, when, WHEN_CODES);
    const moments = Object.keys(PERIOD_TO_WHEN) as DayPeriod[];
    const meal = moments.find((p) => PERIOD_TO_MEAL[p] === code);
    if (meal) slots.push({ period: meal, withMeal: true });
    else slots.push({ period: moments.find((p) => PERIOD_TO_WHEN[p] === code) as DayPeriod });
  });
  if (slots.length === 0 && optionalInteger(`${path}.frequency`, repeat?.frequency, 1) !== undefined) {
    fail(`${path}.timeOfDay`, 'is missing: only timings with timeOfDay or when are supported');
  }
  for (const { path: extPath, reader } of new ExtensionReader(dosagePath, dosage.extension).complex(
    DOSE_SLOT_QUANTITY_EXTENSION_URL,
  )) {
    const key = reader.string('slot') ?? fail(`${extPath}.extension[slot]`, 'is missing');
    const quantity = reader.decimal('quantity') ?? fail(`${extPath}.extension[quantity]`, 'is missing');
    const slot = slots.find((s) => slotKey(s) === key);
    if (!slot) fail(`${extPath}.extension[slot].valueString`, 'names no slot of the timing');
    slot.quantity = quantity;
  }
  const days = optionalArray(`${path}.dayOfWeek`, repeat?.dayOfWeek).map((day, i) => {
    const code = requireCode(`${path}.dayOfWeek[${i}]`, day, FHIR_DAYS);
    return (Object.keys(WEEKDAY_TO_FHIR) as Weekday[]).find((w) => WEEKDAY_TO_FHIR[w] === code) as Weekday;
  });
  const result: { slots: DoseSlot[]; daysOfWeek?: Weekday[]; everyDays?: number } = { slots };
  if (days.length > 0) result.daysOfWeek = days;
  const period = repeat?.period;
  if (repeat?.periodUnit === 'd' && typeof period === 'number' && period > 1) {
    if (!Number.isInteger(period)) fail(`${path}.period`, 'is not a whole number of days');
    result.everyDays = period;
  }
  return result;
}
