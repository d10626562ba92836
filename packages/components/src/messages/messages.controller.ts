import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DataLoader, type LoadStatus } from '../shared/data-loader.controller.js';
import type { CareMessage, CareTeamMember, DataSource, HealthDocument, MessageThread } from '@carnet/catalog-sdk';

/** Where the message being written stands. */
export type ComposeStatus = 'idle' | 'sending' | 'sent' | 'failed';

/** What the inbox shows once loaded. */
export interface InboxData {
  threads: MessageThread[];
  careTeam: CareTeamMember[];
  /** Documents the patient may attach (patient side only). */
  attachable: HealthDocument[];
}

/**
 * The message threads of the signed-in person (a patient, or a professional):
 * loads threads, the care team's names and the attached documents' titles
 * (through a `DataLoader`); opens a thread and marks what was sent to the reader
 * as read; holds the message being written; sends.
 */
export class MessagesController implements ReactiveController {
  /** Titles of attached documents, by id, once read. */
  readonly documentTitles = new Map<string, string>();
  private readonly loader: DataLoader<InboxData, readonly [DataSource | undefined, 'patient' | 'professional']>;
  private selectedThreadId: string | undefined;
  private recipient = '';
  private compose: ComposeStatus = 'idle';
  private sendFailure: unknown;
  private text = '';
  private attachedIds: string[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => DataSource | undefined,
    private readonly viewer: () => 'patient' | 'professional',
  ) {
    host.addController(this);
    this.loader = new DataLoader(host, {
      args: () => [this.source(), this.viewer()] as const,
      load: ([dataSource, viewer], signal) => (dataSource ? this.read(dataSource, viewer, signal) : undefined),
    });
  }

  hostConnected(): void {}

  /** Where the load stands. */
  get status(): LoadStatus {
    return this.loader.status;
  }

  /** Why the last load failed. */
  get error(): unknown {
    return this.loader.error;
  }

  /** The threads, most recent first as the source gives them. */
  get threads(): readonly MessageThread[] {
    return this.loader.data?.threads ?? [];
  }

  /** The care team (patient side). */
  get careTeam(): readonly CareTeamMember[] {
    return this.loader.data?.careTeam ?? [];
  }

  /** Documents the patient may attach (patient side only). */
  get attachable(): readonly HealthDocument[] {
    return this.loader.data?.attachable ?? [];
  }

  /** The id of the open thread. */
  get selectedId(): string | undefined {
    return this.selected?.id;
  }

  /** A new thread is being started with this professional. */
  get newThreadRecipient(): string {
    return this.recipient;
  }

  /** Where the message being written stands. */
  get composeStatus(): ComposeStatus {
    return this.compose;
  }

  /** Why the last message was not sent. */
  get composeError(): unknown {
    return this.sendFailure;
  }

  /** The words being written. */
  get draft(): string {
    return this.text;
  }

  /** The documents attached to the message being written. */
  get attached(): readonly string[] {
    return this.attachedIds;
  }

  /** Can anything be sent from this data source? */
  get canSend(): boolean {
    return this.source()?.messages.canSend ?? false;
  }

  /** The open thread. */
  get selected(): MessageThread | undefined {
    return this.threads.find((thread) => thread.id === this.selectedThreadId);
  }

  /** Total unread across threads. */
  get unreadCount(): number {
    return this.threads.reduce((sum, thread) => sum + thread.unreadCount, 0);
  }

  /** A professional's name, from the care team; the id when unknown. */
  professionalName(id: string): string {
    return this.careTeam.find((member) => member.id === id)?.name ?? id;
  }

  /** Loads (or reloads) everything shown. */
  load(): Promise<void> {
    return this.loader.reload();
  }

  /** The words of the message being written, as typed. */
  write(text: string): void {
    this.text = text;
    this.host.requestUpdate();
  }

  /** Attaches one document of the record to the message being written (none: empty). */
  attach(documentId: string): void {
    this.attachedIds = documentId ? [documentId] : [];
    this.host.requestUpdate();
  }

