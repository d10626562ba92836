/** Builders shared by the pill organiser tests. */
import type { IntakeRecord, MedicationPlan } from '../../model/medication.js';

/** A plan with sensible defaults: one tablet, Europe/Paris, started 1 January 2026. */
export function plan(fields: Partial<MedicationPlan> = {}): MedicationPlan {
  return {
    id: 'plan-1',
    medication: { display: 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé' },
    dose: 1,
    doseUnit: 'comprimé',
    slots: [{ time: '08:00' }],
    start: '2026-01-01',
    timeZone: 'Europe/Paris',
    version: '1',
    ...fields,
  };
}

let nextId = 0;

/** A taken record, `takenAt` minutes after the scheduled instant. */
export function taken(planId: string, scheduledAt: string, minutesLate = 0): IntakeRecord {
  nextId += 1;
  const takenAt = new Date(Date.parse(scheduledAt) + minutesLate * 60_000).toISOString();
  return { id: `intake-${nextId}`, planId, scheduledAt, status: 'taken', takenAt, version: '1' };
}

/** A skipped record. */
export function skipped(planId: string, scheduledAt: string): IntakeRecord {
  nextId += 1;
  return { id: `intake-${nextId}`, planId, scheduledAt, status: 'skipped', reason: 'nausée', version: '1' };
}

/** A range of instants from ISO strings. */
export function range(start: string, end: string): { start: Date; end: Date } {
  return { start: new Date(start), end: new Date(end) };
}
