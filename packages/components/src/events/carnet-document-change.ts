import type { HealthDocumentChanges } from '@carnet/catalog-sdk';

/** Detail of `carnet-document-change`: a change the patient saved on one document. */
export interface CarnetDocumentChangeDetail {
  /** Id of the changed `HealthDocument`. */
  documentId: string;
  /** Version of the document after the change. */
  version: string;
  /** What was saved: the new tags, favourite flag and/or « hidden from professionals » flag. */
  changes: HealthDocumentChanges;
}

/**
 * Fired by `<carnet-document-browser>` once a tag, favourite or hiding change the patient
 * made has been saved (one event per document, also for bulk tagging and renames).
 */
export type CarnetDocumentChangeEvent = CustomEvent<CarnetDocumentChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-document-change': CarnetDocumentChangeEvent;
  }
}
