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
  /**
   * Taken with the meal of its moment (morning → breakfast, noon → lunch, evening →
   * dinner; FHIR `when` CM/CD/CV): « 3 fois par jour aux repas ». Only for moments, never bedtime.
   */
  withMeal?: boolean;
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
  /**
   * Date the count starts from: units taken from that day on come out of `dispensed`.
   * A new box adds its units to `dispensed` and keeps this date.
   */
  dispensedOn: IsoDate;
  /** Units in one box, e.g. 30, so « une nouvelle boîte » knows what it adds. */
  unitsPerBox?: number;
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
  /**
   * Days between two dose days, counted from `start`: 2 is « tous les 2 jours ».
   * Absent or 1 means every day (or every `daysOfWeek`); never together with `daysOfWeek`.
   */
  everyDays?: number;
  instructions?: string;
  prescriber?: string;
  /** First day of treatment. */
  start: IsoDate;
  /** Last day of treatment, when bounded. */
  end?: IsoDate;
  /** When the prescription must be renewed. */
  renewalDate?: IsoDate;
  /**
   * When the patient stopped the treatment (FHIR status `stopped`): no dose is
   * scheduled from this instant on; doses before it stay in the history.
   */
  stoppedAt?: IsoInstant;
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

/** What a new box adds: a number of boxes of the plan's box size, or a number of units. */
export interface NewBox {
  /** Boxes bought (default 1), each of `stock.unitsPerBox` units. */
  boxes?: number;
  /** Units bought, when the plan has no box size or the box differs. */
  units?: number;
  /** Day of the purchase (default: today in the plan's zone); starts the count when the plan had no stock. */
  on?: IsoDate;
}

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
