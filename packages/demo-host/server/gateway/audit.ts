import { MemoryRepository } from '@medplum/fhir-router';
import type { AuditEvent, AuditEventEntity } from '@medplum/fhirtypes';
import type { Caller } from './auth.js';
import { HIDDEN_FROM_PROFESSIONALS_LABEL } from '@carnet/catalog-sdk';

/** What was done, or tried, on the patient's record. */
export type AuditedAction = 'read' | 'search' | 'create' | 'update' | 'delete';

/** Largest number of resources one event lists; a bigger answer says how many in the patient entity. */
export const MAX_AUDIT_ENTITIES = 50;

const REST_TYPE = {
  system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
  code: 'rest',
  display: 'RESTful Operation',
};
const INTERACTION = 'http://hl7.org/fhir/restful-interaction';
const SUBTYPES = {
  read: { system: INTERACTION, code: 'read', display: 'read' },
  search: { system: INTERACTION, code: 'search-type', display: 'search type' },
  create: { system: INTERACTION, code: 'create', display: 'create' },
  update: { system: INTERACTION, code: 'update', display: 'update' },
  delete: { system: INTERACTION, code: 'delete', display: 'delete' },
};
const ACTIONS = { read: 'R', search: 'E', create: 'C', update: 'U', delete: 'D' } as const;
const ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';

/** One audited access: who, what, to whose record, and whether it was allowed. */
export interface AccessRecord {
  caller: Caller;
  action: AuditedAction;
  /** Patient whose trail receives the event. */
  owner: string;
  /** Resources returned or targeted, as `Type/id`. */
  resources: readonly string[];
  /** False for a refused attempt (recorded as a minor failure, `4`). */
  allowed: boolean;
  /** What was asked, when no resource says it (a refused search: its type). */
  detail?: string;
  /** Resources refused because the patient hid them from professionals (`Type/id`), labelled in the event. */
  hidden?: readonly string[];
}

/**
 * Builds the AuditEvent of one request ("who opened my documents"): the owner
 * patient as entity, the token's subject and client as agents, at most
 * `MAX_AUDIT_ENTITIES` resources.
 */
export function accessEvent(
  record: AccessRecord,
  issuer: string,
  nameOf: (reference: string) => string | undefined = () => undefined,
): AuditEvent {
  const { caller, action } = record;
  const listed = record.resources.slice(0, MAX_AUDIT_ENTITIES);
  const entities: AuditEventEntity[] = [
    {
      what: { reference: `Patient/${record.owner}` },
      type: { system: ENTITY_TYPE, code: '1', display: 'Person' },
      role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1', display: 'Patient' },
      ...(listed.length < record.resources.length
        ? { description: `${record.resources.length} resources, ${listed.length} listed` }
        : record.detail
          ? { description: record.detail }
          : {}),
    },
    ...listed.map((reference) => ({
      what: { reference },
      type: { system: ENTITY_TYPE, code: '2', display: 'System Object' },
      // The patient reads it as « n'a pas pu l'ouvrir : document masqué ».
      ...(record.hidden?.includes(reference) ? { securityLabel: [{ ...HIDDEN_FROM_PROFESSIONALS_LABEL }] } : {}),
    })),
  ];
  const fhirUserRef = caller.fhirUser
    ? /(?:^|\/)((?:Patient|Practitioner|RelatedPerson)\/[^/]+)$/.exec(caller.fhirUser)?.[1]
    : undefined;
  // The name the patient knows the person by (a caregiver, a professional), never a health detail.
  const display = fhirUserRef ? nameOf(fhirUserRef) : undefined;
  return {
    resourceType: 'AuditEvent',
    type: REST_TYPE,
    subtype: [SUBTYPES[action]],
    action: ACTIONS[action],
    recorded: new Date().toISOString(),
    outcome: record.allowed ? '0' : '4',
    ...(record.allowed
      ? {}
      : {
          outcomeDesc: record.hidden?.length
            ? 'Refused: hidden from professionals by the patient'
            : 'Refused: outside the caller’s access',
        }),
    agent: [
      {
        who: {
          identifier: { system: issuer, value: caller.subject },
          ...(fhirUserRef ? { reference: fhirUserRef } : {}),
          ...(display ? { display } : {}),
        },
        requestor: true,
      },
      ...(caller.clientId
        ? [{ who: { identifier: { system: `${issuer}/clients`, value: caller.clientId } }, requestor: false }]
        : []),
    ],
    source: { observer: { display: 'Carnet demo FHIR server' } },
    entity: entities,
  };
}

/**
 * The access trails, one store per patient: an AuditEvent is written to its
 * owner's store only, so searching one's own trail (Medplum's in-memory search
 * scans a type's resources) costs the same however long other trails grow.
 */
export class AuditTrails {
  readonly #stores = new Map<string, MemoryRepository>();
  readonly #counts = new Map<string, number>();
  readonly #issuer: string;
  readonly #nameOf: ((reference: string) => string | undefined) | undefined;

  /**
   * @param issuer the token issuer, naming agents' identifiers
   * @param nameOf display name of a person (`RelatedPerson/x`, `Practitioner/x`), written in the events
   */
  constructor(issuer: string, nameOf?: (reference: string) => string | undefined) {
    this.#issuer = issuer;
    this.#nameOf = nameOf;
  }

  /** The patient's own store (created empty on first use). */
  storeOf(patientId: string): MemoryRepository {
    let store = this.#stores.get(patientId);
    if (!store) {
      store = new MemoryRepository();
      this.#stores.set(patientId, store);
    }
    return store;
  }

  /** Writes one event to its owner's trail. */
  async record(access: AccessRecord): Promise<void> {
    await this.storeOf(access.owner).createResource(accessEvent(access, this.#issuer, this.#nameOf));
    this.#counts.set(access.owner, (this.#counts.get(access.owner) ?? 0) + 1);
  }

  /** Number of events in a patient's trail. */
  size(patientId: string): number {
    return this.#counts.get(patientId) ?? 0;
  }
}
