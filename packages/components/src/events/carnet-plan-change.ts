/** What happened to a medication plan. */
export type PlanChange = 'created' | 'updated' | 'box-added' | 'stopped' | 'resumed';

/** Detail of `carnet-plan-change`: a treatment the patient added, changed, refilled, stopped or restarted. */
export interface CarnetPlanChangeDetail {
  /** Id of the `MedicationPlan`. */
  planId: string;
  change: PlanChange;
}

/**
 * Fired by `<carnet-pill-organiser>` once a treatment change is saved in the record.
 * `<carnet-agenda>` under the same provider listens for it and shows the new doses at once.
 */
export type CarnetPlanChangeEvent = CustomEvent<CarnetPlanChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-plan-change': CarnetPlanChangeEvent;
  }
}
