/**
 * AgendaEvent ↔ FHIR R4 `Appointment` + Carnet extensions.
 */
import type { Appointment, AppointmentParticipant } from '@medplum/fhirtypes';
import { AGENDA_EVENT_KINDS, type AgendaEvent, type AgendaEventKind } from '../agenda.js';
import { DEFAULT_TIME_ZONE } from '../common.js';
import { readExdates, readOverrides, readReminders, seriesExtensions } from './agenda-series.js';
import { ExtensionReader, booleanExtension, referenceExtension, stringExtension } from './extensions.js';
import { patientReference, type FhirPatientContext } from './patient.js';
import {
  fail,
  isFhirId,
  isLocalDateTime,
  isObject,
  nonEmpty,
  optionalArray,
  optionalObject,
  optionalString,
  readResource,
  referenceTo,
  requireCode,
  requireId,
  requireInstant,
  requireString,
  requireVersion,
  withoutUndefined,
} from './read.js';
import {
  AGENDA_EVENT_KIND_SYSTEM,
  ALL_DAY_EXTENSION_URL,
  MEDICATION_PLAN_EXTENSION_URL,
  RECURRENCE_RULE_EXTENSION_URL,
  TIME_ZONE_EXTENSION_URL,
  WALL_CLOCK_END_EXTENSION_URL,
  WALL_CLOCK_START_EXTENSION_URL,
} from './urls.js';
import { instantToZoned, isKnownTimeZone, zonedToInstant } from '../../time/zone.js';

const RT = 'Appointment';

/**
 * Reads an `Appointment` as an agenda event.
 *
 * - wall-clock `start`/`end` come from our extensions; without them (an
 *   appointment booked elsewhere) they are derived from the `start`/`end` instants
 *   in the event's zone. When both exist the extensions win: they keep 09:00 at
 *   09:00 across DST, the instants only describe the first occurrence.
 * - `start` is required even when the extensions are present (FHIR booked appointments
 *   have one); `end` is required unless the wall-clock end extension is present.
 * - time zone: our extension, else `Europe/Paris`.
 * - kind: `appointmentType` coding in {@link AGENDA_EVENT_KIND_SYSTEM}; none reads as
 *   `appointment`, an unknown code is an error.
 * - location / practitioner: `participant[].actor.display` of a Location / Practitioner actor.
 *
 * @throws MappingError naming the field when the resource is malformed
 */
export function appointmentToAgendaEvent(resource: Appointment): AgendaEvent {
  const r = readResource(resource, RT);
  const id = requireId(r, RT);
  const version = requireVersion(r, RT);
  const extensions = new ExtensionReader(RT, r.extension);
  const timeZone = extensions.string(TIME_ZONE_EXTENSION_URL) ?? DEFAULT_TIME_ZONE;
  if (!isKnownTimeZone(timeZone)) fail(`${RT}.extension[time-zone].valueString`, 'is not an IANA time zone');
  const startInstant = requireInstant(`${RT}.start`, r.start);
  const endInstant = r.end === undefined ? undefined : requireInstant(`${RT}.end`, r.end);
  const start =
    extensions.localDateTime(WALL_CLOCK_START_EXTENSION_URL) ?? instantToZoned(new Date(startInstant), timeZone);
  const end =
    extensions.localDateTime(WALL_CLOCK_END_EXTENSION_URL) ??
    (endInstant === undefined ? fail(`${RT}.end`, 'is missing') : instantToZoned(new Date(endInstant), timeZone));
  const planId = extensions.referenceId(MEDICATION_PLAN_EXTENSION_URL, 'MedicationRequest');
  return withoutUndefined<AgendaEvent>({
    id,
    title: requireString(`${RT}.description`, r.description),
    kind: readKind(r.appointmentType),
    start,
    end,
    timeZone,
    allDay: extensions.boolean(ALL_DAY_EXTENSION_URL),
    location: readActorDisplay(r.participant, 'Location'),
    practitioner: readActorDisplay(r.participant, 'Practitioner'),
    rrule: extensions.string(RECURRENCE_RULE_EXTENSION_URL),
    exdates: readExdates(extensions),
    overrides: readOverrides(extensions),
    reminders: readReminders(extensions),
    notes: optionalString(`${RT}.comment`, r.comment),
    medicationPlanId: planId,
    version,
  });
}

