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

/**
 * Why something in an iCalendar file was not imported as it was:
 * - `zone-converted`: a zone the file defines under a name that is not an IANA zone; its
 *   times were converted through its VTIMEZONE into `readAs`;
 * - `zone-unknown`: a zone neither known nor defined; its times were read as `readAs` times;
 * - `alarm-absolute`, `alarm-from-end`, `alarm-after-start`: an alarm at a fixed time,
 *   counted from the end, or ringing after the start, left out;
 * - `property-ignored`: `property` (RDATE, EXRULE) is not supported and was left out;
 * - `rules-several`: only the first of several RRULEs was kept;
 * - `rule-unreadable`: the RRULE could not be read; the event was imported once (`uid`
 *   is absent when the line could not even be tied to its event);
 * - `start-missing`: an event without a readable DTSTART, skipped;
 * - `range-ignored`: a RECURRENCE-ID with a RANGE applied to one occurrence only;
 * - `uid-shared`: several events share a UID (all were imported);
 * - `event-unreadable`, `occurrence-unreadable`: skipped because unreadable;
 * - `occurrence-alone`: an occurrence came without its series and was imported alone.
 */
export type ICalendarImportWarningCode =
  | 'zone-converted'
  | 'zone-unknown'
  | 'alarm-absolute'
  | 'alarm-from-end'
  | 'alarm-after-start'
  | 'property-ignored'
  | 'rules-several'
  | 'rule-unreadable'
  | 'start-missing'
  | 'range-ignored'
  | 'uid-shared'
  | 'event-unreadable'
  | 'occurrence-unreadable'
  | 'occurrence-alone';

/**
 * One thing of the file not imported as such. Names the event by its UID (the
 * application finds its title among the imported events), never by title or notes,
 * so a warning may be logged without health data. The words are the application's.
 */
export interface ICalendarImportWarning {
  code: ICalendarImportWarningCode;
  /** UID of the event concerned, when there is one. */
  uid?: string;
  /** The iCalendar property concerned (`RDATE`, `EXRULE`, `RRULE`), when there is one. */
  property?: string;
  /** For the zone warnings: the zone name the file used. */
  zone?: string;
  /** For the zone warnings: the IANA zone the times were read in. */
  readAs?: string;
}

/** What an iCalendar file gave: events, and what was left out and why. */
export interface ImportedCalendar {
  events: ImportedAgendaEvent[];
  /** One entry per thing not imported as such (absolute alarm, RDATE, unknown zone converted...). */
  warnings: ICalendarImportWarning[];
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
