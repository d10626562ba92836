/**
 * How often a medicine is taken, in the patient's words, from the SDK's
 * `describeDoseSchedule` (the same rules the week grid expands): « chaque dimanche
 * matin », « chaque lundi, mercredi et vendredi à 11:00 », « tous les 2 jours, matin
 * et soir », « 3 fois par jour aux repas ». A dose never reads without its days.
 */
import { msg, str } from '@lit/localize';
import type { DayPeriod, DoseMoment, DoseScheduleDescription, Weekday } from '@carnet/catalog-sdk';
import type { CarnetLocale } from './localization.js';

const WEEKDAY_INDEX: Record<Weekday, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };
const formats = new Map<string, Intl.DateTimeFormat | Intl.ListFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.ListFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** « dimanche » / "Sunday" (2024-01-01 was a Monday). */
export function weekdayName(day: Weekday, locale: CarnetLocale): string {
  return cached(
    `weekday:${locale}`,
    () => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }),
  ).format(Date.UTC(2024, 0, 1 + WEEKDAY_INDEX[day]));
}

function list(items: readonly string[], locale: CarnetLocale): string {
  return cached(`list:${locale}`, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(
    items,
  );
}

function clock(time: string, locale: CarnetLocale): string {
  return cached(
    `time:${locale}`,
    () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }),
  ).format(Date.UTC(2000, 0, 1, Number(time.slice(0, 2)), Number(time.slice(3, 5))));
}

/**
 * A dose as the prescription words it, « 1 comprimé », « 2 comprimés », « 22 UI ».
 * Units come from the prescription, in French: they take the French plural.
 */
export function doseAmountText(amount: number, unit: string, locale: CarnetLocale): string {
  const plural = amount >= 2 && /^[a-zà-ÿ]+$/.test(unit) && !/[sxz]$/.test(unit);
  const number = cached(`number:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(
    amount,
  );
  return `${number}\u00a0${plural ? `${unit}s` : unit}`;
}

/** A moment as it follows a day: « matin », « midi », « soir », « au coucher ». */
function periodWord(period: DayPeriod): string {
  switch (period) {
    case 'morning':
      return msg('matin');
    case 'noon':
      return msg('midi');
    case 'evening':
      return msg('soir');
    case 'bedtime':
      return msg('au coucher');
  }
}

/** A meal: « au petit-déjeuner », « au déjeuner », « au dîner ». */
function mealWord(period: DayPeriod): string {
  switch (period) {
    case 'morning':
      return msg('au petit-déjeuner');
    case 'noon':
      return msg('au déjeuner');
    default:
      return msg('au dîner');
  }
}

/**
 * How moments are named: `moments` (« matin », « soir ») or `meals` (« au petit-déjeuner »,
 * « au dîner »), as the organiser names its rows for diabetes.
 */
export type DoseMomentNaming = 'moments' | 'meals';

function momentWord(moment: DoseMoment, locale: CarnetLocale, naming: DoseMomentNaming): string {
  if (moment.kind === 'time') return msg(str`à ${clock(moment.time, locale)}`);
  const meal = moment.withMeal || (naming === 'meals' && moment.period !== 'bedtime');
  return meal ? mealWord(moment.period) : periodWord(moment.period);
}

/** The moments of a dose day: « matin et soir », « à 07:00, 11:00 et 19:00 », « 3 fois par jour aux repas ». */
function momentsText(description: DoseScheduleDescription, locale: CarnetLocale, naming: DoseMomentNaming): string {
  const { moments } = description;
  if (description.withMeals && moments.length >= 3) return msg(str`${moments.length} fois par jour aux repas`);
  if (moments.every((m) => m.kind === 'time')) {
    const times = moments.map((m) => (m.kind === 'time' ? clock(m.time, locale) : ''));
    return msg(str`à ${list(times, locale)}`);
  }
  return list(
    moments.map((m) => momentWord(m, locale, naming)),
    locale,
  );
}

/** The days alone: « tous les jours », « tous les 2 jours », « chaque lundi, mercredi et vendredi ». */
export function doseDaysText(description: DoseScheduleDescription, locale: CarnetLocale): string {
  const { days } = description;
  switch (days.kind) {
    case 'every-day':
      return msg('tous les jours');
    case 'every-n-days':
      return msg(str`tous les ${days.interval} jours`);
    case 'weekdays':
      return msg(
        str`chaque ${list(
          days.weekdays.map((day) => weekdayName(day, locale)),
          locale,
        )}`,
      );
  }
}

/**
 * How often, without the amount: « chaque dimanche matin », « chaque lundi, mercredi
 * et vendredi à 11:00 », « tous les jours, matin et soir », « tous les 2 jours à 08:00 »,
 * « 3 fois par jour aux repas ».
 */
export function doseFrequencyText(
  description: DoseScheduleDescription,
  locale: CarnetLocale,
  naming: DoseMomentNaming = 'moments',
): string {
  const days = doseDaysText(description, locale);
  const moments = momentsText(description, locale, naming);
  const timesOnly = description.moments.every((m) => m.kind === 'time');
  // One moment or exact times read on: « chaque dimanche matin », « chaque lundi à 11:00 ».
  if (description.days.kind === 'every-day' && description.withMeals && description.moments.length >= 3) return moments;
  if (description.moments.length === 1 || timesOnly) return msg(str`${days} ${moments}`);
  return msg(str`${days}, ${moments}`);
}

/**
 * The whole posology: « 1 ampoule chaque dimanche matin », « 1 comprimé tous les
 * jours, matin et soir »; when a moment has its own amount, each moment with its
 * amount: « tous les jours : 1 comprimé à 07:00, 1,5 comprimé à 15:00 ».
 */
export function doseScheduleText(
  description: DoseScheduleDescription,
  locale: CarnetLocale,
  naming: DoseMomentNaming = 'moments',
): string {
  if (description.dosesVary) {
    const days = doseDaysText(description, locale);
    const each = description.moments.map(
      (moment) => `${doseAmountText(moment.dose, description.doseUnit, locale)} ${momentWord(moment, locale, naming)}`,
    );
    return msg(str`${days} : ${list(each, locale)}`);
  }
  const amount = doseAmountText(description.dose, description.doseUnit, locale);
  return msg(str`${amount} ${doseFrequencyText(description, locale, naming)}`);
}
