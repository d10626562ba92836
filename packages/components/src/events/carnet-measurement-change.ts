import type { TrackerKind } from '@carnet/catalog-sdk';

/** Detail of `carnet-measurement-change`: measurements the patient recorded or removed. */
export interface CarnetMeasurementChangeDetail {
  /** What was done: one value added, values imported from a file, one value changed (a diary slot's state), one value removed. */
  action: 'add' | 'import' | 'update' | 'remove';
  /** The kind of measurement, e.g. `glucose`. */
  kind: TrackerKind;
  /** Ids of the entries added, changed or removed. */
  entryIds: string[];
}

/** Fired by `<carnet-tracker>` once a change the patient made has been saved. */
export type CarnetMeasurementChangeEvent = CustomEvent<CarnetMeasurementChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-measurement-change': CarnetMeasurementChangeEvent;
  }
}
