// Rules both data sources (FHIR and local) apply to medication plans and intakes: one place, so both accept and refuse the same input.
import { ValidationError } from '../../errors/errors.js';
import { DEFAULT_TIME_ZONE, WEEKDAYS } from '../../model/common.js';
import {
  DAY_PERIODS,
  type DoseSlot,
  type MedicationPlan,
  type MedicationStock,
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

function requirePositive(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ValidationError(field, 'must be a positive number');
  }
  return value;
}

function checkSlot(slot: DoseSlot, index: number): DoseSlot {
  const field = `slots[${index}]`;
  if (slot.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(slot.time)) {
    throw new ValidationError(`${field}.time`, 'must be a time HH:mm');
  }
  if (slot.time === undefined && slot.period === undefined) {
    throw new ValidationError(field, 'needs a time or a moment of the day');
  }
  return compact({
    time: slot.time,
    period: slot.period === undefined ? undefined : requireOneOf(`${field}.period`, slot.period, DAY_PERIODS),
    quantity: slot.quantity === undefined ? undefined : requirePositive(`${field}.quantity`, slot.quantity),
  });
}

function checkStock(stock: MedicationStock): MedicationStock {
  if (!Number.isInteger(stock.dispensed) || stock.dispensed < 0) {
    throw new ValidationError('stock.dispensed', 'must be a whole number of units');
  }
  return {
    dispensed: stock.dispensed,
    unit: requireText('stock.unit', stock.unit, 60),
    dispensedOn: requireIsoDate('stock.dispensedOn', stock.dispensedOn),
  };
}

/** A medication plan as given by a caller or an import, checked. */
export function checkMedicationPlan<T extends NewMedicationPlan>(input: T): T & Pick<MedicationPlan, 'timeZone'> {
  const start = requireIsoDate('start', input.start);
  const end = input.end === undefined ? undefined : requireIsoDate('end', input.end);
  if (end !== undefined && end < start) throw new ValidationError('end', 'must not be before start');
  if (!Array.isArray(input.slots) || input.slots.length === 0)
    throw new ValidationError('slots', 'needs at least one dose');
  const tolerance = input.lateToleranceMinutes;
  if (tolerance !== undefined && (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 24 * 60)) {
    throw new ValidationError('lateToleranceMinutes', 'must be a whole number of minutes up to a day');
  }
  return compact({
    ...input,
    medication: compact({
      display: requireText('medication.display', input.medication?.display, 300),
      code: optionalText('medication.code', input.medication.code, 100),
      system: optionalText('medication.system', input.medication.system, 300),
    }),
    dose: requirePositive('dose', input.dose),
    doseUnit: requireText('doseUnit', input.doseUnit, 60),
    slots: input.slots.map(checkSlot),
    daysOfWeek:
      input.daysOfWeek === undefined
        ? undefined
        : [...new Set(input.daysOfWeek.map((day) => requireOneOf('daysOfWeek', day, WEEKDAYS)))],
    instructions: optionalText('instructions', input.instructions, 2000),
    prescriber: optionalText('prescriber', input.prescriber, 200),
    start,
    end,
    renewalDate: input.renewalDate === undefined ? undefined : requireIsoDate('renewalDate', input.renewalDate),
    stock: input.stock === undefined ? undefined : checkStock(input.stock),
    timeZone: requireTimeZone('timeZone', input.timeZone ?? DEFAULT_TIME_ZONE),
  });
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
