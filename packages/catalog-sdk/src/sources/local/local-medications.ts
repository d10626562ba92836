import { NotFoundError, StorageError, ValidationError } from '../../errors/errors.js';
import { DEFAULT_TIME_ZONE, WEEKDAYS } from '../../model/common.js';
import {
  DAY_PERIODS,
  type DoseSlot,
  type IntakeRecord,
  type MedicationPlan,
  type MedicationStock,
  type NewIntakeRecord,
  type NewMedicationPlan,
} from '../../model/medication.js';
import type { IntakeQuery, MedicationRepository } from '../data-source.js';
import type { LocalContext } from './database.js';
import {
  checkBaseVersion,
  compact,
  newId,
  nextVersion,
  optionalInstant,
  optionalText,
  requireIsoDate,
  requireOneOf,
  requireText,
  requireTimeZone,
  throwIfAborted,
  toInstant,
} from './validation.js';

const PLAN = 'MedicationPlan';
const INTAKE = 'IntakeRecord';
const INTAKE_STATUSES = ['taken', 'skipped'] as const;

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

function isDuplicateDose(error: unknown): boolean {
  return error instanceof StorageError && error.cause instanceof DOMException && error.cause.name === 'ConstraintError';
}

/** Medication plans and intakes in IndexedDB; one intake per plan and scheduled time. */
export class LocalMedicationRepository implements MedicationRepository {
  readonly #context: LocalContext;

  constructor(context: LocalContext) {
    this.#context = context;
  }

  async listPlans(options: { signal?: AbortSignal } = {}): Promise<MedicationPlan[]> {
    throwIfAborted(options.signal);
    const plans = await this.#context.database.transaction(['plans'], 'readonly', (tx) =>
      tx.objectStore('plans').getAll(),
    );
    throwIfAborted(options.signal);
    return plans.sort(
      (a, b) => a.start.localeCompare(b.start) || a.medication.display.localeCompare(b.medication.display, 'fr'),
    );
  }

  async getPlan(id: string): Promise<MedicationPlan> {
    const plan = await this.#context.database.transaction(['plans'], 'readonly', (tx) =>
      tx.objectStore('plans').get(id),
    );
    if (!plan) throw new NotFoundError(PLAN, id);
    return plan;
  }

  async createPlan(input: NewMedicationPlan): Promise<MedicationPlan> {
    const plan: MedicationPlan = { ...checkMedicationPlan(input), id: newId(), version: '1' };
    await this.#context.database.transaction(['plans'], 'readwrite', (tx) => tx.objectStore('plans').add(plan));
    return plan;
  }

  async updatePlan(input: MedicationPlan): Promise<MedicationPlan> {
    const id = requireText('id', input.id, 200);
    const baseVersion = requireText('version', input.version, 50);
    const checked = checkMedicationPlan(input);
    return this.#context.database.transaction(['plans'], 'readwrite', async (tx) => {
      const store = tx.objectStore('plans');
      const stored = checkBaseVersion(PLAN, id, await store.get(id), baseVersion);
      const updated: MedicationPlan = { ...checked, id, version: nextVersion(stored.version) };
      await store.put(updated);
      return updated;
    });
  }

  async listIntakes(query: IntakeQuery = {}): Promise<IntakeRecord[]> {
    const from = optionalInstant('from', query.from);
    const to = optionalInstant('to', query.to);
    if (from !== undefined && to !== undefined && from >= to) return [];
    return this.#context.database.transaction(['intakes'], 'readonly', (tx) => {
      const store = tx.objectStore('intakes');
      if (query.planId !== undefined) {
        // [planId] sorts before every [planId, time]; [planId, []] after (arrays sort after strings).
        const lower = from === undefined ? [query.planId] : [query.planId, from];
        const upper = to === undefined ? [query.planId, []] : [query.planId, to];
        return store.index('by-plan-scheduled').getAll(IDBKeyRange.bound(lower, upper, false, to !== undefined));
      }
      const range =
        from !== undefined && to !== undefined
          ? IDBKeyRange.bound(from, to, false, true)
          : from !== undefined
            ? IDBKeyRange.lowerBound(from)
            : to !== undefined
              ? IDBKeyRange.upperBound(to, true)
              : null;
      return store.index('by-scheduled').getAll(range);
    });
  }

  async recordIntake(input: NewIntakeRecord): Promise<IntakeRecord> {
    const checked = checkIntake(input);
    const record: IntakeRecord = { ...checked, id: newId(), version: '1' };
    try {
      // Check-then-add in one readwrite transaction: IndexedDB runs such transactions one at a time.
      return await this.#context.database.transaction(['plans', 'intakes'], 'readwrite', async (tx) => {
        const intakes = tx.objectStore('intakes');
        const [plan, existing] = await Promise.all([
          tx.objectStore('plans').getKey(record.planId),
          intakes.index('by-plan-scheduled').get([record.planId, record.scheduledAt]),
        ]);
        if (plan === undefined) throw new NotFoundError(PLAN, record.planId);
        if (existing) return existing;
        await intakes.add(record);
        return record;
      });
    } catch (error) {
      // The unique index is the last line of defence; the winner's record is the answer.
      if (!isDuplicateDose(error)) throw error;
      const winner = await this.#context.database.transaction(['intakes'], 'readonly', (tx) =>
        tx.objectStore('intakes').index('by-plan-scheduled').get([record.planId, record.scheduledAt]),
      );
      if (!winner) throw error;
      return winner;
    }
  }

  async updateIntake(input: IntakeRecord): Promise<IntakeRecord> {
    const id = requireText('id', input.id, 200);
    const baseVersion = requireText('version', input.version, 50);
    const checked = checkIntake(input);
    return this.#context.database.transaction(['intakes'], 'readwrite', async (tx) => {
      const store = tx.objectStore('intakes');
      const stored = checkBaseVersion(INTAKE, id, await store.get(id), baseVersion);
      if (stored.planId !== checked.planId || stored.scheduledAt !== checked.scheduledAt) {
        throw new ValidationError('scheduledAt', 'identifies the dose and cannot change; record another intake');
      }
      const updated: IntakeRecord = { ...checked, id, version: nextVersion(stored.version) };
      await store.put(updated);
      return updated;
    });
  }

  async deleteIntake(id: string, baseVersion: string): Promise<void> {
    await this.#context.database.transaction(['intakes'], 'readwrite', async (tx) => {
      const store = tx.objectStore('intakes');
      checkBaseVersion(INTAKE, id, await store.get(id), baseVersion);
      await store.delete(id);
    });
  }
}
