/** Fixtures of the agenda tests: seeded records, the element in a provider, queries into its shadow root. */
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { AgendaEvent, MedicationPlan, NewAgendaEvent, NewMedicationPlan } from '@carnet/catalog-sdk';
import { fixture, html, waitUntil } from '../../test-helpers/fixture.js';
import type { CarnetProvider } from '../../provider/provider.js';
import type { CarnetAgenda } from '../agenda.js';
import '../../provider/provider.js';
import '../agenda.js';
import { seedPersonaRecord } from '../../test-helpers/databases.js';

/** Today in every agenda test: Monday 23 November 2026 (the demo reference date). */
export const TEST_TODAY = '2026-11-23';
/** 08:00 in Paris on that day. */
export const TEST_NOW = new Date('2026-11-23T07:00:00Z');

/** Text of a node with collapsed spaces. */
export function text(node: ParentNode | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** A new event with the defaults the tests do not care about. */
export function agendaEvent(
  fields: Partial<NewAgendaEvent> & Pick<NewAgendaEvent, 'title' | 'start' | 'end'>,
): NewAgendaEvent {
  return { kind: 'appointment', timeZone: 'Europe/Paris', exdates: [], overrides: [], reminders: [], ...fields };
}

/** Writes events (and plans) into the database `dbName`, closing it after. */
export async function seedAgenda(
  dbName: string,
  events: NewAgendaEvent[],
  plans: NewMedicationPlan[] = [],
): Promise<{ events: AgendaEvent[]; plans: MedicationPlan[] }> {
  const source = createLocalDataSource({ dbName });
  try {
    const created: AgendaEvent[] = [];
    for (const event of events) created.push(await source.agenda.create(event));
    const createdPlans: MedicationPlan[] = [];
    for (const plan of plans) createdPlans.push(await source.medications.createPlan(plan));
    return { events: created, plans: createdPlans };
  } finally {
    source.close();
  }
}

/** Reads every event of `dbName` (a fresh connection, as after a reload). */
export async function storedEvents(dbName: string): Promise<AgendaEvent[]> {
  const source = createLocalDataSource({ dbName });
  try {
    return await source.agenda.list();
  } finally {
    source.close();
  }
}

/** Options of `agendaInProvider`. */
export interface AgendaFixtureOptions {
  locale?: 'fr' | 'en';
  view?: 'month' | 'week' | 'list';
  today?: string;
  now?: Date;
  showMedication?: boolean;
  demoPersona?: 'kidney' | 'diabetes' | 'parkinson';
}

/** `<carnet-agenda>` inside a provider on `dbName`, once its data is shown. */
export async function agendaInProvider(
  dbName: string,
  options: AgendaFixtureOptions = {},
): Promise<{ provider: CarnetProvider; agenda: CarnetAgenda }> {
  // The persona is generated around the test's fixed "now", not the real date, so the
  // expected days (cancelled and moved sessions) never drift with the calendar.
  if (options.demoPersona) await seedPersonaRecord(dbName, options.demoPersona, 6, options.now ?? TEST_NOW);
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName} locale=${options.locale ?? 'fr'} demo-persona=${options.demoPersona ?? ''}>
      <carnet-agenda
        view=${options.view ?? 'month'}
        today=${options.today ?? TEST_TODAY}
        .now=${options.now ?? TEST_NOW}
        ?show-medication=${options.showMedication ?? false}
      ></carnet-agenda>
    </carnet-provider>`,
  );
  const agenda = provider.querySelector('carnet-agenda') as CarnetAgenda;
  await agendaShown(agenda);
  return { provider, agenda };
}

/** Waits until the agenda shows its data (toolbar rendered). */
export async function agendaShown(agenda: CarnetAgenda): Promise<void> {
  await waitUntil(() => agenda.shadowRoot?.querySelector('[part="toolbar"]'), 'agenda shown', { timeout: 10_000 });
  await agenda.updateComplete;
}

/** One element of the agenda's shadow root. */
export function part<T extends Element = HTMLElement>(agenda: CarnetAgenda, selector: string): T {
  const found = agenda.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in the agenda`);
  return found;
}

/**
 * Waits until the dialog `selector` is rendered and open, and returns it: the code of the
 * agenda's dialogs loads on the first action, so the dialog may arrive after the click.
 */
export async function openedDialog(agenda: CarnetAgenda, selector: string): Promise<HTMLDialogElement> {
  await waitUntil(() => agenda.shadowRoot?.querySelector<HTMLDialogElement>(selector)?.open, `${selector} open`, {
    timeout: 10_000,
  });
  return part<HTMLDialogElement>(agenda, selector);
}

/** Every element matching `selector` in the agenda's shadow root. */
export function parts<T extends Element = HTMLElement>(agenda: CarnetAgenda, selector: string): T[] {
  return [...(agenda.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** The month grid's cell of `day`. */
export function cell(agenda: CarnetAgenda, day: string): HTMLElement {
  return part(agenda, `[role="gridcell"][data-day="${day}"]`);
}

/** What a screen reader says for the month cell of `day`. */
export function cellLabel(agenda: CarnetAgenda, day: string): string {
  return text(cell(agenda, day).querySelector('.cell-label'));
}

/** The event buttons (titles and times) of a container. */
export function itemSummaries(container: ParentNode): string[] {
  return [...container.querySelectorAll('[part="event"]')].map(
    (button) => `${text(button.querySelector('.item-time'))} ${text(button.querySelector('.item-title'))}`,
  );
}

/** Sets an input's value as typing would, firing input and change. */
export function typeInto(input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Ticks or unticks a checkbox or radio as a click would. */
export function setChecked(input: HTMLInputElement, checked: boolean): void {
  if (input.checked !== checked) input.click();
}

/** Waits for the agenda to reload after a save (the new data version rendered). */
export async function settled(agenda: CarnetAgenda): Promise<void> {
  await agenda.updateComplete;
  await agenda.dataReady();
  await agenda.updateComplete;
}
