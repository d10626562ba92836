/**
 * The patient's calendar subscription: a secret, revocable URL serving their
 * agenda, the doses of their treatments and their renewal reminders as
 * iCalendar with alarms (VALARM), for the phone's own calendar (webcal).
 *
 * - `POST {base}/Patient/$calendar-subscription` (the signed-in patient): the
 *   URL, created on first use; `POST {base}/Patient/$calendar-subscription-reset`:
 *   a new URL, the old one answers 404 at once.
 * - `GET {base}/calendar/<secret>.ics`: the calendar, no token (calendar apps
 *   have none); an unknown or reset secret is 404.
 *
 * The secret is 256 random bits, kept in memory (the demo's store); it is never
 * written in a log line (see {@link redactCalendarPath}) nor in the access trail.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Appointment, Bundle, MedicationRequest, Resource } from '@medplum/fhirtypes';
import {
  appointmentToAgendaEvent,
  medicationRequestToPlan,
  scheduledDoses,
  toICalendar,
  type AgendaEvent,
  type MedicationPlan,
} from '@carnet/catalog-sdk';
import { FhirHttpError, sendJson } from '../fhir/http.js';
import type { Caller } from './auth.js';

/** What the calendar routes need from the server. */
export interface CalendarFeedOptions {
  fhirBaseUrl: string;
  /** A search in the repository (no gateway: the feed is already the patient's own). */
  search(type: string, query: URLSearchParams): Promise<Bundle>;
  /** Clock, for tests. */
  now?: () => Date;
}

const SUBSCRIPTION_PATH = '/Patient/$calendar-subscription';
const RESET_PATH = '/Patient/$calendar-subscription-reset';
const FEED_PATH = /^\/calendar\/([A-Za-z0-9_-]{43})\.ics$/;
/** Doses written in the feed: the next two weeks (calendar apps read it again every few hours). */
const DOSE_DAYS = 14;
const DAY_MS = 86_400_000;

/** The feed path with its secret hidden, for log lines. */
export function redactCalendarPath(pathname: string): string {
  return pathname.replace(/\/calendar\/[^/]+$/, '/calendar/…');
}

const notFound = (): FhirHttpError => new FhirHttpError(404, 'not-found', 'Resource not found');

/** A dose as an agenda reminder, with its alarm at the time of the dose. */
function doseEvent(plan: MedicationPlan, dose: { scheduledAt: string; localTime: string }): AgendaEvent {
  const start = dose.localTime.slice(0, 19);
  const end = new Date(Date.parse(`${start}Z`) + 15 * 60_000).toISOString().slice(0, 19);
  return {
    id: `dose-${plan.id}-${dose.scheduledAt.replace(/[^0-9]/g, '')}`,
    version: '1',
    title: `Prise : ${plan.medication.display}`,
    kind: 'reminder',
    start,
    end,
    timeZone: plan.timeZone,
    exdates: [],
    overrides: [],
    reminders: [{ minutesBefore: 0 }],
  };
}

/** The calendar subscription routes. */
export function createCalendarFeed(options: CalendarFeedOptions) {
  const { fhirBaseUrl } = options;
  const secretOf = new Map<string, string>();
  const patientOf = new Map<string, string>();

  const urlOf = (secret: string): string => `${fhirBaseUrl}/calendar/${secret}.ics`;

  function issue(patientId: string): string {
    const old = secretOf.get(patientId);
    if (old !== undefined) patientOf.delete(old);
    const secret = randomBytes(32).toString('base64url');
    secretOf.set(patientId, secret);
    patientOf.set(secret, patientId);
    return secret;
  }

  async function resources<T extends Resource>(type: string, patientId: string): Promise<T[]> {
    const bundle = await options.search(type, new URLSearchParams({ patient: `Patient/${patientId}`, _count: '1000' }));
    return (bundle.entry ?? []).map((entry) => entry.resource as T);
  }

  async function calendarOf(patientId: string): Promise<string> {
    const now = options.now?.() ?? new Date();
    const events = (await resources<Appointment>('Appointment', patientId)).map(appointmentToAgendaEvent);
    const plans = (await resources<MedicationRequest>('MedicationRequest', patientId)).map(medicationRequestToPlan);
    const byId = new Map(plans.map((plan) => [plan.id, plan]));
    const doses = scheduledDoses(plans, { start: now, end: new Date(now.getTime() + DOSE_DAYS * DAY_MS) });
    const doseEvents = doses.flatMap((dose) => {
      const plan = byId.get(dose.planId);
      return plan ? [doseEvent(plan, dose)] : [];
    });
    return toICalendar([...events, ...doseEvents], { now, prodId: '-//Carnet//Abonnement agenda//FR' });
  }

  return {
    handles(path: string): boolean {
      return path === SUBSCRIPTION_PATH || path === RESET_PATH || path.startsWith('/calendar/');
    },

    async serve(
      req: IncomingMessage,
      res: ServerResponse,
      path: string,
      authenticate: () => Promise<Caller>,
    ): Promise<void> {
      const method = req.method ?? 'GET';
      if (path === SUBSCRIPTION_PATH || path === RESET_PATH) {
        if (method !== 'POST') throw new FhirHttpError(405, 'not-supported', 'Use POST');
        const caller = await authenticate();
        // Only the patient, for their own record: a professional has no calendar here.
        if (!caller.patientId || caller.practitionerId)
          throw new FhirHttpError(403, 'forbidden', 'Only a signed-in patient has a calendar subscription');
        const known = secretOf.get(caller.patientId);
        const secret = path === RESET_PATH || known === undefined ? issue(caller.patientId) : known;
        sendJson(res, 200, { url: urlOf(secret) }, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        return;
      }
      if (method !== 'GET' && method !== 'HEAD') throw new FhirHttpError(405, 'not-supported', 'Use GET');
      const secret = FEED_PATH.exec(path)?.[1];
      const patientId = secret === undefined ? undefined : patientOf.get(secret);
      if (patientId === undefined) throw notFound();
      const body = await calendarOf(patientId);
      res.statusCode = 200;
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Content-Disposition', 'inline; filename="carnet.ics"');
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.end(method === 'HEAD' ? undefined : body);
    },
  };
}

/** The calendar subscription routes (see {@link createCalendarFeed}). */
export type CalendarFeedRoutes = ReturnType<typeof createCalendarFeed>;
