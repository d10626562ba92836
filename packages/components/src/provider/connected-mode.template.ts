import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
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
import { RecordPickerController } from './record-picker.controller.js';
import { renderRecordBanner, renderRecordPicker } from './record-picker.template.js';
import { toCarnetErrorDetail } from '../shared/error-messages.js';
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
  /** A caregiver's choice of whose record to open. */
  readonly picker: RecordPickerController;

  constructor(host: ConnectedModeHost, connection: ConnectedModeController, announcer: LiveAnnouncer) {
    this.host = host;
    this.connection = connection;
    this.announcer = announcer;
    this.picker = new RecordPickerController(host, connection);
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
        const header = html`${renderSessionHeader({ who, busy: connection.busy, onSignOut: this.startSignOut })}
        ${state ? renderSyncLine({ state, onReview: () => syncStatus.review() }) : nothing}`;
        const dialogs = html`${renderConflictDialog({
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
        if (!connection.isCaregiver) return html`${header} <slot></slot> ${dialogs}`;
        const { picker } = this;
        if (connection.recordOf === undefined)
          return html`${header}
          ${renderRecordPicker({
            status: picker.status,
            people: picker.people,
            ...(picker.status === 'error'
              ? { errorMessage: userMessageFor(toCarnetErrorDetail(picker.error).messageKey) }
              : {}),
            locale,
            onOpen: this.openRecord,
            onRetry: () => picker.reload(),
          })}
          ${dialogs}`;
        return html`${header}
          ${renderRecordBanner({
            name: picker.current?.name ?? connection.recordOf,
            canChange: picker.people.length > 1,
            onChange: this.changeRecord,
          })} <slot></slot> ${dialogs}`;
      }
    }
  }

  private readonly openRecord = (patientId: string): void => {
    this.picker.open(patientId);
    const name = this.picker.current?.name ?? patientId;
    this.announcer.announce(msg(str`Vous consultez le carnet de ${name}.`));
    void this.host.updateComplete.then(() => {
      this.host.shadowRoot?.querySelector<HTMLElement>('#record-banner-text')?.focus();
    });
  };

  private readonly changeRecord = (): void => {
    this.picker.change();
    void this.host.updateComplete.then(() => {
      this.host.shadowRoot?.querySelector<HTMLElement>('#record-picker-title')?.focus();
    });
  };

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
