import type {
  CareTeamMember,
  Caregiver,
  CaregiverGrant,
  DataSource,
  HelpedPatient,
  NewCaregiverGrant,
  SharingRepository,
} from '@carnet/catalog-sdk';
import { createInMemoryDataSource } from '../../document-browser/test-helpers/in-memory-source.js';

/** The caregivers the sample patient knows. */
export const SAMPLE_CAREGIVERS: Caregiver[] = [
  { id: 'aidant-1', name: 'Nadia Benali', relationship: 'Fille' },
  { id: 'aidant-2', name: 'Karim Benali', relationship: 'Fils' },
];

/** Her care team. */
export const SAMPLE_CARE_TEAM: CareTeamMember[] = [
  { id: 'pro-1', name: 'Dr Claire Martin', family: 'Martin', specialty: 'Néphrologue' },
  { id: 'pro-2', name: 'Dr Paul Durand', family: 'Durand', specialty: 'Médecin généraliste' },
];

/** The platform's directory: her team and one more professional. */
export const SAMPLE_DIRECTORY: CareTeamMember[] = [
  ...SAMPLE_CARE_TEAM,
  { id: 'pro-3', name: 'Dr Inès Roux', family: 'Roux', specialty: 'Diététicienne' },
];

/** One access already given: Karim reads the agenda until the end of 2030. */
export const SAMPLE_GRANTS: CaregiverGrant[] = [
  {
    id: 'grant-1',
    caregiverId: 'aidant-2',
    caregiverName: 'Karim Benali',
    patientId: 'patient-1',
    parts: { agenda: 'read', organiser: 'write' },
    start: '2026-03-01T09:00:00Z',
    until: '2030-12-31T22:59:59Z',
    version: '1',
  },
];

/** Options of {@link sharingSource}. */
export interface SharingSourceOptions {
  caregivers?: Caregiver[];
  grants?: CaregiverGrant[];
  careTeam?: CareTeamMember[];
  helped?: HelpedPatient[];
  /** Makes every read fail (error state). */
  failReads?: boolean;
  /** Makes every change fail. */
  failWrites?: boolean;
}

/** An in-memory data source whose sharing repository keeps grants in an array; `calls` records the changes. */
export function sharingSource(options: SharingSourceOptions = {}): DataSource & {
  calls: { grants: NewCaregiverGrant[]; revoked: string[]; stopped: string[]; shared: string[] };
} {
  let grants = [...(options.grants ?? SAMPLE_GRANTS)];
  let team = [...(options.careTeam ?? SAMPLE_CARE_TEAM)];
  const calls = {
    grants: [] as NewCaregiverGrant[],
    revoked: [] as string[],
    stopped: [] as string[],
    shared: [] as string[],
  };
  const read = <T>(value: T): Promise<T> =>
    options.failReads ? Promise.reject(new Error('offline')) : Promise.resolve(value);
  const write = (): Promise<void> => (options.failWrites ? Promise.reject(new Error('offline')) : Promise.resolve());
  let next = 2;
  const sharing: SharingRepository = {
    listCaregivers: () => read(options.caregivers ?? SAMPLE_CAREGIVERS),
    listGrants: () => read(grants),
    grant: async (grant) => {
      await write();
      calls.grants.push(grant);
      const stored: CaregiverGrant = {
        id: `grant-${next++}`,
        patientId: 'patient-1',
        start: new Date().toISOString(),
        version: '1',
        ...grant,
      };
      grants = [stored, ...grants];
      return stored;
    },
    revoke: async (id) => {
      await write();
      calls.revoked.push(id);
      grants = grants.filter((grant) => grant.id !== id);
    },
    listHelpedPatients: () => read(options.helped ?? []),
  };
  const base = createInMemoryDataSource([], {});
  return {
    ...base,
    careTeam: {
      list: () => read(team),
      get: (id) => read(team.find((member) => member.id === id) as CareTeamMember),
      directory: () => read(SAMPLE_DIRECTORY),
      share: async (id) => {
        await write();
        calls.shared.push(id);
        const member = SAMPLE_DIRECTORY.find((candidate) => candidate.id === id);
        if (member) team = [...team, member];
      },
      stopSharing: async (id) => {
        await write();
        calls.stopped.push(id);
        team = team.filter((member) => member.id !== id);
      },
    },
    sharing,
    calls,
  } as DataSource & { calls: typeof calls };
}
