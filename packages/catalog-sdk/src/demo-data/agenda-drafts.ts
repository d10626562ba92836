/**
 * Building blocks of the demo agendas: event drafts, their conversion to
 * `AgendaEvent`, and the date arithmetic that places occurrences.
 */
import type { AgendaEvent, AgendaEventKind, OccurrenceOverride, Reminder } from '../model/agenda.js';
import type { CareTeamMember } from '../model/care-team.js';
import { DEFAULT_TIME_ZONE, type Weekday } from '../model/common.js';
import type { MedicationPlan } from '../model/medication.js';
import { planId } from './medication-plans.js';
import type { PersonaId } from './personas.js';
import {
  addDays,
  addMonths,
  daysBetween,
  formatLocalDateTime,
  nthWeekdayOfMonth,
  type CalendarDay,
} from './wall-clock.js';

/** What the persona builders need to know. */
export interface AgendaContext {
  persona: PersonaId;
  /** The reference day in Europe/Paris. */
  today: CalendarDay;
  careTeam: readonly CareTeamMember[];
  plans: readonly MedicationPlan[];
}

/** An event as a persona builder writes it, before ids and wall-clock strings. */
export interface EventDraft {
  slug: string;
  title: string;
  kind: AgendaEventKind;
  day: CalendarDay;
  /** `HH:mm`, or absent for an all-day event. */
  from?: string;
  to?: string;
  rrule?: string;
  location?: string;
  practitioner?: CareTeamMember;
  reminders: number[];
  exdates?: CalendarDay[];
  overrides?: OccurrenceOverride[];
  notes?: string;
  medicationPlanId?: string;
}

/** Turns a draft into a stored agenda event with a stable id. */
export function toEvent(persona: PersonaId, draft: EventDraft): AgendaEvent {
  const allDay = draft.from === undefined;
  const event: AgendaEvent = {
    id: `event-${persona}-${draft.slug}`,
    title: draft.title,
    kind: draft.kind,
    start: formatLocalDateTime(draft.day, draft.from ?? '00:00'),
    end: formatLocalDateTime(allDay ? addDays(draft.day, 1) : draft.day, draft.to ?? '00:00'),
    timeZone: DEFAULT_TIME_ZONE,
    exdates: (draft.exdates ?? []).map((day) => formatLocalDateTime(day, draft.from ?? '00:00')),
    overrides: draft.overrides ?? [],
    reminders: draft.reminders.map((minutesBefore): Reminder => ({ minutesBefore })),
    version: '1',
  };
  if (allDay) event.allDay = true;
  if (draft.location) event.location = draft.location;
  if (draft.practitioner)
    event.practitioner = `${draft.practitioner.name}, ${(draft.practitioner.specialty ?? '').toLowerCase()}`;
  if (draft.rrule) event.rrule = draft.rrule;
  if (draft.notes) event.notes = draft.notes;
  if (draft.medicationPlanId) event.medicationPlanId = draft.medicationPlanId;
  return event;
}

/** The n-th weekday of the month `monthsAgo` months before today. */
export function monthlyAnchor(today: CalendarDay, monthsAgo: number, weekday: Weekday, n: number): CalendarDay {
  const month = addMonths({ ...today, day: 1 }, -monthsAgo);
  return nthWeekdayOfMonth(month.year, month.month, weekday, n);
}

/** First occurrence on or after `from` of a series repeating every `everyDays` days from `anchor`. */
export function nextOccurrence(anchor: CalendarDay, everyDays: number, from: CalendarDay): CalendarDay {
  return addDays(anchor, Math.ceil(daysBetween(anchor, from) / everyDays) * everyDays);
}

/** A single occurrence moved to another day, same hours, with the patient's note. */
export function moved(
  original: CalendarDay,
  to: CalendarDay,
  from: string,
  until: string,
  note: string,
): OccurrenceOverride {
  return {
    originalStart: formatLocalDateTime(original, from),
    start: formatLocalDateTime(to, from),
    end: formatLocalDateTime(to, until),
    note,
  };
}

/** The care-team member with that specialty, if any. */
export function member(context: AgendaContext, specialty: string): CareTeamMember | undefined {
  return context.careTeam.find((candidate) => candidate.specialty === specialty);
}

/** The renewal day and id of a persona's plan, if it has one. */
export function renewalDay(context: AgendaContext, slug: string): { day: CalendarDay; planId: string } | undefined {
  const id = planId(context.persona, slug);
  const plan = context.plans.find((candidate) => candidate.id === id);
  if (!plan?.renewalDate) return undefined;
  const [year, month, day] = plan.renewalDate.split('-').map(Number) as [number, number, number];
  return { day: { year, month, day }, planId: id };
}
