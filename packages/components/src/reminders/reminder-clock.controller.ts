import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Longest wait between two looks at the clock: a computer that slept is caught up within this. */
export const LONGEST_WAIT_MS = 3_600_000;

/**
 * Wakes the host when the next reminder is due, from the clock rather than from
 * counted intervals (a timer set to the next due instant, never a repeating one),
 * and again whenever the page comes back into view or gets focus — a sleeping
 * device or a throttled background tab never makes a reminder late by more than that.
 */
export class ReminderClockController implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #wake: () => void;
  readonly #onVisible = (): void => {
    if (document.visibilityState === 'visible') this.#wake();
  };
  readonly #onFocus = (): void => this.#wake();

  constructor(host: ReactiveControllerHost, wake: () => void) {
    this.#wake = wake;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisible);
    window.addEventListener('focus', this.#onFocus);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisible);
    window.removeEventListener('focus', this.#onFocus);
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Wakes the host at `next` (by the clock that gave `now`), or within the longest wait. */
  wakeAt(next: Date | undefined, now: Date): void {
    clearTimeout(this.#timer);
    const until = next === undefined ? LONGEST_WAIT_MS : next.getTime() - now.getTime();
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#wake();
      },
      Math.max(0, Math.min(LONGEST_WAIT_MS, until)),
    );
  }
}
