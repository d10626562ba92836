// Compile-time checks of @carnet/components/react, run by `npm run typecheck`: each
// `@ts-expect-error` fails the type check if the typings stop catching that mistake.
// Never bundled (no page imports it).
import type {} from '@carnet/components/react';

export const accepted = (
  <carnet-provider locale="en" pathology="kidney" demo-persona="diabetes" db-name="carnet">
    <carnet-agenda view="week" time-zone="Europe/Paris" oncarnet-event-change={(event) => event.detail.eventId} />
    <carnet-document-browser oncarnet-document-open={(event) => event.detail.documentId} />
  </carnet-provider>
);

// @ts-expect-error: not one of the agenda's views
export const unknownView = <carnet-agenda view="yearly" />;
// @ts-expect-error: Carnet is not tuned for this condition
export const unknownPersona = <carnet-provider demo-persona="asthma" />;
export const wrongDetail = (
  // @ts-expect-error: an intake change says nothing about a document
  <carnet-pill-organiser oncarnet-intake-change={(event) => event.detail.documentId} />
);
// @ts-expect-error: not an element of Carnet
export const unknownTag = <carnet-calendar />;
