/**
 * Dialysis days of the visible week, for the kidney preset.
 *
 * Choice: the agenda is the source of truth — a session moved from Wednesday to
 * Thursday (or cancelled) moves the highlight too — so dialysis sessions (agenda
 * appointments whose title says dialysis) are expanded with the SDK's
 * `expandOccurrences` over the week. When the agenda holds no session, the weekdays
 * of plans whose instructions tie them to dialysis (EPO « en fin de séance de
 * dialyse ») stand in.
 */
import { expandOccurrences } from '@carnet/catalog-sdk';
import type { AgendaEvent, IsoDate, MedicationPlan, Weekday } from '@carnet/catalog-sdk';
import { addDays, localDateOf, startOfLocalDay } from './organiser-calendar.js';

// « dialyse », « hémodialyse », "dialysis", "haemodialysis" — whatever the language of the record.
const DIALYSIS_WORDS = /dialys/i;
const WEEKDAY_BY_UTC_INDEX: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** Whether an agenda event is a dialysis session (an appointment, not a pre-dialysis blood test). */
export function isDialysisSession(event: Pick<AgendaEvent, 'kind' | 'title'>): boolean {
  return event.kind === 'appointment' && DIALYSIS_WORDS.test(event.title);
}

/** Whether a plan's doses are tied to dialysis sessions. */
export function isDialysisDayPlan(plan: MedicationPlan): boolean {
  return (
    (plan.daysOfWeek?.length ?? 0) > 0 && DIALYSIS_WORDS.test(`${plan.instructions ?? ''} ${plan.medication.display}`)
  );
}

/** The days among `days` (consecutive local dates in `timeZone`) that have a dialysis session. */
export function dialysisDays(
  events: readonly AgendaEvent[],
  plans: readonly MedicationPlan[],
  days: readonly IsoDate[],
  timeZone: string,
): Set<IsoDate> {
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) return new Set();
  const range = { start: startOfLocalDay(first, timeZone), end: startOfLocalDay(addDays(last, 1), timeZone) };
  const sessions = events.filter(isDialysisSession);
  if (sessions.length > 0) {
    const found = new Set<IsoDate>();
    for (const event of sessions) {
      for (const occurrence of expandOccurrences(event, range))
        found.add(localDateOf(new Date(occurrence.start), timeZone));
    }
    return new Set(days.filter((day) => found.has(day)));
  }
  const weekdays = new Set(plans.filter(isDialysisDayPlan).flatMap((plan) => plan.daysOfWeek ?? []));
  return new Set(
    days.filter((day) => weekdays.has(WEEKDAY_BY_UTC_INDEX[new Date(`${day}T00:00:00Z`).getUTCDay()] as Weekday)),
  );
}
