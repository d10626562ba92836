/**
 * The model behind the agenda's recurrence editor: the few choices a patient
 * makes (« toutes les 2 semaines, le mardi et le jeudi, 10 fois ») and their
 * RRULE, both ways. Pure functions, no DOM.
 */
import type { LocalDateTime, Weekday } from '../model/common.js';
import { WEEKDAYS } from '../model/common.js';
import type { RuleParts } from './rule-parts.js';
import { formatRuleParts, parseRuleParts } from './rule-parts.js';
import { parseWall } from '../time/zone.js';

/** How often the event comes back. */
export type RecurrenceFrequency = 'none' | 'daily' | 'weekly' | 'monthly' | 'yearly';

/** Every frequency the editor offers, in its order. */
export const RECURRENCE_FREQUENCIES: readonly RecurrenceFrequency[] = ['none', 'daily', 'weekly', 'monthly', 'yearly'];

/** Monthly on the start's day of month (the 15th) or on its nth weekday (the 2nd Tuesday). */
export type MonthlyMode = 'day-of-month' | 'nth-weekday';

/** Both monthly modes. */
export const MONTHLY_MODES: readonly MonthlyMode[] = ['day-of-month', 'nth-weekday'];

/** When a recurrence stops. */
export type RecurrenceEnd =
  { type: 'never' } | { type: 'count'; count: number } | { type: 'until'; until: string /* YYYY-MM-DD */ };

/** What the recurrence editor shows and edits. */
export interface RecurrenceChoice {
  frequency: RecurrenceFrequency;
  /** Every `interval` days/weeks/months/years, at least 1. */
  interval: number;
  /** Weekly only: the days, Monday first; empty means the start's weekday. */
  weekdays: Weekday[];
  /** Monthly only; `day-of-month` when absent. */
  monthlyMode?: MonthlyMode;
  end: RecurrenceEnd;
}

const FREQ: Record<Exclude<RecurrenceFrequency, 'none'>, RuleParts['freq']> = {
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  yearly: 'YEARLY',
};

/** Weekday of a wall-clock start. */
function weekdayOf(start: LocalDateTime): Weekday {
  const utcDay = new Date(parseWall(start)).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(utcDay + 6) % 7] as Weekday;
}

/** Rank of the start's weekday in its month: 1–4, or -1 when it is the 5th (the last). */
function weekdayRank(start: LocalDateTime): number {
  const rank = Math.ceil(new Date(parseWall(start)).getUTCDate() / 7);
  return rank >= 5 ? -1 : rank;
}

function emptyParts(): RuleParts {
  return {
    interval: 1,
    byDay: [],
    byMonth: [],
    byMonthDay: [],
    byYearDay: [],
    byWeekNo: [],
    bySetPos: [],
    byHour: [],
    byMinute: [],
    bySecond: [],
    unknown: [],
  };
}

/** The choice of a non-recurring event. */
export const NO_RECURRENCE: RecurrenceChoice = { frequency: 'none', interval: 1, weekdays: [], end: { type: 'never' } };

/**
 * The RRULE of an editor choice, anchored on the event's wall-clock start
 * (weekly without days uses the start's weekday, monthly by weekday its rank).
 * `until` is written as the end of that day in wall-clock time
 * (`UNTIL=20261231T235959`), so the last day is included. `none` → undefined.
 */
export function recurrenceToRRule(choice: RecurrenceChoice, start: LocalDateTime): string | undefined {
  if (choice.frequency === 'none') return undefined;
  const parts = emptyParts();
  parts.freq = FREQ[choice.frequency];
  parts.interval = Math.max(1, Math.floor(choice.interval) || 1);
  if (choice.frequency === 'weekly') {
    const chosen = choice.weekdays.length > 0 ? choice.weekdays : [weekdayOf(start)];
    parts.byDay = WEEKDAYS.filter((day) => chosen.includes(day)).map((day) => ({ day }));
  }
  if (choice.frequency === 'monthly' && choice.monthlyMode === 'nth-weekday') {
    parts.byDay = [{ day: weekdayOf(start), nth: weekdayRank(start) }];
  }
  if (choice.end.type === 'count') parts.count = Math.max(1, Math.floor(choice.end.count) || 1);
  if (choice.end.type === 'until') {
    const [year, month, day] = choice.end.until.split('-').map(Number);
    if (year && month && day) {
      parts.until = { year, month, day, hour: 23, minute: 59, second: 59, utc: false, dateOnly: false };
    }
  }
  return formatRuleParts(parts);
}

/**
 * Whether the editor can show a rule without losing any of it. The editor
 * should offer « règle personnalisée » (read-only, described in words) otherwise.
 */
export function isEditableRRule(rrule: string | undefined, start: LocalDateTime): boolean {
  if (!rrule?.trim()) return true;
  return recurrenceToRRule(rruleToRecurrence(rrule, start), start) === normalise(rrule, start);
}

function normalise(rrule: string, start: LocalDateTime): string {
  const parts = parseRuleParts(rrule);
  if (parts.freq === 'WEEKLY' && parts.byDay.length === 0) parts.byDay = [{ day: weekdayOf(start) }];
  if (parts.freq === 'WEEKLY')
    parts.byDay = WEEKDAYS.filter((d) => parts.byDay.some((b) => b.day === d && b.nth === undefined)).map((day) => ({
      day,
    }));
  if (parts.until && !parts.until.utc)
    parts.until = { ...parts.until, hour: 23, minute: 59, second: 59, dateOnly: false };
  const startDay = new Date(parseWall(start)).getUTCDate();
  if (parts.freq === 'MONTHLY' && parts.byMonthDay.length === 1 && parts.byMonthDay[0] === startDay)
    parts.byMonthDay = [];
  if (parts.wkst === 'MO') delete parts.wkst;
  return formatRuleParts(parts);
}

/**
 * The editor choice of a stored RRULE (best effort for rules the editor could
 * not have written; check {@link isEditableRRule}). Undefined or empty → `none`.
 * An UNTIL instant (`Z`) is shown as its UTC date.
 */
export function rruleToRecurrence(rrule: string | undefined, start: LocalDateTime): RecurrenceChoice {
  if (!rrule?.trim()) return { ...NO_RECURRENCE, weekdays: [], end: { type: 'never' } };
  const parts = parseRuleParts(rrule);
  const frequency: RecurrenceFrequency =
    parts.freq === 'DAILY'
      ? 'daily'
      : parts.freq === 'WEEKLY'
        ? 'weekly'
        : parts.freq === 'MONTHLY'
          ? 'monthly'
          : parts.freq === 'YEARLY'
            ? 'yearly'
            : parts.freq
              ? 'daily'
              : 'none';
  const choice: RecurrenceChoice = { frequency, interval: parts.interval, weekdays: [], end: { type: 'never' } };
  if (frequency === 'none') return { ...NO_RECURRENCE, weekdays: [], end: { type: 'never' } };
  if (frequency === 'weekly') {
    const days = parts.byDay.map((d) => d.day);
    choice.weekdays = WEEKDAYS.filter((day) => (days.length > 0 ? days.includes(day) : day === weekdayOf(start)));
  }
  if (frequency === 'monthly') {
    choice.monthlyMode = parts.byDay.some((d) => d.nth !== undefined) ? 'nth-weekday' : 'day-of-month';
  }
  if (parts.count !== undefined) choice.end = { type: 'count', count: parts.count };
  else if (parts.until) {
    const pad = (n: number): string => String(n).padStart(2, '0');
    choice.end = { type: 'until', until: `${parts.until.year}-${pad(parts.until.month)}-${pad(parts.until.day)}` };
  }
  return choice;
}
