/**
 * CaregiverGrant ↔ FHIR R4 `Consent` (patient-privacy, opt-in): the caregiver is
 * the one `provision.actor` (a `RelatedPerson`), `provision.period.end` is when
 * the access ends, and each part shared is a nested permit provision whose
 * `class` names the part and whose `action` is `access` (read) or `access` and
 * `correct` (read-write). A grant is active while `status` is `active`.
 * The demo platform's gateway reads grants with these same mappers.
 */
import type { Consent, ConsentProvision } from '@medplum/fhirtypes';
import {
  RECORD_PARTS,
  type AccessLevel,
  type CaregiverGrant,
  type GrantedParts,
  type NewCaregiverGrant,
  type RecordPart,
} from '../sharing.js';
import {
  isObject,
  optionalArray,
  optionalInstant,
  optionalString,
  readResource,
  requireId,
  requireInstant,
  requireObject,
  requireReferenceId,
  requireVersion,
  withoutUndefined,
} from './read.js';
import { RECORD_PART_SYSTEM } from './urls.js';

const RT = 'Consent';
const CONSENT_ACTION = 'http://terminology.hl7.org/CodeSystem/consentaction';

/** Nested provisions of the parts, in the order of {@link RECORD_PARTS}. */
function partProvisions(parts: GrantedParts): ConsentProvision[] {
  return RECORD_PARTS.flatMap((part) => {
    const level = parts[part];
    if (!level) return [];
    const actions = level === 'write' ? ['access', 'correct'] : ['access'];
    return [
      {
        type: 'permit' as const,
        class: [{ system: RECORD_PART_SYSTEM, code: part }],
        action: actions.map((code) => ({ coding: [{ system: CONSENT_ACTION, code }] })),
      },
    ];
  });
}

/** Builds the Consent of a new grant, given at `now` by `patientId`. */
export function caregiverGrantToConsent(
  grant: NewCaregiverGrant,
  context: { patientId: string; now: string },
): Consent {
  return {
    resourceType: RT,
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
    patient: { reference: `Patient/${context.patientId}` },
    dateTime: context.now,
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    provision: {
      type: 'permit',
      period: { start: context.now, ...(grant.until ? { end: grant.until } : {}) },
      actor: [
        {
          role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'CAREGIVER' }] },
          reference: {
            reference: `RelatedPerson/${grant.caregiverId}`,
            ...(grant.caregiverName ? { display: grant.caregiverName } : {}),
          },
        },
      ],
      provision: partProvisions(grant.parts),
    },
  };
}

/** The level a nested provision gives, from its actions. */
function levelOf(path: string, provision: Record<string, unknown>): AccessLevel | undefined {
  const codes = optionalArray(`${path}.action`, provision.action)
    .filter(isObject)
    .flatMap((action) => optionalArray(`${path}.action.coding`, action.coding).filter(isObject))
    .filter((coding) => coding.system === CONSENT_ACTION)
    .map((coding) => coding.code);
  if (codes.includes('correct')) return 'write';
  return codes.includes('access') ? 'read' : undefined;
}

/**
 * Reads a grant. Parts of unknown codes and deny provisions are ignored: a grant
 * never opens more than it names.
 *
 * @throws MappingError when the patient, the caregiver or the start is missing or malformed
 */
export function consentToCaregiverGrant(resource: unknown): CaregiverGrant {
  const r = readResource(resource, RT);
  const provision = requireObject(`${RT}.provision`, r.provision);
  const actors = optionalArray(`${RT}.provision.actor`, provision.actor).filter(isObject);
  const actor = requireObject(`${RT}.provision.actor[0]`, actors[0]);
  const period = isObject(provision.period) ? provision.period : {};
  const parts: GrantedParts = {};
  if (provision.type === 'permit') {
    for (const [i, nested] of optionalArray(`${RT}.provision.provision`, provision.provision).entries()) {
      if (!isObject(nested) || nested.type !== 'permit') continue;
      const path = `${RT}.provision.provision[${i}]`;
      const level = levelOf(path, nested);
      for (const coding of optionalArray(`${path}.class`, nested.class).filter(isObject)) {
        const part = coding.code as RecordPart;
        if (coding.system === RECORD_PART_SYSTEM && RECORD_PARTS.includes(part) && level) {
          parts[part] = parts[part] === 'write' ? 'write' : level;
        }
      }
    }
  }
  const reference = isObject(actor.reference) ? actor.reference : {};
  return withoutUndefined<CaregiverGrant>({
    id: requireId(r, RT),
    caregiverId: requireReferenceId(`${RT}.provision.actor[0].reference`, actor.reference, 'RelatedPerson'),
    caregiverName: optionalString(`${RT}.provision.actor[0].reference.display`, reference.display),
    patientId: requireReferenceId(`${RT}.patient`, r.patient, 'Patient'),
    parts,
    start: requireInstant(`${RT}.provision.period.start`, period.start ?? r.dateTime),
    until: optionalInstant(`${RT}.provision.period.end`, period.end),
    version: requireVersion(r, RT),
  });
}

/** True when the Consent is in force (`status` active). */
export function isActiveConsent(resource: unknown): boolean {
  return isObject(resource) && resource.resourceType === RT && resource.status === 'active';
}
