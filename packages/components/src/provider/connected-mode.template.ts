import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { LiveAnnouncer } from '../shared/announcer.js';
import { userMessageFor, userMessageForAuthReason } from '../shared/error-messages.js';
import { renderErrorState } from '../shared/states.js';
import type { SignInMode } from './connected-config.js';
import type {
  ConnectedModeController,
  ConnectedModeHost,
  ConnectionFailure,
  ConnectionStatus,
} from './connected-mode.controller.js';
import type { ProviderRecordStatus } from './provider.component.js';
import { renderSessionHeader, renderSignInPrompt } from './session-header.js';
import type { SyncStatusController } from './sync-status.controller.js';
import { renderConflictDialog, renderSignOutConfirm, renderSyncLine } from './sync-status.template.js';
import type { CarnetLocale } from '../shared/localization.js';

/** What the view needs beyond the connection: the sync state, the « remember » choice, the locale. */
export interface ConnectedViewOptions {
  signInMode: SignInMode;
  onRetry: () => void;
  syncStatus: SyncStatusController;
  remember: boolean;
  onRememberChange: (remember: boolean) => void;
  locale: CarnetLocale;
}

/** How each connected-mode status reads as the provider's `recordStatus`. */
export const RECORD_STATUS_OF_CONNECTION: Readonly<Record<ConnectionStatus, ProviderRecordStatus>> = {
  connecting: 'connecting',
  'handing-off': 'connecting',
  'signed-out': 'signed-out',
  'signed-in': 'ready',
  error: 'error',
};

/** The sentence for a connected-mode failure: by sign-in reason when there is one. Called at render time. */
export function connectionMessageFor(failure: ConnectionFailure | undefined): string | undefined {
  if (!failure) return undefined;
  return failure.reason ? userMessageForAuthReason(failure.reason) : userMessageFor(failure.detail.messageKey);
}

/**
 * The provider's content in connected mode: connecting, the error with Retry,
 * the sign-in prompt, or the signed-in header above the slotted widgets. After
 * a sign-in or sign-out from its buttons it says so and moves focus to the
 * control that replaced the pressed one.
 */
export class ConnectedModeView {
  private readonly host: ConnectedModeHost;
  private readonly connection: ConnectedModeController;
  private readonly announcer: LiveAnnouncer;

  constructor(host: ConnectedModeHost, connection: ConnectedModeController, announcer: LiveAnnouncer) {
    this.host = host;
    this.connection = connection;
    this.announcer = announcer;
  }

  /** The template for the current status; `onRetry` prepares the record again. */
  render({
    signInMode,
    onRetry,
    syncStatus,
    remember,
    onRememberChange,
    locale,
  }: ConnectedViewOptions): TemplateResult {
    const { connection } = this;
    switch (connection.status) {
      case 'connecting':
      case 'handing-off':
        return html`<div class="busy" part="busy">
          <span class="spinner" aria-hidden="true"></span>
          <span>${msg('Connexion à votre espace santé…')}</span>
        </div>`;
      case 'error':
        return renderErrorState({ message: connectionMessageFor(connection.failure) ?? '', onRetry });
      case 'signed-out':
        return renderSignInPrompt({
          mode: signInMode,
          notice: connectionMessageFor(connection.failure),
          busy: connection.busy,
          onSignIn: this.startSignIn,
          remember,
          onRememberChange,
        });
      case 'signed-in': {
        const session = connection.session;
        // Identity only: a display name when the provider gives one, else the patient id.
        const who = session?.user?.name ?? session?.patientId ?? session?.user?.sub ?? '';
        const state = syncStatus.state;
        const unsent = connection.unsentChanges;
        return html`${renderSessionHeader({ who, busy: connection.busy, onSignOut: this.startSignOut })}
          ${state ? renderSyncLine({ state, onReview: () => syncStatus.review() }) : nothing}
          <slot></slot>
          ${renderConflictDialog({
            conflict: syncStatus.reviewing,
            locale,
            resolving: syncStatus.resolving,
            failed: syncStatus.resolveFailed,
            onChoose: (choice) => void syncStatus.resolve(choice),
            onLater: () => syncStatus.postpone(),
          })}
          ${renderSignOutConfirm({
            open: connection.confirmingSignOut,
            unsent,
            onStay: () => connection.cancelSignOut(),
            onConfirm: this.confirmSignOut,
          })}`;
      }
    }
  }

  // Synchronous up to signIn(): in popup mode the popup opens within the click.
  private readonly startSignIn = (): void => {
    void this.connection.signIn().then(() => {
      if (this.connection.status === 'signed-in') this.confirm(msg('Vous êtes connecté·e.'), 'sign-out-button');
    });
  };

  private readonly startSignOut = (): void => {
    void this.connection.signOut().then(() => {
      if (this.connection.status === 'signed-out') this.confirm(msg('Vous êtes déconnecté·e.'), 'sign-in-button');
    });
  };

  private readonly confirmSignOut = (): void => {
    void this.connection.signOut(true).then(() => {
      if (this.connection.status === 'signed-out') this.confirm(msg('Vous êtes déconnecté·e.'), 'sign-in-button');
    });
  };

  private confirm(announcement: string, nextControl: string): void {
    this.announcer.announce(announcement);
    void this.host.updateComplete.then(() => {
      this.host.shadowRoot?.querySelector<HTMLElement>(`[part="${nextControl}"]`)?.focus();
    });
  }
}
