/**
 * What a professional (a token with `fhirUser = Practitioner/<id>` and no
 * patient) may see and write. A professional sees only the patients who shared
 * their record with them (whose care team includes them, read at every request
 * so a removal takes effect at once), the message threads they are part of, and
 * the documents those patients attached to messages sent to them.
 */
import { FhirHttpError } from '../fhir/http.js';
import { COMPARTMENT_RULES, patientIdOf, type ResourceJson } from './compartment.js';
import { referencesIn } from './references.js';
import { contentsOf } from './hidden-documents.js';
import { isHiddenFromProfessionals } from '@carnet/catalog-sdk';
import { constrainProfessionalObservationSearch, professionalMayReadObservation } from './observations.js';

/** One request's view of a professional: computed from the stored care teams and messages. */
export interface ProfessionalView {
  practitionerId: string;
  /** Patients whose care team includes the professional now. */
  patients: ReadonlySet<string>;
  /** DocumentReference ids those patients attached to messages sent to the professional. */
  documents: ReadonlySet<string>;
  /** Binary ids holding the content of those documents. */
  binaries: ReadonlySet<string>;
  /** Binary ids of documents they were sent that the patient has hidden since: never opened. */
  hiddenContents: ReadonlySet<string>;
}

/** What the view is computed from. */
export interface ProfessionalSources {
  /** Patients whose care team includes the practitioner. */
  patientsOf(practitionerId: string): ReadonlySet<string>;
  /** Communications naming the practitioner as a recipient. */
  sentTo(practitionerId: string): Promise<ResourceJson[]>;
  lookup(type: string, id: string): Promise<ResourceJson | undefined>;
}

type Ref = { reference?: unknown } | undefined;

