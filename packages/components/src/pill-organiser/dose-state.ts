/**
 * The state of one scheduled dose as the grid shows it, by the same rules as the
 * SDK's `computeAdherence`: late when taken more than the plan's tolerance after
 * the scheduled time, missed when unrecorded and older than the tolerance.
 */
import { DEFAULT_LATE_TOLERANCE_MINUTES } from '@carnet/catalog-sdk';
import type { IntakeRecord, MedicationPlan, ScheduledDose } from '@carnet/catalog-sdk';

/** What became of a dose: to take, taken (on time or late), skipped or missed. */
export type DoseState = 'to-take' | 'taken' | 'taken-late' | 'skipped' | 'missed';

/** Every dose state, in the order of a legend. */
export const DOSE_STATES: readonly DoseState[] = ['to-take', 'taken', 'taken-late', 'skipped', 'missed'];

const MINUTE_MS = 60_000;

/** Minutes after the scheduled time a dose of `plan` still counts as on time. */
export function toleranceMinutesOf(plan: Pick<MedicationPlan, 'lateToleranceMinutes'>): number {
  return plan.lateToleranceMinutes ?? DEFAULT_LATE_TOLERANCE_MINUTES;
}

/** A dose's state, and how many minutes late it was taken when it was. */
export interface DoseOutcome {
  state: DoseState;
  /** Minutes between the scheduled time and the intake, for doses taken late. */
  minutesLate?: number;
}

/** The state of `dose` at `now` given its record (if any) and the plan's tolerance in minutes. */
export function doseOutcome(
  dose: Pick<ScheduledDose, 'scheduledAt'>,
  record: Pick<IntakeRecord, 'status' | 'takenAt'> | undefined,
  toleranceMinutes: number,
  now: Date,
): DoseOutcome {
  const scheduled = Date.parse(dose.scheduledAt);
  const tolerance = toleranceMinutes * MINUTE_MS;
  if (!record) return { state: now.getTime() - scheduled > tolerance ? 'missed' : 'to-take' };
  if (record.status === 'skipped') return { state: 'skipped' };
  const takenAt = Date.parse(record.takenAt ?? '');
  if (Number.isNaN(takenAt) || takenAt - scheduled <= tolerance) return { state: 'taken' };
  return { state: 'taken-late', minutesLate: Math.round((takenAt - scheduled) / MINUTE_MS) };
}
