import type { DataSource } from '@carnet/catalog-sdk';

/** A real data source whose `agenda.list` fails while `failing` is true. */
export interface FaultyAgendaSource {
  readonly source: DataSource;
  failing: boolean;
  /** Calls made to `agenda.list`. */
  readonly listCalls: number;
}

// Repositories keep their state in #private fields: methods stay bound to the real object.
function bound<T extends object>(target: T, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

/** Wraps `real` so that `agenda.list` rejects with `error` (or never answers) while failing. */
export function withFailingAgenda(real: DataSource, error: Error | 'never'): FaultyAgendaSource {
  const state = { failing: true, listCalls: 0 };
  const agenda = new Proxy(real.agenda, {
    get(target, property) {
      if (property !== 'list') return bound(target, property);
      return (options?: { signal?: AbortSignal }) => {
        state.listCalls += 1;
        if (!state.failing) return target.list(options);
        return error === 'never' ? new Promise(() => undefined) : Promise.reject(error);
      };
    },
  });
  const source = new Proxy(real, {
    get: (target, property) => (property === 'agenda' ? agenda : bound(target, property)),
  });
  return {
    source,
    get failing() {
      return state.failing;
    },
    set failing(value: boolean) {
      state.failing = value;
    },
    get listCalls() {
      return state.listCalls;
    },
  };
}
