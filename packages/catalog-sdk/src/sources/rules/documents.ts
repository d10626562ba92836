// Rules both data sources (FHIR and local) apply to a document: one place, so both accept and refuse the same input.
import { ValidationError } from '../../errors/errors.js';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type HealthDocument,
  type NewHealthDocument,
} from '../../model/document.js';
import {
  compact,
  normaliseTags,
  optionalText,
  requireBoolean,
  requireOneOf,
  requireText,
  toInstant,
} from './validation.js';

const KINDS: readonly DocumentKind[] = DOCUMENT_KINDS.map((info) => info.kind);

/** A document as given by a caller or an import, checked and in canonical form. */
export function checkDocument<T extends NewHealthDocument>(
  input: T,
  content?: Blob,
): T & Pick<HealthDocument, 'tags' | 'favourite' | 'hiddenFromProfessionals'> {
  const size = input.size ?? content?.size;
  if (size !== undefined && (!Number.isInteger(size) || size < 0)) {
    throw new ValidationError('size', 'must be a whole number of bytes');
  }
  return compact({
    ...input,
    title: requireText('title', input.title, 300),
    kind: requireOneOf('kind', input.kind, KINDS),
    date: toInstant('date', input.date),
    author: optionalText('author', input.author, 200),
    organisation: optionalText('organisation', input.organisation, 200),
    description: optionalText('description', input.description, 5000),
    tags: normaliseTags(input.tags ?? []),
    favourite: input.favourite === undefined ? false : requireBoolean('favourite', input.favourite),
    hiddenFromProfessionals:
      input.hiddenFromProfessionals === undefined
        ? false
        : requireBoolean('hiddenFromProfessionals', input.hiddenFromProfessionals),
    contentType: requireText('contentType', input.contentType || content?.type, 200),
    size,
  });
}

/**
 * A document hidden from professionals is never sent to one: the patient shows it
 * again first (`hiddenFromProfessionals: false`). Both sources refuse the same way.
 */
export function hiddenDocumentError(): ValidationError {
  return new ValidationError('documentId', 'is hidden from professionals: show it again before sending it');
}
