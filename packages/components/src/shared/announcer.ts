import { html } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';

// Long enough for screen readers to notice the region was emptied before it is refilled.
const ANNOUNCEMENT_DELAY_MS = 100;

/**
 * A polite live region for short announcements (« Carnet prêt »). The host
 * renders `announcer.region()` once in its template and calls `announce()`.
 */
export class LiveAnnouncer implements ReactiveController {
  /** The text currently in the live region. */
  message = '';

  private readonly host: ReactiveControllerHost;
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /**
   * Says `text` to screen reader users. Clears the region first so the same
   * sentence said twice is announced twice.
   */
  announce(text: string): void {
    this.message = '';
    this.host.requestUpdate();
    clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => {
      this.pendingTimer = undefined;
      this.message = text;
      this.host.requestUpdate();
    }, ANNOUNCEMENT_DELAY_MS);
  }

  /** The live region to place in the host's template. */
  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.message}</div>`;
  }

  /** Drops a pending announcement when the host leaves the page. */
  hostDisconnected(): void {
    clearTimeout(this.pendingTimer);
    this.pendingTimer = undefined;
    this.message = '';
  }
}
