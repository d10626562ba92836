import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  CachedCollection,
  ConflictChoice,
  SyncChangeDetail,
  SyncConflict,
  SyncController,
  SyncState,
} from '@carnet/catalog-sdk';
import type { RecordRevision } from '../context/record-revision.context.js';

const PART_OF: Record<CachedCollection, keyof RecordRevision> = {
  documents: 'documents',
  agenda: 'agenda',
  plans: 'medications',
  intakes: 'medications',
  careTeam: 'careTeam',
};

/** What the provider's sync line and conflict dialog follow. */
export type SyncStatusHost = ReactiveControllerHost & HTMLElement;

/**
 * Follows the offline cache of the connected data source (`dataSource.sync`):
 * its state (online, sending, offline, changes waiting), the conflicts the
 * patient must settle, and when cached records changed (a background refresh,
 * a change sent, another tab) so the widgets read again.
 */
export class SyncStatusController implements ReactiveController {
  /** The sync being followed, while signed in with a cached data source. */
  sync?: SyncController;
  /** Bumped per part when cached records changed: the widgets read again (a new object each time). */
  revision: RecordRevision = { documents: 0, agenda: 0, medications: 0, careTeam: 0 };
  /** The conflict shown in the dialog, while the patient is choosing. */
  reviewing?: SyncConflict;
  /** True while the patient's choice is being saved. */
  resolving = false;
  /** The last choice failed (e.g. settled meanwhile in another tab). */
  resolveFailed = false;

  private readonly host: SyncStatusHost;
  private readonly onRevision: () => void;

  constructor(host: SyncStatusHost, onRevision: () => void) {
    this.host = host;
    this.onRevision = onRevision;
    host.addController(this);
  }

  /** The current state, when there is a cache. */
  get state(): SyncState | undefined {
    return this.sync?.state;
  }

  /** Follows `sync` (or nothing); the same one again is a no-op. */
  follow(sync: SyncController | undefined): void {
    if (sync === this.sync) return;
    this.detach();
    this.sync = sync;
    this.reviewing = undefined;
    if (!sync) return;
    sync.addEventListener('statechange', this.onStateChange);
    sync.addEventListener('change', this.onChange);
    this.host.requestUpdate();
  }

  /** Opens the dialog on the oldest conflict still waiting. */
  review(): void {
    const conflict = this.state?.conflicts[0];
    if (!conflict) return;
    this.reviewing = conflict;
    this.resolveFailed = false;
    this.host.requestUpdate();
  }

  /** Closes the dialog without choosing: the conflict waits. */
  postpone(): void {
    this.reviewing = undefined;
    this.resolveFailed = false;
    this.host.requestUpdate();
  }

  /** Settles the conflict shown with the patient's choice, then shows the next one if any. */
  async resolve(choice: ConflictChoice): Promise<void> {
    const sync = this.sync;
    const conflict = this.reviewing;
    if (!sync || !conflict || this.resolving) return;
    this.resolving = true;
    this.resolveFailed = false;
    this.host.requestUpdate();
    try {
      await sync.resolveConflict(conflict.id, choice);
      this.reviewing = sync.state.conflicts.find((c) => c.id !== conflict.id);
    } catch {
      // Settled in another tab meanwhile, or not possible any more: say so, keep the dialog.
      this.resolveFailed = true;
      this.reviewing = sync.state.conflicts.find((c) => c.id === conflict.id) ?? sync.state.conflicts[0];
    } finally {
      this.resolving = false;
      this.host.requestUpdate();
    }
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.detach();
    this.sync = undefined;
    this.reviewing = undefined;
  }

  private detach(): void {
    this.sync?.removeEventListener('statechange', this.onStateChange);
    this.sync?.removeEventListener('change', this.onChange);
  }

  private readonly onStateChange = (): void => {
    // A conflict settled elsewhere (another tab) leaves the dialog.
    if (this.reviewing && !this.state?.conflicts.some((c) => c.id === this.reviewing?.id)) {
      this.reviewing = this.resolving ? this.reviewing : undefined;
    }
    this.host.requestUpdate();
  };

  private readonly onChange = (event: CustomEvent<SyncChangeDetail>): void => {
    const next = { ...this.revision };
    for (const collection of event.detail.collections) next[PART_OF[collection]] += 1;
    this.revision = next;
    this.onRevision();
    this.host.requestUpdate();
  };
}
