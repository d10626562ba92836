/**
 * Every date and time the agenda shows, through `Intl`: weekday names, month
 * titles, full dates for screen readers, times in the event's own zone.
 */
import type { IsoDate } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import { utcDate } from './agenda-dates.js';

/** Formatters of one locale, built once (Intl formatters are costly to build). */
export interface AgendaFormat {
  /** « lun. » / "Mon". */
  weekdayShort(day: IsoDate): string;
  /** « lundi » / "Monday". */
  weekdayLong(day: IsoDate): string;
  /** « novembre 2026 » / "November 2026". */
  monthTitle(day: IsoDate): string;
  /** « lundi 23 novembre 2026 » / "Monday 23 November 2026". */
  fullDate(day: IsoDate): string;
  /** « lun. 23 nov. » / "Mon 23 Nov". */
  shortDate(day: IsoDate): string;
  /** « 23 » / "23". */
  dayOfMonth(day: IsoDate): string;
  /** « 07:30 » of an instant in an IANA zone. */
  time(instant: Date | number, timeZone: string): string;
  /** « 23–29 novembre 2026 » / "23–29 November 2026". */
  dayRange(first: IsoDate, last: IsoDate): string;
  /** A conjunction list: « A, B et C ». */
  list(items: string[]): string;
  /** A duration unit count, e.g. « 2 jours » / "2 days". */
  unit(value: number, unit: 'minute' | 'hour' | 'day' | 'week'): string;
}

// Locale tags behind each interface language: British English writes 24-hour times.
const INTL_TAG: Record<CarnetLocale, string> = { fr: 'fr-FR', en: 'en-GB' };

const byLocale = new Map<CarnetLocale, AgendaFormat>();
const timeFormatters = new Map<string, Intl.DateTimeFormat>();

function timeFormatter(tag: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${tag}|${timeZone}`;
  let formatter = timeFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    timeFormatters.set(key, formatter);
  }
  return formatter;
}

/** The agenda's formatters for a locale. */
export function agendaFormat(locale: CarnetLocale): AgendaFormat {
  const cached = byLocale.get(locale);
  if (cached) return cached;
  const tag = INTL_TAG[locale];
  const utc = { timeZone: 'UTC' } as const;
  const weekdayShort = new Intl.DateTimeFormat(tag, { ...utc, weekday: 'short' });
  const weekdayLong = new Intl.DateTimeFormat(tag, { ...utc, weekday: 'long' });
  const monthTitle = new Intl.DateTimeFormat(tag, { ...utc, month: 'long', year: 'numeric' });
  const fullDate = new Intl.DateTimeFormat(tag, {
    ...utc,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const shortDate = new Intl.DateTimeFormat(tag, { ...utc, weekday: 'short', day: 'numeric', month: 'short' });
  const dayOfMonth = new Intl.DateTimeFormat(tag, { ...utc, day: 'numeric' });
  const range = new Intl.DateTimeFormat(tag, { ...utc, day: 'numeric', month: 'long', year: 'numeric' });
  const list = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  const units = new Map<string, Intl.NumberFormat>();
  const format: AgendaFormat = {
    weekdayShort: (day) => weekdayShort.format(utcDate(day)),
    weekdayLong: (day) => weekdayLong.format(utcDate(day)),
    monthTitle: (day) => monthTitle.format(utcDate(day)),
    fullDate: (day) => fullDate.format(utcDate(day)),
    shortDate: (day) => shortDate.format(utcDate(day)),
    dayOfMonth: (day) => dayOfMonth.format(utcDate(day)),
    time: (instant, timeZone) => timeFormatter(tag, timeZone).format(instant),
    dayRange: (first, last) => range.formatRange(utcDate(first), utcDate(last)),
    list: (items) => list.format(items),
    unit: (value, unit) => {
      let formatter = units.get(unit);
      if (!formatter) {
        formatter = new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'long' });
        units.set(unit, formatter);
      }
      return formatter.format(value);
    },
  };
  byLocale.set(locale, format);
  return format;
}
