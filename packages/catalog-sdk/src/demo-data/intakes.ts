/**
 * What the patient recorded for each scheduled dose over the last two weeks:
 * mostly taken, some late, a few skipped, a few never recorded.
 */
import type { IntakeRecord, MedicationPlan } from '../model/medication.js';
import { DEMO_PERIOD_TIMES } from './medication-plans.js';
import { createSeededRandom, deriveSeed } from './random.js';
import {
  addDays,
  formatIsoDate,
  formatLocalDateTime,
  instantToWallClock,
  wallClockToInstant,
  weekdayOf,
} from './wall-clock.js';

/** Number of days of intake history, today included. */
export const INTAKE_HISTORY_DAYS = 14;

const SKIP_REASONS: readonly string[] = [
  'nausées',
  'oubli',
  'oubli — pilulier resté à la maison',
  'à jeun pour une prise de sang',
  'vomissements',
  'boîte terminée, pharmacie fermée',
];

const MINUTE_MS = 60_000;

/** `intake-<planId>-<yyyymmddhhmm>`, from the dose's wall-clock time in the plan's zone. */
export function intakeId(planId: string, localStart: string): string {
  return `intake-${planId}-${localStart.slice(0, 16).replace(/[-T:]/g, '')}`;
}

/** Intake records of one plan for the last {@link INTAKE_HISTORY_DAYS} days, doses due before `now` only. */
function intakesOfPlan(plan: MedicationPlan, seed: number, now: Date): IntakeRecord[] {
  const random = createSeededRandom(deriveSeed(seed, `intakes:${plan.id}`));
  const today = instantToWallClock(now, plan.timeZone).day;
  const tolerance = plan.lateToleranceMinutes ?? 30;
  const records: IntakeRecord[] = [];
  for (let daysAgo = INTAKE_HISTORY_DAYS - 1; daysAgo >= 0; daysAgo -= 1) {
    const day = addDays(today, -daysAgo);
    if (plan.daysOfWeek && !plan.daysOfWeek.includes(weekdayOf(day))) continue;
    if (formatIsoDate(day) < plan.start) continue;
    for (const slot of plan.slots) {
      const local = formatLocalDateTime(day, slot.time ?? DEMO_PERIOD_TIMES[slot.period ?? 'morning']);
      const scheduled = wallClockToInstant(local, plan.timeZone).getTime();
      if (scheduled > now.getTime()) continue;
      const roll = random.next();
      // About 3 % of doses are never recorded: they show as « non renseigné ».
      if (roll < 0.03) continue;
      const base = {
        id: intakeId(plan.id, local),
        planId: plan.id,
        scheduledAt: new Date(scheduled).toISOString(),
        version: '1',
      };
      if (roll < 0.08) {
        records.push({ ...base, status: 'skipped', reason: random.pick(SKIP_REASONS) });
        continue;
      }
      const late = roll < 0.18;
      const delay = late ? random.int(tolerance + 5, tolerance + 90) : random.int(-10, Math.min(tolerance, 20) - 1);
      const takenAt = scheduled + delay * MINUTE_MS;
      if (takenAt > now.getTime()) continue;
      const record: IntakeRecord = { ...base, status: 'taken', takenAt: new Date(takenAt).toISOString() };
      if (late && random.chance(0.6))
        record.note = random.pick(['prise en retard', 'pris en rentrant du marché', 'réveil tardif']);
      records.push(record);
    }
  }
  return records;
}

/** Intake records of every plan, plan by plan, oldest first. */
export function buildIntakes(plans: readonly MedicationPlan[], seed: number, now: Date): IntakeRecord[] {
  return plans.flatMap((plan) => intakesOfPlan(plan, seed, now));
}
