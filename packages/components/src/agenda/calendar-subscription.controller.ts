import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CalendarSubscription, CalendarSubscriptionRepository } from '@carnet/catalog-sdk';

/** Where the subscription block stands. */
export type SubscriptionStep = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The agenda's calendar subscription (connected mode): asks the platform for
 * the patient's secret webcal address when the patient wants it (never before:
 * no address is made for someone who did not ask), and resets it on request.
 */
export class CalendarSubscriptionController implements ReactiveController {
  /** Where it stands. */
  step: SubscriptionStep = 'idle';
  /** The address, once obtained. */
  subscription?: CalendarSubscription;
  /** True right after a reset: the old address no longer works. */
  wasReset = false;

  private readonly host: ReactiveControllerHost;
  private readonly repository: () => CalendarSubscriptionRepository | undefined;
  private run = 0;

  constructor(host: ReactiveControllerHost, repository: () => CalendarSubscriptionRepository | undefined) {
    this.host = host;
    this.repository = repository;
    host.addController(this);
  }

  /** True when the record's server serves a subscription. */
  get available(): boolean {
    return this.repository() !== undefined;
  }

  /** Gets the address (created on first use). */
  prepare(): Promise<void> {
    return this.load((repository) => repository.get(), false);
  }

  /** Replaces the address: the old one stops working at once. */
  reset(): Promise<void> {
    return this.load((repository) => repository.reset(), true);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.run++;
    this.step = 'idle';
    this.subscription = undefined;
    this.wasReset = false;
  }

  private async load(
    ask: (repository: CalendarSubscriptionRepository) => Promise<CalendarSubscription>,
    reset: boolean,
  ): Promise<void> {
    const repository = this.repository();
    if (!repository || this.step === 'loading') return;
    const run = ++this.run;
    this.step = 'loading';
    this.host.requestUpdate();
    try {
      const subscription = await ask(repository);
      if (run !== this.run) return;
      this.subscription = subscription;
      this.wasReset = reset;
      this.step = 'ready';
    } catch {
      if (run !== this.run) return;
      this.step = 'error';
    }
    this.host.requestUpdate();
  }
}
