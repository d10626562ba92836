/**
 * Sentence frames of recurrence descriptions. Names (weekdays, months, dates)
 * and list joining come already localised from `Intl`; these only place them.
 */

import type { CarnetLocale } from '../model/common.js';

type ListJoin = (items: string[]) => string;

/** The frames of one language. */
export interface Phrases {
  everyDay(interval: number): string;
  everyWeek(interval: number): string;
  weekdays(interval: number, days: string[], list: ListJoin): string;
  everyMonth(interval: number): string;
  monthDays(interval: number, monthDays: number[], list: ListJoin): string;
  rankedWeekday(nth: number, weekday: string): string;
  rankedWeekdays(interval: number, ranked: string[], list: ListJoin): string;
  weekdaysOfMonth(interval: number, days: string[], list: ListJoin): string;
  everyYear(interval: number): string;
  yearlyOn(interval: number, dates: string[], list: ListJoin): string;
  yearlyIn(interval: number, months: string[], list: ListJoin): string;
  everyHour(interval: number): string;
  everyMinute(interval: number): string;
  generic(base: string | undefined): string;
  times(count: number): string;
  until(date: string): string;
}

const englishOrdinals = new Intl.PluralRules('en-GB', { type: 'ordinal' });
const ENGLISH_SUFFIX: Partial<Record<Intl.LDMLPluralRule, string>> = { one: 'st', two: 'nd', few: 'rd' };

function englishOrdinal(n: number): string {
  return `${n}${ENGLISH_SUFFIX[englishOrdinals.select(n)] ?? 'th'}`;
}

function frenchOrdinal(n: number): string {
  return n === 1 ? '1er' : `${n}e`;
}

function englishMonthDay(day: number): string {
  if (day > 0) return englishOrdinal(day);
  if (day === -1) return 'last day';
  if (day === -2) return 'second-to-last day';
  return `${englishOrdinal(-day)}-to-last day`;
}

function frenchMonthDay(day: number): string {
  // Days of the month are cardinal in French, except the first: « le 1er », « le 15 ».
  if (day > 0) return day === 1 ? '1er' : String(day);
  if (day === -1) return 'dernier jour';
  if (day === -2) return 'avant-dernier jour';
  return `${frenchOrdinal(-day)} jour avant la fin`;
}

/** « le » before a word, elided before a vowel: « le 2e mardi », « l'avant-dernier lundi ». */
function frenchThe(words: string): string {
  return /^[aeiouéèêh]/i.test(words) ? `l'${words}` : `le ${words}`;
}

const english: Phrases = {
  everyDay: (n) => (n === 1 ? 'every day' : `every ${n} days`),
  everyWeek: (n) => (n === 1 ? 'every week' : `every ${n} weeks`),
  weekdays: (n, days, list) => (n === 1 ? `every ${list(days)}` : `every ${n} weeks on ${list(days)}`),
  everyMonth: (n) => (n === 1 ? 'every month' : `every ${n} months`),
  monthDays: (n, days, list) => `${english.everyMonth(n)} on the ${list(days.map(englishMonthDay))}`,
  rankedWeekday: (nth, weekday) => {
    if (nth === -1) return `last ${weekday}`;
    if (nth === -2) return `second-to-last ${weekday}`;
    return nth > 0 ? `${englishOrdinal(nth)} ${weekday}` : `${englishOrdinal(-nth)}-to-last ${weekday}`;
  },
  rankedWeekdays: (n, ranked, list) => (n === 1 ? `every ${list(ranked)}` : `every ${n} months on the ${list(ranked)}`),
  weekdaysOfMonth: (n, days, list) => (n === 1 ? `every ${list(days)}` : `every ${list(days)}, every ${n} months`),
  everyYear: (n) => (n === 1 ? 'every year' : `every ${n} years`),
  yearlyOn: (n, dates, list) => `${english.everyYear(n)} on ${list(dates)}`,
  yearlyIn: (n, months, list) => `${english.everyYear(n)} in ${list(months)}`,
  everyHour: (n) => (n === 1 ? 'every hour' : `every ${n} hours`),
  everyMinute: (n) => (n === 1 ? 'every minute' : `every ${n} minutes`),
  generic: (base) => (base ? `${base} (custom rule)` : 'custom recurrence'),
  times: (count) => (count === 1 ? ', once' : `, ${count} times`),
  until: (date) => `, until ${date}`,
};

const french: Phrases = {
  everyDay: (n) => (n === 1 ? 'tous les jours' : `tous les ${n} jours`),
  everyWeek: (n) => (n === 1 ? 'toutes les semaines' : `toutes les ${n} semaines`),
  weekdays: (n, days, list) =>
    n === 1 ? `chaque ${list(days)}` : `toutes les ${n} semaines, ${list(days.map((day) => `le ${day}`))}`,
  everyMonth: (n) => (n === 1 ? 'tous les mois' : `tous les ${n} mois`),
  monthDays: (n, days, list) => {
    const allPositive = days.every((day) => day > 0);
    const said =
      allPositive && days.length > 1
        ? `les ${list(days.map(frenchMonthDay))}`
        : list(days.map((day) => `le ${frenchMonthDay(day)}`));
    return n === 1 ? `${said} de chaque mois` : `tous les ${n} mois, ${said}`;
  },
  rankedWeekday: (nth, weekday) => {
    if (nth === -1) return `dernier ${weekday}`;
    if (nth === -2) return `avant-dernier ${weekday}`;
    return nth > 0 ? `${frenchOrdinal(nth)} ${weekday}` : `${frenchOrdinal(-nth)} ${weekday} avant la fin`;
  },
  rankedWeekdays: (n, ranked, list) => {
    const said = list(ranked.map(frenchThe));
    return n === 1 ? `${said} du mois` : `tous les ${n} mois, ${said}`;
  },
  weekdaysOfMonth: (n, days, list) => (n === 1 ? `chaque ${list(days)}` : `tous les ${n} mois, chaque ${list(days)}`),
  everyYear: (n) => (n === 1 ? 'tous les ans' : `tous les ${n} ans`),
  yearlyOn: (n, dates, list) => `${french.everyYear(n)}, ${list(dates.map((date) => `le ${date}`))}`,
  yearlyIn: (n, months, list) => `${french.everyYear(n)} en ${list(months)}`,
  everyHour: (n) => (n === 1 ? 'toutes les heures' : `toutes les ${n} heures`),
  everyMinute: (n) => (n === 1 ? 'toutes les minutes' : `toutes les ${n} minutes`),
  generic: (base) => (base ? `${base} (règle personnalisée)` : 'récurrence personnalisée'),
  times: (count) => (count === 1 ? ', une seule fois' : `, ${count} fois`),
  until: (date) => `, jusqu'au ${date}`,
};

/** Frames by language. */
export const phrases: Record<CarnetLocale, Phrases> = { en: english, fr: french };
