/**
 * The `rrule` package, whichever build the runtime loaded: browsers and
 * bundlers get its ES module (named exports); Node gets its CommonJS bundle,
 * whose exports sit on `default` because Node cannot detect them.
 */
import * as rrulePackage from 'rrule';

type RRulePackage = typeof rrulePackage;

const loaded = rrulePackage as RRulePackage & { default?: RRulePackage };
const rruleModule: RRulePackage = loaded.RRule === undefined && loaded.default ? loaded.default : loaded;

/** `rrule`'s RRule class. */
export const RRule = rruleModule.RRule;
/** `rrule`'s RRule class, as a type. */
export type RRule = rrulePackage.RRule;
/** `rrule`'s Weekday class (`new RRuleWeekday(0, 2)` is the 2nd Monday). */
export const RRuleWeekday = rruleModule.Weekday;
/** `rrule`'s Weekday class, as a type. */
export type RRuleWeekday = rrulePackage.Weekday;
/** `rrule`'s string parser (used by the benchmark's TZID comparison). */
export const rrulestr = rruleModule.rrulestr;
