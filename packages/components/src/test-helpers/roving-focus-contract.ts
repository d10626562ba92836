/**
 * The contract every group with a roving tab stop keeps (see
 * `shared/roving-focus.controller.ts`), as one suite each element's tests run
 * against each of its groups: one item in the tab order, keys move focus and
 * the tab stop with it, Tab leaves the group at once, and focus arriving on an
 * item (a click) makes it the tab stop.
 */
import { sendKeys } from '@web/test-runner-commands';
import { PATIENCE, deepActiveElement } from './dialog-contract.js';
import { expect, waitUntil } from './fixture.js';

/** One group of one element. */
export interface RovingFocusContractCase {
  /** Names the group in the test titles: « the month grid ». */
  name: string;
  /** Renders the element, ready to use; resolves to the element. */
  mount(): Promise<HTMLElement>;
  /** The group's items as rendered now (rows, cells, articles, doses). */
  items(host: HTMLElement): HTMLElement[];
  /** The key that moves to another item, and the one that comes back. */
  nextKey: string;
  previousKey: string;
  /**
   * `one` (grids, lists): exactly one item in the tab order. `none` (ARIA feeds):
   * articles are reached with the keys only, Tab goes through the controls inside them.
   */
  tabStops?: 'one' | 'none';
  /** Runs after each test (e.g. deletes the test's databases). */
  cleanup?(): Promise<void>;
}

function tabStops(items: HTMLElement[]): HTMLElement[] {
  return items.filter((item) => item.tabIndex === 0);
}

function expectedTabStops(testCase: RovingFocusContractCase): number {
  return testCase.tabStops === 'none' ? 0 : 1;
}

/** Waits for the group's tab stops; resolves to the item to start from (the tab stop, or the first item). */
async function oneTabStop(testCase: RovingFocusContractCase, host: HTMLElement): Promise<HTMLElement> {
  const expected = expectedTabStops(testCase);
  await waitUntil(
    () => tabStops(testCase.items(host)).length === expected,
    `${expected} tab stop(s) in ${testCase.name}`,
    PATIENCE,
  );
  return (tabStops(testCase.items(host))[0] ?? testCase.items(host)[0]) as HTMLElement;
}

function tabStopIs(testCase: RovingFocusContractCase, host: HTMLElement, item: HTMLElement): boolean {
  const stops = tabStops(testCase.items(host));
  return testCase.tabStops === 'none' ? stops.length === 0 : stops.length === 1 && stops[0] === item;
}

/** Runs the roving focus contract against each case (call inside a `describe`). */
export function rovingFocusContract(cases: readonly RovingFocusContractCase[]): void {
  for (const testCase of cases) {
    describe(`roving focus contract: ${testCase.name}`, () => {
      if (testCase.cleanup) afterEach(() => testCase.cleanup?.());

      it(`has ${testCase.tabStops === 'none' ? 'no item' : 'exactly one item'} in the tab order`, async () => {
        const host = await testCase.mount();
        expect(testCase.items(host).length, 'items shown').to.be.greaterThan(1);
        await oneTabStop(testCase, host);
      });

      it('moves focus with the keys, and the tab stop follows', async () => {
        const host = await testCase.mount();
        const start = await oneTabStop(testCase, host);
        // From the last item no key leads further (the tab stop may be there, e.g. the half-hour of now
        // late in the evening): go back first, then forward.
        const items = testCase.items(host);
        const [away, back] =
          items.indexOf(start) === items.length - 1
            ? [testCase.previousKey, testCase.nextKey]
            : [testCase.nextKey, testCase.previousKey];
        start.focus();
        await sendKeys({ press: away });
        await waitUntil(
          () => {
            const active = deepActiveElement();
            return active !== start && testCase.items(host).includes(active as HTMLElement);
          },
          `${away} moves focus to another item (from item ${items.indexOf(start)} of ${items.length})`,
          PATIENCE,
        );
        const moved = deepActiveElement() as HTMLElement;
        await waitUntil(() => tabStopIs(testCase, host, moved), 'tab stop follows', PATIENCE);
        await sendKeys({ press: back });
        await waitUntil(() => deepActiveElement() === start, `${back} comes back`, PATIENCE);
        await waitUntil(() => tabStopIs(testCase, host, start), 'tab stop back', PATIENCE);
      });

      it('leaves the group with one Tab', async () => {
        const host = await testCase.mount();
        const start = await oneTabStop(testCase, host);
        start.focus();
        await sendKeys({ press: 'Tab' });
        expect(testCase.items(host)).not.to.include(deepActiveElement());
      });

      it('moves on from the item focus lands on (a click)', async () => {
        const host = await testCase.mount();
        const start = await oneTabStop(testCase, host);
        const items = testCase.items(host);
        const index = items.indexOf(start);
        const other = (items[index + 1] ?? items[index - 1]) as HTMLElement;
        other.focus();
        await waitUntil(() => tabStopIs(testCase, host, other), 'the focused item is the tab stop', PATIENCE).catch(
          (error: Error) => {
            // Say what the group looked like, to tell a lost focus from a tab stop that did not follow.
            const now = testCase.items(host);
            const stops = tabStops(now).map((item) => now.indexOf(item));
            const active = deepActiveElement();
            throw new Error(
              `${error.message}: the item focused (next to item ${index}) is ` +
                `${other.isConnected ? 'in the page' : 'gone from the page'}, at index ${now.indexOf(other)}; ` +
                `tab stops at ${JSON.stringify(stops)} of ${now.length}, focus on ` +
                `${active === other ? 'it' : active ? `<${active.localName}> ${now.includes(active as HTMLElement) ? `item ${now.indexOf(active as HTMLElement)}` : 'outside the group'}` : 'nothing'}`,
            );
          },
        );
        await sendKeys({ press: testCase.previousKey });
        await waitUntil(
          () => deepActiveElement() !== other && testCase.items(host).includes(deepActiveElement() as HTMLElement),
          `${testCase.previousKey} moves on from the focused item`,
          PATIENCE,
        );
      });
    });
  }
}
