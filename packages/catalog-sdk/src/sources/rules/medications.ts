// Rules both data sources (FHIR and local) apply to medication plans and intakes: one place, so both accept and refuse the same input.
import { ConflictError, ValidationError, type PlanValidationRule } from '../../errors/errors.js';
import { localDateOf } from '../../medication/calendar-days.js';
import type { MedicationRepository } from '../data-source.js';
import { planInterval } from '../../medication/dose-schedule.js';
import type { IsoDate } from '../../model/common.js';
import { DEFAULT_TIME_ZONE, WEEKDAYS } from '../../model/common.js';
import {
  DAY_PERIODS,
  type DoseSlot,
  type MedicationPlan,
  type MedicationStock,
  type NewBox,
  type NewIntakeRecord,
  type NewMedicationPlan,
} from '../../model/medication.js';
import {
  compact,
  optionalInstant,
  optionalText,
  requireIsoDate,
  requireOneOf,
  requireText,
  requireTimeZone,
  toInstant,
} from './validation.js';

export const INTAKE_STATUSES = ['taken', 'skipped'] as const;

/** Runs a check and gives its `ValidationError` the rule a plan broke. */
function withRule<T>(rule: PlanValidationRule, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ValidationError && error.rule === undefined) {
      throw new ValidationError(error.field, error.message.slice(error.field.length + 1), rule);
    }
    throw error;
  }
}

function requirePositive(field: string, value: unknown, rule: PlanValidationRule): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ValidationError(field, 'must be a positive number', rule);
  }
  return value;
}

function planDate(field: string, value: unknown): string {
  return withRule('date-invalid', () => requireIsoDate(field, value));
}

function checkSlot(slot: DoseSlot, index: number): DoseSlot {
  const field = `slots[${index}]`;
  if (slot.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(slot.time)) {
    throw new ValidationError(`${field}.time`, 'must be a time HH:mm', 'time-invalid');
  }
  if (slot.time === undefined && slot.period === undefined) {
    throw new ValidationError(field, 'needs a time or a moment of the day', 'no-dose-time');
  }
  const period =
    slot.period === undefined
      ? undefined
      : withRule('moment-invalid', () => requireOneOf(`${field}.period`, slot.period, DAY_PERIODS));
  if (slot.withMeal === true && (slot.time !== undefined || period === 'bedtime')) {
    throw new ValidationError(
      `${field}.withMeal`,
      'is only for the morning, noon and evening moments',
      'meal-at-bedtime',
    );
  }
  return compact({
    time: slot.time,
    period,
    quantity:
      slot.quantity === undefined ? undefined : requirePositive(`${field}.quantity`, slot.quantity, 'dose-invalid'),
    withMeal: slot.withMeal === true ? true : undefined,
  });
}

function wholeUnits(field: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 1_000_000) {
    throw new ValidationError(field, 'must be a whole number of units', 'stock-invalid');
  }
  return value;
}

function checkStock(stock: MedicationStock): MedicationStock {
  return compact({
    dispensed: wholeUnits('stock.dispensed', stock.dispensed, 0),
    unit: withRule('dose-unit-missing', () => requireText('stock.unit', stock.unit, 60)),
    dispensedOn: planDate('stock.dispensedOn', stock.dispensedOn),
    unitsPerBox: stock.unitsPerBox === undefined ? undefined : wholeUnits('stock.unitsPerBox', stock.unitsPerBox, 1),
  });
}

/**
 * A medication plan as given by a caller or an import, checked. Every refusal is a
 * `ValidationError` whose `rule` names what to fix (see `PlanValidationRule`).
 */
export function checkMedicationPlan<T extends NewMedicationPlan>(input: T): T & Pick<MedicationPlan, 'timeZone'> {
  const start = planDate('start', input.start);
  const end = input.end === undefined ? undefined : planDate('end', input.end);
  if (end !== undefined && end < start)
    throw new ValidationError('end', 'must not be before start', 'end-before-start');
  if (!Array.isArray(input.slots) || input.slots.length === 0)
    throw new ValidationError('slots', 'needs at least one dose', 'no-dose-time');
  const slots = input.slots.map(checkSlot);
  const timed = slots.filter((slot) => slot.time !== undefined).length;
  if (timed > 0 && timed < slots.length) {
    throw new ValidationError('slots', 'mix exact times and moments of the day', 'times-mixed');
  }
  const tolerance = input.lateToleranceMinutes;
  if (tolerance !== undefined && (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 24 * 60)) {
    throw new ValidationError('lateToleranceMinutes', 'must be a whole number of minutes up to a day');
  }
  const daysOfWeek =
    input.daysOfWeek === undefined
      ? undefined
      : [
          ...new Set(
            input.daysOfWeek.map((day) => withRule('weekday-invalid', () => requireOneOf('daysOfWeek', day, WEEKDAYS))),
          ),
        ];
  const everyDays = planInterval({ everyDays: input.everyDays, daysOfWeek });
  return compact({
    ...input,
    medication: compact({
      display: withRule('medication-missing', () => requireText('medication.display', input.medication?.display, 300)),
      code: optionalText('medication.code', input.medication?.code, 100),
      system: optionalText('medication.system', input.medication?.system, 300),
    }),
    dose: requirePositive('dose', input.dose, 'dose-invalid'),
    doseUnit: withRule('dose-unit-missing', () => requireText('doseUnit', input.doseUnit, 60)),
    slots,
    daysOfWeek: daysOfWeek !== undefined && daysOfWeek.length > 0 ? daysOfWeek : undefined,
    everyDays: everyDays > 1 ? everyDays : undefined,
    instructions: optionalText('instructions', input.instructions, 2000),
    prescriber: optionalText('prescriber', input.prescriber, 200),
    start,
    end,
    renewalDate: input.renewalDate === undefined ? undefined : planDate('renewalDate', input.renewalDate),
    stock: input.stock === undefined ? undefined : checkStock(input.stock),
    stoppedAt: optionalInstant('stoppedAt', input.stoppedAt),
    timeZone: requireTimeZone('timeZone', input.timeZone ?? DEFAULT_TIME_ZONE),
  });
}

