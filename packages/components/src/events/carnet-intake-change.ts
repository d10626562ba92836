/** Detail of `carnet-intake-change`: what the patient recorded for one scheduled dose. */
export interface CarnetIntakeChangeDetail {
  /** Id of the `MedicationPlan` the dose belongs to. */
  planId: string;
  /** Scheduled instant of the dose (ISO, UTC): with `planId`, the dose's identity. */
  scheduledAt: string;
  /** `taken` or `skipped` once recorded; `cleared` when the patient undid the record. */
  status: 'taken' | 'skipped' | 'cleared';
}

/**
 * Fired by `<carnet-pill-organiser>` once an intake the patient marked (taken,
 * skipped) or undid has been saved in the record.
 */
export type CarnetIntakeChangeEvent = CustomEvent<CarnetIntakeChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-intake-change': CarnetIntakeChangeEvent;
  }
}
