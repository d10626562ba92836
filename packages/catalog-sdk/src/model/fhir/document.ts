/**
 * HealthDocument ↔ FHIR R4 `DocumentReference`.
 */
import type { Coding, DocumentReference } from '@medplum/fhirtypes';
import { DOCUMENT_KINDS, LOINC_SYSTEM, type DocumentKind, type HealthDocument } from '../document.js';
import { patientReference, type FhirPatientContext } from './patient.js';
import {
  fail,
  isFhirId,
  isInstant,
  isObject,
  optionalArray,
  optionalInteger,
  optionalObject,
  optionalString,
  readResource,
  requireId,
  requireInstant,
  requireObject,
  requireString,
  requireVersion,
  withoutUndefined,
  nonEmpty,
} from './read.js';
import { FAVOURITE_CODE, FAVOURITE_SYSTEM, USER_TAG_SYSTEM } from './urls.js';

const RT = 'DocumentReference';

/** HL7 v3 Confidentiality: the code system of confidentiality labels in `meta.security`. */
export const CONFIDENTIALITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

/**
 * The security label of a document the patient hid from professionals and
 * caregivers: confidentiality `R` (restricted) in `DocumentReference.meta.security`.
 * A platform serving Carnet (the demo gateway does) answers such a document to
 * anyone but the patient exactly as if it did not exist.
 */
export const HIDDEN_FROM_PROFESSIONALS_LABEL: Readonly<Coding> = Object.freeze({
  system: CONFIDENTIALITY_SYSTEM,
  code: 'R',
  display: 'restricted',
});

/** True when a resource (any JSON) carries {@link HIDDEN_FROM_PROFESSIONALS_LABEL} in `meta.security`. */
export function isHiddenFromProfessionals(resource: unknown): boolean {
  if (!isObject(resource) || !isObject(resource.meta) || !Array.isArray(resource.meta.security)) return false;
  return resource.meta.security.some(
    (label: unknown) =>
      isObject(label) &&
      label.system === HIDDEN_FROM_PROFESSIONALS_LABEL.system &&
      label.code === HIDDEN_FROM_PROFESSIONALS_LABEL.code,
  );
}

/** `meta.security` with the hidden label set or removed; every other label kept. */
export function withHiddenLabel(security: readonly Coding[] | undefined, hidden: boolean): Coding[] {
  const others = (security ?? []).filter(
    (label) =>
      !(label.system === HIDDEN_FROM_PROFESSIONALS_LABEL.system && label.code === HIDDEN_FROM_PROFESSIONALS_LABEL.code),
  );
  return hidden ? [...others, { ...HIDDEN_FROM_PROFESSIONALS_LABEL }] : others;
}

/**
 * Reads a `DocumentReference` as a patient's document.
 *
 * - kind: the LOINC coding of `type`; a LOINC code Carnet does not list, or no
 *   type at all, reads as `other`.
 * - title: `content[0].attachment.title`, else `description`.
 * - tags and favourite: `meta.tag` codings in {@link USER_TAG_SYSTEM} and
 *   {@link FAVOURITE_SYSTEM}; other tags are not ours and are ignored.
 * - hiddenFromProfessionals: {@link HIDDEN_FROM_PROFESSIONALS_LABEL} in `meta.security`.
 * - version: `meta.versionId`, required (it is the ETag every update must name).
 *
 * @throws MappingError naming the field when the resource is malformed
 */
export function documentReferenceToHealthDocument(resource: DocumentReference): HealthDocument {
  const r = readResource(resource, RT);
  const id = requireId(r, RT);
  const version = requireVersion(r, RT);
  const content = optionalArray(`${RT}.content`, r.content);
  if (content.length === 0) fail(`${RT}.content`, 'is missing');
  const attachment = requireObject(
    `${RT}.content[0].attachment`,
    requireObject(`${RT}.content[0]`, content[0]).attachment,
  );
  const path = `${RT}.content[0].attachment`;
  const description = optionalString(`${RT}.description`, r.description);
  const title = optionalString(`${path}.title`, attachment.title) ?? description;
  if (title === undefined) fail(`${path}.title`, 'is missing (and so is description)');
  const authors = optionalArray(`${RT}.author`, r.author);
  const author =
    authors.length > 0
      ? optionalString(`${RT}.author[0].display`, requireObject(`${RT}.author[0]`, authors[0]).display)
      : undefined;
  const custodian = optionalObject(`${RT}.custodian`, r.custodian);
  const { tags, favourite } = readTags(r);
  return withoutUndefined<HealthDocument>({
    id,
    title,
    kind: readKind(r.type),
    date: requireInstant(`${RT}.date`, r.date),
    author,
    organisation: custodian && optionalString(`${RT}.custodian.display`, custodian.display),
    description,
    tags,
    favourite,
    hiddenFromProfessionals: isHiddenFromProfessionals(r),
    contentType: requireString(`${path}.contentType`, attachment.contentType),
    size: optionalInteger(`${path}.size`, attachment.size),
    url: optionalString(`${path}.url`, attachment.url),
    version,
  });
}

