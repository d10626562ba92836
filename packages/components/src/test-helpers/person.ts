/**
 * Tests act like a person: find controls by their role and accessible name (what a
 * screen reader announces), click them with the real mouse (`sendMouse`), type and
 * choose with real keys (`sendKeys`) — never `.click()` or synthetic `input`/`change`
 * events, which skip focus, disabled states and the browser's own handling.
 */
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { accessibleName } from './dialog-contract.js';

/** The roles the tests look for, and the elements that carry each natively. */
const ROLE_SELECTORS = {
  button: 'button, input[type="submit"], input[type="button"], [role="button"]',
  link: 'a[href], [role="link"]',
  textbox:
    'textarea, input:not([type]), input[type="text"], input[type="email"], input[type="tel"], input[type="search"], [role="textbox"]',
  combobox: 'select:not([multiple]), [role="combobox"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  radio: 'input[type="radio"], [role="radio"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  dialog: 'dialog, [role="dialog"], [role="alertdialog"]',
  table: 'table, [role="table"], [role="grid"]',
  row: 'tr, [role="row"]',
  status: 'output, [role="status"]',
  alert: '[role="alert"]',
  navigation: 'nav, [role="navigation"]',
  list: 'ul, ol, [role="list"]',
  listitem: 'li, [role="listitem"]',
} as const;

/** A role {@link byRole} can find. */
export type Role = keyof typeof ROLE_SELECTORS;

/** Where to look: an element's shadow root (a Carnet element) or any node. */
function rootOf(scope: Element | ShadowRoot | Document): ParentNode {
  return scope instanceof Element && scope.shadowRoot ? scope.shadowRoot : scope;
}

function matches(name: string, expected: string | RegExp | undefined): boolean {
  if (expected === undefined) return true;
  return typeof expected === 'string' ? name === expected : expected.test(name);
}

/** Whether a person can perceive the element (not `hidden`, not `display: none`, not in a closed dialog). */
function perceivable(element: Element): boolean {
  if (element.closest('[hidden], [aria-hidden="true"]')) return false;
  const dialog = element.closest('dialog');
  if (dialog && dialog !== element && !dialog.open) return false;
  return (element as HTMLElement).getClientRects?.().length !== 0 || element.localName === 'dialog';
}

/** Every element of `role` in `scope` (its shadow root for a Carnet element) named `name`. */
export function allByRole(scope: Element | ShadowRoot | Document, role: Role, name?: string | RegExp): HTMLElement[] {
  return [...rootOf(scope).querySelectorAll<HTMLElement>(ROLE_SELECTORS[role])].filter(
    (element) => perceivable(element) && matches(accessibleName(element), name),
  );
}

/** The one element of `role` named `name` in `scope`, or `null`. Fails when several match. */
export function queryByRole(
  scope: Element | ShadowRoot | Document,
  role: Role,
  name?: string | RegExp,
): HTMLElement | null {
  const found = allByRole(scope, role, name);
  if (found.length > 1) throw new Error(`${found.length} ${role}s named « ${String(name)} »: say which one`);
  return found[0] ?? null;
}

/** The one element of `role` named `name` in `scope`; fails with what it looked for. */
export function byRole<T extends HTMLElement = HTMLElement>(
  scope: Element | ShadowRoot | Document,
  role: Role,
  name?: string | RegExp,
): T {
  const found = queryByRole(scope, role, name);
  if (!found) {
    const seen = allByRole(scope, role)
      .map((element) => `« ${accessibleName(element)} »`)
      .join(', ');
    throw new Error(`no ${role} named « ${String(name)} » (${role}s seen: ${seen || 'none'})`);
  }
  return found as T;
}

/** Clicks the element with the real mouse, at its centre (scrolled into view first). */
export async function click(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Focuses a text field and types `text` with the keyboard, after what it holds (`replace` clears it first). */
export async function typeInto(field: HTMLElement, text: string, { replace = false } = {}): Promise<void> {
  field.focus();
  if (replace && (field as HTMLInputElement).value !== '') {
    // Select what it holds (as a triple click does), then erase it with the keyboard.
    (field as HTMLInputElement).select();
    await sendKeys({ press: 'Backspace' });
  }
  if (text !== '') await sendKeys({ type: text });
}

/**
 * Chooses the option labelled `label` in a closed `<select>` with the arrow keys, as a
 * keyboard user does (each step fires the browser's own `input` and `change`).
 */
export async function chooseOption(select: HTMLSelectElement, label: string | RegExp): Promise<void> {
  const options = [...select.options];
  const target = options.findIndex((option) => matches(option.label.replace(/\s+/g, ' ').trim(), label));
  if (target < 0) {
    const seen = options.map((option) => `« ${option.label.trim()} »`).join(', ');
    throw new Error(`no option « ${String(label)} » in the list (${seen})`);
  }
  select.focus();
  while (select.selectedIndex !== target) {
    const before = select.selectedIndex;
    await sendKeys({ press: select.selectedIndex < target ? 'ArrowDown' : 'ArrowUp' });
    if (select.selectedIndex === before) throw new Error(`the arrow keys do not move in the list at « ${before} »`);
  }
}
