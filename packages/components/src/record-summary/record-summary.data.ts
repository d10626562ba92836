import type { AgendaEvent, DataSource, HealthDocument, MedicationPlan } from '@carnet/catalog-sdk';

/** What `<carnet-record-summary>` shows: a few counts and the latest documents. */
export interface RecordSummary {
  /** Documents in the record. */
  documentCount: number;
  /** Agenda events (recurring series count once) not yet over. */
  upcomingEventCount: number;
  /** Medication plans not yet ended. */
  activePlanCount: number;
  /** Professionals in the care team. */
  careTeamSize: number;
  /** The most recent documents, newest first. */
  recentDocuments: HealthDocument[];
  /** True when the record holds no document, event, plan or professional at all. */
  empty: boolean;
}

/** How many recent documents the summary lists. */
export const RECENT_DOCUMENT_COUNT = 3;

// Wall-clock "now" in a zone, as `YYYY-MM-DDTHH:mm:ss`, comparable with LocalDateTime strings.
function wallClockNow(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

// RRULE UNTIL (`20261231` or `20261231T090000Z`) as a comparable LocalDateTime.
function ruleUntil(rrule: string): string | undefined {
  const until = /(?:^|;)UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?/.exec(rrule);
  if (!until) return undefined;
  const [, year, month, day, hour = '23', minute = '59', second = '59'] = until;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}`;
}

/**
 * Whether an event still lies ahead at `now`: a single event that has not ended,
 * or a series whose UNTIL has not passed (COUNT-bounded series count as upcoming:
 * knowing whether they are over would need the full expansion).
 */
export function isUpcoming(event: AgendaEvent, now: Date): boolean {
  const localNow = wallClockNow(now, event.timeZone);
  if (!event.rrule) return event.end >= localNow;
  const until = ruleUntil(event.rrule);
  return until === undefined || until >= localNow;
}

/** Whether a plan is still being taken on `now`'s date in its time zone (started or not). */
export function isActivePlan(plan: MedicationPlan, now: Date): boolean {
  if (!plan.end) return true;
  const today = wallClockNow(now, plan.timeZone).slice(0, 10);
  return plan.end >= today;
}

/** Loads everything the summary shows, in parallel. */
export async function loadRecordSummary(
  source: DataSource,
  options: { signal?: AbortSignal; now?: Date } = {},
): Promise<RecordSummary> {
  const { signal } = options;
  const now = options.now ?? new Date();
  const [documentPage, events, plans, careTeam] = await Promise.all([
    source.documents.list({ limit: RECENT_DOCUMENT_COUNT, signal }),
    source.agenda.list({ signal }),
    source.medications.listPlans({ signal }),
    source.careTeam.list({ signal }),
  ]);
  return {
    documentCount: documentPage.total,
    upcomingEventCount: events.filter((event) => isUpcoming(event, now)).length,
    activePlanCount: plans.filter((plan) => isActivePlan(plan, now)).length,
    careTeamSize: careTeam.length,
    recentDocuments: documentPage.items.slice(0, RECENT_DOCUMENT_COUNT),
    empty: documentPage.total === 0 && events.length === 0 && plans.length === 0 && careTeam.length === 0,
  };
}