/**
 * The plan after a new box: its units are added to the stock (which keeps counting
 * from the same day). @throws ValidationError (`box-invalid`) when it adds no units
 */
export function planWithNewBox(plan: MedicationPlan, box: NewBox, today: IsoDate): MedicationPlan {
  const boxes = box.boxes ?? 1;
  if (!Number.isInteger(boxes) || boxes < 1 || boxes > 100) {
    throw new ValidationError('boxes', 'must be a whole number of boxes from 1 to 100', 'box-invalid');
  }
  const units = box.units ?? (plan.stock?.unitsPerBox === undefined ? undefined : boxes * plan.stock.unitsPerBox);
  if (units === undefined || !Number.isInteger(units) || units < 1 || units > 100_000) {
    throw new ValidationError('units', 'must be a whole number of units (the plan has no box size)', 'box-invalid');
  }
  const on = box.on === undefined ? today : planDate('on', box.on);
  const stock: MedicationStock = plan.stock
    ? { ...plan.stock, dispensed: plan.stock.dispensed + units }
    : { dispensed: units, unit: plan.doseUnit, dispensedOn: on };
  return { ...plan, stock };
}

/** The plan stopped at `at`. @throws ValidationError (`already-stopped`) when it is stopped */
export function planStopped(plan: MedicationPlan, at: Date): MedicationPlan {
  if (plan.stoppedAt !== undefined) throw new ValidationError('stoppedAt', 'is already set', 'already-stopped');
  if (Number.isNaN(at.getTime())) throw new ValidationError('at', 'is not a valid date');
  return { ...plan, stoppedAt: at.toISOString() };
}

/** The plan running again (undo of a stop). @throws ValidationError (`not-stopped`) when it runs */
export function planResumed(plan: MedicationPlan): MedicationPlan {
  if (plan.stoppedAt === undefined) throw new ValidationError('stoppedAt', 'is not set', 'not-stopped');
  const resumed = { ...plan };
  delete resumed.stoppedAt;
  return resumed;
}

/** The repository calls a plan change needs. */
type PlanStore = Pick<MedicationRepository, 'getPlan' | 'updatePlan'>;

/**
 * Reads a plan, checks it is still at `baseVersion` (else `ConflictError`), changes it
 * and saves it through `updatePlan`, which checks the version again as it writes.
 */
export async function changePlan(
  store: PlanStore,
  id: string,
  baseVersion: string,
  change: (plan: MedicationPlan) => MedicationPlan,
): Promise<MedicationPlan> {
  const plan = await store.getPlan(id);
  if (plan.version !== baseVersion) throw new ConflictError('MedicationPlan', id, baseVersion, plan.version);
  return store.updatePlan(change(plan));
}

/** `addBox`, `stopPlan` and `resumePlan` of a repository, on top of its `getPlan` and `updatePlan`. */
export function planChanges(store: PlanStore): Pick<MedicationRepository, 'addBox' | 'stopPlan' | 'resumePlan'> {
  return {
    addBox: (id, baseVersion, box = {}) =>
      changePlan(store, id, baseVersion, (plan) => planWithNewBox(plan, box, localDateOf(new Date(), plan.timeZone))),
    stopPlan: (id, baseVersion, at = new Date()) => changePlan(store, id, baseVersion, (plan) => planStopped(plan, at)),
    resumePlan: (id, baseVersion) => changePlan(store, id, baseVersion, planResumed),
  };
}

/** An intake record as given by a caller or an import, checked; instants in canonical form. */
export function checkIntake<T extends NewIntakeRecord>(input: T): T {
  const status = requireOneOf('status', input.status, INTAKE_STATUSES);
  if (status === 'skipped' && input.takenAt !== undefined) {
    throw new ValidationError('takenAt', 'is only for a dose that was taken');
  }
  return compact({
    ...input,
    planId: requireText('planId', input.planId, 200),
    scheduledAt: toInstant('scheduledAt', input.scheduledAt),
    status,
    takenAt: optionalInstant('takenAt', input.takenAt),
    reason: optionalText('reason', input.reason, 500),
    note: optionalText('note', input.note, 2000),
  });
}
