/** Detail of `carnet-record-open`: which document the patient chose. */
export interface CarnetRecordOpenDetail {
  /** Id of the `HealthDocument` to open. */
  documentId: string;
}

/** Fired when the patient chooses a document in `<carnet-record-summary>`. */
export type CarnetRecordOpenEvent = CustomEvent<CarnetRecordOpenDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-record-open': CarnetRecordOpenEvent;
  }
}
