/**
 * What a caregiver (a token with `fhirUser = RelatedPerson/<id>` and no patient)
 * may see and change: only the parts of a record a patient granted them in a
 * `Consent` in force (read at every request, so a revocation or an expiry takes
 * effect at once), at the level granted (read, or read-write).
 */
import {
  RECORD_PARTS,
  consentToCaregiverGrant,
  grantAllows,
  isActiveConsent,
  recordPartOf,
  type AccessLevel,
  type CaregiverGrant,
  type RecordPart,
} from '@carnet/catalog-sdk';
import { FhirHttpError } from '../fhir/http.js';
import { COMPARTMENT_RULES, type ResourceJson } from './compartment.js';

/** One request's view of a caregiver: the grants in force now, by patient. */
export interface CaregiverView {
  relatedPersonId: string;
  /** Grants in force, by patient id (a patient may have given several). */
  grants: ReadonlyMap<string, readonly CaregiverGrant[]>;
  /** The instant the view was computed at (expiry is judged against it). */
  now: string;
  /** Binary ids holding the content of documents the granting patients hid (set by the gateway). */
  hiddenContents?: ReadonlySet<string>;
}

/** Builds the view from the stored Consents naming the caregiver. */
export function caregiverView(relatedPersonId: string, consents: readonly ResourceJson[], now: string): CaregiverView {
  const grants = new Map<string, CaregiverGrant[]>();
  for (const consent of consents) {
    if (!isActiveConsent(consent)) continue;
    let grant: CaregiverGrant;
    try {
      grant = consentToCaregiverGrant(consent);
    } catch {
      continue; // A malformed Consent opens nothing.
    }
    if (grant.caregiverId !== relatedPersonId) continue;
    if (!RECORD_PARTS.some((part) => grantAllows(grant, part, 'read', now))) continue;
    grants.set(grant.patientId, [...(grants.get(grant.patientId) ?? []), grant]);
  }
  return { relatedPersonId, grants, now };
}

/** True when a grant of this patient opens the part at this level now. */
export function caregiverMay(view: CaregiverView, patientId: string, part: RecordPart, level: AccessLevel): boolean {
  return (view.grants.get(patientId) ?? []).some((grant) => grantAllows(grant, part, level, view.now));
}

/** Patients a resource belongs to. */
const ownersOf = (resource: ResourceJson): string[] => COMPARTMENT_RULES[resource.resourceType]?.owners(resource) ?? [];

/**
 * True when the caregiver may act on this resource at this level: every owner
 * granted its part. The patient's own `Patient` resource is readable with any
 * grant (to show whose record it is); her grants naming the caregiver too.
 */
export function caregiverMayAccess(view: CaregiverView, resource: ResourceJson, level: AccessLevel): boolean {
  const id = resource.id ?? '';
  if (resource.resourceType === 'RelatedPerson') return level === 'read' && id === view.relatedPersonId;
  if (resource.resourceType === 'Patient') return level === 'read' && view.grants.has(id);
  if (resource.resourceType === 'Consent') {
    const owner = ownersOf(resource)[0] ?? '';
    return level === 'read' && (view.grants.get(owner) ?? []).some((grant) => grant.id === id);
  }
  const part = recordPartOf(resource.resourceType);
  const owners = ownersOf(resource);
  return part !== undefined && owners.length > 0 && owners.every((owner) => caregiverMay(view, owner, part, level));
}

/** Types a caregiver may never reach, whatever the grants: the trail, the sharing settings. */
export const CAREGIVER_CLOSED_TYPES: ReadonlySet<string> = new Set(['AuditEvent', 'CareTeam']);

/**
 * The patient a caregiver's search names (`patient=` or the type's reference
 * parameter), or 400 when it names none or several: a caregiver always says
 * whose record they are in.
 */
export function patientOfCaregiverSearch(query: URLSearchParams, patientParam: string | undefined): string {
  const names = new Set(['patient', ...(patientParam ? [patientParam] : [])]);
  const named = [...query]
    .filter(([name]) => names.has(name))
    .flatMap(([, value]) => value.split(','))
    .map((value) => /^(?:.*\/)?Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(value)?.[1] ?? value);
  const unique = [...new Set(named)];
  if (unique.length !== 1 || !unique[0])
    throw new FhirHttpError(400, 'required', 'A caregiver names the one patient whose record they search');
  return unique[0];
}
