/** Records seeded for the overview's tests: dialysis and weights, glucose values, Parkinson's doses. */
import { createLocalDataSource, StorageError } from '@carnet/catalog-sdk';
import type { DataSource, MedicationPlan, TrackerRepository } from '@carnet/catalog-sdk';

const DAY_MS = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');

/** The device's zone (the record's events and plans are in it, so « today » is the test's today). */
export const DEVICE_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The local calendar date `days` from today on the device. */
export function localDate(days: number, now = new Date()): string {
  const day = new Date(now.getTime() + days * DAY_MS);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** « jeudi 10 décembre » / "Thursday, December 10" of a local date. */
export function dayHeading(date: string, locale: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/**
 * Kidney failure: a dialysis session tomorrow at 07:30, and weights of two past sessions
 * (after the first 70.2 kg, before the second 72 kg: a gain of 1.8 kg).
 */
export async function seedKidney(dbName: string): Promise<{ tomorrow: string; secondSession: string }> {
  const source = createLocalDataSource({ dbName });
  try {
    const tomorrow = localDate(1);
    await source.agenda.create({
      title: "Séance d'hémodialyse",
      kind: 'appointment',
      start: `${tomorrow}T07:30:00`,
      end: `${tomorrow}T11:30:00`,
      timeZone: DEVICE_ZONE,
    });
    const first = new Date(Date.now() - 3 * DAY_MS).toISOString();
    const second = new Date(Date.now() - 1 * DAY_MS).toISOString();
    const at = (session: string, minutes: number): string =>
      new Date(Date.parse(session) + minutes * 60_000).toISOString();
    await source.trackers.add('weight', { at: at(first, -20), kg: 71.9, moment: 'before-dialysis', session: first });
    await source.trackers.add('weight', { at: at(first, 250), kg: 70.2, moment: 'after-dialysis', session: first });
    await source.trackers.add('weight', { at: at(second, -20), kg: 72, moment: 'before-dialysis', session: second });
    return { tomorrow, secondSession: second };
  } finally {
    source.close();
  }
}

/** Diabetes: three values of the last hours (oldest first: 98 before a meal, 165 after, 62 at bedtime). */
export async function seedGlucose(dbName: string): Promise<void> {
  const source = createLocalDataSource({ dbName });
  const hoursAgo = (hours: number): string => new Date(Date.now() - hours * 3_600_000).toISOString();
  try {
    await source.trackers.add('glucose', { at: hoursAgo(30), value: 240, unit: 'mg/dL', mealContext: 'after-meal' });
    await source.trackers.add('glucose', { at: hoursAgo(5), value: 98, unit: 'mg/dL', mealContext: 'before-meal' });
    await source.trackers.add('glucose', { at: hoursAgo(3), value: 165, unit: 'mg/dL', mealContext: 'after-meal' });
    await source.trackers.add('glucose', { at: hoursAgo(1), value: 62, unit: 'mg/dL', mealContext: 'bedtime' });
  } finally {
    source.close();
  }
}

/**
 * Parkinson's disease: levodopa at 07:00, 12:00 and 17:00 every day, the 07:00 dose of
 * today recorded as taken.
 */
export async function seedParkinson(dbName: string): Promise<MedicationPlan> {
  const source = createLocalDataSource({ dbName });
  try {
    const plan = await source.medications.createPlan({
      medication: { display: 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé' },
      dose: 1,
      doseUnit: 'comprimé',
      slots: [{ time: '07:00' }, { time: '12:00' }, { time: '17:00', quantity: 2 }],
      start: localDate(-10),
      timeZone: DEVICE_ZONE,
    });
    const today = localDate(0);
    const scheduledAt = new Date(`${today}T07:00:00`).toISOString();
    await source.medications.recordIntake({
      planId: plan.id,
      scheduledAt,
      status: 'taken',
      takenAt: new Date(Date.parse(scheduledAt) + 5 * 60_000).toISOString(),
    });
    return plan;
  } finally {
    source.close();
  }
}

// Methods are bound to the real object: repositories keep their state in #private fields.
function bound<T extends object>(target: T, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

/** A real source whose measurements cannot be read while `failing` is true (everything else works). */
export function withFailingMeasurements(real: DataSource): { source: DataSource; failing: boolean } {
  const state = { source: real, failing: true };
  const trackers = new Proxy(real.trackers as TrackerRepository, {
    get(target, property) {
      if (property !== 'list') return bound(target, property);
      return (...args: Parameters<TrackerRepository['list']>) =>
        state.failing ? Promise.reject(new StorageError('simulated read failure')) : target.list(...args);
    },
  });
  state.source = new Proxy(real, {
    get(target, property) {
      return property === 'trackers' ? trackers : bound(target, property);
    },
  });
  return state;
}
