/** Detail of `carnet-app-access-change`: the patient withdrew a catalogue app's access. */
export interface CarnetAppAccessChangeDetail {
  /** `revoke`: the app's access was withdrawn (its tokens stop working at once). */
  action: 'revoke';
  /** The app's client id. */
  clientId: string;
}

/** Fired by `<carnet-app-catalogue>` once the platform has withdrawn the access (never before). */
export type CarnetAppAccessChangeEvent = CustomEvent<CarnetAppAccessChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-app-access-change': CarnetAppAccessChangeEvent;
  }
}