  private async read(source: DataSource, viewer: 'patient' | 'professional', signal: AbortSignal): Promise<InboxData> {
    const patient = viewer === 'patient';
    const [threads, careTeam, attachable] = await Promise.all([
      source.messages.listThreads(),
      patient ? source.careTeam.list({ signal }).catch(() => []) : Promise.resolve([]),
      patient && source.messages.canSend
        ? source.documents.list({ limit: 50 }).then(
            (page) => page.items,
            () => [],
          )
        : Promise.resolve([]),
    ]);
    for (const document of attachable) this.documentTitles.set(document.id, document.title);
    void this.loadTitles(source, threads);
    // A document hidden from professionals is never offered to attach (the server refuses it too).
    return { threads, careTeam, attachable: attachable.filter((document) => !document.hiddenFromProfessionals) };
  }

  private async loadTitles(source: DataSource, threads: readonly MessageThread[]): Promise<void> {
    const missing = new Set(threads.flatMap((thread) => thread.messages.flatMap((message) => message.documentIds)));
    for (const id of this.documentTitles.keys()) missing.delete(id);
    await Promise.all(
      [...missing].map(async (id) => {
        try {
          this.documentTitles.set(id, (await source.documents.get(id)).title);
        } catch {
          // Unreadable (no longer shared): the message says « document unavailable ».
        }
      }),
    );
    if (missing.size > 0) this.host.requestUpdate();
  }

  /** Opens a thread and marks as read what was sent to the reader. */
  async open(threadId: string): Promise<void> {
    this.selectedThreadId = threadId;
    this.recipient = '';
    this.compose = 'idle';
    this.host.requestUpdate();
    const source = this.source();
    const thread = this.selected;
    if (!source || !thread) return;
    const viewer = this.viewer();
    const unread = thread.messages.filter(
      (message) => message.readAt === undefined && message.recipient.kind === viewer,
    );
    if (unread.length === 0) return;
    const updated = await Promise.all(unread.map((message) => source.messages.markRead(message).catch(() => message)));
    const byId = new Map(updated.map((message) => [message.id, message]));
    thread.messages = thread.messages.map((message) => byId.get(message.id) ?? message);
    thread.unreadCount = thread.messages.filter(
      (message) => message.readAt === undefined && message.recipient.kind === viewer,
    ).length;
    this.host.requestUpdate();
  }

  /** Starts writing to a professional with whom there is no thread yet. */
  startThread(recipientId: string): void {
    const existing = this.threads.find((thread) => thread.professionalId === recipientId);
    if (existing) {
      void this.open(existing.id);
      return;
    }
    this.selectedThreadId = undefined;
    this.recipient = recipientId;
    this.compose = 'idle';
    this.host.requestUpdate();
  }

  /**
   * Sends the message being written in the open thread (or starts the new one); resolves
   * with it once on the server, and nothing when there is nothing to send.
   */
  async send(): Promise<CareMessage | undefined> {
    const source = this.source();
    const body = this.text.trim();
    const documentIds = [...this.attachedIds];
    if (!source || (!body && documentIds.length === 0)) return undefined;
    const thread = this.selected;
    const last: CareMessage | undefined = thread?.messages[thread.messages.length - 1];
    const recipientId = thread
      ? this.viewer() === 'patient'
        ? thread.professionalId
        : thread.patientId
      : this.recipient;
    if (!recipientId) return undefined;
    this.compose = 'sending';
    this.host.requestUpdate();
    try {
      const sent = await source.messages.send({
        recipientId,
        body,
        documentIds,
        ...(thread ? { threadId: thread.id } : {}),
        ...(last ? { inResponseTo: last.id } : {}),
      });
      this.compose = 'sent';
      this.recipient = '';
      this.text = '';
      this.attachedIds = [];
      this.selectedThreadId = sent.threadId;
      await this.load();
      this.host.requestUpdate();
      return sent;
    } catch (error) {
      this.sendFailure = error;
      this.compose = 'failed';
      this.host.requestUpdate();
      return undefined;
    }
  }
}
