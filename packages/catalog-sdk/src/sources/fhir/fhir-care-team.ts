/**
 * The patient's care team on a FHIR server: a `Practitioner` search. With a
 * SMART `patient/Practitioner.rs` token the server answers with the
 * professionals of this patient's care team only (the demo server does; a
 * CareTeam resource is not required). A server that answers with its whole
 * directory would list every practitioner: use a CareTeam-aware server then.
 */
import type { CareTeam, Practitioner } from '@medplum/fhirtypes';
import { NotFoundError } from '../../errors/errors.js';
import type { CareTeamMember } from '../../model/care-team.js';
import { practitionerToCareTeamMember } from '../../model/fhir/index.js';
import type { CareTeamRepository } from '../data-source.js';
import { versionOf, type FhirSourceContext } from './fhir-context.js';

/** The professionals of the patient's care team, by family name. */
export class FhirCareTeamRepository implements CareTeamRepository {
  constructor(private readonly context: FhirSourceContext) {}

  async list(options: { signal?: AbortSignal } = {}): Promise<CareTeamMember[]> {
    const result = await this.context.client.search<Practitioner>(
      'Practitioner',
      { _count: 200 },
      { ...options, all: true },
    );
    return result.resources.map(practitionerToCareTeamMember).sort((a, b) => a.family.localeCompare(b.family, 'fr'));
  }

  /** The platform's directory: `Practitioner?_list=directory` (the demo platform's professionals with an account). */
  async directory(options: { signal?: AbortSignal } = {}): Promise<CareTeamMember[]> {
    const result = await this.context.client.search<Practitioner>(
      'Practitioner',
      { _list: 'directory', _count: 200 },
      { ...options, all: true },
    );
    return result.resources.map(practitionerToCareTeamMember).sort((a, b) => a.family.localeCompare(b.family, 'fr'));
  }

  async get(id: string): Promise<CareTeamMember> {
    return practitionerToCareTeamMember(versionOf(await this.context.client.read<Practitioner>('Practitioner', id)));
  }

  async share(practitionerId: string): Promise<void> {
    await this.#changeMembers((members) => (members.includes(practitionerId) ? members : [...members, practitionerId]));
  }

  async stopSharing(practitionerId: string): Promise<void> {
    await this.#changeMembers((members) => members.filter((id) => id !== practitionerId));
  }

  /** Rewrites the patient's CareTeam members, conditionally on the version read. */
  async #changeMembers(change: (members: string[]) => string[]): Promise<void> {
    const [current] = (await this.context.client.search<CareTeam>('CareTeam', { _count: 1 })).resources;
    if (current?.id === undefined) throw new NotFoundError('CareTeam', 'current');
    const members = (current.participant ?? [])
      .map((participant) => /(?:^|\/)Practitioner\/([^/]+)$/.exec(participant.member?.reference ?? '')?.[1])
      .filter((id): id is string => id !== undefined);
    const next = change(members);
    await this.context.client.update<CareTeam>(
      { ...current, participant: next.map((id) => ({ member: { reference: `Practitioner/${id}` } })) },
      current.meta?.versionId === undefined ? {} : { ifMatch: current.meta.versionId },
    );
  }
}
