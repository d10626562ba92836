import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CarnetError } from '@carnet/catalog-sdk';
import type { CarnetMessageKey, DataSource, MedicationPlan } from '@carnet/catalog-sdk';
import type { PlanChange } from '../events/carnet-plan-change.js';

/** What the treatment actions need from the element. */
export interface PlanActionsOptions {
  source: () => DataSource | undefined;
  now: () => Date;
  /** Called with the saved plan once a change is stored. */
  saved: (plan: MedicationPlan, change: PlanChange) => void;
}

/**
 * Stopping a treatment (asked first, « Garder le traitement » being the safe choice,
 * and undoable until the next change) and recording a new box (stock goes up).
 */
export class PlanActionsController implements ReactiveController {
  #stopTarget: MedicationPlan | undefined;
  #boxTarget: MedicationPlan | undefined;
  #boxUnits = '';
  #lastStopped: MedicationPlan | undefined;
  #failureKey: CarnetMessageKey | undefined;
  #boxInvalid = false;
  #busy = false;

  private readonly host: ReactiveControllerHost;
  private readonly options: PlanActionsOptions;

  constructor(host: ReactiveControllerHost, options: PlanActionsOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#stopTarget = undefined;
    this.#boxTarget = undefined;
  }

  /** The treatment the stop confirmation is about. */
  get stopTarget(): MedicationPlan | undefined {
    return this.#stopTarget;
  }
  /** The treatment the new-box dialog is about. */
  get boxTarget(): MedicationPlan | undefined {
    return this.#boxTarget;
  }
  /** Units of the new box, as typed. */
  get boxUnits(): string {
    return this.#boxUnits;
  }
  /** True when the typed units are not a whole number above 0. */
  get boxInvalid(): boolean {
    return this.#boxInvalid;
  }
  /** The treatment just stopped, while its stop can be undone. */
  get lastStopped(): MedicationPlan | undefined {
    return this.#lastStopped;
  }
  /** Message key of the last failure. */
  get failureKey(): CarnetMessageKey | undefined {
    return this.#failureKey;
  }
  get busy(): boolean {
    return this.#busy;
  }

  askStop(plan: MedicationPlan): void {
    this.#stopTarget = plan;
    this.#failureKey = undefined;
    this.host.requestUpdate();
  }

  cancelStop(): void {
    this.#stopTarget = undefined;
    this.host.requestUpdate();
  }

  askBox(plan: MedicationPlan): void {
    this.#boxTarget = plan;
    this.#boxUnits = plan.stock?.unitsPerBox === undefined ? '' : String(plan.stock.unitsPerBox);
    this.#boxInvalid = false;
    this.#failureKey = undefined;
    this.host.requestUpdate();
  }

  cancelBox(): void {
    this.#boxTarget = undefined;
    this.host.requestUpdate();
  }

  setBoxUnits(units: string): void {
    this.#boxUnits = units;
    this.host.requestUpdate();
  }

  /** Stops the treatment now: no dose is scheduled from this instant. */
  confirmStop(): Promise<void> {
    const plan = this.#stopTarget;
    if (!plan) return Promise.resolve();
    return this.run('stopped', (source) => source.medications.stopPlan(plan.id, plan.version, this.options.now()), {
      done: (saved) => {
        this.#stopTarget = undefined;
        this.#lastStopped = saved;
      },
    });
  }

  /** Undoes the last stop. */
  undoStop(): Promise<void> {
    const plan = this.#lastStopped;
    if (!plan) return Promise.resolve();
    return this.run('resumed', (source) => source.medications.resumePlan(plan.id, plan.version), {
      done: () => {
        this.#lastStopped = undefined;
      },
    });
  }

  /** Hides the undo notice. */
  forgetStop(): void {
    this.#lastStopped = undefined;
    this.host.requestUpdate();
  }

  /** Adds the new box's units to the stock. */
  confirmBox(): Promise<void> {
    const plan = this.#boxTarget;
    if (!plan) return Promise.resolve();
    const units = Number(this.#boxUnits.trim());
    if (!Number.isInteger(units) || units < 1) {
      this.#boxInvalid = true;
      this.host.requestUpdate();
      return Promise.resolve();
    }
    return this.run('box-added', (source) => source.medications.addBox(plan.id, plan.version, { units }), {
      done: () => {
        this.#boxTarget = undefined;
      },
    });
  }

  private async run(
    change: PlanChange,
    action: (source: DataSource) => Promise<MedicationPlan>,
    then: { done: (saved: MedicationPlan) => void },
  ): Promise<void> {
    const source = this.options.source();
    if (!source || this.#busy) return;
    this.#busy = true;
    this.#failureKey = undefined;
    this.#boxInvalid = false;
    this.host.requestUpdate();
    try {
      const saved = await action(source);
      then.done(saved);
      if (change !== 'stopped') this.#lastStopped = undefined;
      this.options.saved(saved, change);
    } catch (error) {
      this.#failureKey = error instanceof CarnetError ? error.messageKey : 'error.unknown';
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }
}
