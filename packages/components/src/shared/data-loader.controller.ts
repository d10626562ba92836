import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';

/** Where a load stands. */
export type LoadStatus = 'loading' | 'ready' | 'error';

/** What a `DataLoader` reads, and from what. */
export interface DataLoaderOptions<T, A extends readonly unknown[]> {
  /** What the load depends on (the data source…); it runs again when one changes. */
  args(): A;
  /** Reads the data; `undefined` while it cannot start yet (no data source): the status stays `loading`. */
  load(args: A, signal: AbortSignal): Promise<T> | undefined;
}

/**
 * The one way Carnet widgets load what they show: `{ status, data, error, reload }`
 * on top of `@lit/task`, so that every widget has the same loading, error and
 * retry behaviour (the last data stays shown while a reload runs).
 */
export class DataLoader<T, A extends readonly unknown[] = readonly unknown[]> implements ReactiveController {
  private readonly task: Task<A, T>;

  constructor(host: ReactiveControllerHost, options: DataLoaderOptions<T, A>) {
    this.task = new Task<A, T>(host, {
      task: (args, { signal }) => options.load(args, signal) ?? initialState,
      args: () => options.args(),
    });
    host.addController(this);
  }

  hostConnected(): void {}

  /** `loading` until the first data (or a reload after an error), then `ready` or `error`. */
  get status(): LoadStatus {
    const status = this.task.status;
    if (status === TaskStatus.ERROR) return 'error';
    if (status === TaskStatus.COMPLETE || (status === TaskStatus.PENDING && this.task.value !== undefined)) {
      return 'ready';
    }
    return 'loading';
  }

  /** The last data read, kept while a reload runs. */
  get data(): T | undefined {
    return this.task.value;
  }

  /** Why the last load failed, while `status` is `error`. */
  get error(): unknown {
    return this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
  }

  /** True while a load runs (the first one, or a reload). */
  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** Reads again (Retry, or after a change made elsewhere). */
  reload(): Promise<void> {
    return this.task.run();
  }

  /** Resolves once the running load is over (whatever its outcome). */
  get complete(): Promise<unknown> {
    return this.task.taskComplete.catch(() => undefined);
  }
}
