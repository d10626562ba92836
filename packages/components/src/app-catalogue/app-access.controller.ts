import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CatalogueApp, DataSource } from '@carnet/catalog-sdk';

/**
 * Withdrawing an app's access: the app the patient is asked about (the
 * confirmation dialog is open while there is one), the withdrawal running, and
 * whether it failed. The dialog's safe choice keeps the access.
 */
export class AppAccessController implements ReactiveController {
  #confirming: CatalogueApp | undefined;
  #busy = false;
  #failed = false;
  readonly #host: ReactiveControllerHost;
  readonly #withdrawn: (app: CatalogueApp) => void;

  /** @param withdrawn called once the platform has withdrawn the access */
  constructor(host: ReactiveControllerHost, withdrawn: (app: CatalogueApp) => void) {
    this.#host = host;
    this.#withdrawn = withdrawn;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The app whose withdrawal is being confirmed. */
  get confirming(): CatalogueApp | undefined {
    return this.#confirming;
  }

  /** True while the platform is asked. */
  get busy(): boolean {
    return this.#busy;
  }

  /** True when the last withdrawal failed (the dialog stays open with the reason). */
  get failed(): boolean {
    return this.#failed;
  }

  /** Asks the patient to confirm withdrawing `app`'s access. */
  requestRevoke(app: CatalogueApp): void {
    this.#confirming = app;
    this.#failed = false;
    this.#host.requestUpdate();
  }

  /** Keeps the access: closes the question. */
  cancel(): void {
    if (this.#busy) return;
    this.#confirming = undefined;
    this.#failed = false;
    this.#host.requestUpdate();
  }

  /** Withdraws the access of the app being confirmed. */
  async confirm(source: DataSource | undefined): Promise<void> {
    const app = this.#confirming;
    if (!app || this.#busy || !source?.apps) return;
    this.#busy = true;
    this.#failed = false;
    this.#host.requestUpdate();
    try {
      await source.apps.revoke(app.clientId);
      this.#confirming = undefined;
      this.#withdrawn(app);
    } catch {
      this.#failed = true;
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
  }
}
