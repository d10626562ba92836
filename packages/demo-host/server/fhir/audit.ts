import type { AuditEvent, AuditEventEntity } from '@medplum/fhirtypes';
import type { Caller } from './auth.js';

/** What was done to the patient's documents. */
export type AuditedAction = 'read' | 'search';

const REST_TYPE = {
  system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
  code: 'rest',
  display: 'RESTful Operation',
};
const SUBTYPES = {
  read: { system: 'http://hl7.org/fhir/restful-interaction', code: 'read', display: 'read' },
  search: { system: 'http://hl7.org/fhir/restful-interaction', code: 'search-type', display: 'search type' },
};

/**
 * Builds the AuditEvent left by each DocumentReference read or search ("who
 * opened my documents"): the patient as entity, the token's subject as agent.
 */
export function documentAccessEvent(
  caller: Caller,
  issuer: string,
  action: AuditedAction,
  documentIds: readonly string[],
): AuditEvent {
  const entities: AuditEventEntity[] = [
    {
      what: { reference: `Patient/${caller.patientId}` },
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1', display: 'Person' },
      role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1', display: 'Patient' },
    },
    ...documentIds.map((id) => ({
      what: { reference: `DocumentReference/${id}` },
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '2', display: 'System Object' },
    })),
  ];
  const fhirUserRef = caller.fhirUser
    ? /(?:^|\/)((?:Patient|Practitioner|RelatedPerson)\/[^/]+)$/.exec(caller.fhirUser)?.[1]
    : undefined;
  return {
    resourceType: 'AuditEvent',
    type: REST_TYPE,
    subtype: [SUBTYPES[action]],
    action: action === 'read' ? 'R' : 'E',
    recorded: new Date().toISOString(),
    outcome: '0',
    agent: [
      {
        who: {
          identifier: { system: issuer, value: caller.subject },
          ...(fhirUserRef ? { reference: fhirUserRef } : {}),
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
