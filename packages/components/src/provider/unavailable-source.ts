import type {
  AgendaRepository,
  CareTeamRepository,
  DataSource,
  DocumentRepository,
  ForumRepository,
  MedicationRepository,
  MessageRepository,
} from '@carnet/catalog-sdk';

/** A repository whose every call fails with `error` (never a thenable itself). */
function failingRepository<T extends object>(error: unknown): T {
  return new Proxy({} as T, {
    get: (_target, name) => (typeof name === 'symbol' || name === 'then' ? undefined : () => Promise.reject(error)),
  });
}

/**
 * What the provider gives its widgets when the record could not be opened: every
 * read fails with the provider's error, so each widget shows its error state
 * instead of « Chargement… » for ever.
 */
export function unavailableDataSource(error: unknown): DataSource {
  return {
    kind: 'local',
    documents: failingRepository<DocumentRepository>(error),
    agenda: failingRepository<AgendaRepository>(error),
    medications: failingRepository<MedicationRepository>(error),
    forum: failingRepository<ForumRepository>(error),
    careTeam: failingRepository<CareTeamRepository>(error),
    messages: failingRepository<MessageRepository>(error),
    close: () => undefined,
  };
}
