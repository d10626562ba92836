import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataSource } from '@carnet/catalog-sdk';
import type { TagEditingController, TagSaveOutcome } from './tag-editing.controller.js';

/** What the last « hide » or « show again » did, for the note under the button. */
export type HidingOutcome =
  | {
      kind: 'hidden';
      documentId: string;
      /**
       * True when the document had already been sent to a professional: they keep
       * what they received, but can no longer open it through Carnet.
       */
      alreadySent: boolean;
      /** Names of those professionals, as far as the care team knows them. */
      alreadySentTo: string[];
    }
  | { kind: 'shown'; documentId: string }
  | { kind: 'conflict'; documentId: string }
  | { kind: 'failed'; documentId: string; error: unknown };

/**
 * Hides a document from professionals (and caregivers), or shows it again, through
 * the same save path as tags and favourites (versions checked, conflicts reloaded,
 * `carnet-document-change` fired). After hiding, looks for the messages that
 * already carried the document, so the patient learns who already received it.
 */
export class DocumentHidingController implements ReactiveController {
  /** Outcome of the last change, until the next one or another document. */
  outcome: HidingOutcome | undefined;
  /** True while a change is saved. */
  busy = false;

  private readonly host: ReactiveControllerHost;
  private readonly tagging: TagEditingController;
  private readonly source: () => DataSource | undefined;

  constructor(
    host: ReactiveControllerHost,
    options: { tagging: TagEditingController; source: () => DataSource | undefined },
  ) {
    this.host = host;
    this.tagging = options.tagging;
    this.source = options.source;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The outcome about this document, if the last change was about it. */
  outcomeFor(documentId: string): HidingOutcome | undefined {
    return this.outcome?.documentId === documentId ? this.outcome : undefined;
  }

  /** Hides the document from professionals, or shows it to them again. */
  async setHidden(documentId: string, hidden: boolean): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.outcome = undefined;
    this.host.requestUpdate();
    const saved: TagSaveOutcome = await this.tagging.setHidden(documentId, hidden);
    if (saved.kind === 'failed') this.outcome = { kind: 'failed', documentId, error: saved.error };
    else if (saved.kind === 'conflict') this.outcome = { kind: 'conflict', documentId };
    else if (!hidden) this.outcome = { kind: 'shown', documentId };
    else {
      const recipients = await this.recipientsOf(documentId);
      this.outcome = { kind: 'hidden', documentId, alreadySent: recipients.length > 0, alreadySentTo: [] };
      const team =
        recipients.length > 0
          ? await this.source()
              ?.careTeam.list()
              .catch(() => [])
          : [];
      const names = recipients.map((id) => team?.find((member) => member.id === id)?.name);
      this.outcome.alreadySentTo = names.filter((name): name is string => Boolean(name));
    }
    this.busy = false;
    this.host.requestUpdate();
  }

  /** Forgets the last outcome (the preview closed or moved to another document). */
  reset(): void {
    this.outcome = undefined;
  }

  /** Ids of who already received the document: messages that attached it, and recorded sendings. */
  private async recipientsOf(documentId: string): Promise<string[]> {
    const source = this.source();
    if (!source) return [];
    const ids = new Set<string>();
    try {
      if (source.messages.canSend)
        for (const thread of await source.messages.listThreads())
          for (const message of thread.messages)
            if (message.sender.kind === 'patient' && message.documentIds.includes(documentId))
              ids.add(message.recipient.id);
      for (const sending of await source.documents.listSendings(documentId)) ids.add(sending.recipientId);
    } catch {
      // Not knowing must not hide the outcome: the warning then names nobody.
    }
    return [...ids];
  }
}
