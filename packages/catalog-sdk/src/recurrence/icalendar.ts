/**
 * iCalendar (RFC 5545) import and export of the agenda — the public, light
 * side. The work is in `icalendar-impl.ts`, loaded on first use so that the
 * agenda bundle does not carry `ical.js` until the patient imports or exports.
 */
import type { AgendaEvent, NewAgendaEvent } from '../model/agenda.js';

/** Options of {@link toICalendar}. */
export interface ICalendarExportOptions {
  /** PRODID of the calendar; default `-//Carnet//Agenda//FR`. */
  prodId?: string;
  /** DTSTAMP of every event; default now. */
  now?: Date;
}

/** Options of {@link fromICalendar}. */
export interface ICalendarImportOptions {
  /**
   * Zone of floating times, of all-day events and of single events given in
   * UTC (`Z`); default `Europe/Paris`.
   */
  timeZone?: string;
}

/**
 * An event read from an iCalendar file, ready to be created in the agenda
 * (`NewAgendaEvent`) once it has a title, with its iCalendar UID to recognise it
 * on a later import.
 */
export type ImportedAgendaEvent = Omit<NewAgendaEvent, 'title'> &
  Required<Pick<AgendaEvent, 'timeZone' | 'exdates' | 'overrides' | 'reminders'>> & {
    /**
     * The event's SUMMARY; absent when the file gives none. The SDK has no words
     * of its own: the application names such an event in the patient's language.
     */
    title?: string;
    /** UID of the VEVENT (master) it came from. */
    uid: string;
  };

/** What an iCalendar file gave: events, and what was left out and why. */
export interface ImportedCalendar {
  events: ImportedAgendaEvent[];
  /**
   * One sentence per thing not imported as such (absolute alarm, RDATE, unknown
   * zone converted...). Names properties and UIDs, never titles or notes.
   */
  warnings: string[];
}

/**
 * The agenda as an RFC 5545 calendar: VTIMEZONE per zone, VEVENT per event
 * (RRULE, EXDATE, VALARM per reminder), moved or annotated occurrences as
 * RECURRENCE-ID events, cancelled ones as EXDATE. CRLF lines folded at 75 octets.
 */
export async function toICalendar(events: AgendaEvent[], options?: ICalendarExportOptions): Promise<string> {
  const implementation = await import('./icalendar-impl.js');
  return implementation.toICalendar(events, options);
}

/**
 * Events of an iCalendar file as exported by Google Calendar, Apple Calendar or
 * Outlook. UTC times keep their instant: a single event is placed in
 * `options.timeZone` (Europe/Paris), a recurring series keeps zone `UTC` so its
 * occurrences stay where the sender's calendar put them.
 * @throws ValidationError (field `ics`) when the text is not an iCalendar file.
 */
export async function fromICalendar(text: string, options?: ICalendarImportOptions): Promise<ImportedCalendar> {
  const implementation = await import('./icalendar-impl.js');
  return implementation.fromICalendar(text, options);
}
