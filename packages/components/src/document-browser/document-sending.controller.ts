import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CareMessage, CareTeamMember, DataSource } from '@carnet/catalog-sdk';

/** Steps of sending a document to a professional. */
export type SendingStep = 'closed' | 'loading' | 'choosing' | 'sending' | 'sent' | 'failed' | 'unavailable';

/**
 * Sending a document to a member of the care team: loads the care team, asks
 * the host first through a cancelable event, then starts or continues the
 * message thread with that professional. Where nothing can be sent (an
 * on-device record) it says so (`unavailable`) and offers download or share.
 */
export class DocumentSendingController implements ReactiveController {
  #step: SendingStep = 'closed';
  #documentId: string | undefined;
  #careTeam: CareTeamMember[] = [];
  #recipientId = '';
  #message = '';
  #sending: CareMessage | undefined;
  #loadFailed = false;

  /** Where the sending stands. */
  get step(): SendingStep {
    return this.#step;
  }
  /** Id of the document being sent. */
  get documentId(): string | undefined {
    return this.#documentId;
  }
  /** Who may receive it. */
  get careTeam(): readonly CareTeamMember[] {
    return this.#careTeam;
  }
  /** The professional chosen. */
  get recipientId(): string {
    return this.#recipientId;
  }
  /** The patient's optional message. */
  get message(): string {
    return this.#message;
  }
  /** The message sent, once sent. */
  get sending(): CareMessage | undefined {
    return this.#sending;
  }
  /** Why the care team could not be loaded, when it could not. */
  get loadFailed(): boolean {
    return this.#loadFailed;
  }

  private readonly host: ReactiveControllerHost;
  private readonly source: () => DataSource | undefined;
  private readonly ask: (request: { documentId: string; recipientId: string; message?: string }) => boolean;

  /**
   * @param ask - fires the cancelable intent event; `false` when the host took over.
   */
  constructor(
    host: ReactiveControllerHost,
    source: () => DataSource | undefined,
    ask: (request: { documentId: string; recipientId: string; message?: string }) => boolean,
  ) {
    this.host = host;
    this.source = source;
    this.ask = ask;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts sending `documentId`: loads the care team to choose from. */
  async start(documentId: string): Promise<void> {
    this.#documentId = documentId;
    this.#step = 'loading';
    this.#recipientId = '';
    this.#message = '';
    this.#sending = undefined;
    this.#loadFailed = false;
    this.host.requestUpdate();
    try {
      const source = this.source();
      if (!source) throw new Error('No data source');
      if (!source.messages.canSend) {
        this.#step = 'unavailable';
        this.host.requestUpdate();
        return;
      }
      this.#careTeam = await source.careTeam.list();
      this.#recipientId = this.#careTeam[0]?.id ?? '';
    } catch {
      this.#careTeam = [];
      this.#loadFailed = true;
    }
    if (this.#documentId !== documentId) return;
    this.#step = 'choosing';
    this.host.requestUpdate();
  }

  /** The patient chose who receives the document. */
  chooseRecipient(recipientId: string): void {
    this.#recipientId = recipientId;
    this.host.requestUpdate();
  }

  /** The patient wrote (part of) their message. */
  writeMessage(message: string): void {
    this.#message = message;
  }

  /** The professional chosen, once known. */
  get recipient(): CareTeamMember | undefined {
    return this.#careTeam.find((member) => member.id === this.#recipientId);
  }

  /** Sends, unless the host takes over by canceling the intent event. */
  async send(): Promise<void> {
    const documentId = this.#documentId;
    if (!documentId || !this.#recipientId || this.#step === 'sending') return;
    const message = this.#message.trim();
    const request = { documentId, recipientId: this.#recipientId, ...(message ? { message } : {}) };
    if (!this.ask(request)) {
      // The host sends it its own way and says so itself.
      this.close();
      return;
    }
    this.#step = 'sending';
    this.host.requestUpdate();
    try {
      const source = this.source();
      if (!source) throw new Error('No data source');
      // The document goes into the thread with this professional (a new one if none yet).
      const thread = (await source.messages.listThreads()).find(
        (candidate) => candidate.professionalId === request.recipientId,
      );
      const last = thread?.messages[thread.messages.length - 1];
      this.#sending = await source.messages.send({
        recipientId: request.recipientId,
        body: message,
        documentIds: [documentId],
        ...(thread ? { threadId: thread.id } : {}),
        ...(last ? { inResponseTo: last.id } : {}),
      });
      this.#step = 'sent';
    } catch {
      this.#step = 'failed';
    }
    this.host.requestUpdate();
  }

  /** Where sending is unavailable: saves the document's file on the device. */
  async download(title: string): Promise<void> {
    const source = this.source();
    const documentId = this.#documentId;
    if (!source || !documentId) return;
    const url = URL.createObjectURL(await source.documents.getContent(documentId));
    const link = document.createElement('a');
    link.href = url;
    link.download = title;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /** True when the device's share sheet can share files. */
  get canShare(): boolean {
    return typeof navigator.share === 'function' && typeof navigator.canShare === 'function';
  }

  /** Where sending is unavailable: hands the file to the device's share sheet. */
  async share(title: string): Promise<void> {
    const source = this.source();
    const documentId = this.#documentId;
    if (!source || !documentId || !this.canShare) return;
    const blob = await source.documents.getContent(documentId);
    const file = new File([blob], title, { type: blob.type });
    if (navigator.canShare({ files: [file] })) await navigator.share({ files: [file], title });
  }

  /** Back to the form after a failure, with the choices kept. */
  retry(): void {
    this.#step = 'choosing';
    this.host.requestUpdate();
  }

  /** Closes the send dialog. */
  close(): void {
    this.#step = 'closed';
    this.#documentId = undefined;
    this.host.requestUpdate();
  }
}
