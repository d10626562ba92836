import type { GrantedParts } from '@carnet/catalog-sdk';

/** Detail of `carnet-sharing-change`: an access the patient just gave or revoked. */
export interface CarnetSharingChangeDetail {
  /** `grant` (access given to a caregiver), `revoke` (access withdrawn), `share` or `stop-sharing` (a professional added to or removed from the care team). */
  action: 'grant' | 'revoke' | 'share' | 'stop-sharing';
  /** The caregiver's (RelatedPerson) or the professional's (Practitioner) id. */
  personId: string;
  /** The grant given or revoked (caregivers only). */
  grantId?: string;
  /** The parts given (`grant` only). */
  parts?: GrantedParts;
}

/** Fired by `<carnet-sharing>` once the server has recorded the change (never before). */
export type CarnetSharingChangeEvent = CustomEvent<CarnetSharingChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-sharing-change': CarnetSharingChangeEvent;
  }
}
