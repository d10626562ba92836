/**
 * Tracker entries ↔ FHIR R4 `Observation`.
 *
 * Glucose: `status` final, category `laboratory`, `code` LOINC 41653-7
 * « Glucose [Mass/volume] in Capillary blood by Glucometer » with 2339-0
 * « Glucose [Mass/volume] in Blood » when the value is in mg/dL, 14743-9 and
 * 15074-8 (the Moles/volume twins) in mmol/L; `valueQuantity` in UCUM (`mg/dL`
 * or `mmol/L`), `effectiveDateTime` the moment measured, the meal context in
 * the Carnet extension `meal-context` (valueCode), self-measured values marked
 * `patient-reported`, imported ones `imported`.
 */
import type { Observation } from '@medplum/fhirtypes';
import { GLUCOSE_UNITS, MEAL_CONTEXTS, type GlucoseReading, type GlucoseUnit, type MealContext } from '../tracker.js';
import { ExtensionReader, booleanExtension, codeExtension } from './extensions.js';
import { LOINC_SYSTEM } from '../document.js';
import type { FhirPatientContext } from './patient.js';
import {
  fail,
  isObject,
  optionalArray,
  optionalString,
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
import { IMPORTED_EXTENSION_URL, MEAL_CONTEXT_EXTENSION_URL, PATIENT_REPORTED_EXTENSION_URL } from './urls.js';

/** UCUM system URL. */
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
/** LOINC « Glucose [Mass/volume] in Capillary blood by Glucometer ». */
export const CAPILLARY_GLUCOSE_LOINC = '41653-7';
/** LOINC « Glucose [Mass/volume] in Blood ». */
export const BLOOD_GLUCOSE_LOINC = '2339-0';
/** LOINC « Glucose [Moles/volume] in Capillary blood by Glucometer ». */
export const CAPILLARY_GLUCOSE_MOLAR_LOINC = '14743-9';
/** LOINC « Glucose [Moles/volume] in Blood ». */
export const BLOOD_GLUCOSE_MOLAR_LOINC = '15074-8';

/** Every LOINC code read as a glucose value (search with `code=` any of them). */
export const GLUCOSE_LOINC_CODES: readonly string[] = [
  CAPILLARY_GLUCOSE_LOINC,
  BLOOD_GLUCOSE_LOINC,
  CAPILLARY_GLUCOSE_MOLAR_LOINC,
  BLOOD_GLUCOSE_MOLAR_LOINC,
];

const GLUCOSE_CODINGS: Record<GlucoseUnit, { code: string; display: string }[]> = {
  'mg/dL': [
    { code: CAPILLARY_GLUCOSE_LOINC, display: 'Glucose [Mass/volume] in Capillary blood by Glucometer' },
    { code: BLOOD_GLUCOSE_LOINC, display: 'Glucose [Mass/volume] in Blood' },
  ],
  'mmol/L': [
    { code: CAPILLARY_GLUCOSE_MOLAR_LOINC, display: 'Glucose [Moles/volume] in Capillary blood by Glucometer' },
    { code: BLOOD_GLUCOSE_MOLAR_LOINC, display: 'Glucose [Moles/volume] in Blood' },
  ],
};

/** True when the Observation is coded as a glucose value. */
export function isGlucoseObservation(resource: Observation): boolean {
  return (resource.code?.coding ?? []).some(
    (coding) => coding.system === LOINC_SYSTEM && GLUCOSE_LOINC_CODES.includes(coding.code ?? ''),
  );
}

/** Reads a glucose `Observation`: value and UCUM unit, moment, meal context, origin, note. */
export function observationToGlucoseReading(resource: Observation): GlucoseReading {
  const RT = 'Observation';
  const r = readResource(resource, RT);
  if (!isGlucoseObservation(r as unknown as Observation)) fail(`${RT}.code`, 'is not a glucose code');
  const quantity = requireObject(`${RT}.valueQuantity`, r.valueQuantity);
  const unitCode = quantity.code ?? quantity.unit;
  const unit = requireCode(`${RT}.valueQuantity.code`, unitCode, GLUCOSE_UNITS);
  const extensions = new ExtensionReader(RT, r.extension);
  const mealCode = extensions.code(MEAL_CONTEXT_EXTENSION_URL);
  const mealContext: MealContext | undefined =
    mealCode === undefined ? undefined : requireCode(`${RT}.extension[meal-context]`, mealCode, MEAL_CONTEXTS);
  const [firstNote] = optionalArray(`${RT}.note`, r.note);
  const note = isObject(firstNote) ? optionalString(`${RT}.note[0].text`, firstNote.text) : undefined;
  const at = requireInstant(`${RT}.effectiveDateTime`, r.effectiveDateTime);
  return withoutUndefined<GlucoseReading>({
    id: requireId(r, RT),
    version: requireVersion(r, RT),
    at: new Date(at).toISOString(),
    value: requireQuantityValue(`${RT}.valueQuantity.value`, quantity.value),
    unit,
    mealContext,
    origin: extensions.boolean(IMPORTED_EXTENSION_URL) === true ? 'imported' : 'entered',
    note,
  });
}

/** Writes a glucose value as a final, patient-reported `Observation` (see the module comment for codes). */
export function glucoseReadingToObservation(reading: GlucoseReading, context: FhirPatientContext): Observation {
  const RT = 'Observation';
  return withoutUndefined<Observation>({
    resourceType: RT,
    id: reading.id === '' ? undefined : reading.id,
    meta: reading.version === '' ? undefined : { versionId: reading.version },
    extension: nonEmpty([
      booleanExtension(PATIENT_REPORTED_EXTENSION_URL, true),
      codeExtension(MEAL_CONTEXT_EXTENSION_URL, reading.mealContext),
      reading.origin === 'imported' ? booleanExtension(IMPORTED_EXTENSION_URL, true) : undefined,
    ]),
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'laboratory',
            display: 'Laboratory',
          },
        ],
      },
    ],
    code: {
      coding: GLUCOSE_CODINGS[reading.unit].map((coding) => ({ system: LOINC_SYSTEM, ...coding })),
      text: 'Glycémie capillaire',
    },
    subject: referenceTo(`${RT}.subject`, 'Patient', context.patientId),
    effectiveDateTime: reading.at,
    valueQuantity: { value: reading.value, unit: reading.unit, system: UCUM_SYSTEM, code: reading.unit },
    note: reading.note ? [{ text: reading.note }] : undefined,
  });
}
