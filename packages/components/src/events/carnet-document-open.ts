/** Detail of `carnet-document-open`: which document the patient opened. */
export interface CarnetDocumentOpenDetail {
  /** Id of the `HealthDocument` opened in the preview. */
  documentId: string;
}

/** Fired by `<carnet-document-browser>` when the patient opens a document's preview. */
export type CarnetDocumentOpenEvent = CustomEvent<CarnetDocumentOpenDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-document-open': CarnetDocumentOpenEvent;
  }
}
