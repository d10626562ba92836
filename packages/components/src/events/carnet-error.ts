import type { CarnetErrorCode, CarnetMessageKey } from '@carnet/catalog-sdk';

/**
 * Detail of `carnet-error`. Carries codes and a developer message only, never
 * health data (no titles, names or values), so hosts may log it.
 */
export interface CarnetErrorDetail {
  /** Stable machine-readable code, e.g. `storage`; `unknown` for a failure that is not the SDK's. */
  code: CarnetErrorCode;
  /** Translation key of the user-facing message, e.g. `error.storage`. */
  messageKey: CarnetMessageKey;
  /** Developer message, in English. */
  message: string;
}

/** Fired when a Carnet element could not do what it was asked to. */
export type CarnetErrorEvent = CustomEvent<CarnetErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-error': CarnetErrorEvent;
  }
}
