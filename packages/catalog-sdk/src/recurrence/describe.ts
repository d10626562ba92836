/**
 * RRULEs in plain words, French and English. Weekday and month names, dates
 * and lists come from `Intl`; only the sentence frames are ours.
 */
import type { Weekday } from '../model/common.js';
import type { RuleParts, RuleWeekday } from './rule-parts.js';
import { parseRuleParts } from './rule-parts.js';
import { phrases } from './describe-phrases.js';
import type { CarnetLocale } from '../model/common.js';
import type { Phrases } from './describe-phrases.js';

// 2024-01-01 was a Monday: day n of that week names weekday n.
const WEEKDAY_INDEX: Record<Weekday, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };

interface Words {
  phrases: Phrases;
  weekday(day: Weekday): string;
  month(month: number): string;
  list(items: string[]): string;
  monthDay(month: number, day: number): string;
  date(year: number, month: number, day: number): string;
}

const wordsByLocale = new Map<CarnetLocale, Words>();

function wordsFor(locale: CarnetLocale): Words {
  let words = wordsByLocale.get(locale);
  if (words) return words;
  // British English: "31 December 2026", "Monday, Wednesday and Friday".
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const weekdayFormat = new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' });
  const monthDayFormat = new Intl.DateTimeFormat(tag, { month: 'long', day: 'numeric', timeZone: 'UTC' });
  const dateFormat = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const listFormat = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  // French writes the first of the month « 1er ».
  const firstOfMonth = (text: string, day: number): string =>
    locale === 'fr' && day === 1 ? text.replace(/^1(?=\s)/, '1er') : text;
  words = {
    phrases: phrases[locale],
    weekday: (day) => weekdayFormat.format(Date.UTC(2024, 0, 1 + WEEKDAY_INDEX[day])),
    month: (month) => monthFormat.format(Date.UTC(2024, month - 1, 1)),
    list: (items) => listFormat.format(items),
    monthDay: (month, day) => firstOfMonth(monthDayFormat.format(Date.UTC(2024, month - 1, day)), day),
    date: (year, month, day) => firstOfMonth(dateFormat.format(Date.UTC(year, month - 1, day)), day),
  };
  wordsByLocale.set(locale, words);
  return words;
}

/** Parts we can put into words; others make the description generic. */
function isDescribable(parts: RuleParts): boolean {
  if (parts.unknown.length > 0 || !parts.freq) return false;
  if (parts.bySetPos.length > 0 || parts.byYearDay.length > 0 || parts.byWeekNo.length > 0) return false;
  if (parts.byHour.length > 0 || parts.byMinute.length > 0 || parts.bySecond.length > 0) return false;
  const ranked = parts.byDay.some((d) => d.nth !== undefined);
  switch (parts.freq) {
    case 'DAILY':
      return parts.byDay.length === 0 && parts.byMonthDay.length === 0 && parts.byMonth.length === 0;
    case 'WEEKLY':
      return !ranked && parts.byMonthDay.length === 0 && parts.byMonth.length === 0;
    case 'MONTHLY':
      return (
        parts.byMonth.length === 0 &&
        !(parts.byDay.length > 0 && parts.byMonthDay.length > 0) &&
        parts.byDay.every((d) => d.nth === undefined || Math.abs(d.nth) <= 5) &&
        (ranked ? parts.byDay.every((d) => d.nth !== undefined) : true)
      );
    case 'YEARLY':
      return parts.byDay.length === 0 && (parts.byMonthDay.length === 0 || parts.byMonth.length > 0);
    default:
      return parts.byDay.length === 0 && parts.byMonthDay.length === 0 && parts.byMonth.length === 0;
  }
}

function rankedDay(words: Words, entry: RuleWeekday): string {
  return words.phrases.rankedWeekday(entry.nth ?? 1, words.weekday(entry.day));
}

function orderedDays(days: RuleWeekday[]): RuleWeekday[] {
  return [...days].sort((a, b) => WEEKDAY_INDEX[a.day] - WEEKDAY_INDEX[b.day]);
}

function body(parts: RuleParts, words: Words): string {
  const p = words.phrases;
  const n = parts.interval;
  switch (parts.freq) {
    case 'DAILY':
      return p.everyDay(n);
    case 'WEEKLY': {
      if (parts.byDay.length === 0) return p.everyWeek(n);
      const days = orderedDays(parts.byDay).map((d) => words.weekday(d.day));
      return p.weekdays(n, days, words.list);
    }
    case 'MONTHLY': {
      if (parts.byMonthDay.length > 0) {
        const sorted = [...parts.byMonthDay].sort((a, b) => (a < 0 ? 100 + a : a) - (b < 0 ? 100 + b : b));
        return p.monthDays(n, sorted, words.list);
      }
      if (parts.byDay.length > 0) {
        const ranked = parts.byDay.every((d) => d.nth !== undefined);
        if (ranked)
          return p.rankedWeekdays(
            n,
            parts.byDay.map((d) => rankedDay(words, d)),
            words.list,
          );
        return p.weekdaysOfMonth(
          n,
          orderedDays(parts.byDay).map((d) => words.weekday(d.day)),
          words.list,
        );
      }
      return p.everyMonth(n);
    }
    case 'YEARLY': {
      const months = [...parts.byMonth].sort((a, b) => a - b);
      if (parts.byMonthDay.length > 0) {
        const dates = months.flatMap((month) =>
          parts.byMonthDay.filter((d) => d > 0).map((day) => words.monthDay(month, day)),
        );
        if (dates.length === months.length * parts.byMonthDay.length) return p.yearlyOn(n, dates, words.list);
        return p.generic(p.everyYear(n));
      }
      if (months.length > 0)
        return p.yearlyIn(
          n,
          months.map((m) => words.month(m)),
          words.list,
        );
      return p.everyYear(n);
    }
    case 'HOURLY':
      return p.everyHour(n);
    case 'MINUTELY':
      return p.everyMinute(n);
    default:
      return p.generic(undefined);
  }
}

/** The base phrase of a rule we cannot fully put into words. */
function genericBody(parts: RuleParts, words: Words): string {
  const p = words.phrases;
  const n = parts.interval;
  const base: Partial<Record<NonNullable<RuleParts['freq']>, string>> = {
    DAILY: p.everyDay(n),
    WEEKLY: p.everyWeek(n),
    MONTHLY: p.everyMonth(n),
    YEARLY: p.everyYear(n),
    HOURLY: p.everyHour(n),
    MINUTELY: p.everyMinute(n),
  };
  return p.generic(parts.freq ? base[parts.freq] : undefined);
}

/**
 * A recurrence rule in plain words, e.g. `FREQ=MONTHLY;BYDAY=2TU` →
 * « le 2e mardi du mois » / "every 2nd Tuesday". Parts it cannot say give a
 * generic but honest phrase (« tous les mois (règle personnalisée) »); never throws.
 */
export function describeRecurrence(rrule: string, locale: CarnetLocale): string {
  const words = wordsFor(locale === 'en' ? 'en' : 'fr');
  const parts = parseRuleParts(rrule);
  const described = isDescribable(parts) ? body(parts, words) : genericBody(parts, words);
  const p = words.phrases;
  let text = described;
  if (parts.count !== undefined) text += p.times(parts.count);
  if (parts.until) text += p.until(words.date(parts.until.year, parts.until.month, parts.until.day));
  return text;
}
