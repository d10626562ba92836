/**
 * Access given to caregivers on a FHIR server: `Consent` resources in the
 * patient's compartment (see `model/fhir/consent.ts`), the caregivers she knows
 * as `RelatedPerson`s. The server enforces each grant at every request.
 */
import type { Consent, HumanName, Patient, RelatedPerson } from '@medplum/fhirtypes';
import { caregiverGrantToConsent, consentToCaregiverGrant, isActiveConsent } from '../../model/fhir/consent.js';
import type {
  Caregiver,
  CaregiverGrant,
  GrantedParts,
  HelpedPatient,
  NewCaregiverGrant,
  RecordPart,
} from '../../model/sharing.js';
import { RECORD_PARTS } from '../../model/sharing.js';
import type { SharingRepository } from '../data-source.js';
import { patientIdOf, versionOf, type FhirSourceContext } from './fhir-context.js';

/** « Given Family » of the first name, else the fallback. */
function displayName(names: readonly HumanName[] | undefined, fallback: string): string {
  const name = names?.[0];
  if (!name) return fallback;
  const text = name.text ?? [...(name.given ?? []), name.family ?? ''].join(' ').trim();
  return text || fallback;
}

/** The widest of two levels for each part (a caregiver may hold several grants of one patient). */
function mergeParts(a: GrantedParts, b: GrantedParts): GrantedParts {
  const merged: GrantedParts = { ...a };
  for (const part of RECORD_PARTS) {
    const level = b[part];
    if (level && merged[part] !== 'write') merged[part as RecordPart] = level;
  }
  return merged;
}

/** Grants, caregivers and, for a caregiver, the people they help. */
export class FhirSharingRepository implements SharingRepository {
  constructor(private readonly context: FhirSourceContext) {}

  async listCaregivers(options: { signal?: AbortSignal } = {}): Promise<Caregiver[]> {
    const result = await this.context.client.search<RelatedPerson>(
      'RelatedPerson',
      { _count: 100 },
      { ...options, all: true },
    );
    return result.resources
      .filter((person): person is RelatedPerson & { id: string } => person.id !== undefined)
      .map((person) => {
        const relationship = person.relationship?.[0]?.text ?? person.relationship?.[0]?.coding?.[0]?.display;
        return {
          id: person.id,
          name: displayName(person.name, person.id),
          ...(relationship ? { relationship } : {}),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }

  async listGrants(options: { signal?: AbortSignal } = {}): Promise<CaregiverGrant[]> {
    const now = Date.parse(this.context.now());
    const result = await this.context.client.search<Consent>(
      'Consent',
      { patient: patientIdOf(this.context), status: 'active', _count: 200 },
      { ...options, all: true },
    );
    return result.resources
      .filter(isActiveConsent)
      .map(consentToCaregiverGrant)
      .filter((grant) => grant.until === undefined || Date.parse(grant.until) > now)
      .sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  }

  async grant(grant: NewCaregiverGrant): Promise<CaregiverGrant> {
    const consent = caregiverGrantToConsent(grant, { patientId: patientIdOf(this.context), now: this.context.now() });
    return consentToCaregiverGrant(versionOf(await this.context.client.create<Consent>(consent)));
  }

  async revoke(grantId: string): Promise<void> {
    await this.context.client.delete('Consent', grantId);
  }

  async listHelpedPatients(options: { signal?: AbortSignal } = {}): Promise<HelpedPatient[]> {
    const now = Date.parse(this.context.now());
    // The server answers a caregiver with the grants naming them only.
    const consents = await this.context.client.search<Consent>(
      'Consent',
      { status: 'active', _count: 200 },
      { ...options, all: true },
    );
    const byPatient = new Map<string, { parts: GrantedParts; until?: string }>();
    for (const grant of consents.resources.filter(isActiveConsent).map(consentToCaregiverGrant)) {
      if (grant.until !== undefined && Date.parse(grant.until) <= now) continue;
      const known = byPatient.get(grant.patientId);
      const until =
        known === undefined
          ? grant.until
          : known.until === undefined || grant.until === undefined
            ? (known.until ?? grant.until)
            : Date.parse(known.until) < Date.parse(grant.until)
              ? known.until
              : grant.until;
      byPatient.set(grant.patientId, {
        parts: mergeParts(known?.parts ?? {}, grant.parts),
        ...(until === undefined ? {} : { until }),
      });
    }
    if (byPatient.size === 0) return [];
    // One read each (`patient/Patient.r`): the server answers only for people who gave access.
    const names = new Map(
      await Promise.all(
        [...byPatient.keys()].map(async (patientId) => {
          try {
            const { resource } = await this.context.client.read<Patient>('Patient', patientId, options);
            return [patientId, displayName(resource.name, patientId)] as const;
          } catch {
            return [patientId, patientId] as const;
          }
        }),
      ),
    );
    return [...byPatient]
      .map(([patientId, access]) => ({ patientId, name: names.get(patientId) || patientId, ...access }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }
}
