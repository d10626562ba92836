import { CarnetError } from '../../errors/errors.js';
import type { PatientRecord } from '../../model/patient-record.js';
import type { ForumRepository } from '../data-source.js';
import type { LocalContext } from './database.js';

/**
 * Imports a module on demand, once; a failed import (a network error, a
 * deployment that replaced the file) rejects with a network `CarnetError` and is
 * tried again by the next call.
 */
function importOnce<M>(load: () => Promise<M>, what: string): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () =>
    (loading ??= load().catch((cause: unknown) => {
      loading = undefined;
      throw new CarnetError('network', 'error.network', `The local ${what} code could not be loaded`, { cause });
    }));
}

const loadForum = importOnce(() => import('./local-forum.js'), 'forum');
const loadDocuments = importOnce(() => import('./local-documents.js'), 'documents');
const loadAgenda = importOnce(() => import('./local-agenda.js'), 'agenda');
const loadMedications = importOnce(() => import('./local-medications.js'), 'medications');
const loadTrackers = importOnce(() => import('./local-trackers.js'), 'trackers');
const loadMedicalProfile = importOnce(() => import('./local-medical-profile.js'), 'medical profile');
const loadCareTeam = importOnce(() => import('./local-care-team.js'), 'care team');
const loadImport = importOnce(() => import('./local-import.js'), 'import');

/** Imports a whole record into the local database (`local-import.ts`, loaded on first use). */
export async function importPatientRecordOnDemand(
  context: LocalContext,
  record: PatientRecord,
  replace: boolean,
  contents: ReadonlyMap<string, Blob> | undefined,
): Promise<void> {
  const { importPatientRecord } = await loadImport();
  return importPatientRecord(context, record, replace, contents);
}

/**
 * A repository whose code is imported on its first call: each of `methods` (every public
 * method of the class, which the type requires) waits for the module, then answers as the real
 * repository. A page downloads only the repositories its widgets use.
 */
function lazyRepository<R extends object>(create: () => Promise<R>, methods: Record<keyof R, true>): R {
  let repository: Promise<R> | undefined;
  const lazy: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of Object.keys(methods)) {
    lazy[name] = async (...args) => {
      const real = await (repository ??= create().catch((error: unknown) => {
        repository = undefined;
        throw error;
      }));
      return (real as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]!(...args);
    };
  }
  return lazy as unknown as R;
}

/** The on-device repositories other than the forum, each loaded on its first call. */
export function lazyLocalRepositories(context: LocalContext) {
  return {
    documents: lazyRepository(async () => new (await loadDocuments()).LocalDocumentRepository(context), {
      list: true,
      listAll: true,
      get: true,
      create: true,
      update: true,
      getContent: true,
      send: true,
      listSendings: true,
    }),
    agenda: lazyRepository(async () => new (await loadAgenda()).LocalAgendaRepository(context), {
      list: true,
      get: true,
      create: true,
      update: true,
      delete: true,
    }),
    medications: lazyRepository(async () => new (await loadMedications()).LocalMedicationRepository(context), {
      listPlans: true,
      getPlan: true,
      createPlan: true,
      updatePlan: true,
      addBox: true,
      stopPlan: true,
      resumePlan: true,
      listIntakes: true,
      recordIntake: true,
      updateIntake: true,
      deleteIntake: true,
    }),
    trackers: lazyRepository(async () => new (await loadTrackers()).LocalTrackerRepository(context), {
      list: true,
      add: true,
      import: true,
      update: true,
      remove: true,
    }),
    medicalProfile: lazyRepository(
      async () => new (await loadMedicalProfile()).LocalMedicalProfileRepository(context),
      { get: true, add: true, update: true, remove: true },
    ),
    careTeam: lazyRepository(async () => new (await loadCareTeam()).LocalCareTeamRepository(context), {
      list: true,
      get: true,
    }),
  };
}

/**
 * The local forum (`local-forum.ts`), loaded the first time it is used: only a
 * page showing the forum needs it, so the on-device data source stays small.
 */
export class LazyLocalForum implements ForumRepository {
  readonly #context: LocalContext;
  #forum?: ForumRepository;

  constructor(context: LocalContext) {
    this.#context = context;
  }

  async #get(): Promise<ForumRepository> {
    if (!this.#forum) {
      const { LocalForumRepository } = await loadForum();
      this.#forum ??= new LocalForumRepository(this.#context);
    }
    return this.#forum;
  }

  async listThreads(...args: Parameters<ForumRepository['listThreads']>): ReturnType<ForumRepository['listThreads']> {
    return (await this.#get()).listThreads(...args);
  }
  async getThread(...args: Parameters<ForumRepository['getThread']>): ReturnType<ForumRepository['getThread']> {
    return (await this.#get()).getThread(...args);
  }
  async listPosts(...args: Parameters<ForumRepository['listPosts']>): ReturnType<ForumRepository['listPosts']> {
    return (await this.#get()).listPosts(...args);
  }
  async getPseudonym(
    ...args: Parameters<ForumRepository['getPseudonym']>
  ): ReturnType<ForumRepository['getPseudonym']> {
    return (await this.#get()).getPseudonym(...args);
  }
  async setPseudonym(
    ...args: Parameters<ForumRepository['setPseudonym']>
  ): ReturnType<ForumRepository['setPseudonym']> {
    return (await this.#get()).setPseudonym(...args);
  }
  async createThread(
    ...args: Parameters<ForumRepository['createThread']>
  ): ReturnType<ForumRepository['createThread']> {
    return (await this.#get()).createThread(...args);
  }
  async reply(...args: Parameters<ForumRepository['reply']>): ReturnType<ForumRepository['reply']> {
    return (await this.#get()).reply(...args);
  }
  async editPost(...args: Parameters<ForumRepository['editPost']>): ReturnType<ForumRepository['editPost']> {
    return (await this.#get()).editPost(...args);
  }
  async deletePost(...args: Parameters<ForumRepository['deletePost']>): ReturnType<ForumRepository['deletePost']> {
    return (await this.#get()).deletePost(...args);
  }
  async reportPost(...args: Parameters<ForumRepository['reportPost']>): ReturnType<ForumRepository['reportPost']> {
    return (await this.#get()).reportPost(...args);
  }
  async markRead(...args: Parameters<ForumRepository['markRead']>): ReturnType<ForumRepository['markRead']> {
    return (await this.#get()).markRead(...args);
  }
}
