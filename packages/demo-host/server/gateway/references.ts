import { FhirHttpError } from '../fhir/http.js';
import { COMPARTMENT_RULES, belongsTo, type ResourceJson } from './compartment.js';

/** A resource a written reference points at. */
export interface ReferenceTarget {
  type: string;
  id: string;
}

/**
 * A further place a patient's writes may point at, beyond their own record and
 * their care team: a shared space they belong to (next: a community `Group`, a
 * `Consent` granting a caregiver). Returns true to allow the target.
 */
export type SharedTargetPolicy = (patientId: string, target: ReferenceTarget) => boolean | Promise<boolean>;

/** What the reference check needs to know. */
export interface ReferencePolicyOptions {
  fhirBaseUrl: string;
  careTeamOf(patientId: string): ReadonlySet<string>;
  /** The stored resource, or undefined when there is none. */
  lookup(type: string, id: string): Promise<ResourceJson | undefined>;
  /** Shared spaces; none yet. */
  sharedTargets?: readonly SharedTargetPolicy[];
}

const ID = '[A-Za-z0-9\\-.]{1,64}';
const RELATIVE = new RegExp(`^([A-Z][A-Za-z]{1,63})/(${ID})(?:/_history/${ID})?$`);

/** Every `reference` string in a resource, wherever it sits (subject, payload, relatesTo.target …). */
export function referencesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'reference' && typeof child === 'string') found.push(child);
      else referencesIn(child, found);
    }
  }
  return found;
}

/** Every `attachment.url` of a `DocumentReference`'s content. */
export function attachmentUrlsIn(resource: ResourceJson): string[] {
  if (resource.resourceType !== 'DocumentReference' || !Array.isArray(resource['content'])) return [];
  return (resource['content'] as { attachment?: { url?: unknown } }[])
    .map((item) => item?.attachment?.url)
    .filter((url): url is string => typeof url === 'string');
}

/** The same answer for another patient's resource and for an id that does not exist. */
function refused(): FhirHttpError {
  return new FhirHttpError(422, 'processing', 'A reference points outside what the patient may refer to');
}

/**
 * Builds the check of references a patient writes: each must point at the
 * patient, one of their own resources, a practitioner of their care team, or a
 * shared space a `SharedTargetPolicy` allows. Anything else (another patient,
 * their resources, ids that do not exist, other servers) is refused with 422,
 * the same answer in every case. Contained references (`#x`) stay inside the body.
 */
export function createReferencePolicy(
  options: ReferencePolicyOptions,
): (patientId: string, resource: ResourceJson) => Promise<void> {
  const base = `${options.fhirBaseUrl.replace(/\/$/, '')}/`;
  const shared = options.sharedTargets ?? [];

  async function allowed(patientId: string, target: ReferenceTarget, resource: ResourceJson): Promise<boolean> {
    if (target.type === 'Patient' && target.id === patientId) return true;
    if (target.type === 'Practitioner' && options.careTeamOf(patientId).has(target.id)) return true;
    // Her care team is the patient's choice: any professional of the directory may join it.
    if (target.type === 'Practitioner' && resource.resourceType === 'CareTeam')
      return Boolean(await options.lookup('Practitioner', target.id));
    const rule = COMPARTMENT_RULES[target.type];
    // AuditEvents are the server's, never something a patient points at.
    if (rule && target.type !== 'AuditEvent' && target.type !== 'Patient' && target.type !== 'Practitioner') {
      const stored = await options.lookup(target.type, target.id);
      if (stored && belongsTo(rule, stored, patientId)) return true;
    }
    for (const policy of shared) if (await policy(patientId, target)) return true;
    return false;
  }

  return async (patientId, resource) => {
    // An attachment is fetched by whoever may read the document (a professional it was sent to):
    // it must be the patient's own Binary on this server, never another's content or another host.
    for (const url of new Set(attachmentUrlsIn(resource))) {
      const relative = url.startsWith(base) ? url.slice(base.length) : url;
      const match = RELATIVE.exec(relative);
      if (!match || match[1] !== 'Binary') throw refused();
      if (!(await allowed(patientId, { type: 'Binary', id: match[2] ?? '' }, resource))) throw refused();
    }
    for (const reference of new Set(referencesIn(resource))) {
      if (reference.startsWith('#')) continue;
      const relative = reference.startsWith(base) ? reference.slice(base.length) : reference;
      const match = RELATIVE.exec(relative);
      if (!match) throw refused();
      const [, type = '', id = ''] = match;
      if (!(await allowed(patientId, { type, id }, resource))) throw refused();
    }
  };
}
