import { StorageError, createLocalDataSource } from '@carnet/catalog-sdk';
import type { DataSource } from '@carnet/catalog-sdk';

/** How a story's data source misbehaves: stays loading forever, or fails. */
export type StoryFault = 'never-answers' | 'fails';

type RepositoryName = 'documents' | 'agenda' | 'medications' | 'forum' | 'careTeam' | 'medicalProfile' | 'trackers';

// Methods are bound to the real object: repositories keep their state in #private fields.
function bound(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

/**
 * A real local record (IndexedDB `dbName`) where one repository method misbehaves,
 * to show a widget's loading or error state in Storybook. Every other call reaches the record.
 */
export function localSourceWithFault<N extends RepositoryName>(
  dbName: string,
  repository: N,
  method: keyof NonNullable<DataSource[N]> & string,
  fault: StoryFault,
): DataSource {
  const real = createLocalDataSource({ dbName });
  const misbehave = (): Promise<never> =>
    fault === 'fails'
      ? Promise.reject(new StorageError('story: simulated failure'))
      : new Promise<never>(() => undefined);
  const faulty = new Proxy(real[repository], {
    get: (target, property) => (property === method ? misbehave : bound(target, property)),
  });
  return new Proxy(real, {
    get: (target, property) => (property === repository ? faulty : bound(target, property)),
  });
}
