import { NotFoundError, StorageError, ValidationError } from '../../errors/errors.js';
import {
  type IntakeRecord,
  type MedicationPlan,
  type NewBox,
  type NewIntakeRecord,
  type NewMedicationPlan,
} from '../../model/medication.js';
import type { IntakeQuery, MedicationRepository } from '../data-source.js';
import type { LocalContext } from './database.js';
import {
  checkBaseVersion,
  newId,
  nextVersion,
  optionalInstant,
  requireText,
  throwIfAborted,
} from '../rules/validation.js';
import { checkIntake, checkMedicationPlan, planChanges } from '../rules/medications.js';

const PLAN = 'MedicationPlan';
const INTAKE = 'IntakeRecord';
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

  readonly #changes = planChanges(this);

  /** Adds a box to the stock (see `MedicationRepository.addBox`). */
  addBox(id: string, baseVersion: string, box?: NewBox): Promise<MedicationPlan> {
    return this.#changes.addBox(id, baseVersion, box);
  }

  /** Stops a treatment (see `MedicationRepository.stopPlan`). */
  stopPlan(id: string, baseVersion: string, at?: Date): Promise<MedicationPlan> {
    return this.#changes.stopPlan(id, baseVersion, at);
  }

  /** Undoes a stop (see `MedicationRepository.resumePlan`). */
  resumePlan(id: string, baseVersion: string): Promise<MedicationPlan> {
    return this.#changes.resumePlan(id, baseVersion);
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
