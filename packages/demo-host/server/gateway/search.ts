import type { Bundle, BundleLink } from '@medplum/fhirtypes';
import { patientIdOf, type CompartmentRule } from './compartment.js';
import { FhirHttpError } from '../fhir/http.js';

/** Page size when the caller gives none, and the largest allowed. */
export const DEFAULT_COUNT = 20;
const MAX_COUNT = 1000;

/** Who searches: the token's patient and their care team. */
export interface SearchScope {
  patientId: string;
  careTeam: ReadonlySet<string>;
  /** Caregivers the patient may give access to (RelatedPerson ids). */
  caregivers?: ReadonlySet<string>;
  /** The professionals' directory (Practitioner ids), searched with `_list=directory`. */
  directory?: ReadonlySet<string>;
}

/** A search naming other patients: refused (403), and recorded in their trails. */
export class ForeignSearchError extends FhirHttpError {
  /** Builds the error naming the patients the search asked about. */
  constructor(readonly patients: readonly string[]) {
    super(403, 'forbidden', "Searching outside the patient's compartment is not allowed");
    this.name = 'ForeignSearchError';
  }
}

function forbidden(named: readonly string[], patientId: string): ForeignSearchError {
  return new ForeignSearchError(named.filter((id) => id !== patientId && !id.startsWith('\u0000')));
}

/** The patient ids a search value names (`Patient/x`, an absolute URL, or a bare id). */
function namedPatients(values: string[], bareIsPatient: boolean): string[] {
  return values
    .flatMap((value) => value.split(','))
    .map((value) => patientIdOf(value) ?? (bareIsPatient && !value.includes('/') ? value : `\u0000${value}`));
}

function refused(diagnostics: string): FhirHttpError {
  return new FhirHttpError(400, 'not-supported', diagnostics);
}

/** Result parameters every searchable type accepts; their values are checked below. */
const CONTROL = new Set(['_count', '_offset', '_sort', '_total', '_summary', '_include', '_revinclude']);

/**
 * What each type may be searched by, beyond `_id` and `_lastUpdated`: the
 * parameters the SDK and widgets use (see `catalog-sdk/src/sources/fhir`), each
 * with the modifiers it accepts (none unless listed). Chains (`a.b`, `a:Type.b`),
 * `_has`, `_filter`, other modifiers and anything unknown are refused with 400.
 */
export const SEARCH_ALLOW_LIST: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Patient: {},
  Practitioner: { name: [], family: [], _list: [] },
  DocumentReference: { date: [], type: [], category: [], status: [], _tag: [] },
  MedicationRequest: { status: [], authoredon: [], intent: [] },
  MedicationAdministration: { 'effective-time': [], request: [], status: [], identifier: [] },
  Communication: {
    category: [],
    sent: [],
    'part-of': ['missing'],
    'based-on': [],
    recipient: [],
    sender: [],
    status: [],
  },
  Appointment: { date: [], status: [], 'service-type': [], identifier: [] },
  CareTeam: { status: [] },
  Consent: { status: [] },
  AuditEvent: { date: [], action: [], 'entity-type': [] },
  AllergyIntolerance: { 'clinical-status': [], criticality: [] },
  Condition: { 'clinical-status': [], category: [] },
  Immunization: { date: [], status: [] },
  Observation: { code: [], category: [], date: [] },
  RelatedPerson: {},
};

/** `_include` / `_revinclude` values offered per type (never `*`, never `:iterate`). */
const INCLUDES: Readonly<Record<string, { include: readonly string[]; revinclude: readonly string[] }>> = {
  Communication: { include: ['Communication:based-on', 'Communication:part-of'], revinclude: [] },
  MedicationAdministration: { include: ['MedicationAdministration:request'], revinclude: [] },
  DocumentReference: { include: [], revinclude: ['Communication:based-on'] },
};

const TOTALS = new Set(['accurate', 'estimate', 'none']);

/** Checks a `_sort` value: allowed parameters of the type, optionally descending. */
function checkSort(value: string, allowed: Readonly<Record<string, readonly string[]>>): void {
  for (const key of value.split(',')) {
    const name = key.startsWith('-') ? key.slice(1) : key;
    if (!(name in allowed) && name !== '_lastUpdated' && name !== '_id') throw refused('Unsupported _sort');
  }
}

/**
 * Rewrites a search so it stays inside the caller's compartment: only allowed
 * parameters and modifiers (400 otherwise); a search naming another patient is
 * refused (403); the patient filter is set to the caller's. `patient=` becomes
 * the type's reference parameter (`subject`, `actor`, ...), which Medplum's
 * in-memory engine answers far faster. `_summary=count` becomes `_count=0`.
 */
