import { sendKeys } from '@web/test-runner-commands';
import { activate, deepActiveElement, PATIENCE } from '../../test-helpers/dialog-contract.js';
import { waitUntil } from '../../test-helpers/fixture.js';
import type { CarnetTracker } from '../tracker.js';

/** One value as a person types it. */
export interface TypedGlucose {
  /** As typed in the value field, e.g. « 112 » or « 5,6 ». */
  value: string;
  /** As typed in the day field (« 02/03/2026 »); absent: today, as the form proposes. */
  day?: string;
  /** As typed in the time field (« 07:30 »). */
  time?: string;
  /** Name of the meal context button to press. */
  meal?: string;
}

export function part<T extends Element = HTMLElement>(host: HTMLElement, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${host.localName}>`);
  return found;
}

export function text(node: ParentNode | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function replaceField(tracker: CarnetTracker, name: string, value: string): Promise<void> {
  const input = part<HTMLInputElement>(tracker, `dialog[open] [name="${name}"]`);
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

/**
 * Enters one value through the widget as a person does: Enter on « Noter une
 * glycémie », type the value in the focused field, optionally change the day
 * and time and press a meal button, then Enter in the value field to save.
 * Resolves once the dialog has closed and the value is shown.
 */
export async function enterGlucose(tracker: CarnetTracker, typed: TypedGlucose): Promise<void> {
  const before = tracker.shadowRoot?.querySelectorAll('[part="chart"] circle').length ?? 0;
  await activate(part(tracker, '[part="add"]'));
  const dialog = part<HTMLDialogElement>(tracker, 'dialog[part="entry-dialog"]');
  await waitUntil(() => dialog.open, 'entry dialog open', PATIENCE);
  // Initial focus is asserted by the fast-entry test; here the value goes into its field whatever held focus.
  const field = part<HTMLInputElement>(tracker, 'dialog[open] [name="value"]');
  if (deepActiveElement() !== field) field.focus();
  await sendKeys({ type: typed.value });
  if (typed.day !== undefined) await replaceField(tracker, 'day', typed.day);
  if (typed.time !== undefined) await replaceField(tracker, 'time', typed.time);
  if (typed.meal !== undefined) {
    const button = [...(tracker.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="meal-context"]') ?? [])].find(
      (candidate) => text(candidate) === typed.meal,
    );
    if (!button) throw new Error(`No meal button ${typed.meal}`);
    await activate(button);
  }
  part<HTMLInputElement>(tracker, 'dialog[open] [name="value"]').focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(
    () => !dialog.open && (tracker.shadowRoot?.querySelectorAll('[part="chart"] circle').length ?? 0) > before,
    'value saved and drawn',
    PATIENCE,
  );
}
