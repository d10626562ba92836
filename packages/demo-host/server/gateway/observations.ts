/**
 * What a professional may see of a patient's measurements (`Observation`: the
 * pathology trackers' glucose, weight, blood pressure…; the blood group): every
 * Observation of a patient whose care team includes them, read-only, searched
 * one patient at a time. Caregivers: no grant part covers measurements yet, so
 * they see none (see `caregiver.ts`).
 */
import { FhirHttpError } from '../fhir/http.js';
import { COMPARTMENT_RULES, patientIdOf, type ResourceJson } from './compartment.js';
import { SEARCH_ALLOW_LIST } from './search.js';

/** True when the Observation belongs to one patient who shares her record with the professional. */
export function professionalMayReadObservation(patients: ReadonlySet<string>, resource: ResourceJson): boolean {
  const owners = COMPARTMENT_RULES['Observation']?.owners(resource) ?? [];
  return owners.length > 0 && owners.every((owner) => patients.has(owner));
}

const CONTROL = new Set(['_count', '_offset', '_sort', '_total']);

/**
 * A professional's search of Observations: it names one patient who shares with
 * them (`patient=` or `subject=`), else 403; parameters as for the patient
 * (`code`, `category`, `date`), no chains. The patient filter is set to that patient.
 */
export function constrainProfessionalObservationSearch(
  query: URLSearchParams,
  patients: ReadonlySet<string>,
): URLSearchParams {
  const allowed = SEARCH_ALLOW_LIST['Observation'] ?? {};
  const out = new URLSearchParams();
  const named = new Set<string>();
  for (const [name, value] of query) {
    if (name === 'patient' || name === 'subject') {
      for (const item of value.split(',')) named.add(patientIdOf(item) ?? (item.includes('/') ? '' : item));
      continue;
    }
    if (name.includes(':') || name.includes('.'))
      throw new FhirHttpError(400, 'not-supported', 'Unsupported search modifier');
    if (!(name in allowed) && !CONTROL.has(name))
      throw new FhirHttpError(400, 'not-supported', 'Unsupported search parameter');
    if (name === '_sort') {
      for (const key of value.split(',')) {
        const base = key.startsWith('-') ? key.slice(1) : key;
        if (!(base in allowed) && base !== '_lastUpdated' && base !== '_id')
          throw new FhirHttpError(400, 'not-supported', 'Unsupported _sort');
      }
    }
    out.append(name, value);
  }
  const [patient] = [...named];
  if (named.size !== 1 || !patient || !patients.has(patient))
    throw new FhirHttpError(
      403,
      'forbidden',
      'A professional searches the measurements of one patient who shares with them',
    );
  out.set('subject', `Patient/${patient}`);
  const count = Number(out.get('_count') ?? 20);
  out.set('_count', String(Number.isInteger(count) && count >= 0 ? Math.min(count, 1000) : 20));
  return out;
}
