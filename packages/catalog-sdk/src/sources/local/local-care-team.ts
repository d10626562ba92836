import { NotFoundError } from '../../errors/errors.js';
import type { CareTeamMember } from '../../model/care-team.js';
import type { CareTeamRepository } from '../data-source.js';
import type { LocalContext } from './database.js';
import { throwIfAborted } from '../rules/validation.js';

/** The patient's care team in IndexedDB; read-only here, filled by `importRecord`. */
export class LocalCareTeamRepository implements CareTeamRepository {
  readonly #context: LocalContext;

  constructor(context: LocalContext) {
    this.#context = context;
  }

  async list(options: { signal?: AbortSignal } = {}): Promise<CareTeamMember[]> {
    throwIfAborted(options.signal);
    const members = await this.#context.database.transaction(['careTeam'], 'readonly', (tx) =>
      tx.objectStore('careTeam').getAll(),
    );
    throwIfAborted(options.signal);
    return members.sort((a, b) => a.family.localeCompare(b.family, 'fr') || a.name.localeCompare(b.name, 'fr'));
  }

  async get(id: string): Promise<CareTeamMember> {
    const member = await this.#context.database.transaction(['careTeam'], 'readonly', (tx) =>
      tx.objectStore('careTeam').get(id),
    );
    if (!member) throw new NotFoundError('CareTeamMember', id);
    return member;
  }
}
