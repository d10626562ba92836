import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  DataSource,
  ModeratedCommunity,
  ModerationRecord,
  ModerationRepository,
  ReportedPost,
} from '@carnet/catalog-sdk';
import { DataLoader, type LoadStatus } from '../shared/data-loader.controller.js';

/** What the moderation screen shows once loaded. */
export interface ModerationData {
  /** False where there is no one to moderate (an on-device record). */
  available: boolean;
  /** The communities the signed-in person moderates. */
  communities: ModeratedCommunity[];
  /** The one shown (the chosen one, else the first). */
  community: ModeratedCommunity | undefined;
  /** Its queue, waiting posts first. */
  reports: ReportedPost[];
  /** Its moderation trail, newest first (empty when it could not be read). */
  actions: ModerationRecord[];
}

/** An action a moderator asked for, waiting for their confirmation. */
export interface PendingAction {
  action: 'hide' | 'restore' | 'suspend' | 'unsuspend';
  /** The queued post (hide, restore), for the dialog's wording. */
  item?: ReportedPost;
  /** The pseudonym (suspend, unsuspend), or the post's author. */
  pseudonym: string;
}

/** What a confirmed action did, for the element's event and announcement. */
export interface DoneAction {
  action: PendingAction['action'];
  communityId: string;
  target: string;
  pseudonym: string;
}

const UNAVAILABLE: ModerationData = {
  available: false,
  communities: [],
  community: undefined,
  reports: [],
  actions: [],
};

/**
 * The moderation screen's state: the moderated communities, the queue of the
 * chosen one and its trail (through a `DataLoader`), the action waiting for
 * confirmation, and the intents `choose`, `ask`, `confirm`, `cancel`.
 */
export class ModerationController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly loader: DataLoader<ModerationData, readonly [DataSource | undefined, string | undefined]>;
  private chosenId: string | undefined;
  private pendingAction: PendingAction | undefined;
  private working = false;
  private failure: unknown;
  private missingReason = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly source: () => DataSource | undefined,
    private readonly onDone: (done: DoneAction) => void,
  ) {
    this.host = host;
    host.addController(this);
    this.loader = new DataLoader(host, {
      args: () => [this.source(), this.chosenId] as const,
      load: ([dataSource, chosen], signal) => (dataSource ? this.read(dataSource, chosen, signal) : undefined),
    });
  }

  hostConnected(): void {}

  /** Where the load stands. */
  get status(): LoadStatus {
    return this.loader.status;
  }

  /** What was loaded last (kept while a reload runs). */
  get data(): ModerationData | undefined {
    return this.loader.data;
  }

  /** Why the last load failed. */
  get error(): unknown {
    return this.loader.error;
  }

  /** True while the queue is read again. */
  get refreshing(): boolean {
    return this.loader.pending && this.loader.data !== undefined;
  }

  /** The action waiting for confirmation, if any. */
  get pending(): PendingAction | undefined {
    return this.pendingAction;
  }

  /** True while a confirmed action is on its way to the platform. */
  get busy(): boolean {
    return this.working;
  }

  /** Why the last confirmed action failed (shown in the dialog). */
  get actionError(): unknown {
    return this.failure;
  }

  /** True when hiding was confirmed without the reason its author will read. */
  get reasonMissing(): boolean {
    return this.missingReason;
  }

  /** Reads the communities and the queue again. */
  reload(): Promise<void> {
    return this.loader.reload();
  }

  /** Shows another moderated community. */
  choose(communityId: string): void {
    if (communityId === this.chosenId) return;
    this.chosenId = communityId;
    this.host.requestUpdate();
  }

  /** Asks for an action: the confirmation dialog opens. */
  ask(action: PendingAction): void {
    this.pendingAction = action;
    this.failure = undefined;
    this.missingReason = false;
    this.host.requestUpdate();
  }

  /** Closes the confirmation without acting. */
  cancel(): void {
    if (this.working) return;
    this.pendingAction = undefined;
    this.failure = undefined;
    this.missingReason = false;
    this.host.requestUpdate();
  }

  /** Carries out the pending action with the moderator's reason, then reads the queue again. */
  async confirm(reason: string): Promise<void> {
    const pending = this.pendingAction;
    const moderation = this.source()?.moderation;
    const community = this.data?.community;
    if (!pending || !moderation || !community || this.working) return;
    const words = reason.trim();
    if (pending.action === 'hide' && !words) {
      this.missingReason = true;
      this.host.requestUpdate();
      return;
    }
    this.working = true;
    this.failure = undefined;
    this.missingReason = false;
    this.host.requestUpdate();
    try {
      const target = await this.act(moderation, community.id, pending, words);
      this.pendingAction = undefined;
      this.onDone({ action: pending.action, communityId: community.id, target, pseudonym: pending.pseudonym });
      await this.loader.reload();
    } catch (error) {
      this.failure = error;
    } finally {
      this.working = false;
      this.host.requestUpdate();
    }
  }

  private async act(
    moderation: ModerationRepository,
    communityId: string,
    pending: PendingAction,
    reason: string,
  ): Promise<string> {
    const optional = reason || undefined;
    switch (pending.action) {
      case 'hide':
        await moderation.hidePost(communityId, pending.item?.post.id ?? '', reason);
        return pending.item?.post.id ?? '';
      case 'restore':
        await moderation.restorePost(communityId, pending.item?.post.id ?? '', optional);
        return pending.item?.post.id ?? '';
      case 'suspend':
        await moderation.suspend(communityId, pending.pseudonym, optional);
        return pending.pseudonym;
      case 'unsuspend':
        await moderation.liftSuspension(communityId, pending.pseudonym);
        return pending.pseudonym;
    }
  }

  private async read(source: DataSource, chosen: string | undefined, signal: AbortSignal): Promise<ModerationData> {
    const moderation = source.moderation;
    if (!moderation) return UNAVAILABLE;
    const communities = await moderation.listCommunities({ signal });
    const community = communities.find((candidate) => candidate.id === chosen) ?? communities[0];
    if (!community) return { available: true, communities, community, reports: [], actions: [] };
    const [reports, actions] = await Promise.all([
      moderation.listReports(community.id, { signal }),
      // The trail is a help, not the task: the queue shows without it.
      moderation.listActions(community.id, { signal }).catch(() => []),
    ]);
    return { available: true, communities, community, reports, actions: [...actions].reverse() };
  }
}
