import type { ScopeInteraction } from '../smart-scopes.js';

/** A FHIR resource as JSON. */
export type ResourceJson = Record<string, unknown> & { resourceType: string; id?: string };

/** How one resource type belongs to a patient, and what the server offers on it (search parameters: `search.ts`). */
export interface CompartmentRule {
  /** Interactions the server offers on this type. */
  interactions: readonly ScopeInteraction[];
  /** Reference search parameter naming the patient; absent when not searchable by patient. */
  patientParam?: string;
  /** Patient ids a resource of this type belongs to. */
  owners(resource: ResourceJson): string[];
  /** Puts a new resource in the patient's compartment when it names nobody. */
  assign?(resource: ResourceJson, patientId: string): void;
}

type Ref = { reference?: unknown } | undefined;

/** The patient id a reference points at, or undefined when it names another type. */
export function patientIdOf(reference: unknown): string | undefined {
  if (typeof reference !== 'string') return undefined;
  const match = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
  return match?.[1];
}

function refsOf(value: unknown): Ref[] {
  if (Array.isArray(value)) return value as Ref[];
  return value && typeof value === 'object' ? [value as Ref] : [];
}

function patientRefs(refs: Ref[]): string[] {
  return refs.map((ref) => patientIdOf(ref?.reference)).filter((id): id is string => Boolean(id));
}

const subjectRule = (interactions: readonly ScopeInteraction[]): CompartmentRule => ({
  interactions,
  patientParam: 'subject',
  owners: (resource) => patientRefs(refsOf(resource['subject'])),
  assign: (resource, patientId) => {
    resource['subject'] = { reference: `Patient/${patientId}` };
  },
});

const patientRule = (interactions: readonly ScopeInteraction[]): CompartmentRule => ({
  interactions,
  patientParam: 'patient',
  owners: (resource) => patientRefs(refsOf(resource['patient'])),
  assign: (resource, patientId) => {
    resource['patient'] = { reference: `Patient/${patientId}` };
  },
});

/** A `RelatedPerson` the patient keeps as an emergency contact: relationship coded v2-0131 `C`. */
function isEmergencyContact(resource: ResourceJson): boolean {
  const relationships = Array.isArray(resource['relationship']) ? (resource['relationship'] as unknown[]) : [];
  return relationships.some((relationship) => {
    const codings = (relationship as { coding?: unknown } | undefined)?.coding;
    return (
      Array.isArray(codings) &&
      codings.some(
        (coding: { system?: unknown; code?: unknown } | undefined) =>
          coding?.system === 'http://terminology.hl7.org/CodeSystem/v2-0131' && coding?.code === 'C',
      )
    );
  });
}

/** The resource types the demo server serves, with their compartment rules. */
export const COMPARTMENT_RULES: Readonly<Record<string, CompartmentRule>> = {
  Patient: {
    interactions: ['r', 's'],
    owners: (resource) => (typeof resource.id === 'string' ? [resource.id] : []),
  },
  DocumentReference: subjectRule(['c', 'r', 'u', 'd', 's']),
  MedicationRequest: subjectRule(['c', 'r', 'u', 'd', 's']),
  MedicationAdministration: subjectRule(['c', 'r', 'u', 'd', 's']),
  Communication: subjectRule(['c', 'r', 'u', 'd', 's']),
  // One per patient (seeded): the professionals she shares her record with; she edits its members.
  CareTeam: subjectRule(['r', 'u', 's']),
  Appointment: {
    interactions: ['c', 'r', 'u', 'd', 's'],
    patientParam: 'actor',
    owners: (resource) =>
      patientRefs(refsOf(resource['participant']).map((p) => (p as { actor?: Ref } | undefined)?.actor)),
    assign: (resource, patientId) => {
      const participants = Array.isArray(resource['participant']) ? (resource['participant'] as unknown[]) : [];
      resource['participant'] = [...participants, { actor: { reference: `Patient/${patientId}` }, status: 'accepted' }];
    },
  },
  AuditEvent: {
    interactions: ['r', 's'],
    patientParam: 'entity',
    owners: (resource) => patientRefs(refsOf(resource['entity']).map((e) => (e as { what?: Ref } | undefined)?.what)),
  },
  // A document's content: the patient adds her own (it belongs to her through securityContext) and reads it back.
  Binary: {
    interactions: ['c', 'r'],
    owners: (resource) => patientRefs(refsOf(resource['securityContext'])),
    assign: (resource, patientId) => {
      resource['securityContext'] = { reference: `Patient/${patientId}` };
    },
  },
  // The patient's grants to caregivers: she gives, reads and revokes them.
  Consent: {
    interactions: ['c', 'r', 'd', 's'],
    patientParam: 'patient',
    owners: (resource) => patientRefs(refsOf(resource['patient'])),
    assign: (resource, patientId) => {
      resource['patient'] = { reference: `Patient/${patientId}` };
    },
  },
  // The medical profile, kept by the patient herself.
  AllergyIntolerance: patientRule(['c', 'r', 'u', 'd', 's']),
  Condition: subjectRule(['c', 'r', 'u', 'd', 's']),
  Immunization: patientRule(['c', 'r', 'u', 'd', 's']),
  Observation: subjectRule(['c', 'r', 'u', 'd', 's']),
  RelatedPerson: {
    interactions: ['c', 'r', 'u', 'd', 's'],
    patientParam: 'patient',
    // Only emergency contacts belong to the patient: a caregiver's RelatedPerson is an
    // account's identity, which she must never change (it belongs to nobody here; the
    // caregivers she may give access to are a directory, read through the gateway's own rule).
    owners: (resource) => (isEmergencyContact(resource) ? patientRefs(refsOf(resource['patient'])) : []),
    assign: (resource, patientId) => {
      resource['patient'] = { reference: `Patient/${patientId}` };
    },
  },
  Practitioner: {
    interactions: ['r', 's'],
    // Practitioners belong to no patient; access goes through the care team.
    owners: () => [],
  },
};

/** True when every owner is this patient (and there is at least one). */
export function belongsTo(rule: CompartmentRule, resource: ResourceJson, patientId: string): boolean {
  const owners = rule.owners(resource);
  return owners.length > 0 && owners.every((owner) => owner === patientId);
}
