/**
 * The contract every Carnet dialog keeps (see `shared/dialog.controller.ts`),
 * as one suite each element's tests run against each of its dialogs:
 * modal, initial focus on the safe choice, Escape closes and gives focus back
 * to the opener, focus stays inside when the content changes, tidy after
 * Escape (opens again), a late `close` event of an earlier closing ignored, and
 * no dialog left open when the element leaves.
 */
import { sendKeys } from '@web/test-runner-commands';
import { expect, waitUntil } from './fixture.js';

/** How long a condition may take on a busy machine (the tests wait for it, never sleep). */
export const PATIENCE = { timeout: 10_000 };

/** One dialog of one element, as a person opens it. */
export interface DialogContractCase {
  /** Names the dialog in the test titles: « the intake dialog of a recorded dose ». */
  name: string;
  /** Renders the element, ready to use; resolves to the element. */
  mount(): Promise<HTMLElement>;
  /**
   * Opens the dialog as a person does (keys or clicks, e.g. with `activate`);
   * resolves to the element focus must return to when the dialog closes.
   */
  open(host: HTMLElement): Promise<HTMLElement>;
  /** Finds the dialog in the element's shadow root, e.g. `dialog[part="editor"]`. */
  selector: string;
  /** Accessible name of the safe choice that must hold focus first (never a destructive one). */
  safeChoice: string | RegExp;
  /**
   * Changes the dialog's content under the focus as a person would (a step
   * switched, a form sent); focus must then stay inside, on `focusAfterChange`.
   */
  changeContent?(host: HTMLElement, dialog: HTMLDialogElement): Promise<void>;
  /** Accessible name of what holds focus after `changeContent`. */
  focusAfterChange?: string | RegExp;
  /** Runs after each test (e.g. deletes the test's databases). */
  cleanup?(): Promise<void>;
}

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The accessible name of a control, as far as these dialogs need it: aria-label, label, or text. */
export function accessibleName(element: Element | null): string {
  if (!element) return '';
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  const root = element.getRootNode() as ParentNode & { getElementById?: (id: string) => Element | null };
  if (labelledBy && root.getElementById) {
    return labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById?.(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0 && labels[0]) return spokenText(labels[0]);
  return spokenText(element);
}

/**
 * The text a screen reader reads of `node`: without what is hidden from it (`aria-hidden`, such
 * as a required field's « * ») nor, in a label around its control, the control's own text.
 */
function spokenText(node: Element): string {
  const copy = node.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"], select, textarea, input').forEach((hidden) => hidden.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Puts focus on `element` and presses `key` (Enter by default), as a keyboard user does. */
export async function activate(element: HTMLElement, key = 'Enter'): Promise<void> {
  element.focus();
  await sendKeys({ press: key });
}

/**
 * The `open` of a case whose dialog opens from one button (a selector in the element's
 * shadow root, or a finder): Enter on it, as a keyboard user does; focus returns there.
 */
export function openedBy(find: string | ((host: HTMLElement) => HTMLElement | null)): DialogContractCase['open'] {
  return async (host) => {
    const opener = typeof find === 'string' ? (host.shadowRoot?.querySelector<HTMLElement>(find) ?? null) : find(host);
    if (!opener) throw new Error(`no opener: ${typeof find === 'string' ? find : 'finder found nothing'}`);
    await activate(opener);
    return opener;
  };
}

function nameMatches(name: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? name === expected : expected.test(name);
}

function dialogOf(host: HTMLElement, selector: string): HTMLDialogElement {
  const dialog = host.shadowRoot?.querySelector<HTMLDialogElement>(selector);
  if (!dialog) throw new Error(`no dialog matches ${selector}`);
  return dialog;
}

async function focusIsOn(expected: string | RegExp, within: HTMLDialogElement): Promise<void> {
  await waitUntil(
    () => {
      const active = deepActiveElement();
      return active !== null && within.contains(active) && nameMatches(accessibleName(active), expected);
    },
    `focus on « ${String(expected)} » inside the dialog (it is on « ${accessibleName(deepActiveElement())} »)`,
    PATIENCE,
  );
}

async function openAndCheck(
  testCase: DialogContractCase,
  host: HTMLElement,
): Promise<{ dialog: HTMLDialogElement; opener: HTMLElement }> {
  const opener = await testCase.open(host);
  const dialog = dialogOf(host, testCase.selector);
  await waitUntil(() => dialog.open, `${testCase.name} opens`, PATIENCE);
  return { dialog, opener };
}

async function escapeAndCheck(testCase: DialogContractCase, dialog: HTMLDialogElement, opener: HTMLElement) {
  await sendKeys({ press: 'Escape' });
  await waitUntil(() => !dialog.open, `${testCase.name} closes on Escape`, PATIENCE);
  await waitUntil(
    () => deepActiveElement() === opener,
    `focus back on the opener « ${accessibleName(opener)} » (it is on « ${accessibleName(deepActiveElement())} »)`,
    PATIENCE,
  );
}

/** Runs the dialog contract against each case (call inside a `describe`). */
export function dialogContract(cases: readonly DialogContractCase[]): void {
  for (const testCase of cases) {
    describe(`dialog contract: ${testCase.name}`, () => {
      if (testCase.cleanup) afterEach(() => testCase.cleanup?.());

      it('opens as a modal dialog with focus on the safe choice', async () => {
        const host = await testCase.mount();
        const { dialog } = await openAndCheck(testCase, host);
        expect(dialog.matches(':modal'), 'modal').to.equal(true);
        await focusIsOn(testCase.safeChoice, dialog);
      });

      it('closes on Escape, gives focus back to the opener, and opens again', async () => {
        const host = await testCase.mount();
        const first = await openAndCheck(testCase, host);
        await focusIsOn(testCase.safeChoice, first.dialog);
        await escapeAndCheck(testCase, first.dialog, first.opener);
        // Tidied up: the same dialog opens again, focus inside, and closes again.
        const second = await openAndCheck(testCase, host);
        await focusIsOn(testCase.safeChoice, second.dialog);
        await escapeAndCheck(testCase, second.dialog, second.opener);
      });

      // `close()` queues its `close` event; the browser runs input first, so a person who reopens the
      // dialog at once (Enter again on the opener) may get the earlier closing's event after the reopen.
      it('stays open when a late close event of an earlier closing arrives after it reopened', async () => {
        const host = await testCase.mount();
        const { dialog } = await openAndCheck(testCase, host);
        await focusIsOn(testCase.safeChoice, dialog);
        dialog.dispatchEvent(new Event('close'));
        await (host as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
        expect(dialog.open, 'still open').to.equal(true);
        await focusIsOn(testCase.safeChoice, dialog);
      });

      if (testCase.changeContent) {
        it('keeps focus inside when its content changes', async () => {
          const host = await testCase.mount();
          const { dialog } = await openAndCheck(testCase, host);
          await focusIsOn(testCase.safeChoice, dialog);
          await testCase.changeContent?.(host, dialog);
          expect(dialog.open, 'still open').to.equal(true);
          await focusIsOn(testCase.focusAfterChange ?? /./, dialog);
        });
      }

      it('leaves no dialog open when the element leaves the page', async () => {
        const host = await testCase.mount();
        const { dialog } = await openAndCheck(testCase, host);
        const parent = host.parentNode;
        const next = host.nextSibling;
        host.remove();
        expect(dialog.open, 'closed with the element').to.equal(false);
        parent?.insertBefore(host, next);
        await (host as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
        // Not reopened (an element that starts afresh when put back may not render the dialog at all).
        const again = host.shadowRoot?.querySelector<HTMLDialogElement>(testCase.selector);
        expect(again?.open ?? false, 'not reopened').to.equal(false);
        expect(document.querySelector(':modal'), 'nothing modal left in the page').to.equal(null);
      });
    });
  }
}
