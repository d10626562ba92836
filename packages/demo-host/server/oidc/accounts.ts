import { timingSafeEqual } from 'node:crypto';
import type { RecordPatient } from '@carnet/catalog-sdk';

/** The password of every demo account: the personas are synthetic, never real people. */
export const DEMO_PASSWORD = 'demo';

/** One sign-in account on the demo identity provider: a synthetic patient, a professional of a care team, or a caregiver. */
export interface DemoAccount {
  /** OpenID subject: the persona's FHIR Patient id, or the professional's Practitioner id. */
  accountId: string;
  /**
   * Who signs in: `fhirUser` is `Patient/<patientId>`, `Practitioner/<practitionerId>`,
   * or for a caregiver `RelatedPerson/<id>` (their token names no patient).
   */
  role: 'patient' | 'practitioner' | 'caregiver';
  /** Patient id put in the token's `patient` claim (patients only: a professional's token names no patient). */
  patientId?: string;
  /** Practitioner id of a professional's account. */
  practitionerId?: string;
  /** What the person types as login: the pathology name (as the demo personas are named) or the patient id. */
  logins: readonly string[];
  /** Name shown on the consent page. */
  displayName: string;
  /** `fhirUser` relative reference when the person is not the patient (a moderator: `RelatedPerson/...`). */
  fhirUser?: string;
}

/**
 * Builds one account per persona; the login is the id without `patient-`
 * (`diabetes`, `diabetes-2`) or the id itself.
 */
export function accountsFromPatients(patients: readonly RecordPatient[]): DemoAccount[] {
  return patients.map((patient) => ({
    accountId: patient.id,
    role: 'patient',
    patientId: patient.id,
    logins: [...new Set([patient.id.replace(/^patient-/, ''), patient.id].map((login) => login.toLowerCase()))],
    displayName: `${patient.given} ${patient.family}`,
  }));
}

/** A professional who signs in to the demo platform. */
export interface DemoProfessional {
  /** FHIR Practitioner id. */
  id: string;
  /** Display name, e.g. « Dr Claire Martin ». */
  name: string;
  /** Short login, e.g. `pro-kidney`, besides the Practitioner id. */
  alias: string;
}

/** Builds one account per professional; logins are the alias and the Practitioner id. */
export function accountsFromProfessionals(professionals: readonly DemoProfessional[]): DemoAccount[] {
  return professionals.map((professional) => ({
    accountId: professional.id,
    role: 'practitioner',
    practitionerId: professional.id,
    logins: [...new Set([professional.alias, professional.id].map((login) => login.toLowerCase()))],
    displayName: professional.name,
  }));
}

/** Account directory with password checking. */
export class AccountDirectory {
  private readonly byId = new Map<string, DemoAccount>();
  private readonly byLogin = new Map<string, DemoAccount>();

  /** Indexes accounts by id and by every login. */
  constructor(accounts: readonly DemoAccount[]) {
    for (const account of accounts) {
      this.byId.set(account.accountId, account);
      for (const login of account.logins) this.byLogin.set(login, account);
    }
  }

  /** The account with this subject, if any. */
  find(accountId: string): DemoAccount | undefined {
    return this.byId.get(accountId);
  }

  /** All accounts, for the login page's hint list. */
  list(): DemoAccount[] {
    return [...this.byId.values()];
  }

  /** The account when login and password match, else undefined (same path either way). */
  authenticate(login: string, password: string): DemoAccount | undefined {
    const account = this.byLogin.get(login.trim().toLowerCase());
    const given = Buffer.from(password, 'utf8');
    const expected = Buffer.from(DEMO_PASSWORD, 'utf8');
    const passwordOk = given.length === expected.length && timingSafeEqual(given, expected);
    return account && passwordOk ? account : undefined;
  }
}
