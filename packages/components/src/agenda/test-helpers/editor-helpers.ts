/** Driving the agenda's dialogs as a person would: open, fill, save, answer. */
import { expect, oneEvent, waitUntil } from '../../test-helpers/fixture.js';
import type { CarnetAgenda } from '../agenda.js';
import { cell, openedDialog, part, parts, settled, text, typeInto } from './agenda-fixtures.js';

/** The editor dialog. */
export function editorDialog(agenda: CarnetAgenda): HTMLDialogElement {
  return part<HTMLDialogElement>(agenda, 'dialog[part="editor"]');
}

/** An input, select or textarea of the editor by name (the first, for radios and checkboxes). */
export function field<T extends HTMLElement = HTMLInputElement>(agenda: CarnetAgenda, name: string, value?: string): T {
  const selector = value === undefined ? `[name="${name}"]` : `[name="${name}"][value="${value}"]`;
  const found = editorDialog(agenda).querySelector<T>(selector);
  if (!found) throw new Error(`No field ${selector} in the editor`);
  return found;
}

/** Types into an editor field and waits for the re-render. */
export async function fill(agenda: CarnetAgenda, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    typeInto(field<HTMLInputElement>(agenda, name), value);
    await agenda.updateComplete;
  }
}

/** Clicks a radio or checkbox of the editor and waits for the re-render. */
export async function choose(agenda: CarnetAgenda, name: string, value: string, checked = true): Promise<void> {
  const input = field<HTMLInputElement>(agenda, name, value);
  if (input.checked !== checked) input.click();
  await agenda.updateComplete;
}

/** Opens the editor with « Nouvel événement ». */
export async function openNewEvent(agenda: CarnetAgenda): Promise<void> {
  part<HTMLButtonElement>(agenda, '[part="create"]').click();
  await openedDialog(agenda, 'dialog[part="editor"]');
}

/** Presses Enregistrer. */
export async function save(agenda: CarnetAgenda): Promise<void> {
  part<HTMLButtonElement>(agenda, 'dialog[part="editor"] [part="save"]').click();
  await agenda.updateComplete;
}

/**
 * Answers the « which occurrences? » question (or confirms a delete), confirms
 * a series delete when asked, and waits for the reload.
 */
export async function answerScope(agenda: CarnetAgenda, scope: 'this' | 'following' | 'all'): Promise<void> {
  const dialog = part<HTMLDialogElement>(agenda, 'dialog[part="scope-dialog"]');
  await waitUntil(() => dialog.open, 'scope question asked');
  // The writes are over once the change is announced; the reload has started by then.
  const changed = oneEvent(agenda, 'carnet-event-change');
  part<HTMLButtonElement>(agenda, `[part="scope-${scope}"]`).click();
  await agenda.updateComplete;
  agenda.shadowRoot?.querySelector<HTMLButtonElement>('[part="confirm-delete"]')?.click();
  await changed;
  await saved(agenda);
}

/** Waits until the editor and question are closed and the agenda reloaded. */
export async function saved(agenda: CarnetAgenda): Promise<void> {
  await waitUntil(
    () => !editorDialog(agenda).open && !part<HTMLDialogElement>(agenda, 'dialog[part="scope-dialog"]').open,
    'dialogs closed after saving',
  );
  await settled(agenda);
}

/** Opens the details of the event button whose title is `title` (the n-th one). */
export async function openOccurrence(agenda: CarnetAgenda, title: string, index = 0): Promise<HTMLDialogElement> {
  const buttons = parts<HTMLButtonElement>(agenda, '[part="event"]').filter(
    (button) => text(button.querySelector('.item-title')) === title,
  );
  const button = buttons[index];
  if (!button) throw new Error(`No event button « ${title} » #${index}`);
  button.click();
  return openedDialog(agenda, 'dialog[part="occurrence-dialog"]');
}

/** From an open occurrence, presses Modifier. */
export async function editOpenOccurrence(agenda: CarnetAgenda): Promise<void> {
  part<HTMLButtonElement>(agenda, 'dialog[part="occurrence-dialog"] [part="edit"]').click();
  await agenda.updateComplete;
  expect(editorDialog(agenda).open).to.equal(true);
}

/** From an open occurrence, presses Supprimer. */
export async function deleteOpenOccurrence(agenda: CarnetAgenda): Promise<void> {
  part<HTMLButtonElement>(agenda, 'dialog[part="occurrence-dialog"] [part="delete"]').click();
  await agenda.updateComplete;
}

/** Clicks a day of the month grid (opening its details, or the editor on an empty day). */
export async function openDay(agenda: CarnetAgenda, day: string): Promise<void> {
  cell(agenda, day).click();
  await agenda.updateComplete;
}
