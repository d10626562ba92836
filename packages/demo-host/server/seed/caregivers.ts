/**
 * The demo caregivers: people who help patients and sign in with their own
 * account (`fhirUser = RelatedPerson/<id>`, no patient in the token). Each is a
 * `RelatedPerson` of the platform, in the directory of the patients they help
 * (those patients may give them access); what they see is only what a patient
 * granted them in a `Consent`.
 */
import type { Consent, RelatedPerson } from '@medplum/fhirtypes';
import { caregiverGrantToConsent, type PatientRecord } from '@carnet/catalog-sdk';
import type { DemoAccount } from '../oidc/accounts.js';

/** One demo caregiver. */
export interface DemoCaregiver {
  /** RelatedPerson id, also the account id. */
  id: string;
  /** Login besides the id. */
  login: string;
  given: string;
  family: string;
  /** Relationship in words, shown to the patients who may grant them access. */
  relationship: string;
  /** Patient ids of the people they help (the patients who may choose them). */
  helps: readonly string[];
}

/**
 * Nadia Benali, daughter of the kidney persona (Fatima Benali), who also helps
 * her neighbour, the Parkinson's persona (so her picker has two people).
 */
export const DEMO_CAREGIVERS: readonly DemoCaregiver[] = [
  {
    id: 'aidant-kidney',
    login: 'aidant-kidney',
    given: 'Nadia',
    family: 'Benali',
    relationship: 'Aidante familiale',
    helps: ['patient-kidney', 'patient-parkinson'],
  },
];

/** « Given Family ». */
export const caregiverName = (caregiver: DemoCaregiver): string => `${caregiver.given} ${caregiver.family}`;

/** The caregivers helping at least one of these patients. */
export function caregiversFor(records: readonly PatientRecord[]): DemoCaregiver[] {
  const present = new Set(records.map((record) => record.patient.id));
  return DEMO_CAREGIVERS.filter((caregiver) => caregiver.helps.some((id) => present.has(id))).map((caregiver) => ({
    ...caregiver,
    helps: caregiver.helps.filter((id) => present.has(id)),
  }));
}

/** Sign-in accounts of the caregivers. */
export function caregiverAccounts(caregivers: readonly DemoCaregiver[]): DemoAccount[] {
  return caregivers.map((caregiver) => ({
    accountId: caregiver.id,
    role: 'caregiver',
    logins: [...new Set([caregiver.login, caregiver.id])],
    displayName: caregiverName(caregiver),
    fhirUser: `RelatedPerson/${caregiver.id}`,
  }));
}

/** The RelatedPerson of a caregiver (linked to the first person they help, as R4 requires one). */
export function caregiverResource(caregiver: DemoCaregiver): RelatedPerson {
  return {
    resourceType: 'RelatedPerson',
    id: caregiver.id,
    active: true,
    patient: { reference: `Patient/${caregiver.helps[0] ?? ''}` },
    relationship: [{ text: caregiver.relationship }],
    name: [{ given: [caregiver.given], family: caregiver.family }],
  };
}

/**
 * Access given before the demo starts: the second person a caregiver helps
 * already shares her agenda and documents with them (read only), so the
 * caregiver chooses whose record to open once the first one grants access too.
 */
export function seededGrants(caregivers: readonly DemoCaregiver[], now: string): Consent[] {
  return caregivers.flatMap((caregiver) =>
    caregiver.helps.slice(1).map((patientId) =>
      caregiverGrantToConsent(
        {
          caregiverId: caregiver.id,
          caregiverName: caregiverName(caregiver),
          parts: { agenda: 'read', documents: 'read' },
        },
        { patientId, now },
      ),
    ),
  );
}
