/** Detail of `carnet-document-send`: what the patient asked to send, and to whom. */
export interface CarnetDocumentSendDetail {
  /** Id of the `HealthDocument` to send. */
  documentId: string;
  /** Id of the `CareTeamMember` who should receive it. */
  recipientId: string;
  /** The patient's optional message. */
  message?: string;
}

/**
 * Fired by `<carnet-document-browser>` when the patient confirms sending a
 * document to a professional, before anything is sent. Cancelable: a host that
 * calls `preventDefault()` takes the sending over, and the browser sends nothing.
 */
export type CarnetDocumentSendEvent = CustomEvent<CarnetDocumentSendDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-document-send': CarnetDocumentSendEvent;
  }
}
