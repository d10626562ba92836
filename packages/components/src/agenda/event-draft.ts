/**
 * The editor form's values (« brouillon ») and their translation to and from an
 * agenda event. Pure: no DOM, no I/O.
 */
import type { AgendaEvent, AgendaEventKind, IsoDate, LocalDateTime, Occurrence } from '@carnet/catalog-sdk';
import { addDays, addMinutesToWall, dayOfWall, timeOfWall, wallMs } from './agenda-dates.js';
import { isEditableRRule, NO_RECURRENCE, rruleToRecurrence } from '@carnet/catalog-sdk';
import type { RecurrenceChoice } from '@carnet/catalog-sdk';

/** What the editor form holds. */
export interface EventDraft {
  title: string;
  kind: AgendaEventKind;
  /** Day of the (occurrence's) start. */
  date: IsoDate;
  /** `HH:mm`. */
  startTime: string;
  /** `HH:mm`, on the same day: an end before the start is refused. */
  endTime: string;
  allDay: boolean;
  location: string;
  practitioner: string;
  notes: string;
  recurrence: RecurrenceChoice;
  /**
   * A stored rule the plain-words editor cannot show without loss; kept as is
   * until the patient replaces it.
   */
  customRule?: string;
  /** Minutes before the start, soonest last. */
  reminders: number[];
  timeZone: string;
}

/** The event fields a draft gives (the rest stays the event's own). */
export type DraftFields = Pick<AgendaEvent, 'title' | 'kind' | 'start' | 'end' | 'timeZone' | 'allDay' | 'reminders'> &
  Pick<AgendaEvent, 'location' | 'practitioner' | 'notes'>;

/** Which fields of the form are wrong, by input name. */
export type DraftErrors = Partial<
  Record<
    'title' | 'date' | 'startTime' | 'endTime' | 'interval' | 'count' | 'until',
    'required' | 'invalid' | 'before-start'
  >
>;

/** Reminder proposed for a new event: the day before. */
export const DEFAULT_REMINDERS: readonly number[] = [1440];

function copyChoice(choice: RecurrenceChoice): RecurrenceChoice {
  return { ...choice, weekdays: [...choice.weekdays], end: { ...choice.end } };
}

/** An empty form for a new event on `day` (09:00–09:30). */
export function newDraft(day: IsoDate, timeZone: string): EventDraft {
  return {
    title: '',
    kind: 'appointment',
    date: day,
    startTime: '09:00',
    endTime: '09:30',
    allDay: false,
    location: '',
    practitioner: '',
    notes: '',
    recurrence: copyChoice(NO_RECURRENCE),
    reminders: [...DEFAULT_REMINDERS],
    timeZone,
  };
}

/**
 * The form of an existing event, at one of its occurrences when given (the
 * form then shows that occurrence's date and times).
 */
export function draftFromEvent(event: AgendaEvent, occurrence?: Occurrence): EventDraft {
  const duration = Math.max(0, (wallMs(event.end) - wallMs(event.start)) / 60_000);
  const start = occurrence?.localStart ?? event.start;
  const end = addMinutesToWall(start, duration);
  const editable = isEditableRRule(event.rrule, event.start);
  const draft: EventDraft = {
    title: event.title,
    kind: event.kind,
    date: dayOfWall(start),
    startTime: timeOfWall(start),
    endTime: timeOfWall(end),
    allDay: event.allDay === true,
    location: event.location ?? '',
    practitioner: event.practitioner ?? '',
    notes: event.notes ?? '',
    recurrence: rruleToRecurrence(event.rrule, event.start),
    reminders: event.reminders.map((reminder) => reminder.minutesBefore).sort((a, b) => b - a),
    timeZone: event.timeZone,
  };
  if (!editable && event.rrule) draft.customRule = event.rrule;
  return draft;
}

/** Wall-clock start and end of a draft (all-day: midnight to next midnight). */
export function draftTimes(draft: EventDraft): { start: LocalDateTime; end: LocalDateTime } {
  if (draft.allDay) return { start: `${draft.date}T00:00:00`, end: `${addDays(draft.date, 1)}T00:00:00` };
  const start = `${draft.date}T${draft.startTime}:00`;
  const end = `${draft.date}T${draft.endTime || draft.startTime}:00`;
  return { start, end };
}

/** What is wrong with the form; empty when it can be saved. */
export function validateDraft(draft: EventDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.title.trim() === '') errors.title = 'required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) errors.date = 'required';
  if (!draft.allDay) {
    const time = /^\d{2}:\d{2}$/;
    if (!time.test(draft.startTime)) errors.startTime = draft.startTime ? 'invalid' : 'required';
    if (!time.test(draft.endTime)) errors.endTime = draft.endTime ? 'invalid' : 'required';
    // 15:00–09:30 is a typing slip, not an overnight event: never saved silently.
    else if (!errors.startTime && draft.endTime < draft.startTime) errors.endTime = 'before-start';
  }
  const { recurrence } = draft;
  if (recurrence.frequency !== 'none' && !draft.customRule) {
    if (!(recurrence.interval >= 1)) errors.interval = 'invalid';
    if (recurrence.end.type === 'count' && !(recurrence.end.count >= 1)) errors.count = 'invalid';
    if (recurrence.end.type === 'until') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(recurrence.end.until)) errors.until = 'required';
      else if (recurrence.end.until < draft.date) errors.until = 'invalid';
    }
  }
  return errors;
}

/** The event fields of a draft (text trimmed, empty optional fields left out). */
export function draftFields(draft: EventDraft): DraftFields {
  const { start, end } = draftTimes(draft);
  const fields: DraftFields = {
    title: draft.title.trim(),
    kind: draft.kind,
    start,
    end,
    timeZone: draft.timeZone,
    allDay: draft.allDay,
    reminders: [...new Set(draft.reminders)].sort((a, b) => b - a).map((minutesBefore) => ({ minutesBefore })),
  };
  const location = draft.location.trim();
  const practitioner = draft.practitioner.trim();
  const notes = draft.notes.trim();
  if (location) fields.location = location;
  if (practitioner) fields.practitioner = practitioner;
  if (notes) fields.notes = notes;
  return fields;
}
