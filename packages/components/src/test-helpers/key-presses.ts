/**
 * Keyboard-only main tasks: real key presses (`sendKeys`), counted, so a test can state how
 * many a person needs. Typed words count as one step each time they are typed.
 */
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement } from './dialog-contract.js';

/** Counts the keys pressed through it. */
export class KeyPresses {
  count = 0;

  /** Presses one key. */
  async press(key: string): Promise<void> {
    this.count += 1;
    await sendKeys({ press: key });
  }

  /** Types words (one step: the words themselves are what the person means to write). */
  async type(text: string): Promise<void> {
    this.count += 1;
    await sendKeys({ type: text });
  }

  /** Presses Tab until `reached()` holds for the focused element, at most `limit` times. */
  async tabUntil(reached: (focused: Element | null) => boolean, limit = 60): Promise<void> {
    for (let i = 0; i < limit && !reached(deepActiveElement()); i++) await this.press('Tab');
    if (!reached(deepActiveElement())) throw new Error(`not reached after ${limit} Tab presses`);
  }
}
