/**
 * Kidney failure measurements ↔ FHIR R4 `Observation` (vital-signs profile):
 * body weight LOINC 29463-7 in UCUM `kg` (with the Carnet extensions
 * `dialysis-moment` and `dialysis-session`), blood pressure LOINC 85354-9
 * with components 8480-6 (systolic) and 8462-4 (diastolic) in UCUM `mm[Hg]`.
 */
import type { Observation, ObservationComponent } from '@medplum/fhirtypes';
import { DIALYSIS_MOMENTS, type BloodPressureReading, type WeightReading } from '../tracker.js';
import { LOINC_SYSTEM } from '../document.js';
import { ExtensionReader, booleanExtension, codeExtension, dateTimeExtension } from './extensions.js';
import type { FhirPatientContext } from './patient.js';
import {
  fail,
  isObject,
  optionalArray,
  readResource,
  referenceTo,
  requireCode,
  requireId,
  requireInstant,
  requireObject,
  requireQuantityValue,
  requireVersion,
  nonEmpty,
  withoutUndefined,
} from './read.js';
import {
  DIALYSIS_MOMENT_EXTENSION_URL,
  DIALYSIS_SESSION_EXTENSION_URL,
  IMPORTED_EXTENSION_URL,
  PATIENT_REPORTED_EXTENSION_URL,
} from './urls.js';
import { UCUM_SYSTEM } from './tracker.js';

/** LOINC « Body weight ». */
export const BODY_WEIGHT_LOINC = '29463-7';
/** LOINC « Blood pressure panel with all children optional ». */
export const BLOOD_PRESSURE_PANEL_LOINC = '85354-9';
/** LOINC « Systolic blood pressure ». */
export const SYSTOLIC_LOINC = '8480-6';
/** LOINC « Diastolic blood pressure ». */
export const DIASTOLIC_LOINC = '8462-4';

const VITAL_SIGNS = [
  {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/observation-category',
        code: 'vital-signs',
        display: 'Vital Signs',
      },
    ],
  },
];

const hasCode = (resource: Observation, code: string): boolean =>
  (resource.code?.coding ?? []).some((coding) => coding.system === LOINC_SYSTEM && coding.code === code);

/** True for a body weight Observation. */
export function isWeightObservation(resource: Observation): boolean {
  return hasCode(resource, BODY_WEIGHT_LOINC);
}

/** True for a blood pressure panel Observation. */
export function isBloodPressureObservation(resource: Observation): boolean {
  return hasCode(resource, BLOOD_PRESSURE_PANEL_LOINC);
}

function quantityIn(path: string, value: unknown, units: readonly string[]): number {
  const quantity = requireObject(path, value);
  requireCode(`${path}.code`, quantity.code ?? quantity.unit, units);
  return requireQuantityValue(`${path}.value`, quantity.value);
}

function common(
  RT: string,
  r: Record<string, unknown>,
): { id: string; version: string; at: string; origin: 'entered' | 'imported' } {
  const extensions = new ExtensionReader(RT, r.extension);
  return {
    id: requireId(r, RT),
    version: requireVersion(r, RT),
    at: new Date(requireInstant(`${RT}.effectiveDateTime`, r.effectiveDateTime)).toISOString(),
    origin: extensions.boolean(IMPORTED_EXTENSION_URL) === true ? 'imported' : 'entered',
  };
}

/** Reads a body weight `Observation`: kilograms, and the dialysis session it belongs to when it says. */
export function observationToWeightReading(resource: Observation): WeightReading {
  const RT = 'Observation';
  const r = readResource(resource, RT);
  if (!isWeightObservation(r as unknown as Observation)) fail(`${RT}.code`, 'is not a body weight code');
  const extensions = new ExtensionReader(RT, r.extension);
  const moment = extensions.code(DIALYSIS_MOMENT_EXTENSION_URL);
  const session = extensions.instant(DIALYSIS_SESSION_EXTENSION_URL);
  return withoutUndefined<WeightReading>({
    ...common(RT, r),
    kg: quantityIn(`${RT}.valueQuantity`, r.valueQuantity, ['kg']),
    moment:
      moment === undefined ? undefined : requireCode(`${RT}.extension[dialysis-moment]`, moment, DIALYSIS_MOMENTS),
    session: session === undefined ? undefined : new Date(session).toISOString(),
  });
}

