import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { CarnetError } from '@carnet/catalog-sdk';
import type { DataSource, IntakeRecord, MedicationPlan } from '@carnet/catalog-sdk';
import type { RecordRevision } from '../context/record-revision.context.js';
import type { AgendaData } from './agenda-layout.js';

/** What the data controller reads from its element. */
export interface AgendaDataHost extends ReactiveControllerHost {
  readonly dataSource?: DataSource;
  /** Bumped by the provider when the cached record changed underneath (connected mode). */
  readonly recordRevision?: RecordRevision;
}

/** Where the agenda stands in loading its record. */
export type AgendaLoadState = 'loading' | 'error' | 'empty' | 'ready';

let loads = 0;

/** An empty list when the reader may not see the treatments (a caregiver given the agenda only). */
function emptyWhenRefused<T>(error: unknown): T[] {
  if (error instanceof CarnetError && error.messageKey === 'error.forbidden') return [];
  throw error;
}

/** Loads events, medication plans and intakes together. */
async function loadAgenda(source: DataSource, signal: AbortSignal): Promise<AgendaData> {
  const [events, plans, intakes] = await Promise.all([
    source.agenda.list({ signal }),
    source.medications.listPlans({ signal }).catch(emptyWhenRefused<MedicationPlan>),
    source.medications.listIntakes().catch(emptyWhenRefused<IntakeRecord>),
  ]);
  loads += 1;
  return { events, plans, intakes, version: loads };
}

/**
 * The agenda's record, loaded through a `Task` from the data source in context,
 * kept while it reloads after a change so the calendar never blinks.
 */
export class AgendaDataController {
  private readonly host: AgendaDataHost;
  private last?: { source: DataSource; data: AgendaData };
  private readonly task: Task<readonly [DataSource | undefined, number, number], AgendaData>;

  constructor(host: AgendaDataHost) {
    this.host = host;
    this.task = new Task(host, {
      task: async ([source], { signal }) => {
        if (!source) return initialState;
        const data = await loadAgenda(source, signal);
        this.last = { source, data };
        return data;
      },
      args: () =>
        [
          this.host.dataSource,
          this.host.recordRevision?.agenda ?? 0,
          this.host.recordRevision?.medications ?? 0,
        ] as const,
    });
  }

  /** The last loaded record (also while a reload runs). */
  get data(): AgendaData | undefined {
    if (this.task.status === TaskStatus.ERROR) return undefined;
    const previous = this.last?.source === this.host.dataSource ? this.last?.data : undefined;
    return this.task.status === TaskStatus.COMPLETE ? (this.task.value ?? previous) : previous;
  }

  /** The failure of the last load, if it failed. */
  get error(): unknown {
    return this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
  }

  /** Where loading stands; `empty` when the record holds no event and no plan. */
  get state(): AgendaLoadState {
    if (this.task.status === TaskStatus.ERROR) return 'error';
    const data = this.data;
    if (!data) return 'loading';
    return data.events.length === 0 && data.plans.length === 0 ? 'empty' : 'ready';
  }

  /** Loads the record again (after a change, a conflict, or Retry). */
  reload(): Promise<void> {
    return this.task.run();
  }

  /** Resolves once the current load is over. */
  get complete(): Promise<unknown> {
    return this.task.taskComplete.catch(() => undefined);
  }
}
