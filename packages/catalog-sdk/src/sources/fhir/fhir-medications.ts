/**
 * Medication plans (`MedicationRequest`) and patient-reported intakes
 * (`MedicationAdministration`) on a FHIR server.
 */
import type { MedicationAdministration, MedicationRequest } from '@medplum/fhirtypes';
import { CARNET_FHIR_BASE } from '../../model/common.js';
import type {
  IntakeRecord,
  MedicationPlan,
  NewBox,
  NewIntakeRecord,
  NewMedicationPlan,
} from '../../model/medication.js';
import {
  intakeToMedicationAdministration,
  medicationAdministrationToIntake,
  medicationRequestToPlan,
  planToMedicationRequest,
} from '../../model/fhir/index.js';
import type { IntakeQuery, MedicationRepository } from '../data-source.js';
import { checkIntake, checkMedicationPlan, planChanges } from '../rules/medications.js';
import { patientIdOf, versionOf, type FhirSourceContext } from './fhir-context.js';

/**
 * Identifier system of an intake: the value `<planId>@<scheduled instant in UTC>`
 * names one scheduled dose, so recording it twice finds the first record.
 */
export const INTAKE_IDENTIFIER_SYSTEM = `${CARNET_FHIR_BASE}/NamingSystem/scheduled-dose`;

const PLAN = 'MedicationRequest';
const INTAKE = 'MedicationAdministration';

/** The identifier value of one scheduled dose of a plan. */
export function scheduledDoseIdentifier(planId: string, scheduledAt: string): string {
  return `${planId}@${new Date(scheduledAt).toISOString()}`;
}

/** Medication plans and intakes on a FHIR server. */
export class FhirMedicationRepository implements MedicationRepository {
  constructor(private readonly context: FhirSourceContext) {}

  async listPlans(options: { signal?: AbortSignal } = {}): Promise<MedicationPlan[]> {
    const result = await this.context.client.search<MedicationRequest>(
      PLAN,
      { patient: patientIdOf(this.context), _count: 200 },
      { ...options, all: true },
    );
    return result.resources.map(medicationRequestToPlan);
  }

  async getPlan(id: string): Promise<MedicationPlan> {
    return medicationRequestToPlan(await this.#readPlan(id));
  }

  async createPlan(plan: NewMedicationPlan): Promise<MedicationPlan> {
    const draft: MedicationPlan = { ...checkMedicationPlan(plan), id: '', version: '' };
    const created = await this.context.client.create(
      planToMedicationRequest(draft, { patientId: patientIdOf(this.context) }),
    );
    return medicationRequestToPlan(versionOf(created));
  }

  async updatePlan(plan: MedicationPlan): Promise<MedicationPlan> {
    const checked: MedicationPlan = { ...checkMedicationPlan(plan), id: plan.id, version: plan.version };
    const updated = await this.context.client.update(
      planToMedicationRequest(checked, { patientId: patientIdOf(this.context) }),
      { ifMatch: plan.version },
    );
    return medicationRequestToPlan(versionOf(updated));
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

  /** The scheduled instant is an extension (not searchable), so the range is applied here. */
  async listIntakes(query: IntakeQuery = {}): Promise<IntakeRecord[]> {
    const params: Record<string, string | number> = { patient: patientIdOf(this.context), _count: 500 };
    if (query.planId !== undefined) params.request = `${PLAN}/${query.planId}`;
    const result = await this.context.client.search<MedicationAdministration>(INTAKE, params, { all: true });
    const from = query.from === undefined ? -Infinity : Date.parse(query.from);
    const to = query.to === undefined ? Infinity : Date.parse(query.to);
    return result.resources
      .map(medicationAdministrationToIntake)
      .filter((intake) => {
        const at = Date.parse(intake.scheduledAt);
        return at >= from && at < to;
      })
      .sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
  }

  /**
   * Idempotent: a search by the dose's deterministic identifier finds an earlier
   * record before anything is created. (A conditional create, `If-None-Exist`,
   * would also close the race between two tabs, but it needs a server that
   * honours it and allows the header in CORS; the demo server does neither.)
   */
  async recordIntake(record: NewIntakeRecord): Promise<IntakeRecord> {
    const checked = checkIntake(record);
    const plan = await this.#readPlan(checked.planId);
    const identifier = `${INTAKE_IDENTIFIER_SYSTEM}|${scheduledDoseIdentifier(checked.planId, checked.scheduledAt)}`;
    const existing = await this.context.client.search<MedicationAdministration>(INTAKE, {
      patient: patientIdOf(this.context),
      identifier,
    });
    const found = existing.resources[0];
    if (found !== undefined) return medicationAdministrationToIntake(found);
    const resource = this.#toResource({ ...checked, id: '', version: '' }, plan);
    const created = await this.context.client.create(resource);
    return medicationAdministrationToIntake(versionOf(created));
  }

  async updateIntake(record: IntakeRecord): Promise<IntakeRecord> {
    const checked: IntakeRecord = { ...checkIntake(record), id: record.id, version: record.version };
    const plan = await this.#readPlan(checked.planId);
    const updated = await this.context.client.update(this.#toResource(checked, plan), { ifMatch: record.version });
    return medicationAdministrationToIntake(versionOf(updated));
  }

  async deleteIntake(id: string, baseVersion: string): Promise<void> {
    await this.context.client.delete(INTAKE, id, { ifMatch: baseVersion });
  }

  async #readPlan(id: string): Promise<MedicationRequest> {
    return versionOf(await this.context.client.read<MedicationRequest>(PLAN, id));
  }

  #toResource(record: IntakeRecord, plan: MedicationRequest): MedicationAdministration {
    const medication = medicationRequestToPlan(plan).medication;
    const resource = intakeToMedicationAdministration(record, { patientId: patientIdOf(this.context), medication });
    resource.identifier = [
      { system: INTAKE_IDENTIFIER_SYSTEM, value: scheduledDoseIdentifier(record.planId, record.scheduledAt) },
    ];
    return resource;
  }
}
