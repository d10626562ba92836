/**
 * What the overview says, in words that cannot be misread: a day is always named
 * (« demain, jeudi 10 décembre, à 07:30 »), a value always carries its unit.
 */
import { msg, str } from '@lit/localize';
import { instantToZoned } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import { formatClockTime, formatDayHeading } from '../pill-organiser/organiser-format.js';
import { addDays } from '../pill-organiser/organiser-calendar.js';

/** The zone the device shows times in (the trackers show times in it too). */
function deviceZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * An instant as a day and a time, the day said relative to today when it is near:
 * « aujourd'hui à 07:30 », « demain, jeudi 10 décembre, à 07:30 », « hier, mardi 8 décembre, à 22:30 »,
 * « lundi 14 décembre à 07:30 ».
 */
export function momentText(instant: string, now: Date, locale: CarnetLocale, timeZone = deviceZone()): string {
  const zoned = instantToZoned(new Date(instant), timeZone);
  const day = zoned.slice(0, 10);
  const time = formatClockTime(zoned.slice(11, 16), locale);
  const today = instantToZoned(now, timeZone).slice(0, 10);
  const date = formatDayHeading(day, locale);
  if (day === today) return msg(str`aujourd'hui à ${time}`);
  if (day === addDays(today, 1)) return msg(str`demain, ${date}, à ${time}`);
  if (day === addDays(today, -1)) return msg(str`hier, ${date}, à ${time}`);
  return msg(str`${date} à ${time}`);
}

/** The day of an instant, in the device's zone: « lundi 7 décembre ». */
export function dayText(instant: string, locale: CarnetLocale, timeZone = deviceZone()): string {
  return formatDayHeading(instantToZoned(new Date(instant), timeZone).slice(0, 10), locale);
}

const kilograms = new Map<string, Intl.NumberFormat>();

/** Kilograms with one decimal and the unit, signed when asked: « +1,8 kg », « 2 kg ». */
export function formatKilograms(value: number, locale: CarnetLocale, signed = false): string {
  const key = `${locale}|${signed}`;
  let format = kilograms.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' });
    kilograms.set(key, format);
  }
  return `${format.format(value)}\u00a0kg`;
}

/**
 * The weight gain against the nephrologist's limit, calmly: within it, or above it with
 * what to do. Nothing when no limit was given.
 */
export function gainAgainstLimit(gain: number, limit: number | undefined, locale: CarnetLocale): string | undefined {
  if (limit === undefined) return undefined;
  const allowed = formatKilograms(limit, locale);
  return gain > limit
    ? msg(
        str`C’est plus que la limite de ${allowed} fixée par votre néphrologue : parlez-en à l’équipe lors de votre prochaine séance.`,
      )
    : msg(str`C’est dans la limite de ${allowed} fixée par votre néphrologue.`);
}
