/**
 * Recurrence: expansion of agenda events into occurrences, plain-words
 * descriptions, the recurrence editor's model, and iCalendar import/export
 * (loaded lazily, so the agenda does not carry `ical.js` until it is used).
 * @packageDocumentation
 */
export { expandOccurrences } from './expand.js';
export type { InstantRange } from './expand.js';
export { zonedToInstant, instantToZoned, isKnownTimeZone } from '../time/zone.js';
export { describeRecurrence } from './describe.js';
export {
  recurrenceToRRule,
  rruleToRecurrence,
  isEditableRRule,
  NO_RECURRENCE,
  MONTHLY_MODES,
  RECURRENCE_FREQUENCIES,
} from './editor.js';
export type { RecurrenceChoice, RecurrenceFrequency, RecurrenceEnd, MonthlyMode } from './editor.js';
export { toICalendar, fromICalendar } from './icalendar.js';
export type {
  ICalendarExportOptions,
  ICalendarImportOptions,
  ICalendarImportWarning,
  ICalendarImportWarningCode,
  ImportedAgendaEvent,
  ImportedCalendar,
} from './icalendar.js';
