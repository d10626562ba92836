/** Detail of `carnet-moderation-action`: what a moderator just did. */
export interface CarnetModerationActionDetail {
  /** `hide` or `restore` a post, `suspend` a pseudonym or lift it (`unsuspend`). */
  action: 'hide' | 'restore' | 'suspend' | 'unsuspend';
  /** The community (its platform id). */
  communityId: string;
  /** The post id (hide, restore) or the pseudonym (suspend, unsuspend). */
  target: string;
}

/** Fired by `<carnet-moderation>` once the platform recorded a moderation action (never before). */
export type CarnetModerationActionEvent = CustomEvent<CarnetModerationActionDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-moderation-action': CarnetModerationActionEvent;
  }
}
