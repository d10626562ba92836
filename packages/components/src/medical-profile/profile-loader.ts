import type { DataSource, MedicalProfile } from '@carnet/catalog-sdk';
import { DataLoader } from '../shared/data-loader.controller.js';
import type { ReactiveControllerHost } from 'lit';

/**
 * The medical profile of the record `source()` gives, through a `DataLoader`: what the
 * profile and the emergency card both read (a source that keeps no profile is an error).
 */
export function medicalProfileLoader(
  host: ReactiveControllerHost,
  source: () => DataSource | undefined,
): DataLoader<MedicalProfile, readonly [DataSource | undefined]> {
  return new DataLoader(host, {
    args: () => [source()] as const,
    load: ([dataSource], signal) => {
      if (!dataSource) return undefined;
      if (!dataSource.medicalProfile) return Promise.reject(new Error('This data source keeps no medical profile'));
      return dataSource.medicalProfile.get({ signal });
    },
  });
}
