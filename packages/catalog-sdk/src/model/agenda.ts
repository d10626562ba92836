import type { IsoInstant, LocalDateTime, RecordVersion } from './common.js';

/** Kinds of agenda events. */
export type AgendaEventKind = 'appointment' | 'exam' | 'prescription-renewal' | 'reminder';

/** All agenda event kinds. */
export const AGENDA_EVENT_KINDS: readonly AgendaEventKind[] = [
  'appointment',
  'exam',
  'prescription-renewal',
  'reminder',
];

/** A reminder some time before an event starts. */
export interface Reminder {
  /** How long before the start, in minutes (a day is 1440). */
  minutesBefore: number;
}

/**
 * A change to one occurrence of a recurring event: moved, cancelled or annotated.
 * Identified by the occurrence's original wall-clock start.
 */
export interface OccurrenceOverride {
  /** Wall-clock start the rule produced for this occurrence. */
  originalStart: LocalDateTime;
  /** New wall-clock start, when moved. */
  start?: LocalDateTime;
  /** New wall-clock end, when moved. */
  end?: LocalDateTime;
  /** True when this single occurrence is cancelled. */
  cancelled?: boolean;
  /** The patient's note on this occurrence (adherence, « dose prise en retard »). */
  note?: string;
}

/**
 * An event in the patient's agenda (FHIR `Appointment` + Carnet extensions).
 * Times are wall-clock times in `timeZone`, so a 09:00 appointment stays at
 * 09:00 across daylight-saving changes.
 */
export interface AgendaEvent {
  id: string;
  title: string;
  kind: AgendaEventKind;
  /** Wall-clock start in `timeZone`. */
  start: LocalDateTime;
  /** Wall-clock end in `timeZone`. */
  end: LocalDateTime;
  /** IANA time zone, default `Europe/Paris`. */
  timeZone: string;
  /** True for events that last whole days (start/end at midnight). */
  allDay?: boolean;
  location?: string;
  /** Professional display name, e.g. « Dr Martin, néphrologue ». */
  practitioner?: string;
  /** RFC 5545 RRULE value without `RRULE:` or DTSTART, e.g. `FREQ=WEEKLY;BYDAY=MO,WE,FR`. */
  rrule?: string;
  /** Wall-clock starts of occurrences removed from the series. */
  exdates: LocalDateTime[];
  /** Moved, cancelled or annotated single occurrences. */
  overrides: OccurrenceOverride[];
  reminders: Reminder[];
  /** A note on the whole event. */
  notes?: string;
  /** Id of the medication plan this event derives from (prescription renewal). */
  medicationPlanId?: string;
  version: RecordVersion;
}

/** What a caller gives to create an agenda event. */
export type NewAgendaEvent = Omit<AgendaEvent, 'id' | 'version' | 'exdates' | 'overrides' | 'reminders' | 'timeZone'> &
  Partial<Pick<AgendaEvent, 'exdates' | 'overrides' | 'reminders' | 'timeZone'>>;

/** One concrete occurrence of an event, as shown on a calendar. */
export interface Occurrence {
  eventId: string;
  title: string;
  kind: AgendaEventKind;
  /** Start instant. */
  start: IsoInstant;
  /** End instant. */
  end: IsoInstant;
  /** Wall-clock start the rule produced (identifies the occurrence). */
  originalStart: LocalDateTime;
  /** Wall-clock start after any move. */
  localStart: LocalDateTime;
  timeZone: string;
  allDay: boolean;
  /** True when this occurrence was moved from where its rule put it. */
  moved: boolean;
  /** True for an event that recurs. */
  recurring: boolean;
  note?: string;
  location?: string;
}