/** Kind from the LOINC coding of `type`. */
function readKind(type: unknown): DocumentKind {
  const concept = optionalObject(`${RT}.type`, type);
  const codings = optionalArray(`${RT}.type.coding`, concept?.coding);
  for (const [index, coding] of codings.entries()) {
    const path = `${RT}.type.coding[${index}]`;
    if (!isObject(coding)) fail(path, 'is not an object');
    if (coding.system !== LOINC_SYSTEM) continue;
    const code = requireString(`${path}.code`, coding.code);
    return DOCUMENT_KINDS.find((info) => info.loinc === code)?.kind ?? 'other';
  }
  return 'other';
}

/** User tags (unique, in order) and the favourite flag from `meta.tag`. */
function readTags(r: Record<string, unknown>): { tags: string[]; favourite: boolean } {
  const meta = requireObject(`${RT}.meta`, r.meta);
  const tags: string[] = [];
  let favourite = false;
  for (const [index, tag] of optionalArray(`${RT}.meta.tag`, meta.tag).entries()) {
    const path = `${RT}.meta.tag[${index}]`;
    if (!isObject(tag)) fail(path, 'is not an object');
    if (tag.system === USER_TAG_SYSTEM) {
      const code = requireString(`${path}.code`, tag.code);
      if (!tags.includes(code)) tags.push(code);
    } else if (tag.system === FAVOURITE_SYSTEM) {
      if (requireString(`${path}.code`, tag.code) !== FAVOURITE_CODE) fail(`${path}.code`, 'is not a known code');
      favourite = true;
    }
  }
  return { tags, favourite };
}

/**
 * Writes a patient's document as a `DocumentReference` (status `current`).
 * An empty `id` or `version` (a document not yet stored) leaves `id` or
 * `meta.versionId` out, so the server assigns them.
 *
 * @throws MappingError when the document cannot be expressed (invalid date or id)
 */
export function healthDocumentToDocumentReference(doc: HealthDocument, context: FhirPatientContext): DocumentReference {
  if (doc.id !== '' && !isFhirId(doc.id)) fail('HealthDocument.id', 'is not a valid FHIR id');
  if (!isInstant(doc.date)) fail('HealthDocument.date', 'is not an ISO 8601 instant with offset');
  requireString('HealthDocument.title', doc.title);
  requireString('HealthDocument.contentType', doc.contentType);
  const info = DOCUMENT_KINDS.find((k) => k.kind === doc.kind);
  if (!info) fail('HealthDocument.kind', 'is not a known code');
  const tag: Coding[] = doc.tags.map((t, i) => {
    const code = requireString(`HealthDocument.tags[${i}]`, t);
    return { system: USER_TAG_SYSTEM, code, display: code };
  });
  if (doc.favourite) tag.push({ system: FAVOURITE_SYSTEM, code: FAVOURITE_CODE });
  const meta = withoutUndefined({
    versionId: doc.version || undefined,
    tag: nonEmpty(tag),
    security: doc.hiddenFromProfessionals ? [{ ...HIDDEN_FROM_PROFESSIONALS_LABEL }] : undefined,
  });
  return withoutUndefined<DocumentReference>({
    resourceType: RT,
    id: doc.id || undefined,
    meta: Object.keys(meta).length > 0 ? meta : undefined,
    status: 'current',
    type: { coding: [{ system: LOINC_SYSTEM, code: info.loinc, display: info.display }] },
    subject: patientReference(context.patientId),
    date: doc.date,
    author: doc.author === undefined ? undefined : [{ display: doc.author }],
    custodian: doc.organisation === undefined ? undefined : { display: doc.organisation },
    description: doc.description,
    content: [
      {
        attachment: withoutUndefined({ contentType: doc.contentType, size: doc.size, url: doc.url, title: doc.title }),
      },
    ],
  });
}