/** Kind from the `appointmentType` coding in our code system. */
function readKind(type: unknown): AgendaEventKind {
  const concept = optionalObject(`${RT}.appointmentType`, type);
  for (const [index, coding] of optionalArray(`${RT}.appointmentType.coding`, concept?.coding).entries()) {
    const path = `${RT}.appointmentType.coding[${index}]`;
    if (!isObject(coding)) fail(path, 'is not an object');
    if (coding.system === AGENDA_EVENT_KIND_SYSTEM) return requireCode(`${path}.code`, coding.code, AGENDA_EVENT_KINDS);
  }
  return 'appointment';
}

/** Display of the first participant whose actor is of `actorType` (by `type` or reference). */
function readActorDisplay(participants: unknown, actorType: 'Location' | 'Practitioner'): string | undefined {
  for (const [index, participant] of optionalArray(`${RT}.participant`, participants).entries()) {
    const path = `${RT}.participant[${index}]`;
    if (!isObject(participant)) fail(path, 'is not an object');
    const actor = optionalObject(`${path}.actor`, participant.actor);
    if (!actor) continue;
    const reference = typeof actor.reference === 'string' ? actor.reference : '';
    if (actor.type === actorType || reference.startsWith(`${actorType}/`)) {
      const display = optionalString(`${path}.actor.display`, actor.display);
      if (display !== undefined) return display;
    }
  }
  return undefined;
}

/**
 * Writes an agenda event as a booked `Appointment`. `start`/`end` are the instants
 * of the first occurrence (wall clock in the event's zone, DST resolved); the
 * wall-clock times, zone, rule, exdates, overrides and reminders travel in extensions.
 * An empty `id` or `version` is left out (the server assigns them).
 *
 * @throws MappingError when a time, the zone, the kind or an id is not valid
 */
export function agendaEventToAppointment(event: AgendaEvent, context: FhirPatientContext): Appointment {
  if (event.id !== '' && !isFhirId(event.id)) fail('AgendaEvent.id', 'is not a valid FHIR id');
  if (!isKnownTimeZone(event.timeZone)) fail('AgendaEvent.timeZone', 'is not an IANA time zone');
  if (!isLocalDateTime(event.start)) fail('AgendaEvent.start', 'is not a wall-clock date-time YYYY-MM-DDTHH:mm:ss');
  if (!isLocalDateTime(event.end)) fail('AgendaEvent.end', 'is not a wall-clock date-time YYYY-MM-DDTHH:mm:ss');
  if (!AGENDA_EVENT_KINDS.includes(event.kind)) fail('AgendaEvent.kind', 'is not a known code');
  const participant: AppointmentParticipant[] = [{ actor: patientReference(context.patientId), status: 'accepted' }];
  if (event.practitioner !== undefined) {
    participant.push({
      actor: { type: 'Practitioner', display: requireString('AgendaEvent.practitioner', event.practitioner) },
      status: 'accepted',
    });
  }
  if (event.location !== undefined) {
    participant.push({
      actor: { type: 'Location', display: requireString('AgendaEvent.location', event.location) },
      status: 'accepted',
    });
  }
  const plan =
    event.medicationPlanId === undefined
      ? undefined
      : referenceTo('AgendaEvent.medicationPlanId', 'MedicationRequest', event.medicationPlanId);
  const extension = nonEmpty([
    stringExtension(TIME_ZONE_EXTENSION_URL, event.timeZone),
    stringExtension(WALL_CLOCK_START_EXTENSION_URL, event.start),
    stringExtension(WALL_CLOCK_END_EXTENSION_URL, event.end),
    booleanExtension(ALL_DAY_EXTENSION_URL, event.allDay),
    stringExtension(
      RECURRENCE_RULE_EXTENSION_URL,
      event.rrule === undefined ? undefined : requireString('AgendaEvent.rrule', event.rrule),
    ),
    ...seriesExtensions(event.exdates, event.overrides, event.reminders),
    referenceExtension(MEDICATION_PLAN_EXTENSION_URL, plan),
  ]);
  return withoutUndefined<Appointment>({
    resourceType: RT,
    id: event.id || undefined,
    meta: event.version ? { versionId: event.version } : undefined,
    extension,
    status: 'booked',
    appointmentType: { coding: [{ system: AGENDA_EVENT_KIND_SYSTEM, code: event.kind }] },
    description: requireString('AgendaEvent.title', event.title),
    start: zonedToInstant(event.start, event.timeZone).toISOString(),
    end: zonedToInstant(event.end, event.timeZone).toISOString(),
    comment: event.notes === undefined ? undefined : requireString('AgendaEvent.notes', event.notes),
    participant,
  });
}
