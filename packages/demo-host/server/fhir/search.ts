import type { Bundle, BundleLink } from '@medplum/fhirtypes';
import { patientIdOf, type CompartmentRule } from './compartment.js';
import { FhirHttpError } from './http.js';

/** Page size when the caller gives none, and the largest allowed. */
export const DEFAULT_COUNT = 20;
const MAX_COUNT = 1000;

/** Who searches: the token's patient and their care team. */
export interface SearchScope {
  patientId: string;
  careTeam: ReadonlySet<string>;
}

function forbidden(): FhirHttpError {
  return new FhirHttpError(403, 'forbidden', "Searching outside the patient's compartment is not allowed");
}

/** The patient ids a search value names (`Patient/x`, an absolute URL, or a bare id). */
function namedPatients(values: string[], bareIsPatient: boolean): string[] {
  return values
    .flatMap((value) => value.split(','))
    .map((value) => patientIdOf(value) ?? (bareIsPatient && !value.includes('/') ? value : `\u0000${value}`));
}

/**
 * Rewrites a search so it stays inside the caller's compartment: a search naming
 * another patient is refused (403); the patient filter is set to the caller's.
 * `patient=` becomes the type's reference parameter (`subject`, `actor`, ...),
 * which Medplum's in-memory engine answers far faster.
 */
export function constrainSearch(
  resourceType: string,
  rule: CompartmentRule,
  query: URLSearchParams,
  scope: SearchScope,
): URLSearchParams {
  const out = new URLSearchParams();
  const patientNames = new Set(['patient', ...(rule.patientParam ? [rule.patientParam] : [])]);
  for (const [name, value] of query) {
    const base = name.split(':')[0] ?? name;
    // Chains and reverse chains could reach into other patients' data.
    if (base === '_has' || base.includes('.'))
      throw new FhirHttpError(400, 'not-supported', 'Chained search is not supported');
    if (patientNames.has(base)) {
      const named = namedPatients([value], true);
      if (named.some((id) => id !== scope.patientId)) throw forbidden();
      continue;
    }
    if (base === '_id' && resourceType === 'Patient') {
      if (value.split(',').some((id) => id !== scope.patientId)) throw forbidden();
      continue;
    }
    out.append(name, value);
  }
  if (resourceType === 'Patient') {
    out.set('_id', scope.patientId);
  } else if (resourceType === 'Practitioner') {
    const asked = out.get('_id')?.split(',');
    const allowed = [...scope.careTeam].filter((id) => !asked || asked.includes(id));
    out.set('_id', allowed.length ? allowed.join(',') : 'none-in-care-team');
  } else if (rule.patientParam) {
    out.set(rule.patientParam, `Patient/${scope.patientId}`);
  } else {
    throw new FhirHttpError(405, 'not-supported', 'Search is not supported on this type');
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
