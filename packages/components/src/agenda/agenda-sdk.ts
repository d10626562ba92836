/**
 * The recurrence and medication functions of `@carnet/catalog-sdk` the agenda
 * uses, gathered in one module so the agenda names its SDK entry point once.
 */
export {
  describeRecurrence,
  expandOccurrences,
  fromICalendar,
  instantToZoned,
  isEditableRRule,
  NO_RECURRENCE,
  recurrenceToRRule,
  rruleToRecurrence,
  toICalendar,
  zonedToInstant,
} from '@carnet/catalog-sdk';
export type {
  ImportedAgendaEvent,
  ImportedCalendar,
  MonthlyMode,
  RecurrenceChoice,
  RecurrenceFrequency,
} from '@carnet/catalog-sdk';
export { doseKey, medicationReminders, scheduledDoses } from '@carnet/catalog-sdk';
export type { MedicationReminder, ScheduledDose } from '@carnet/catalog-sdk';
