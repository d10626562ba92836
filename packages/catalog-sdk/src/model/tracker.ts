/**
 * What patients measure every day for their condition (pathology trackers).
 * Each kind of measurement is a FHIR `Observation` with a LOINC code; today:
 * capillary blood glucose (diabetes), body weight and blood pressure (kidney
 * failure), the half-hour motor state of a Parkinson's diary. One repository
 * keeps every kind.
 */
import type { IsoInstant, RecordVersion } from './common.js';

/** Units a glucose value is entered and shown in (UCUM codes). France uses mg/dL; mmol/L is offered. */
export type GlucoseUnit = 'mg/dL' | 'mmol/L';

/** Every glucose unit, the French default first. */
export const GLUCOSE_UNITS: readonly GlucoseUnit[] = ['mg/dL', 'mmol/L'];

/**
 * When a glucose value was measured relative to meals: before a meal (fasting
 * included), after a meal (about two hours), at bedtime. FHIR: the Carnet
 * extension `meal-context` (valueCode).
 */
export type MealContext = 'before-meal' | 'after-meal' | 'bedtime';

/** Every meal context, in the order of a day. */
export const MEAL_CONTEXTS: readonly MealContext[] = ['before-meal', 'after-meal', 'bedtime'];

/** How a measurement reached the record. */
export type MeasurementOrigin = 'entered' | 'imported';

/**
 * One capillary blood glucose value (FHIR `Observation`, LOINC 41653-7 and
 * 2339-0 in mg/dL, 14743-9 and 15074-8 in mmol/L). Kept in the unit it was
 * entered in; compare values with `glucoseInMgPerDl`.
 */
export interface GlucoseReading {
  /** Record id (the `Observation` id on a platform). */
  id: string;
  /** Stored version (`meta.versionId`). */
  version: RecordVersion;
  /** When it was measured (ISO instant). */
  at: IsoInstant;
  /** The value, in `unit`. */
  value: number;
  /** The unit it was entered in (UCUM). */
  unit: GlucoseUnit;
  /** When it was measured relative to meals, when the patient said. */
  mealContext?: MealContext;
  /** `imported` for values read from a meter's export. */
  origin: MeasurementOrigin;
  /** The patient's note, e.g. « après le sport ». */
  note?: string;
}

/** A glucose value to record (`origin` defaults to `entered`). */
export type NewGlucoseReading = Omit<GlucoseReading, 'id' | 'version' | 'origin'> & { origin?: MeasurementOrigin };

/** When a weight was taken relative to a dialysis session. */
export type DialysisMoment = 'before-dialysis' | 'after-dialysis';

/** Both moments, in the order of a session. */
export const DIALYSIS_MOMENTS: readonly DialysisMoment[] = ['before-dialysis', 'after-dialysis'];

/**
 * A body weight (FHIR `Observation`, LOINC 29463-7, UCUM `kg`), taken before or
 * after a dialysis session when `moment` says so. FHIR: the Carnet extensions
 * `dialysis-moment` (valueCode) and `dialysis-session` (valueString: the session's start instant).
 */
export interface WeightReading {
  /** Record id. */
  id: string;
  /** Stored version. */
  version: RecordVersion;
  /** When it was taken (ISO instant). */
  at: IsoInstant;
  /** Kilograms, to 0.1 kg. */
  kg: number;
  /** Before or after a dialysis session. */
  moment?: DialysisMoment;
  /** Start instant of the dialysis session it belongs to (an agenda occurrence). */
  session?: IsoInstant;
  origin: MeasurementOrigin;
}

/** A weight to record. */
export type NewWeightReading = Omit<WeightReading, 'id' | 'version' | 'origin'> & { origin?: MeasurementOrigin };

/**
 * A blood pressure (FHIR `Observation`, LOINC 85354-9 panel with components
 * 8480-6 systolic and 8462-4 diastolic, UCUM `mm[Hg]`).
 */
