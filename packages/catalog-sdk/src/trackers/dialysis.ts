/**
 * Dialysis arithmetic: sessions from the agenda, interdialytic weight gain.
 * Pure functions, no I/O.
 */
import type { AgendaEvent } from '../model/agenda.js';
import type { WeightReading } from '../model/tracker.js';
import { expandOccurrences } from '../recurrence/expand.js';

/** True for an agenda event that is a dialysis session (its title names dialysis: « Séance d'hémodialyse »). */
export function isDialysisSession(event: Pick<AgendaEvent, 'title'>): boolean {
  return /dialys/i.test(event.title);
}

/** One dialysis session of the agenda. */
export interface DialysisSession {
  /** Start instant: identifies the session (weights name it in `session`). */
  start: string;
  end: string;
  title: string;
}

/** The dialysis sessions of the agenda between two instants, in time order (cancelled ones left out). */
export function dialysisSessions(events: readonly AgendaEvent[], range: { start: Date; end: Date }): DialysisSession[] {
  return events
    .filter(isDialysisSession)
    .flatMap((event) => expandOccurrences(event, range))
    .map((occurrence) => ({ start: occurrence.start, end: occurrence.end, title: occurrence.title }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** The weights of one session, and the weight gained since the previous one. */
export interface SessionWeights {
  /** The session's start instant. */
  session: string;
  /** Weight before the session (kg), the last one taken when several. */
  before?: number;
  /** Weight after the session (kg). */
  after?: number;
  /**
   * Interdialytic weight gain (kg): the weight before this session minus the
   * weight after the previous session; absent when either is missing.
   */
  gain?: number;
}

/** Per session, in time order: before and after weights and the gain since the previous session. */
export function interdialyticGains(weights: readonly WeightReading[]): SessionWeights[] {
  const bySession = new Map<string, SessionWeights>();
  const sorted = [...weights].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const weight of sorted) {
    if (!weight.session || !weight.moment) continue;
    const entry = bySession.get(weight.session) ?? { session: weight.session };
    if (weight.moment === 'before-dialysis') entry.before = weight.kg;
    else entry.after = weight.kg;
    bySession.set(weight.session, entry);
  }
  const sessions = [...bySession.values()].sort((a, b) => (a.session < b.session ? -1 : 1));
  return sessions.map((entry, index) => {
    const previous = sessions[index - 1];
    if (entry.before === undefined || previous?.after === undefined) return entry;
    return { ...entry, gain: Math.round((entry.before - previous.after) * 10) / 10 };
  });
}
