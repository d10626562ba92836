/** Fixtures of the reminders tests: a real local record, a provider around the reminders and the organiser. */
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { AgendaEvent, DataSource, IntakeRecord, MedicationPlan, NewAgendaEvent } from '@carnet/catalog-sdk';
import { fixture, html, waitUntil } from '../../test-helpers/fixture.js';
import type { CarnetProvider } from '../../provider/provider.js';
import type { CarnetPillOrganiser } from '../../pill-organiser/pill-organiser.js';
import type { CarnetReminders } from '../reminders.js';
import '../../provider/provider.js';
import '../../pill-organiser/pill-organiser.js';
import '../reminders.js';

/** Wednesday 11 March 2026, 08:05 in Paris (UTC+1): five minutes after the morning dose. */
export const MORNING = new Date('2026-03-11T07:05:00.000Z');
/** The morning dose of that day. */
export const DOSE_AT = '2026-03-11T07:00:00.000Z';
export const MEDICINE = 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé';

/** Collapsed text of a node. */
export function text(node: Node | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** One element in the reminders' shadow root, or a failure naming the selector. */
export function part<E extends Element = HTMLElement>(host: Element, selector: string): E {
  const found = host.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** The notices shown. */
export function notices(reminders: CarnetReminders): HTMLElement[] {
  return [...(reminders.shadowRoot?.querySelectorAll<HTMLElement>('[part~="notice"]') ?? [])];
}

/** Seeds a plan taken at 08:00 with a renewal due, and an appointment with a reminder an hour before. */
export async function seedRecord(
  dbName: string,
  options: { renewalDate?: string; appointment?: Partial<NewAgendaEvent> } = {},
): Promise<{ plan: MedicationPlan; event?: AgendaEvent }> {
  const source = createLocalDataSource({ dbName });
  try {
    const plan = await source.medications.createPlan({
      medication: { display: MEDICINE },
      dose: 1,
      doseUnit: 'comprimé',
      slots: [{ time: '08:00' }, { time: '20:00' }],
      start: '2026-03-01',
      ...(options.renewalDate ? { renewalDate: options.renewalDate } : {}),
    });
    if (!options.appointment) return { plan };
    const event = await source.agenda.create({
      title: 'Consultation neurologie',
      kind: 'appointment',
      start: '2026-03-11T09:00:00',
      end: '2026-03-11T09:30:00',
      reminders: [{ minutesBefore: 60 }],
      ...options.appointment,
    });
    return { plan, event };
  } finally {
    source.close();
  }
}

/** Intakes stored in `dbName`. */
export async function storedIntakes(dbName: string): Promise<IntakeRecord[]> {
  const source = createLocalDataSource({ dbName });
  try {
    return await source.medications.listIntakes();
  } finally {
    source.close();
  }
}

/** A clock that always says `now`: tests only choose « now » with it, nothing waits on it. */
export function clockAt(now: Date | string | number): () => Date {
  const at = new Date(now).getTime();
  return () => new Date(at);
}

/** A provider on `dbName` around the reminders and the pill organiser, once both have loaded. */
export async function mountReminders(
  dbName: string,
  now: Date,
  options: { locale?: 'fr' | 'en'; dataSource?: DataSource } = {},
): Promise<{ provider: CarnetProvider; reminders: CarnetReminders; organiser: CarnetPillOrganiser }> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName} locale=${options.locale ?? 'fr'} .dataSource=${options.dataSource}>
      <carnet-reminders .clock=${clockAt(now)}></carnet-reminders>
      <carnet-pill-organiser .now=${now}></carnet-pill-organiser>
    </carnet-provider>`,
  );
  const reminders = provider.querySelector('carnet-reminders') as CarnetReminders;
  const organiser = provider.querySelector('carnet-pill-organiser') as CarnetPillOrganiser;
  await waitUntil(
    () => reminders.matches(':state(ready), :state(empty)') && organiser.matches(':state(ready), :state(empty)'),
    'reminders and organiser loaded',
    { timeout: 10_000 },
  );
  await reminders.updateComplete;
  return { provider, reminders, organiser };
}
