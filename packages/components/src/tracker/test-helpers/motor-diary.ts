import { createLocalDataSource, type DataSource } from '@carnet/catalog-sdk';
import { PATIENCE } from '../../test-helpers/dialog-contract.js';
import { fixture, html, waitUntil } from '../../test-helpers/fixture.js';
import { accessibleName } from '../../test-helpers/dialog-contract.js';
import { click } from '../../test-helpers/person.js';
import type { CarnetProvider } from '../../provider/provider.js';
import type { CarnetTracker } from '../tracker.js';
import { part, text } from './glucose-entry.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local midnight of the day `offset` days from today. */
export function dayFromToday(offset: number): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
}

/** The ISO start of the slot at `hours:minutes` (local) of `day`. */
export function slotStart(day: Date, hours: number, minutes: number): string {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes).toISOString();
}

/** A Levodopa plan at 07:00, 11:00, 15:00 and 19:00 in the device's zone, started two weeks ago. */
export async function seedLevodopa(dbName: string): Promise<void> {
  const record = createLocalDataSource({ dbName });
  const start = dayFromToday(-14);
  await record.medications.createPlan({
    medication: { display: 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé sécable' },
    dose: 1,
    doseUnit: 'comprimé',
    slots: [{ time: '07:00' }, { time: '11:00' }, { time: '15:00' }, { time: '19:00' }],
    start: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  record.close();
}

/** The tracker in a provider for the Parkinson persona, once its diary is shown. */
export async function mountDiary(
  options: { dbName?: string; locale?: string; source?: DataSource } = {},
): Promise<CarnetTracker> {
  const provider = await fixture<CarnetProvider>(
    options.source
      ? html`<carnet-provider locale=${options.locale ?? 'fr'} pathology="parkinson" .dataSource=${options.source}
          ><carnet-tracker></carnet-tracker
        ></carnet-provider>`
      : html`<carnet-provider db-name=${options.dbName ?? ''} locale=${options.locale ?? 'fr'} pathology="parkinson"
          ><carnet-tracker></carnet-tracker
        ></carnet-provider>`,
  );
  const tracker = provider.querySelector('carnet-tracker') as CarnetTracker;
  await waitUntil(() => tracker.shadowRoot?.querySelector('[part="slot"]'), 'diary shown', PATIENCE);
  return tracker;
}

/** The slot button starting at `start`. */
export function slot(tracker: CarnetTracker, start: string): HTMLButtonElement {
  return part<HTMLButtonElement>(tracker, `[part="slot"][data-roving-key="${start}"]`);
}

/** A slot's accessible name, as a screen reader says it (no-break spaces read as spaces). */
export function slotName(tracker: CarnetTracker, start: string): string {
  return accessibleName(slot(tracker, start)).replace(/\s+/g, ' ');
}

/** Chooses a state in the picker with the mouse (`off`, `on`, `on-dyskinesia`, `asleep`, `clear`). */
export async function chooseState(tracker: CarnetTracker, brush: string): Promise<void> {
  const button = part<HTMLButtonElement>(tracker, `[part="state-choice"][data-brush="${brush}"]`);
  await click(button);
  await waitUntil(() => button.getAttribute('aria-pressed') === 'true', `${brush} chosen`, PATIENCE);
}

/** Taps a slot with the mouse and waits until it shows `expected` in its label. */
export async function tapSlot(tracker: CarnetTracker, start: string, expected: RegExp): Promise<void> {
  await click(slot(tracker, start));
  await waitUntil(() => expected.test(slotName(tracker, start)), `slot ${start} shows ${expected}`, PATIENCE);
}

/** Waits until the diary shows `day` (local midnight) and has read it. */
export async function waitForDay(tracker: CarnetTracker, heading: string): Promise<void> {
  await waitUntil(
    () => dayHeading(tracker) === heading && part(tracker, '[part="slots"]').getAttribute('aria-busy') === 'false',
    `« ${heading} » shown and read`,
    PATIENCE,
  );
}

/** The day heading of the diary. */
export function dayHeading(tracker: CarnetTracker): string {
  return text(part(tracker, '.day-title'));
}

/** A real source whose tracker writes (add, update, remove) reject while `failing`; reads answer. */
export function withFailingWrites(real: DataSource): { source: DataSource; failing: boolean } {
  const state = { failing: false };
  const trackers = real.trackers!;
  const writes = new Set(['add', 'update', 'remove']);
  const faultyTrackers = new Proxy(trackers, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (typeof property !== 'string' || !writes.has(property)) return method;
      return (...args: unknown[]) =>
        state.failing ? Promise.reject(new Error('détail-interne-7f3a')) : method(...args);
    },
  });
  const source = new Proxy(real, {
    get(target, property) {
      if (property === 'trackers') return faultyTrackers;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    source,
    get failing() {
      return state.failing;
    },
    set failing(value: boolean) {
      state.failing = value;
    },
  };
}
