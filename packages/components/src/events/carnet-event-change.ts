/** Which occurrences of a recurring event a change applied to. */
export type AgendaChangeScope = 'this' | 'following' | 'all';

/** Every scope, narrowest first. */
export const AGENDA_CHANGE_SCOPES: readonly AgendaChangeScope[] = ['this', 'following', 'all'];

/** Detail of `carnet-event-change`: an agenda event the patient created, changed or deleted. */
export interface CarnetEventChangeDetail {
  /** What was done to the event. */
  action: 'create' | 'update' | 'delete';
  /** Id of the `AgendaEvent` created, changed or deleted. */
  eventId: string;
  /** For a recurring event: the occurrences the patient chose to change. */
  scope?: AgendaChangeScope;
  /** When « this and following » split a series: id of the new series. */
  newEventId?: string;
}

/**
 * Fired by `<carnet-agenda>` once a change the patient made to an event (create,
 * edit, delete, import) has been saved. One event per saved agenda event.
 */
export type CarnetEventChangeEvent = CustomEvent<CarnetEventChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-event-change': CarnetEventChangeEvent;
  }
}
