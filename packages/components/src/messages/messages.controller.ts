import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CareMessage, CareTeamMember, DataSource, HealthDocument, MessageThread } from '@carnet/catalog-sdk';

/** Where the inbox stands. */
export type InboxStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Where the message being written stands. */
export type ComposeStatus = 'idle' | 'sending' | 'sent' | 'failed';

/**
 * The message threads of the signed-in person (a patient, or a professional):
 * loads threads, the care team's names and the attached documents' titles;
 * opens a thread and marks what was sent to the reader as read; sends.
 */
export class MessagesController implements ReactiveController {
  status: InboxStatus = 'idle';
  error: unknown;
  threads: MessageThread[] = [];
  careTeam: CareTeamMember[] = [];
  /** Documents the patient may attach (patient side only). */
  attachable: HealthDocument[] = [];
  /** Titles of attached documents, by id, once read. */
  readonly documentTitles = new Map<string, string>();
  selectedId: string | undefined;
  /** A new thread is being started with this professional. */
  newThreadRecipient = '';
  composeStatus: ComposeStatus = 'idle';
  composeError: unknown;
  #loadToken = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => DataSource | undefined,
    private readonly viewer: () => 'patient' | 'professional',
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Can anything be sent from this data source? */
  get canSend(): boolean {
    return this.source()?.messages.canSend ?? false;
  }

  /** The open thread. */
  get selected(): MessageThread | undefined {
    return this.threads.find((thread) => thread.id === this.selectedId);
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
  async load(): Promise<void> {
    const source = this.source();
    const token = ++this.#loadToken;
    if (!source) {
      this.status = 'idle';
      this.host.requestUpdate();
      return;
    }
    this.status = 'loading';
    this.host.requestUpdate();
    try {
      const patient = this.viewer() === 'patient';
      const [threads, careTeam, attachable] = await Promise.all([
        source.messages.listThreads(),
        patient ? source.careTeam.list().catch(() => []) : Promise.resolve([]),
        patient && source.messages.canSend
          ? source.documents.list({ limit: 50 }).then(
              (page) => page.items,
              () => [],
            )
          : Promise.resolve([]),
      ]);
      if (token !== this.#loadToken) return;
      this.threads = threads;
      this.careTeam = careTeam;
      // A document hidden from professionals is never offered to attach (the server refuses it too).
      this.attachable = attachable.filter((document) => !document.hiddenFromProfessionals);
      for (const document of attachable) this.documentTitles.set(document.id, document.title);
      this.status = 'ready';
      if (this.selectedId && !this.selected) this.selectedId = undefined;
      this.host.requestUpdate();
      await this.#loadTitles(source);
    } catch (error) {
      if (token !== this.#loadToken) return;
      this.error = error;
      this.status = 'error';
      this.host.requestUpdate();
    }
  }

  async #loadTitles(source: DataSource): Promise<void> {
    const missing = new Set(
      this.threads.flatMap((thread) => thread.messages.flatMap((message) => message.documentIds)),
    );
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
    this.selectedId = threadId;
    this.newThreadRecipient = '';
    this.composeStatus = 'idle';
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
    this.threads = [...this.threads];
    this.host.requestUpdate();
  }

  /** Starts writing to a professional with whom there is no thread yet. */
  startThread(recipientId: string): void {
    const existing = this.threads.find((thread) => thread.professionalId === recipientId);
    if (existing) {
      void this.open(existing.id);
      return;
    }
    this.selectedId = undefined;
    this.newThreadRecipient = recipientId;
    this.composeStatus = 'idle';
    this.host.requestUpdate();
  }

  /** Sends a message in the open thread (or starts the new one); resolves with it once on the server. */
  async send(body: string, documentIds: string[]): Promise<CareMessage | undefined> {
    const source = this.source();
    if (!source) return undefined;
    const thread = this.selected;
    const last: CareMessage | undefined = thread?.messages[thread.messages.length - 1];
    const recipientId = thread
      ? this.viewer() === 'patient'
        ? thread.professionalId
        : thread.patientId
      : this.newThreadRecipient;
    if (!recipientId) return undefined;
    this.composeStatus = 'sending';
    this.host.requestUpdate();
    try {
      const sent = await source.messages.send({
        recipientId,
        body,
        documentIds,
        ...(thread ? { threadId: thread.id } : {}),
        ...(last ? { inResponseTo: last.id } : {}),
      });
      this.composeStatus = 'sent';
      this.newThreadRecipient = '';
      await this.load();
      this.selectedId = sent.threadId;
      this.host.requestUpdate();
      return sent;
    } catch (error) {
      this.composeError = error;
      this.composeStatus = 'failed';
      this.host.requestUpdate();
      return undefined;
    }
  }
}
