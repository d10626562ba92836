/**
 * Dates, times, numbers and lists of the pill organiser, always through Intl in
 * the provider's locale (never concatenated by hand).
 */
import type { IsoDate } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import { calendarDateValue } from './organiser-calendar.js';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** A wall-clock `HH:mm` in the locale's style (« 07:00 », "7:00 AM"). */
export function formatClockTime(time: string, locale: CarnetLocale): string {
  const value = new Date(Date.UTC(2000, 0, 1, Number(time.slice(0, 2)), Number(time.slice(3, 5))));
  return cached(
    `time:${locale}`,
    () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }),
  ).format(value);
}

/** A day heading, « lundi 2 mars » / "Monday, March 2". */
export function formatDayHeading(date: IsoDate, locale: CarnetLocale): string {
  return cached(
    `day:${locale}`,
    () => new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
  ).format(calendarDateValue(date));
}

/** A short weekday, « lun. » / "Mon". */
export function formatShortWeekday(date: IsoDate, locale: CarnetLocale): string {
  return cached(
    `weekday:${locale}`,
    () => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }),
  ).format(calendarDateValue(date));
}

/** A short date, « 2 mars » / "Mar 2". */
export function formatShortDate(date: IsoDate, locale: CarnetLocale): string {
  return cached(
    `short:${locale}`,
    () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  ).format(calendarDateValue(date));
}

/** A calendar date in full, « 2 mars 2026 » / "March 2, 2026". */
export function formatLongDate(date: IsoDate, locale: CarnetLocale): string {
  return cached(`long:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(
    calendarDateValue(date),
  );
}

/** The span of a week, « 2 – 8 mars 2026 » / "March 2 – 8, 2026". */
export function formatWeekSpan(first: IsoDate, last: IsoDate, locale: CarnetLocale): string {
  return cached(
    `range:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
  ).formatRange(calendarDateValue(first), calendarDateValue(last));
}

/** A number with the locale's separators (up to two decimals). */
export function formatNumber(value: number, locale: CarnetLocale): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(value);
}

/** A share 0..1 as a whole percentage, « 92 % » / "92%". */
export function formatPercent(rate: number, locale: CarnetLocale): string {
  return cached(
    `percent:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(rate);
}

/** A duration in minutes, « 25 min ». */
export function formatMinutes(minutes: number, locale: CarnetLocale): string {
  return cached(
    `minutes:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }),
  ).format(minutes);
}

/** Lateness up to this many minutes reads in minutes; beyond, in hours and minutes. */
export const LATENESS_IN_MINUTES_UP_TO = 90;

/**
 * How late a dose was taken: « 25 min » up to 90 minutes, then hours and minutes,
 * « 7 h 5 min » / "7 hr 5 min" (never « 425 min »), and whole hours alone, « 2 h ».
 */
export function formatLateness(minutes: number, locale: CarnetLocale): string {
  if (minutes <= LATENESS_IN_MINUTES_UP_TO) return formatMinutes(minutes, locale);
  const hours = cached(
    `hours:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short' }),
  ).format(Math.floor(minutes / 60));
  const rest = minutes % 60;
  return rest === 0 ? hours : `${hours} ${formatMinutes(rest, locale)}`;
}

/** Items joined the locale's way, « 07:00, 11:00 et 15:00 ». */
export function formatList(items: readonly string[], locale: CarnetLocale): string {
  return cached(`list:${locale}`, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(
    items,
  );
}

/**
 * A dose as the prescription words it, « 1 comprimé », « 2 comprimés », « 22 UI ».
 * Units come from the prescription, in French: they take the French plural.
 */
export function formatDoseAmount(amount: number, unit: string, locale: CarnetLocale): string {
  const plural = amount >= 2 && /^[a-zà-ÿ]+$/.test(unit) && !/[sxz]$/.test(unit);
  return `${formatNumber(amount, locale)}\u00a0${plural ? `${unit}s` : unit}`;
}

/** The medicine's name without its galenic form: « Lévodopa/Carbidopa 100 mg/25 mg ». */
export function shortMedicationName(display: string): string {
  const name = display.split(',')[0]?.trim();
  return name && name.length > 0 ? name : display;
}
