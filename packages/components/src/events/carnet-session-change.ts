/** Detail of `carnet-session-change`: the patient signed in or out. */
export interface CarnetSessionChangeDetail {
  /** True once the patient is signed in. */
  authenticated: boolean;
  /** FHIR Patient id of the signed-in patient, when known. */
  patientId?: string;
}

/** Fired by `<carnet-provider>` when the patient signs in or out (connected mode). */
export type CarnetSessionChangeEvent = CustomEvent<CarnetSessionChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-session-change': CarnetSessionChangeEvent;
  }
}
