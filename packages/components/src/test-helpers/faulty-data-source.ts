import type { DataSource, DocumentRepository } from '@carnet/catalog-sdk';

/** A real data source whose `documents.list` fails while `failing` is true. */
export interface FaultyDataSource {
  readonly source: DataSource;
  /** Whether `documents.list` rejects. */
  failing: boolean;
  /** Calls made to `documents.list`, failed or not. */
  readonly listCalls: number;
  /** Calls made to `close`. */
  readonly closeCalls: number;
}

// Methods are bound to the real object: repositories keep their state in #private fields.
function bound<T extends object>(target: T, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

/**
 * Wraps `real` to inject one fault (documents.list rejects with `error`); every
 * other call reaches the real source. Only for tests that need a failure.
 */
export function withFailingDocumentList(real: DataSource, error: Error): FaultyDataSource {
  const state = { failing: true, listCalls: 0, closeCalls: 0 };
  const documents = new Proxy(real.documents, {
    get(target, property) {
      if (property !== 'list') return bound(target, property);
      return (request?: Parameters<DocumentRepository['list']>[0]) => {
        state.listCalls += 1;
        return state.failing ? Promise.reject(error) : target.list(request);
      };
    },
  });
  const source = new Proxy(real, {
    get(target, property) {
      if (property === 'documents') return documents;
      if (property === 'close') {
        return () => {
          state.closeCalls += 1;
        };
      }
      return bound(target, property);
    },
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
    get closeCalls() {
      return state.closeCalls;
    },
  };
}

/** A real data source whose `documents.list` answers only once released, while held. */
export interface HeldDataSource {
  readonly source: DataSource;
  /** From now on, `documents.list` waits for {@link release}. */
  hold(): void;
  /** Lets the waiting `documents.list` calls reach the real source (and the next ones at once). */
  release(): void;
}

/**
 * Wraps `real` to hold `documents.list` back (a slow network, on demand), so that a test sees what a
 * widget shows while it reads; every other call reaches the real source.
 */
export function withHeldDocumentList(real: DataSource): HeldDataSource {
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  const documents = new Proxy(real.documents, {
    get(target, property) {
      if (property !== 'list') return bound(target, property);
      return async (request?: Parameters<DocumentRepository['list']>[0]) => {
        await gate;
        return target.list(request);
      };
    },
  });
  const source = new Proxy(real, {
    get(target, property) {
      return property === 'documents' ? documents : bound(target, property);
    },
  });
  return {
    source,
    hold() {
      gate ??= new Promise((resolve) => {
        open = resolve;
      });
    },
    release() {
      open?.();
      gate = undefined;
      open = undefined;
    },
  };
}