export interface BloodPressureReading {
  /** Record id. */
  id: string;
  /** Stored version. */
  version: RecordVersion;
  /** When it was taken (ISO instant). */
  at: IsoInstant;
  /** Systolic pressure, mmHg. */
  systolic: number;
  /** Diastolic pressure, mmHg. */
  diastolic: number;
  origin: MeasurementOrigin;
}

/** A blood pressure to record. */
export type NewBloodPressureReading = Omit<BloodPressureReading, 'id' | 'version' | 'origin'> & {
  origin?: MeasurementOrigin;
};

/**
 * The motor state of a person with Parkinson's disease over half an hour, as
 * neurologists ask them to note it (a « Hauser diary »): `off` (slow, stiff,
 * the medicine not working), `on` (moving well), `on-dyskinesia` (on, with
 * troublesome involuntary movements) or `asleep`.
 */
export type MotorState = 'off' | 'on' | 'on-dyskinesia' | 'asleep';

/** Every motor state, in the order a diary offers them. */
export const MOTOR_STATES: readonly MotorState[] = ['off', 'on', 'on-dyskinesia', 'asleep'];

/** Length of one slot of the motor diary, in minutes. */
export const MOTOR_SLOT_MINUTES = 30;

/**
 * One half-hour slot of a Parkinson's motor diary (FHIR `Observation` coded
 * `motor-state` in the Carnet code system `observation-code`, its
 * `effectivePeriod` the slot, `valueCodeableConcept` the state in the Carnet
 * code system `motor-state`: see `MOTOR_STATE_OBSERVATION_CODE`). A slot holds
 * one state: change it with `update`, clear it with `remove`.
 */
export interface MotorStateEntry {
  /** Record id. */
  id: string;
  /** Stored version. */
  version: RecordVersion;
  /** Start of the slot (ISO instant): the key of `list` ranges. */
  at: IsoInstant;
  /** End of the slot (ISO instant), {@link MOTOR_SLOT_MINUTES} after `at`. */
  end: IsoInstant;
  /** The state the patient noted. */
  state: MotorState;
  origin: MeasurementOrigin;
}

/** A slot's state to record: `end` defaults to half an hour after `at`. */
export type NewMotorStateEntry = Omit<MotorStateEntry, 'id' | 'version' | 'origin' | 'end'> & {
  end?: IsoInstant;
  origin?: MeasurementOrigin;
};

/** The kinds of measurement a tracker keeps, and their entries. Other pathologies add kinds here. */
export interface TrackerEntries {
  /** Capillary blood glucose (diabetes). */
  glucose: GlucoseReading;
  /** Body weight (kidney failure: before and after dialysis). */
  weight: WeightReading;
  /** Blood pressure. */
  bloodPressure: BloodPressureReading;
  /** Half-hour motor state (Parkinson's diary). */
  motorState: MotorStateEntry;
}

/** A kind of measurement. */
export type TrackerKind = keyof TrackerEntries;

/** Every kind of measurement. */
export const TRACKER_KINDS: readonly TrackerKind[] = ['glucose', 'weight', 'bloodPressure', 'motorState'];

/** A new entry of one kind (no id, no version). */
export type NewTrackerEntry<K extends TrackerKind> = K extends 'glucose'
  ? NewGlucoseReading
  : K extends 'weight'
    ? NewWeightReading
    : K extends 'bloodPressure'
      ? NewBloodPressureReading
      : K extends 'motorState'
        ? NewMotorStateEntry
        : never;

/** A time window of measurements: `from` included, `to` excluded (ISO instants). */
export interface MeasurementRange {
  from: IsoInstant;
  to: IsoInstant;
}

/** What an import added and what it skipped because the record already had it. */
export interface ImportOutcome<T> {
  /** The entries added. */
  added: T[];
  /** How many rows were already on record (same time, same value). */
  skipped: number;
}
