/**
 * Documents the patient hid from professionals: a `DocumentReference` labelled
 * `meta.security` v3-Confidentiality `R` (the SDK's `hiddenFromProfessionals`).
 * Only the patient herself reads and finds them; to a professional or a caregiver
 * the document and its content answer 404 exactly like a missing id, searches
 * never return nor count it, and no message can attach it. The refused attempts
 * are in the patient's trail, marked with the label (`entity.securityLabel`).
 */
import { HIDDEN_FROM_PROFESSIONALS_LABEL, isHiddenFromProfessionals } from '@carnet/catalog-sdk';
import { FhirHttpError } from '../fhir/http.js';
import type { Caller } from './auth.js';
import type { ResourceJson } from './compartment.js';
import { referencesIn } from './references.js';

/** The search filter a professional's or caregiver's document search always carries. */
export const NOT_HIDDEN_FILTER: readonly [string, string] = [
  '_security:not',
  `${HIDDEN_FROM_PROFESSIONALS_LABEL.system ?? ''}|${HIDDEN_FROM_PROFESSIONALS_LABEL.code ?? ''}`,
];

/** The search finding a patient's hidden documents (to know which contents they hold). */
export const HIDDEN_FILTER: readonly [string, string] = ['_security', NOT_HIDDEN_FILTER[1]];

/** True when the caller sees only what the patient did not hide: a professional or a caregiver. */
export function seesOnlyShown(caller: Caller): boolean {
  return Boolean(caller.practitionerId || caller.relatedPersonId);
}

const binaryIdOf = (url: unknown): string | undefined =>
  typeof url === 'string' ? /(?:^|\/)Binary\/([A-Za-z0-9\-.]{1,64})$/.exec(url)?.[1] : undefined;

/** Binary ids holding the content of these documents. */
export function contentsOf(documents: readonly ResourceJson[]): Set<string> {
  const ids = new Set<string>();
  for (const document of documents) {
    const content = Array.isArray(document['content'])
      ? (document['content'] as { attachment?: { url?: unknown } }[])
      : [];
    for (const item of content) {
      const id = binaryIdOf(item?.attachment?.url);
      if (id) ids.add(id);
    }
  }
  return ids;
}

/**
 * True when the resource is hidden from this caller: a hidden document, or the
 * content (`Binary`) of one, for a professional or a caregiver. `hiddenContents`
 * are the Binary ids of the hidden documents the caller could otherwise reach.
 */
export function hiddenFrom(caller: Caller, resource: ResourceJson, hiddenContents: ReadonlySet<string>): boolean {
  if (!seesOnlyShown(caller)) return false;
  if (resource.resourceType === 'DocumentReference') return isHiddenFromProfessionals(resource);
  if (resource.resourceType === 'Binary') return hiddenContents.has(resource.id ?? '');
  return false;
}

const documentIdOf = (reference: string): string | undefined =>
  /(?:^|\/)DocumentReference\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference)?.[1];

/**
 * Refuses (422) a message that attaches a hidden document it did not attach
 * before: a hidden document is never sent. A message already sent keeps its
 * attachment (marking it read must still work); the professional then cannot open it.
 */
export async function checkNoHiddenAttachment(
  body: ResourceJson,
  existing: ResourceJson | undefined,
  lookup: (type: string, id: string) => Promise<ResourceJson | undefined>,
): Promise<void> {
  if (body.resourceType !== 'Communication') return;
  const before = new Set((existing ? referencesIn(existing) : []).map(documentIdOf));
  for (const reference of new Set(referencesIn(body))) {
    const id = documentIdOf(reference);
    if (!id || before.has(id)) continue;
    if (isHiddenFromProfessionals(await lookup('DocumentReference', id)))
      throw new FhirHttpError(
        422,
        'processing',
        'This document is hidden from professionals: the patient shows it again before sending it',
      );
  }
}

/**
 * Refuses (403) a caregiver's change of a document's hidden label: only the
 * patient decides what professionals and caregivers see.
 */
export function checkHiddenLabelKept(body: ResourceJson, existing: ResourceJson | undefined): void {
  if (body.resourceType !== 'DocumentReference') return;
  if (isHiddenFromProfessionals(body) !== (existing ? isHiddenFromProfessionals(existing) : false))
    throw new FhirHttpError(403, 'forbidden', 'Only the patient hides a document or shows it again');
}
