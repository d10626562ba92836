/**
 * The reference the expansion is checked against: `rrule` (a port of
 * python-dateutil) in floating time, for the tests and the benchmarks only —
 * the SDK itself no longer runs `rrule` (see `expand.ts`).
 */
import type { Options as RRuleOptions } from 'rrule';
import type { Weekday } from '../model/common.js';
import { WEEKDAYS } from '../model/common.js';
import type { RuleFrequency, RuleParts } from './rule-parts.js';
import { readableParts, untilWall } from './expand.js';
import { RRule, RRuleWeekday } from './rrule-interop.js';

const FREQUENCY: Record<RuleFrequency, number> = {
  YEARLY: RRule.YEARLY,
  MONTHLY: RRule.MONTHLY,
  WEEKLY: RRule.WEEKLY,
  DAILY: RRule.DAILY,
  HOURLY: RRule.HOURLY,
  MINUTELY: RRule.MINUTELY,
  SECONDLY: RRule.SECONDLY,
};

function rruleWeekday(day: Weekday, nth?: number): RRuleWeekday {
  return new RRuleWeekday(WEEKDAYS.indexOf(day), nth);
}

/**
 * An `rrule` RRule in floating time for a rule value and a wall-clock start.
 * @throws ValidationError (field `rrule`) when the rule is not one we can expand.
 */
export function floatingRule(rrule: string, startWall: number, timeZone: string): RRule {
  return buildFloatingRule(readableParts(rrule), startWall, timeZone);
}

function buildFloatingRule(parts: RuleParts & { freq: RuleFrequency }, startWall: number, timeZone: string): RRule {
  const options: Partial<RRuleOptions> = {
    freq: FREQUENCY[parts.freq],
    dtstart: new Date(startWall),
    interval: parts.interval,
  };
  if (parts.count !== undefined) options.count = parts.count;
  const until = untilWall(parts, timeZone);
  if (until !== undefined) options.until = new Date(until);
  if (parts.byDay.length > 0) options.byweekday = parts.byDay.map((d) => rruleWeekday(d.day, d.nth));
  if (parts.byMonth.length > 0) options.bymonth = parts.byMonth;
  if (parts.byMonthDay.length > 0) options.bymonthday = parts.byMonthDay;
  if (parts.byYearDay.length > 0) options.byyearday = parts.byYearDay;
  if (parts.byWeekNo.length > 0) options.byweekno = parts.byWeekNo;
  if (parts.bySetPos.length > 0) options.bysetpos = parts.bySetPos;
  if (parts.byHour.length > 0) options.byhour = parts.byHour;
  if (parts.byMinute.length > 0) options.byminute = parts.byMinute;
  if (parts.bySecond.length > 0) options.bysecond = parts.bySecond;
  if (parts.wkst) options.wkst = rruleWeekday(parts.wkst);
  // noCache: callers keep the rule, and rrule's own result cache would grow with every range asked.
  return new RRule(options, true);
}
