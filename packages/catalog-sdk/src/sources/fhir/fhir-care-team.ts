/**
 * The patient's care team on a FHIR server: a `Practitioner` search. With a
 * SMART `patient/Practitioner.rs` token the server answers with the
 * professionals of this patient's care team only (the demo server does; a
 * CareTeam resource is not required). A server that answers with its whole
 * directory would list every practitioner: use a CareTeam-aware server then.
 */
import type { Practitioner } from '@medplum/fhirtypes';
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

  async get(id: string): Promise<CareTeamMember> {
    return practitionerToCareTeamMember(versionOf(await this.context.client.read<Practitioner>('Practitioner', id)));
  }
}