const idIn = (type: string, reference: unknown): string | undefined => {
  if (typeof reference !== 'string') return undefined;
  return new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$`).exec(reference)?.[1];
};

const refList = (value: unknown): Ref[] => (Array.isArray(value) ? (value as Ref[]) : value ? [value as Ref] : []);

/** True when the Communication has the practitioner as sender or recipient. */
export function involves(communication: ResourceJson, practitionerId: string): boolean {
  return [...refList(communication['sender']), ...refList(communication['recipient'])].some(
    (ref) => idIn('Practitioner', ref?.reference) === practitionerId,
  );
}

/** The subject patient of a Communication, when it names exactly one. */
function subjectOf(resource: ResourceJson): string | undefined {
  return patientIdOf((resource['subject'] as Ref)?.reference);
}

/** Builds the view for this request. */
export async function professionalView(
  practitionerId: string,
  sources: ProfessionalSources,
): Promise<ProfessionalView> {
  const patients = sources.patientsOf(practitionerId);
  const documents = new Set<string>();
  for (const message of await sources.sentTo(practitionerId)) {
    const patient = subjectOf(message);
    // Only what the patient sent, while they still share with the professional.
    if (!patient || !patients.has(patient)) continue;
    if (patientIdOf((message['sender'] as Ref)?.reference) !== patient) continue;
    const payload = Array.isArray(message['payload']) ? (message['payload'] as { contentReference?: Ref }[]) : [];
    for (const part of payload) {
      const id = idIn('DocumentReference', part.contentReference?.reference);
      if (id) documents.add(id);
    }
  }
  const binaries = new Set<string>();
  const hiddenDocuments: ResourceJson[] = [];
  await Promise.all(
    [...documents].map(async (id) => {
      const document = await sources.lookup('DocumentReference', id);
      const owner = document ? COMPARTMENT_RULES['DocumentReference']?.owners(document)[0] : undefined;
      if (!document || !owner || !patients.has(owner)) {
        documents.delete(id);
        return;
      }
      // Sent, then hidden by the patient: the message stays, the document no longer opens.
      if (isHiddenFromProfessionals(document)) {
        documents.delete(id);
        hiddenDocuments.push(document);
        return;
      }
      const content = Array.isArray(document['content'])
        ? (document['content'] as { attachment?: { url?: unknown } }[])
        : [];
      for (const item of content) {
        const binary = idIn('Binary', item.attachment?.url);
        if (binary) binaries.add(binary);
      }
    }),
  );
  const hiddenContents = contentsOf(hiddenDocuments);
  for (const id of binaries) hiddenContents.delete(id);
  return { practitionerId, patients, documents, binaries, hiddenContents };
}

/** True when every owner of the resource shared with the professional (and there is one). */
function ownedBySharing(view: ProfessionalView, resource: ResourceJson): boolean {
  const owners = COMPARTMENT_RULES[resource.resourceType]?.owners(resource) ?? [];
  return owners.length > 0 && owners.every((owner) => view.patients.has(owner));
}

/** True when the professional may see this resource. */
export function professionalMayRead(view: ProfessionalView, resource: ResourceJson): boolean {
  const id = resource.id ?? '';
  switch (resource.resourceType) {
    case 'Patient':
      return view.patients.has(id);
    case 'Practitioner':
      return id === view.practitionerId;
    case 'Communication':
      return ownedBySharing(view, resource) && involves(resource, view.practitionerId);
    case 'DocumentReference':
      return ownedBySharing(view, resource) && view.documents.has(id);
    case 'Binary':
      return ownedBySharing(view, resource) && view.binaries.has(id);
    case 'Observation':
      return professionalMayReadObservation(view.patients, resource);
    default:
      return false;
  }
}

function forbidden(): FhirHttpError {
  return new FhirHttpError(403, 'forbidden', 'A professional may not search this');
}

const COMMUNICATION_PARAMS = new Set(['category', 'status', 'sent', 'part-of', 'part-of:missing', 'based-on']);
const CONTROL = new Set(['_count', '_offset', '_sort', '_total']);

/**
 * The search a professional may run: their own message threads (as recipient,
 * or as sender with `sender=`), the patients who shared with them, themselves.
 */
export function constrainProfessionalSearch(
  type: string,
  query: URLSearchParams,
  view: ProfessionalView,
): URLSearchParams {
  if (type === 'Observation') return constrainProfessionalObservationSearch(query, view.patients);
  const out = new URLSearchParams();
  const self = `Practitioner/${view.practitionerId}`;
  if (type === 'Communication') {
    let asSender = false;
    for (const [name, value] of query) {
      if (name === 'sender') asSender = true;
      else if (name === 'recipient') continue;
      else if (COMMUNICATION_PARAMS.has(name) || CONTROL.has(name)) out.append(name, value);
      else throw new FhirHttpError(400, 'not-supported', 'Unsupported search parameter');
    }
    out.set(asSender ? 'sender' : 'recipient', self);
  } else if (type === 'Patient' || type === 'Practitioner') {
    for (const [name, value] of query) {
      if (name !== '_id' && !CONTROL.has(name))
        throw new FhirHttpError(400, 'not-supported', 'Unsupported search parameter');
      if (name !== '_id') out.append(name, value);
    }
    const allowed = type === 'Patient' ? [...view.patients] : [view.practitionerId];
    const asked = query.get('_id')?.split(',');
    const ids = allowed.filter((id) => !asked || asked.includes(id));
    out.set('_id', ids.length ? ids.join(',') : 'none-shared');
  } else {
    throw forbidden();
  }
  const count = Number(out.get('_count') ?? 20);
  out.set('_count', String(Number.isInteger(count) && count >= 0 ? Math.min(count, 1000) : 20));
  return out;
}

/** JSON with object keys sorted at every depth, to compare two versions of a resource. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonical(child)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** True when two versions of a message differ at most by when it was received (and server metadata). */
function sameExceptReadState(before: ResourceJson, after: ResourceJson): boolean {
  const strip = (resource: ResourceJson): string => {
    const copy: Record<string, unknown> = { ...resource };
    delete copy['received'];
    delete copy['meta'];
    return canonical(copy);
  };
  return strip(before) === strip(after);
}

/**
 * Checks a message a professional writes: a Communication about a patient who
 * shares with them, sent by themselves to that patient, pointing only at what
 * they may read (the thread's messages, the documents they were sent).
 */
export async function checkProfessionalWrite(
  view: ProfessionalView,
  body: ResourceJson,
  lookup: (type: string, id: string) => Promise<ResourceJson | undefined>,
  existing?: ResourceJson,
): Promise<void> {
  if (body.resourceType !== 'Communication')
    throw new FhirHttpError(403, 'forbidden', 'A professional may only write messages');
  const patient = subjectOf(body);
  if (!patient || !view.patients.has(patient))
    throw new FhirHttpError(403, 'forbidden', 'The patient has not shared their record with this professional');
  const senders = refList(body['sender']);
  if (senders.length !== 1 || idIn('Practitioner', senders[0]?.reference) !== view.practitionerId) {
    // Marking a patient's message read (`received`) is the only change a professional makes to it.
    if (!existing || !sameExceptReadState(existing, body) || !involves(body, view.practitionerId))
      throw new FhirHttpError(403, 'forbidden', 'A professional writes messages in their own name');
  }
  for (const reference of new Set(referencesIn(body))) {
    if (reference.startsWith('#')) continue;
    if (patientIdOf(reference) === patient) continue;
    if (idIn('Practitioner', reference) === view.practitionerId) continue;
    const communication = idIn('Communication', reference);
    if (communication) {
      const stored = await lookup('Communication', communication);
      if (stored && professionalMayRead(view, stored)) continue;
    }
    const document = idIn('DocumentReference', reference);
    if (document && view.documents.has(document)) continue;
    // A document the message already attached (since hidden by the patient): marking it read still works.
    if (document && existing && referencesIn(existing).includes(reference)) continue;
    throw new FhirHttpError(422, 'processing', 'A reference points outside what the professional may refer to');
  }
}
