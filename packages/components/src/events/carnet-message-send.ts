/** Detail of `carnet-message-send`: the message that was just sent. */
export interface CarnetMessageSendDetail {
  /** Thread the message belongs to (its first message's id). */
  threadId: string;
  /** Id of the message sent. */
  messageId: string;
  /** Documents attached to it. */
  documentIds: string[];
}

/** Fired by `<carnet-messages>` once a message has reached the server (never before). */
export type CarnetMessageSendEvent = CustomEvent<CarnetMessageSendDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-message-send': CarnetMessageSendEvent;
  }
}
