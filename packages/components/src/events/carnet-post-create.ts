/** Detail of `carnet-post-create`: which post the patient just published. */
export interface CarnetPostCreateDetail {
  /** Id of the thread the post belongs to (the new thread, for a new discussion). */
  threadId: string;
  /** Id of the published post (the opening post, for a new discussion). */
  postId: string;
}

/** Fired by `<carnet-forum-feed>` when the patient publishes a new discussion or a reply. */
export type CarnetPostCreateEvent = CustomEvent<CarnetPostCreateDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-post-create': CarnetPostCreateEvent;
  }
}
