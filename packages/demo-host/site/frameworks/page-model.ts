/**
 * What the React, Vue and Angular pages of the association's site share: the
 * personas, the widget sections, the events they listen to and the words they
 * show. No DOM here: the React page is also rendered on the server.
 */
import type { CarnetLocale } from '@carnet/components';

/** The demo patients the pages offer. */
export const PERSONAS = [
  { id: 'parkinson', fr: 'Parkinson', en: "Parkinson's" },
  { id: 'diabetes', fr: 'Diabète', en: 'Diabetes' },
  { id: 'kidney', fr: 'Insuffisance rénale (dialyse)', en: 'Kidney failure (dialysis)' },
] as const;

/** One of the demo patients. */
export type Persona = (typeof PERSONAS)[number]['id'];

/** The widgets, each in its own section: tag, heading in French and English. */
export const SECTIONS = [
  { id: 'record', tag: 'carnet-record-summary', fr: "Vue d'ensemble", en: 'Overview' },
  { id: 'tracker', tag: 'carnet-tracker', fr: 'Mon suivi', en: 'My tracking' },
  { id: 'documents', tag: 'carnet-document-browser', fr: 'Documents de santé', en: 'Health documents' },
  { id: 'agenda', tag: 'carnet-agenda', fr: 'Rendez-vous et rappels', en: 'Appointments and reminders' },
  { id: 'pills', tag: 'carnet-pill-organiser', fr: 'Traitements', en: 'Treatments' },
  { id: 'profile', tag: 'carnet-medical-profile', fr: 'Profil médical', en: 'Medical profile' },
  { id: 'emergency', tag: 'carnet-emergency-card', fr: "En cas d'urgence", en: 'In an emergency' },
  { id: 'forum', tag: 'carnet-forum-feed', fr: 'Communauté', en: 'Community' },
] as const;

/** The typed events the pages listen to, in the order the log shows them. */
export const LOGGED_EVENTS = [
  'carnet-record-open',
  'carnet-document-open',
  'carnet-document-change',
  'carnet-document-send',
  'carnet-event-change',
  'carnet-occurrence-note',
  'carnet-intake-change',
  'carnet-measurement-change',
  'carnet-profile-change',
  'carnet-post-create',
  'carnet-post-report',
  'carnet-session-change',
  'carnet-error',
] as const;

/** One of the events the pages listen to. */
export type LoggedEvent = (typeof LOGGED_EVENTS)[number];

/** How many times the page's handler for an event ran, and what the last one said. */
export interface EventLogEntry {
  count: number;
  last: string;
}

/** The handler calls of every logged event. */
export type EventLog = Readonly<Record<LoggedEvent, EventLogEntry>>;

/** A log with no call yet. */
export function emptyEventLog(): EventLog {
  return Object.fromEntries(LOGGED_EVENTS.map((name) => [name, { count: 0, last: '' }])) as Record<
    LoggedEvent,
    EventLogEntry
  >;
}

/** What an event's detail says, in a few words: ids and statuses, never a document's content. */
export function describeEvent<K extends LoggedEvent>(name: K, event: GlobalEventHandlersEventMap[K]): string {
  const detail: unknown = event.detail;
  if (typeof detail !== 'object' || detail === null) return name;
  const fields = ['documentId', 'eventId', 'action', 'kind', 'planId', 'status', 'postId', 'code', 'authenticated'];
  const said = fields
    .filter((field) => field in detail)
    .map((field) => `${field}: ${String((detail as Record<string, unknown>)[field])}`);
  return said.join(', ');
}

/** The log after one more call of `name`'s handler. */
export function logEvent<K extends LoggedEvent>(
  log: EventLog,
  name: K,
  event: GlobalEventHandlersEventMap[K],
): EventLog {
  return { ...log, [name]: { count: log[name].count + 1, last: describeEvent(name, event) } };
}

/** The pages' own words in both languages. */
const WORDS = {
  persona: { fr: 'Patient de démonstration (données synthétiques)', en: 'Demo patient (synthetic data)' },
  hide: { fr: 'Retirer les widgets', en: 'Remove the widgets' },
  show: { fr: 'Remettre les widgets', en: 'Put the widgets back' },
  removed: {
    fr: 'Les widgets sont retirés de la page (démontés) ; le journal des événements reste.',
    en: 'The widgets are removed from the page (unmounted); the event log stays.',
  },
  log: { fr: 'Événements reçus', en: 'Events received' },
  mounts: { fr: 'Montages des widgets', en: 'Widget mounts' },
  never: { fr: 'aucun', en: 'none' },
} as const;

/** One of the pages' own words, in `locale`. */
export function word(key: keyof typeof WORDS, locale: CarnetLocale): string {
  return WORDS[key][locale];
}

/** The database of a persona's record, shared with the plain HTML page. */
export function databaseOf(persona: Persona): string {
  return `carnet-demo-${persona}`;
}
