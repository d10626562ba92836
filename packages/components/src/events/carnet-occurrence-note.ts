/** Detail of `carnet-occurrence-note`: the note the patient saved on one occurrence. */
export interface CarnetOccurrenceNoteDetail {
  /** Id of the `AgendaEvent` the occurrence belongs to. */
  eventId: string;
  /** Wall-clock start the rule gave the occurrence (identifies it). */
  originalStart: string;
  /** The saved note (adherence, « dose prise en retard »); empty when removed. */
  note: string;
}

/** Fired by `<carnet-agenda>` once the patient's note on one occurrence has been saved. */
export type CarnetOccurrenceNoteEvent = CustomEvent<CarnetOccurrenceNoteDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-occurrence-note': CarnetOccurrenceNoteEvent;
  }
}
