import type { IsoDate, IsoInstant, RecordVersion, Weekday } from './common.js';

/** Moments of the day used by the pill organiser. */
export type DayPeriod = 'morning' | 'noon' | 'evening' | 'bedtime';

/** All day periods, in the order of the day. */
export const DAY_PERIODS: readonly DayPeriod[] = ['morning', 'noon', 'evening', 'bedtime'];

/**
 * When one dose is taken: an exact time (Parkinson's levodopa at 07:00, 11:00, ...)
 * or a moment of the day mapped to the patient's meal and bed times.
 */
export interface DoseSlot {
  /** Exact wall-clock time `HH:mm`. */
  time?: string;
  /** Moment of the day, when no exact time is prescribed. */
  period?: DayPeriod;
  /** Number of units at this slot, when different from the plan's dose. */
  quantity?: number;
}

/** A medicine, identified for display and, when known, by code. */
export interface Medication {
  /** Display, e.g. « Lévodopa/Carbidopa 100 mg/25 mg, comprimé ». */
  display: string;
  /** Code (e.g. French CIS or ATC) when known. */
  code?: string;
  /** Code system URI of `code`. */
  system?: string;
}

/** Dispensed stock of a medicine. */
export interface MedicationStock {
  /** Units dispensed, e.g. 90 tablets. */
  dispensed: number;
  /** Unit, e.g. « comprimé ». */
  unit: string;
  /** Date of the last dispensing. */
  dispensedOn: IsoDate;
}

/** A medication plan from a prescription (FHIR `MedicationRequest`). */
export interface MedicationPlan {
  id: string;
  medication: Medication;
  /** Units per dose, e.g. 1. */
  dose: number;
  /** Unit of a dose, e.g. « comprimé », « UI ». */
  doseUnit: string;
  /** When doses are taken each day. */
  slots: DoseSlot[];
  /** Days of the week doses are taken; absent means every day. */
  daysOfWeek?: Weekday[];
  instructions?: string;
  prescriber?: string;
  /** First day of treatment. */
  start: IsoDate;
  /** Last day of treatment, when bounded. */
  end?: IsoDate;
  /** When the prescription must be renewed. */
  renewalDate?: IsoDate;
  stock?: MedicationStock;
  /** Minutes after the scheduled time a dose still counts as on time. */
  lateToleranceMinutes?: number;
  /** IANA time zone of the slots. */
  timeZone: string;
  version: RecordVersion;
}

/** What a caller gives to create a plan. */
export type NewMedicationPlan = Omit<MedicationPlan, 'id' | 'version' | 'timeZone'> &
  Partial<Pick<MedicationPlan, 'timeZone'>>;

/** Outcome of one scheduled dose. */
export type IntakeStatus = 'taken' | 'skipped';

/**
 * What the patient recorded for one scheduled dose (FHIR `MedicationAdministration`,
 * patient-reported). There is at most one record per plan and scheduled time.
 */
export interface IntakeRecord {
  id: string;
  planId: string;
  /** Scheduled instant of the dose. */
  scheduledAt: IsoInstant;
  status: IntakeStatus;
  /** When it was actually taken (status `taken`). */
  takenAt?: IsoInstant;
  /** Why it was skipped (status `skipped`). */
  reason?: string;
  note?: string;
  version: RecordVersion;
}

/** What a caller gives to record an intake. */
export type NewIntakeRecord = Omit<IntakeRecord, 'id' | 'version'>;