/** Writes a body weight as a final, patient-reported vital-signs `Observation` (LOINC 29463-7, kg). */
export function weightReadingToObservation(reading: WeightReading, context: FhirPatientContext): Observation {
  const RT = 'Observation';
  return withoutUndefined<Observation>({
    resourceType: RT,
    id: reading.id === '' ? undefined : reading.id,
    meta: reading.version === '' ? undefined : { versionId: reading.version },
    extension: nonEmpty([
      booleanExtension(PATIENT_REPORTED_EXTENSION_URL, true),
      codeExtension(DIALYSIS_MOMENT_EXTENSION_URL, reading.moment),
      dateTimeExtension(DIALYSIS_SESSION_EXTENSION_URL, reading.session),
      reading.origin === 'imported' ? booleanExtension(IMPORTED_EXTENSION_URL, true) : undefined,
    ]),
    status: 'final',
    category: VITAL_SIGNS,
    code: { coding: [{ system: LOINC_SYSTEM, code: BODY_WEIGHT_LOINC, display: 'Body weight' }], text: 'Poids' },
    subject: referenceTo(`${RT}.subject`, 'Patient', context.patientId),
    effectiveDateTime: reading.at,
    valueQuantity: { value: reading.kg, unit: 'kg', system: UCUM_SYSTEM, code: 'kg' },
  });
}

function componentValue(RT: string, components: readonly unknown[], code: string): number {
  for (const [i, component] of components.entries()) {
    if (!isObject(component)) continue;
    const codings = optionalArray(
      `${RT}.component[${i}].code.coding`,
      (component.code as { coding?: unknown })?.coding,
    );
    if (codings.some((coding) => isObject(coding) && coding.system === LOINC_SYSTEM && coding.code === code))
      return quantityIn(`${RT}.component[${i}].valueQuantity`, component.valueQuantity, ['mm[Hg]']);
  }
  return fail(`${RT}.component`, `has no ${code} value`);
}

/** Reads a blood pressure panel `Observation`: systolic and diastolic components in mm[Hg]. */
export function observationToBloodPressureReading(resource: Observation): BloodPressureReading {
  const RT = 'Observation';
  const r = readResource(resource, RT);
  if (!isBloodPressureObservation(r as unknown as Observation)) fail(`${RT}.code`, 'is not a blood pressure panel');
  const components = optionalArray(`${RT}.component`, r.component);
  return {
    ...common(RT, r),
    systolic: componentValue(RT, components, SYSTOLIC_LOINC),
    diastolic: componentValue(RT, components, DIASTOLIC_LOINC),
  };
}

function pressure(code: string, display: string, value: number): ObservationComponent {
  return {
    code: { coding: [{ system: LOINC_SYSTEM, code, display }] },
    valueQuantity: { value, unit: 'mmHg', system: UCUM_SYSTEM, code: 'mm[Hg]' },
  };
}

/** Writes a blood pressure as a final vital-signs panel `Observation` (LOINC 85354-9, 8480-6, 8462-4). */
export function bloodPressureReadingToObservation(
  reading: BloodPressureReading,
  context: FhirPatientContext,
): Observation {
  const RT = 'Observation';
  return withoutUndefined<Observation>({
    resourceType: RT,
    id: reading.id === '' ? undefined : reading.id,
    meta: reading.version === '' ? undefined : { versionId: reading.version },
    extension: nonEmpty([
      booleanExtension(PATIENT_REPORTED_EXTENSION_URL, true),
      reading.origin === 'imported' ? booleanExtension(IMPORTED_EXTENSION_URL, true) : undefined,
    ]),
    status: 'final',
    category: VITAL_SIGNS,
    code: {
      coding: [
        {
          system: LOINC_SYSTEM,
          code: BLOOD_PRESSURE_PANEL_LOINC,
          display: 'Blood pressure panel with all children optional',
        },
      ],
      text: 'Tension artérielle',
    },
    subject: referenceTo(`${RT}.subject`, 'Patient', context.patientId),
    effectiveDateTime: reading.at,
    component: [
      pressure(SYSTOLIC_LOINC, 'Systolic blood pressure', reading.systolic),
      pressure(DIASTOLIC_LOINC, 'Diastolic blood pressure', reading.diastolic),
    ],
  });
}
