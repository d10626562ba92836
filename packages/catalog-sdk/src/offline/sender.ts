/**
 * Sends one outbox entry to the FHIR server, idempotently:
 * - a creation carries a client-assigned identifier; once an attempt may have
 *   reached the server (`sentBefore`), it is looked up by it before being
 *   posted again, so a retry after a lost answer finds the first one;
 * - an update carries the change's id in an extension, so a retry whose
 *   `If-Match` fails because the first attempt went through recognises its own write;
 * - a deletion that finds nothing was already done.
 * Only the outbox's single sender (one tab, under a lock) calls this, in order.
 */
import type {
  Appointment,
  DocumentReference,
  Extension,
  Identifier,
  MedicationAdministration,
  MedicationRequest,
  Resource,
} from '@medplum/fhirtypes';
import { ConflictError, NotFoundError, ValidationError } from '../errors/errors.js';
import type { FhirClient } from '../fhir/fhir-client.js';
import type { IntakeRecord } from '../model/medication.js';
import { CARNET_FHIR_BASE } from '../model/common.js';
import {
  agendaEventToAppointment,
  appointmentToAgendaEvent,
  documentReferenceToHealthDocument,
  intakeToMedicationAdministration,
  medicationAdministrationToIntake,
  medicationRequestToPlan,
  planToMedicationRequest,
} from '../model/fhir/index.js';
import { versionOf } from '../sources/fhir/fhir-context.js';
import { applyDocumentChanges } from '../sources/fhir/fhir-documents.js';
import { INTAKE_IDENTIFIER_SYSTEM, scheduledDoseIdentifier } from '../sources/fhir/fhir-medications.js';
import type { OutboxEntry } from './store.js';

/** Identifier system of a record created on a device, before the server named it. */
export const CLIENT_RECORD_SYSTEM = `${CARNET_FHIR_BASE}/NamingSystem/client-record`;
/** Extension naming the last change a Carnet device made to a resource (its outbox id). */
export const CLIENT_CHANGE_EXTENSION_URL = `${CARNET_FHIR_BASE}/StructureDefinition/client-change`;

/** What became of one sent entry. */
export type SendOutcome =
  | { kind: 'done'; value?: { id: string; version: string } }
  | { kind: 'conflict'; reason: 'changed' | 'deleted'; theirs?: { id: string; version: string } };

/** What the sender needs. */
export interface SenderContext {
  client: FhirClient;
  patientId: string;
}

type Marked = Resource & { extension?: Extension[]; identifier?: Identifier[] };

function mark<T extends Marked>(resource: T, opId: string, clientId?: string): T {
  const extension = (resource.extension ?? []).filter((e) => e.url !== CLIENT_CHANGE_EXTENSION_URL);
  extension.push({ url: CLIENT_CHANGE_EXTENSION_URL, valueString: opId });
  const next = { ...resource, extension };
  if (clientId !== undefined) {
    const identifier = (resource.identifier ?? []).filter((i) => i.system !== CLIENT_RECORD_SYSTEM);
    identifier.push({ system: CLIENT_RECORD_SYSTEM, value: clientId });
    next.identifier = identifier;
  }
  return next;
}

function isOurs(resource: Marked, opId: string): boolean {
  return (resource.extension ?? []).some((e) => e.url === CLIENT_CHANGE_EXTENSION_URL && e.valueString === opId);
}

