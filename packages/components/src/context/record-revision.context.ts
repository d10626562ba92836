import { createContext } from '@lit/context';

/**
 * How many times each part of the record changed under the widgets without
 * them asking (connected mode with an offline cache: a background refresh, a
 * change sent, another tab's change). A widget that includes its counts in
 * what its load depends on reads again, keeping what it shows meanwhile.
 */
export interface RecordRevision {
  /** Health documents (tags, favourites, titles). */
  readonly documents: number;
  /** Agenda events and their notes. */
  readonly agenda: number;
  /** Treatment plans and intakes. */
  readonly medications: number;
  /** The care team. */
  readonly careTeam: number;
}

/** Provided by `<carnet-provider>` in connected mode; `undefined` elsewhere (nothing changes underneath). */
export const recordRevisionContext = createContext<RecordRevision | undefined>(
  Symbol.for('carnet.context.record-revision'),
);
