/**
 * Everything connected mode adds to `<carnet-provider>`: the session and its
 * data source (`ConnectedModeController`), the sign-in prompt, the signed-in
 * header, the caregiver's record picker, the sync line, the conflict and
 * sign-out dialogs, and their styles. The provider imports this module on
 * demand, the first time it is configured for connected mode, so that a page
 * in local mode never downloads it (the CDN build puts it in its own chunk).
 */
import type { TemplateResult } from 'lit';
import type { RecordRevision } from '../context/record-revision.context.js';
import type { LiveAnnouncer } from '../shared/announcer.js';
import { DialogController } from '../shared/dialog.controller.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { ConnectedModeController } from './connected-mode.controller.js';
import type { ConnectedModeHost } from './connected-mode.controller.js';
import { ConnectedModeView, RECORD_STATUS_OF_CONNECTION } from './connected-mode.template.js';
import type { ConnectedViewOptions } from './connected-mode.template.js';
import type { ProviderRecordStatus } from './provider.component.js';
import { sessionHeaderStyles } from './session-header.styles.js';
import { SyncStatusController } from './sync-status.controller.js';

/** Styles the provider adopts once this module has loaded. */
export const connectedStyles = [dialogStyles, sessionHeaderStyles];

/** What the connected part tells its provider. */
export interface ConnectedPartListener {
  /** The connection changed (status, session, data source, busy…). */
  changed(): void;
  /** Cached records changed: the widgets read again. */
  revised(revision: RecordRevision): void;
}

/** The provider's connected mode, created once its module has loaded. */
export class ConnectedPart {
  readonly connection: ConnectedModeController;
  readonly syncStatus: SyncStatusController;
  private readonly view: ConnectedModeView;
  /** The conflict dialog and the sign-out confirmation (opened and closed from the state). */
  readonly dialogs: readonly DialogController[];

  constructor(host: ConnectedModeHost, announcer: LiveAnnouncer, listener: ConnectedPartListener) {
    this.connection = new ConnectedModeController(host, () => listener.changed());
    this.view = new ConnectedModeView(host, this.connection, announcer);
    this.syncStatus = new SyncStatusController(host, () => listener.revised(this.syncStatus.revision));
    this.dialogs = [
      new DialogController(host, {
        selector: 'dialog[part="conflict-dialog"]',
        isOpen: () => this.syncStatus.reviewing !== undefined,
        onDismiss: () => this.syncStatus.postpone(),
      }),
      new DialogController(host, {
        selector: 'dialog[part="sign-out-dialog"]',
        isOpen: () => this.connection.confirmingSignOut,
        onDismiss: () => this.connection.cancelSignOut(),
      }),
    ];
  }

  /** How the connection reads as the provider's `recordStatus`. */
  get recordStatus(): ProviderRecordStatus {
    return RECORD_STATUS_OF_CONNECTION[this.connection.status];
  }

  /** The provider's content in connected mode. */
  render(options: Omit<ConnectedViewOptions, 'syncStatus'>): TemplateResult {
    return this.view.render({ ...options, syncStatus: this.syncStatus });
  }
}
