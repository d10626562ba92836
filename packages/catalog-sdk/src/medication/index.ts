/**
 * Pill organiser logic: FHIR Timing → RRULE, scheduled doses (expanded like the
 * agenda, DST included), adherence, stock and renewal reminders. Pure, no I/O.
 * @packageDocumentation
 */
export { DEFAULT_MEAL_TIMES, periodOfTime, periodTime, resolveMealTimes } from './meal-times.js';
export type { MealTimes, TimeOfDay } from './meal-times.js';
export { DEFAULT_MEAL_OFFSET_MINUTES } from './timing-when.js';
export type { PrescribedTime, TimingLoss, WhenCode } from './timing-when.js';
export { timingToRRule } from './timing-rrule.js';
export type { TimingConversion, TimingRule } from './timing-rrule.js';
export type { TimingFrequency } from './timing-bounds.js';
export { planToDoseSchedule } from './dose-schedule.js';
export { describeDoseSchedule } from './dose-description.js';
export type { DoseDays, DoseMoment, DoseScheduleDescription } from './dose-description.js';
export type { SlotRule } from './dose-schedule.js';
export { doseKey, scheduledDoses } from './scheduled-doses.js';
export type { DoseRange, ScheduleOptions, ScheduledDose } from './scheduled-doses.js';
export { computeAdherence, DEFAULT_LATE_TOLERANCE_MINUTES } from './adherence.js';
export type { AdherenceCounts, AdherenceDay, AdherenceOptions, AdherenceReport, PlanAdherence } from './adherence.js';
export {
  averageDailyUse,
  computeStock,
  DEFAULT_LOW_STOCK_DAYS,
  DEFAULT_RENEWAL_NOTICE_DAYS,
  DEFAULT_STOCK_GAP_NOTICE_DAYS,
  medicationReminders,
} from './stock.js';
export type { MedicationReminder, StockOptions, StockStatus } from './stock.js';
