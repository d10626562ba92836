import type { MedicalProfileEntryKind } from '@carnet/catalog-sdk';

/** Detail of `carnet-profile-change`: an entry of the medical profile the patient added or removed. */
export interface CarnetProfileChangeDetail {
  /** What was done to the entry. */
  action: 'add' | 'remove';
  /** Which part of the profile: `allergy`, `condition`, `vaccination`, `bloodGroup`, `contact`. */
  kind: MedicalProfileEntryKind;
  /** Id of the entry added or removed. */
  entryId: string;
}

/** Fired by `<carnet-medical-profile>` once a change the patient made has been saved. */
export type CarnetProfileChangeEvent = CustomEvent<CarnetProfileChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-profile-change': CarnetProfileChangeEvent;
  }
}
