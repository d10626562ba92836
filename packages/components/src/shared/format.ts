import type { CarnetLocale } from './localization.js';

// Intl formatters are costly to build; one per locale and style is enough.
const dateFormatters = new Map<CarnetLocale, Intl.DateTimeFormat>();
const numberFormatters = new Map<CarnetLocale, Intl.NumberFormat>();

/** A calendar date in the patient's words, e.g. « 3 mars 2026 » / "March 3, 2026". */
export function formatCalendarDate(instant: string | Date, locale: CarnetLocale): string {
  let formatter = dateFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
    dateFormatters.set(locale, formatter);
  }
  const date = instant instanceof Date ? instant : new Date(instant);
  return Number.isNaN(date.getTime()) ? '' : formatter.format(date);
}

/** A count with the locale's digit grouping, e.g. « 1 234 » / "1,234". */
export function formatCount(count: number, locale: CarnetLocale): string {
  let formatter = numberFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    numberFormatters.set(locale, formatter);
  }
  return formatter.format(count);
}
