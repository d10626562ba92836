/**
 * Dates and times typed in the page's language, not the browser's: a native
 * `<input type="date|time">` shows the browser's order and clock (an en-US
 * browser shows « 11/23/2026, 03:00 PM » on a French page). These fields are
 * text inputs; this module formats their value and reads what was typed.
 * No DOM; the field shape's letters are translated.
 */
import type { IsoDate } from '@carnet/catalog-sdk';
import { msg } from '@lit/localize';
import type { CarnetLocale } from './localization.js';

// The agenda's tags: British English writes day first and 24-hour times, like French.
const INTL_TAG: Record<CarnetLocale, string> = { fr: 'fr-FR', en: 'en-GB' };

type DatePart = 'day' | 'month' | 'year';

/** How a locale writes a date with numbers: the order of its parts and the separator. */
export interface DateFieldPattern {
  order: readonly DatePart[];
  separator: string;
}

const patterns = new Map<CarnetLocale, DateFieldPattern>();

/** The numeric date order of `locale` (« 23/11/2026 » in French), read from `Intl`. */
export function dateFieldPattern(locale: CarnetLocale): DateFieldPattern {
  const cached = patterns.get(locale);
  if (cached) return cached;
  const parts = new Intl.DateTimeFormat(INTL_TAG[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2026, 10, 23)));
  const order = parts
    .map((part) => part.type)
    .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
  const separator = parts.find((part) => part.type === 'literal')?.value ?? '/';
  const pattern: DateFieldPattern = { order: order.length === 3 ? order : ['day', 'month', 'year'], separator };
  patterns.set(locale, pattern);
  return pattern;
}

/**
 * The placeholder of a date field with the locale's letters for day, month and
 * year, e.g. `jj/mm/aaaa`, `dd/mm/yyyy`.
 */
export function dateFieldShape(locale: CarnetLocale, letters: Record<DatePart, string>): string {
  const { order, separator } = dateFieldPattern(locale);
  return order.map((part) => letters[part]).join(separator);
}

/** `jj/mm/aaaa` in French, `dd/mm/yyyy` in English: the order a date field reads. */
export function dateShape(locale: CarnetLocale): string {
  return dateFieldShape(locale, { day: msg('jj'), month: msg('mm'), year: msg('aaaa') });
}

/** An ISO day as the locale writes it with numbers: `2026-11-23` → « 23/11/2026 ». */
export function formatDateField(day: IsoDate, locale: CarnetLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const values: Record<DatePart, string> = { year: match[1] ?? '', month: match[2] ?? '', day: match[3] ?? '' };
  const { order, separator } = dateFieldPattern(locale);
  return order.map((part) => values[part]).join(separator);
}

function isoDay(year: number, month: number, day: number): IsoDate | undefined {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day a person typed in the locale's order (« 4/12/2026 », « 04.12.26 »),
 * or as an ISO date; `undefined` when it is not a real day (31/02).
 */
export function parseDateField(typed: string, locale: CarnetLocale): IsoDate | undefined {
  const text = typed.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numbers = text.split(/[^0-9]+/).filter((part) => part !== '');
  if (numbers.length !== 3) return undefined;
  const values: Partial<Record<DatePart, number>> = {};
  dateFieldPattern(locale).order.forEach((part, index) => {
    values[part] = Number(numbers[index]);
  });
  let year = values.year ?? 0;
  const yearDigits = numbers[dateFieldPattern(locale).order.indexOf('year')]?.length ?? 0;
  if (yearDigits <= 2) year += 2000;
  else if (yearDigits !== 4) return undefined;
  return isoDay(year, values.month ?? 0, values.day ?? 0);
}

/** `HH:mm` as the field shows it: every shipped locale writes 24-hour times. */
export function formatTimeField(time: string): string {
  return time;
}

/**
 * The time a person typed: « 14:30 », « 14h30 », « 14 h », « 1430 », « 9 »,
 * and in English « 2:30 pm »; `HH:mm`, or `undefined` when it is not a time.
 */
export function parseTimeField(typed: string, locale: CarnetLocale): string | undefined {
  const text = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  const match = /^(\d{1,2})(?:\s*[:h.]\s*(\d{2})?|(\d{2}))?(?:\s*([ap])\.?\s*m\.?)?$/.exec(text);
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? match[3] ?? '0');
  const meridiem = match[4];
  if (meridiem) {
    // « pm » is English only: a French page never reads 12-hour times.
    if (locale !== 'en' || hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Minutes since midnight of `HH:mm`. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** `HH:mm` of minutes since midnight (within the day). */
export function timeOfMinutes(total: number): string {
  const clamped = Math.min(Math.max(0, Math.round(total)), 23 * 60 + 59);
  return `${String(Math.floor(clamped / 60)).padStart(2, '0')}:${String(clamped % 60).padStart(2, '0')}`;
}
