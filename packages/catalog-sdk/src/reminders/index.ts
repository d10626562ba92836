/**
 * Reminders that ring while a page is open: which are due now, and when the next one is.
 * @packageDocumentation
 */
export { DEFAULT_DOSE_REMINDER_WINDOW_MINUTES, dueReminders, nextReminderAt } from './due-reminders.js';
export type {
  DoseReminder,
  DueReminder,
  DueReminderOptions,
  EventReminder,
  ReminderSources,
  TreatmentReminder,
} from './due-reminders.js';
