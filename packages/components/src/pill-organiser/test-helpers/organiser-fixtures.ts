/** Fixtures of the pill organiser tests: real local databases, a provider around the organiser, fault injection. */
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type {
  DataSource,
  IntakeRecord,
  MedicationPlan,
  MedicationRepository,
  NewMedicationPlan,
  Pathology,
  PatientRecord,
} from '@carnet/catalog-sdk';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import { fixture, html, waitUntil } from '../../test-helpers/fixture.js';
import type { CarnetProvider } from '../../provider/provider.js';
import type { CarnetPillOrganiser } from '../pill-organiser.js';
import '../../provider/provider.js';
import '../pill-organiser.js';

/** Wednesday 11 March 2026, 11:10 in Paris: the organiser's « now » in the tests. */
export const FIXED_NOW = new Date('2026-03-11T10:10:00.000Z');
/** When the persona's history was generated: 06:00 in Paris that Wednesday, before its first dose. */
export const SEEDED_AT = new Date('2026-03-11T05:00:00.000Z');
/** The week of FIXED_NOW, Monday to Sunday. */
export const WEEK = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'];

/** Collapsed text content of a node. */
export function text(root: Node | null | undefined): string {
  return root?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Elements in the organiser's shadow root. */
export function all<E extends Element = HTMLElement>(organiser: CarnetPillOrganiser, selector: string): E[] {
  return [...(organiser.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

/** One element in the organiser's shadow root, or a failure naming the selector. */
export function one<E extends Element = HTMLElement>(organiser: CarnetPillOrganiser, selector: string): E {
  const found = organiser.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** Dose buttons of the week table. */
export function tableDoses(organiser: CarnetPillOrganiser): HTMLButtonElement[] {
  return all<HTMLButtonElement>(organiser, '.week-table button.dose');
}

/** The table's button of one dose. */
export function doseButton(organiser: CarnetPillOrganiser, planId: string, scheduledAt: string): HTMLButtonElement {
  return one<HTMLButtonElement>(
    organiser,
    `.week-table button[data-dose-key="${planId}@${new Date(scheduledAt).toISOString()}"]`,
  );
}

/** A Paris wall-clock time in March 2026 (UTC+1) as an ISO instant. */
export function parisMarch(date: string, time: string): string {
  return new Date(`${date}T${time}:00+01:00`).toISOString();
}

/** Imports a persona (history generated at SEEDED_AT) into `dbName`, optionally with extra plans; returns the record. */
export async function seedPersona(
  dbName: string,
  persona: Pathology,
  change?: (record: PatientRecord) => PatientRecord,
): Promise<PatientRecord> {
  const generated = generatePersona(persona, { documentCount: 2, now: SEEDED_AT });
  const record = change ? change(generated) : generated;
  const source = createLocalDataSource({ dbName });
  try {
    await source.importRecord(record);
  } finally {
    source.close();
  }
  return record;
}

/** Adds plans to an empty database `dbName`; returns them as stored. */
export async function seedPlans(dbName: string, plans: NewMedicationPlan[]): Promise<MedicationPlan[]> {
  const source = createLocalDataSource({ dbName });
  try {
    const stored: MedicationPlan[] = [];
    for (const plan of plans) stored.push(await source.medications.createPlan(plan));
    return stored;
  } finally {
    source.close();
  }
}

/** Plans and intakes as stored in `dbName`, read through a fresh data source. */
export async function storedMedication(dbName: string): Promise<{ plans: MedicationPlan[]; intakes: IntakeRecord[] }> {
  const source = createLocalDataSource({ dbName });
  try {
    return { plans: await source.medications.listPlans(), intakes: await source.medications.listIntakes() };
  } finally {
    source.close();
  }
}

/** Options of `mountOrganiser`. */
export interface MountOptions {
  pathology?: Pathology;
  locale?: 'fr' | 'en';
  now?: Date;
  dataSource?: DataSource;
}

/** A provider on `dbName` (or the given source) around an organiser; resolves once the organiser left loading. */
export async function mountOrganiser(
  dbName: string,
  options: MountOptions = {},
): Promise<{ provider: CarnetProvider; organiser: CarnetPillOrganiser }> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider
      db-name=${dbName}
      locale=${options.locale ?? 'fr'}
      pathology=${options.pathology ?? ''}
      .dataSource=${options.dataSource}
    >
      <carnet-pill-organiser .now=${options.now ?? FIXED_NOW}></carnet-pill-organiser>
    </carnet-provider>`,
  );
  const organiser = provider.querySelector('carnet-pill-organiser') as CarnetPillOrganiser;
  await waitUntil(
    () => !organiser.matches(':state(loading)') && organiser.matches(':state(ready), :state(empty), :state(error)'),
    'organiser loaded',
    {
      timeout: 10_000,
    },
  );
  await organiser.updateComplete;
  return { provider, organiser };
}

/** Opens a dose's dialog by clicking it; returns the dialog. */
export async function openDose(organiser: CarnetPillOrganiser, button: HTMLButtonElement): Promise<HTMLDialogElement> {
  button.click();
  await organiser.updateComplete;
  const dialog = one<HTMLDialogElement>(organiser, 'dialog[part="intake-dialog"]');
  await waitUntil(() => dialog.open, 'dialog open');
  return dialog;
}

/** Fault switches of `withFaultyMedications`. */
export interface MedicationFaults {
  readonly source: DataSource;
  /** Number of next `recordIntake` calls that reject. */
  failRecords: number;
  /** When true, `listPlans` rejects. */
  failPlans: boolean;
  /** Calls that reached `recordIntake`, failed or not. */
  readonly recordCalls: number;
}

function bound<T extends object>(target: T, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

/** Wraps a real source so `recordIntake` or `listPlans` fail on demand with `error`; everything else is real. */
export function withFaultyMedications(real: DataSource, error: Error): MedicationFaults {
  const faults = { failRecords: 0, failPlans: false, recordCalls: 0 };
  const medications = new Proxy(real.medications, {
    get(target, property) {
      if (property === 'recordIntake') {
        return (record: Parameters<MedicationRepository['recordIntake']>[0]) => {
          faults.recordCalls += 1;
          if (faults.failRecords > 0) {
            faults.failRecords -= 1;
            return Promise.reject(error);
          }
          return target.recordIntake(record);
        };
      }
      if (property === 'listPlans') {
        return (options?: Parameters<MedicationRepository['listPlans']>[0]) =>
          faults.failPlans ? Promise.reject(error) : target.listPlans(options);
      }
      return bound(target, property);
    },
  });
  const source = new Proxy(real, {
    get: (target, property) =>
      property === 'medications' ? medications : property === 'close' ? () => undefined : bound(target, property),
  });
  return Object.assign(faults, { source }) as MedicationFaults;
}
