/**
 * Parkinson's motor diary ↔ FHIR R4 `Observation`.
 *
 * No LOINC code names the « on / off » state of a person with Parkinson's
 * disease, so Carnet codes it in its own code systems (under `CARNET_FHIR_BASE`):
 *
 * - `code`: {@link OBSERVATION_CODE_SYSTEM} `|` {@link MOTOR_STATE_OBSERVATION_CODE}
 *   (`https://carnet.example.org/fhir/CodeSystem/observation-code|motor-state`);
 * - `effectivePeriod`: the half-hour slot (`start` included, `end` excluded);
 * - `valueCodeableConcept`: {@link MOTOR_STATE_SYSTEM} `|` `off`, `on`,
 *   `on-dyskinesia` or `asleep`, with an English display and the French words as `text`;
 * - category `survey` (a patient diary), `status` final, the Carnet
 *   `patient-reported` extension, `imported` when read from a file.
 *
 * Search a day's diary with
 * `code=https://carnet.example.org/fhir/CodeSystem/observation-code|motor-state&date=ge…&date=lt…`.
 */
import type { Observation } from '@medplum/fhirtypes';
import { MOTOR_STATES, type MotorState, type MotorStateEntry } from '../tracker.js';
import { ExtensionReader, booleanExtension } from './extensions.js';
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
  requireVersion,
  nonEmpty,
  withoutUndefined,
} from './read.js';
import {
  IMPORTED_EXTENSION_URL,
  MOTOR_STATE_SYSTEM,
  OBSERVATION_CODE_SYSTEM,
  PATIENT_REPORTED_EXTENSION_URL,
} from './urls.js';

/** The code of a motor diary slot in {@link OBSERVATION_CODE_SYSTEM}. */
export const MOTOR_STATE_OBSERVATION_CODE = 'motor-state';

const STATE_WORDS: Record<MotorState, { display: string; text: string }> = {
  off: { display: 'Off', text: 'Off' },
  on: { display: 'On', text: 'On' },
  'on-dyskinesia': { display: 'On with troublesome dyskinesia', text: 'On avec dyskinésies' },
  asleep: { display: 'Asleep', text: 'Endormi' },
};

/** True when the Observation is a slot of a motor diary. */
export function isMotorStateObservation(resource: Observation): boolean {
  return (resource.code?.coding ?? []).some(
    (coding) => coding.system === OBSERVATION_CODE_SYSTEM && coding.code === MOTOR_STATE_OBSERVATION_CODE,
  );
}

/** Reads a motor diary slot: its period and the state noted. */
export function observationToMotorStateEntry(resource: Observation): MotorStateEntry {
  const RT = 'Observation';
  const r = readResource(resource, RT);
  if (!isMotorStateObservation(r as unknown as Observation)) fail(`${RT}.code`, 'is not a motor state code');
  const period = requireObject(`${RT}.effectivePeriod`, r.effectivePeriod);
  const value = requireObject(`${RT}.valueCodeableConcept`, r.valueCodeableConcept);
  const coding = optionalArray(`${RT}.valueCodeableConcept.coding`, value.coding).find(
    (item) => isObject(item) && item.system === MOTOR_STATE_SYSTEM,
  );
  if (!isObject(coding)) fail(`${RT}.valueCodeableConcept.coding`, 'has no motor state');
  const extensions = new ExtensionReader(RT, r.extension);
  return {
    id: requireId(r, RT),
    version: requireVersion(r, RT),
    at: new Date(requireInstant(`${RT}.effectivePeriod.start`, period.start)).toISOString(),
    end: new Date(requireInstant(`${RT}.effectivePeriod.end`, period.end)).toISOString(),
    state: requireCode(`${RT}.valueCodeableConcept.coding.code`, coding.code, MOTOR_STATES),
    origin: extensions.boolean(IMPORTED_EXTENSION_URL) === true ? 'imported' : 'entered',
  };
}

/** Writes a motor diary slot as a final, patient-reported `Observation` (see the module comment for codes). */
export function motorStateEntryToObservation(entry: MotorStateEntry, context: FhirPatientContext): Observation {
  const RT = 'Observation';
  const words = STATE_WORDS[entry.state];
  return withoutUndefined<Observation>({
    resourceType: RT,
    id: entry.id === '' ? undefined : entry.id,
    meta: entry.version === '' ? undefined : { versionId: entry.version },
    extension: nonEmpty([
      booleanExtension(PATIENT_REPORTED_EXTENSION_URL, true),
      entry.origin === 'imported' ? booleanExtension(IMPORTED_EXTENSION_URL, true) : undefined,
    ]),
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' },
        ],
      },
    ],
    code: {
      coding: [
        {
          system: OBSERVATION_CODE_SYSTEM,
          code: MOTOR_STATE_OBSERVATION_CODE,
          display: "Parkinson's disease motor state over a half-hour",
        },
      ],
      text: 'État moteur (journal Parkinson)',
    },
    subject: referenceTo(`${RT}.subject`, 'Patient', context.patientId),
    effectivePeriod: { start: entry.at, end: entry.end },
    valueCodeableConcept: {
      coding: [{ system: MOTOR_STATE_SYSTEM, code: entry.state, display: words.display }],
      text: words.text,
    },
  });
}
