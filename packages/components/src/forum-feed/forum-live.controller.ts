import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the live controller asks of its element. */
export interface ForumLiveOptions {
  /** Milliseconds between two checks; 0 or less: no checking. */
  interval(): number;
  /** One quiet check for news; failures are ignored until the next one. */
  check(): Promise<void>;
}

/**
 * Checks the community for news at an interval while the element is on the
 * page (six times less often while the page is hidden): the next check is planned only once the last
 * one is done, so a slow server never gets two at once. (Lists are read with
 * ETags: an unchanged community costs a 304.)
 */
export class ForumLiveController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;
  private readonly onVisibility = (): void => {
    if (!document.hidden) this.plan(0);
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ForumLiveOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.plan();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Plans the next check (after `delay`, default the interval). */
  plan(delay = this.options.interval()): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const interval = this.options.interval();
    if (!this.connected || interval <= 0) return;
    // A hidden page checks less often; it catches up at once when shown again.
    const wait = document.hidden ? Math.max(delay, interval * 6) : delay;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.options.check().then(
        () => this.plan(),
        () => this.plan(),
      );
    }, wait);
  }
}