async function readOrUndefined<T extends Resource>(
  context: SenderContext,
  type: T['resourceType'],
  id: string,
): Promise<T | undefined> {
  try {
    return versionOf(await context.client.read<T>(type, id));
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

async function conditionalUpdate<T extends Marked, D extends { id: string; version: string }>(
  context: SenderContext,
  resource: T,
  entry: OutboxEntry,
  ifMatch: string | undefined,
  toDomain: (resource: T) => D,
): Promise<SendOutcome> {
  if (ifMatch === undefined) throw new ValidationError('baseVersion', 'is unknown: the change cannot be sent safely');
  try {
    const updated = await context.client.update(mark(resource, entry.opId), { ifMatch });
    return { kind: 'done', value: toDomain(versionOf(updated)) };
  } catch (error) {
    if (error instanceof NotFoundError) return { kind: 'conflict', reason: 'deleted' };
    if (!(error instanceof ConflictError)) throw error;
    const current = await readOrUndefined<T>(context, resource.resourceType, resource.id ?? '');
    if (current === undefined) return { kind: 'conflict', reason: 'deleted' };
    // Our own earlier attempt went through and only its answer was lost.
    if (isOurs(current, entry.opId)) return { kind: 'done', value: toDomain(current) };
    return { kind: 'conflict', reason: 'changed', theirs: toDomain(current) };
  }
}

async function conditionalDelete<T extends Marked, D extends { id: string; version: string }>(
  context: SenderContext,
  type: T['resourceType'],
  id: string,
  ifMatch: string | undefined,
  toDomain: (resource: T) => D,
): Promise<SendOutcome> {
  if (ifMatch === undefined) throw new ValidationError('baseVersion', 'is unknown: the deletion cannot be sent safely');
  try {
    await context.client.delete(type, id, { ifMatch });
    return { kind: 'done' };
  } catch (error) {
    // Already gone (maybe by our own attempt whose answer was lost): done.
    if (error instanceof NotFoundError) return { kind: 'done' };
    if (!(error instanceof ConflictError)) throw error;
    const current = await readOrUndefined<T>(context, type, id);
    if (current === undefined) return { kind: 'done' };
    return { kind: 'conflict', reason: 'changed', theirs: toDomain(current) };
  }
}

function sameIntake(a: IntakeRecord, b: IntakeRecord): boolean {
  return a.status === b.status && a.takenAt === b.takenAt && a.reason === b.reason && a.note === b.note;
}

/**
 * Sends one entry. Rejects with the client's error when the server could not
 * be reached or refused the change (the caller decides: retry later or conflict).
 */
export async function sendEntry(
  context: SenderContext,
  entry: OutboxEntry,
  ifMatch: string | undefined,
): Promise<SendOutcome> {
  const { client, patientId } = context;
  const { op } = entry;
  switch (op.kind) {
    case 'agenda.create': {
      // Only an attempt that may have reached the server needs the lookup.
      if (entry.sentBefore === true) {
        const found = await client.search<Appointment>('Appointment', {
          patient: patientId,
          identifier: `${CLIENT_RECORD_SYSTEM}|${entry.recordId}`,
        });
        const existing = found.resources[0];
        if (existing !== undefined) return { kind: 'done', value: appointmentToAgendaEvent(existing) };
      }
      const resource = agendaEventToAppointment({ ...op.event, id: '', version: '' }, { patientId });
      const created = await client.create(mark(resource, entry.opId, entry.recordId));
      return { kind: 'done', value: appointmentToAgendaEvent(versionOf(created)) };
    }
    case 'agenda.update': {
      const resource = agendaEventToAppointment({ ...op.event, id: entry.recordId }, { patientId });
      return conditionalUpdate(context, resource, entry, ifMatch, appointmentToAgendaEvent);
    }
    case 'agenda.delete':
      return conditionalDelete<Appointment, ReturnType<typeof appointmentToAgendaEvent>>(
        context,
        'Appointment',
        entry.recordId,
        ifMatch,
        appointmentToAgendaEvent,
      );
    case 'intake.record': {
      const record = op.record;
      const plan = await readOrUndefined<MedicationRequest>(context, 'MedicationRequest', record.planId);
      if (plan === undefined) return { kind: 'conflict', reason: 'deleted' };
      const doseId = scheduledDoseIdentifier(record.planId, record.scheduledAt);
      const found = await client.search<MedicationAdministration>('MedicationAdministration', {
        patient: patientId,
        identifier: `${INTAKE_IDENTIFIER_SYSTEM}|${doseId}`,
      });
      const existing = found.resources[0];
      if (existing !== undefined) {
        const theirs = medicationAdministrationToIntake(existing);
        if (isOurs(existing, entry.opId) || sameIntake(theirs, record)) return { kind: 'done', value: theirs };
        return { kind: 'conflict', reason: 'changed', theirs };
      }
      const resource = intakeToMedicationAdministration(
        { ...record, id: '', version: '' },
        { patientId, medication: medicationRequestToPlan(plan).medication },
      );
      resource.identifier = [{ system: INTAKE_IDENTIFIER_SYSTEM, value: doseId }];
      const created = await client.create(mark(resource, entry.opId, entry.recordId));
      return { kind: 'done', value: medicationAdministrationToIntake(versionOf(created)) };
    }
    case 'intake.update': {
      const record = { ...op.record, id: entry.recordId };
      const plan = await readOrUndefined<MedicationRequest>(context, 'MedicationRequest', record.planId);
      if (plan === undefined) return { kind: 'conflict', reason: 'deleted' };
      const resource = intakeToMedicationAdministration(record, {
        patientId,
        medication: medicationRequestToPlan(plan).medication,
      });
      resource.identifier = [
        { system: INTAKE_IDENTIFIER_SYSTEM, value: scheduledDoseIdentifier(record.planId, record.scheduledAt) },
      ];
      return conditionalUpdate(context, resource, entry, ifMatch, medicationAdministrationToIntake);
    }
    case 'intake.delete':
      return conditionalDelete<MedicationAdministration, IntakeRecord>(
        context,
        'MedicationAdministration',
        entry.recordId,
        ifMatch,
        medicationAdministrationToIntake,
      );
    case 'document.update': {
      const current = await readOrUndefined<DocumentReference>(context, 'DocumentReference', entry.recordId);
      if (current === undefined) return { kind: 'conflict', reason: 'deleted' };
      if (isOurs(current, entry.opId)) return { kind: 'done', value: documentReferenceToHealthDocument(current) };
      return conditionalUpdate(
        context,
        applyDocumentChanges(current, op.changes),
        entry,
        ifMatch,
        documentReferenceToHealthDocument,
      );
    }
    case 'plan.update': {
      const resource = planToMedicationRequest({ ...op.plan, id: entry.recordId }, { patientId });
      return conditionalUpdate(context, resource, entry, ifMatch, medicationRequestToPlan);
    }
  }
}