export function constrainSearch(
  resourceType: string,
  rule: CompartmentRule,
  query: URLSearchParams,
  scope: SearchScope,
): URLSearchParams {
  const allowed = SEARCH_ALLOW_LIST[resourceType];
  if (!allowed) throw new FhirHttpError(405, 'not-supported', 'Search is not supported on this type');
  const out = new URLSearchParams();
  const patientNames = new Set(['patient', ...(rule.patientParam ? [rule.patientParam] : [])]);
  let countOnly = false;
  for (const [name, value] of query) {
    // Chains in any position, reverse chains and free filters could reach into other records.
    if (name.includes('.') || name.startsWith('_has') || name === '_filter')
      throw refused('Chained search, _has and _filter are not supported');
    const [base = '', modifier, ...rest] = name.split(':');
    if (rest.length > 0) throw refused('Unsupported search modifier');
    if (CONTROL.has(base) || base === '_id' || base === '_lastUpdated' || patientNames.has(base)) {
      if (modifier !== undefined) throw refused('Unsupported search modifier');
    } else {
      const modifiers = allowed[base];
      if (!modifiers) throw refused('Unsupported search parameter');
      if (modifier !== undefined && !modifiers.includes(modifier)) throw refused('Unsupported search modifier');
    }
    if (patientNames.has(base)) {
      const named = namedPatients([value], true);
      if (named.some((id) => id !== scope.patientId)) throw forbidden(named, scope.patientId);
      continue;
    }
    if (base === '_id' && resourceType === 'Patient') {
      if (value.split(',').some((id) => id !== scope.patientId)) throw forbidden(value.split(','), scope.patientId);
      continue;
    }
    if (base === '_summary') {
      if (value !== 'count') throw refused('Only _summary=count is supported');
      countOnly = true;
      continue;
    }
    if (base === '_include' || base === '_revinclude') {
      const offered = INCLUDES[resourceType]?.[base === '_include' ? 'include' : 'revinclude'] ?? [];
      if (!offered.includes(value)) throw refused(`Unsupported ${base}`);
    }
    if (base === '_total' && !TOTALS.has(value)) throw refused('Unsupported _total');
    if (base === '_sort') checkSort(value, allowed);
    out.append(name, value);
  }
  if (resourceType === 'Patient') {
    out.set('_id', scope.patientId);
  } else if (resourceType === 'RelatedPerson' && !query.has('patient')) {
    // Without `patient`: the caregivers she may give access to (a directory). With it: her
    // emergency contacts, in her compartment (the rule below); a caregiver's RelatedPerson
    // never belongs to a patient, so it is never found that way.
    const asked = out.get('_id')?.split(',');
    const allowedIds = [...(scope.caregivers ?? [])].filter((id) => !asked || asked.includes(id));
    out.set('_id', allowedIds.length ? allowedIds.join(',') : 'none-known');
  } else if (resourceType === 'Practitioner') {
    const asked = out.get('_id')?.split(',');
    const list = out.get('_list');
    if (list !== null && list !== 'directory') throw refused('Only _list=directory is supported');
    out.delete('_list');
    const offered = list === 'directory' ? (scope.directory ?? new Set<string>()) : scope.careTeam;
    const allowedIds = [...offered].filter((id) => !asked || asked.includes(id));
    out.set('_id', allowedIds.length ? allowedIds.join(',') : 'none-in-care-team');
  } else if (rule.patientParam) {
    out.set(rule.patientParam, `Patient/${scope.patientId}`);
  } else {
    throw new FhirHttpError(405, 'not-supported', 'Search is not supported on this type');
  }
  if (countOnly) {
    out.delete('_include');
    out.delete('_revinclude');
    out.set('_count', '0');
    out.set('_total', 'accurate');
    out.delete('_offset');
    return out;
  }
  const count = Number(out.get('_count') ?? DEFAULT_COUNT);
  out.set('_count', String(Number.isInteger(count) && count >= 0 ? Math.min(count, MAX_COUNT) : DEFAULT_COUNT));
  const offset = Number(out.get('_offset') ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw new FhirHttpError(400, 'invalid', 'Invalid _offset');
  return out;
}

/** Adds `self`/`first`/`previous`/`next` links and `fullUrl`s to a search result. */
export function linkSearchBundle(bundle: Bundle, typeUrl: string, query: URLSearchParams, fhirBaseUrl: string): Bundle {
  const count = Number(query.get('_count') ?? DEFAULT_COUNT);
  const offset = Number(query.get('_offset') ?? 0);
  const page = (at: number): string => {
    const params = new URLSearchParams(query);
    params.set('_offset', String(Math.max(0, at)));
    return `${typeUrl}?${params.toString()}`;
  };
  const links: BundleLink[] = [
    { relation: 'self', url: page(offset) },
    { relation: 'first', url: page(0) },
  ];
  if (offset > 0 && count > 0) links.push({ relation: 'previous', url: page(offset - count) });
  const matches = (bundle.entry ?? []).filter((e) => e.search?.mode !== 'include').length;
  const more = bundle.total !== undefined ? offset + count < bundle.total : matches >= count;
  if (count > 0 && more) links.push({ relation: 'next', url: page(offset + count) });
  return {
    ...bundle,
    link: links,
    entry: (bundle.entry ?? []).map((entry) => ({
      ...entry,
      ...(entry.resource?.id ? { fullUrl: `${fhirBaseUrl}/${entry.resource.resourceType}/${entry.resource.id}` } : {}),
    })),
  };
}
