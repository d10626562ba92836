import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ConflictError } from '@carnet/catalog-sdk';
import type { DocumentRepository, HealthDocument, HealthDocumentChanges } from '@carnet/catalog-sdk';
import type { DocumentFilterController } from './document-filter.controller.js';

/** How the last save went, for the message the patient sees. */
export type TagSaveOutcome =
  { kind: 'saved'; documents: number } | { kind: 'conflict'; documents: number } | { kind: 'failed'; error: unknown };

/** What the tag editor is editing: one document, or the selection. */
export type TagEditorTarget = { kind: 'document'; documentId: string } | { kind: 'selection'; documentIds: string[] };

/**
 * Saves the patient's tags and favourites through the repository. Never
 * overwrites silently: a `ConflictError` reloads the document from the record,
 * re-indexes it and reports a conflict, while the text the patient typed (`draft`)
 * is kept so they can simply try again.
 */
export class TagEditingController implements ReactiveController {
  /** What the tag editor dialog edits; `undefined` when closed. */
  target: TagEditorTarget | undefined;
  /** The tag being typed in the editor; kept after a conflict or a failure. */
  draft = '';
  /** Outcome of the last save, until the next action. */
  outcome: TagSaveOutcome | undefined;
  /** True while a save is under way. */
  busy = false;

  private readonly host: ReactiveControllerHost;
  private readonly filter: DocumentFilterController;
  private readonly repository: () => DocumentRepository | undefined;
  private readonly onSaved: (document: HealthDocument, changes: HealthDocumentChanges) => void;

  constructor(
    host: ReactiveControllerHost,
    options: {
      filter: DocumentFilterController;
      repository: () => DocumentRepository | undefined;
      onSaved: (document: HealthDocument, changes: HealthDocumentChanges) => void;
    },
  ) {
    this.host = host;
    this.filter = options.filter;
    this.repository = options.repository;
    this.onSaved = options.onSaved;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens the editor on one document or on the current selection. */
  edit(target: TagEditorTarget): void {
    this.target = target;
    this.draft = '';
    this.outcome = undefined;
    this.host.requestUpdate();
  }

  /** Closes the editor, forgetting the draft. */
  close(): void {
    this.target = undefined;
    this.draft = '';
    this.outcome = undefined;
    this.host.requestUpdate();
  }

  /** Follows the text typed in the editor. */
  setDraft(text: string): void {
    this.draft = text;
    this.host.requestUpdate();
  }

  /** Adds the draft tag to what the editor targets; clears the draft when every save worked. */
  async addDraftTag(): Promise<void> {
    const tag = this.draft.trim().replace(/\s+/g, ' ');
    if (tag === '' || !this.target) return;
    const ids = this.target.kind === 'document' ? [this.target.documentId] : this.target.documentIds;
    const outcome = await this.saveEach(ids, (document) =>
      document.tags.includes(tag) ? undefined : { tags: [...document.tags, tag] },
    );
    if (outcome.kind === 'saved') this.draft = '';
    this.host.requestUpdate();
  }

  /** Removes one tag from one document. */
  removeTag(documentId: string, tag: string): Promise<TagSaveOutcome> {
    return this.saveEach([documentId], (document) =>
      document.tags.includes(tag) ? { tags: document.tags.filter((t) => t !== tag) } : undefined,
    );
  }

  /** Marks or unmarks a document as favourite. */
  toggleFavourite(documentId: string): Promise<TagSaveOutcome> {
    return this.saveEach([documentId], (document) => ({ favourite: !document.favourite }));
  }

  /** Hides a document from professionals, or shows it to them again. */
  setHidden(documentId: string, hidden: boolean): Promise<TagSaveOutcome> {
    return this.saveEach([documentId], (document) =>
      document.hiddenFromProfessionals === hidden ? undefined : { hiddenFromProfessionals: hidden },
    );
  }

  /** Renames a tag on every document carrying it (merging with `to` where both exist). */
  renameTag(from: string, to: string): Promise<TagSaveOutcome> {
    const renamed = to.trim().replace(/\s+/g, ' ');
    if (renamed === '' || renamed === from) return Promise.resolve({ kind: 'saved', documents: 0 });
    const ids = this.filter.documentsTagged(from).map((document) => document.id);
    return this.saveEach(ids, (document) => {
      if (!document.tags.includes(from)) return undefined;
      const tags = document.tags.map((t) => (t === from ? renamed : t));
      return { tags: tags.filter((t, position) => tags.indexOf(t) === position) };
    });
  }

  /**
   * Applies `change` to each document in turn (sequentially: one record at a
   * time keeps versions straight), reloading those that changed elsewhere.
   */
  private async saveEach(
    ids: readonly string[],
    change: (document: HealthDocument) => HealthDocumentChanges | undefined,
  ): Promise<TagSaveOutcome> {
    const repository = this.repository();
    if (!repository) return { kind: 'failed', error: new Error('No data source') };
    this.busy = true;
    this.outcome = undefined;
    this.host.requestUpdate();
    let saved = 0;
    let conflicts = 0;
    let outcome: TagSaveOutcome;
    try {
      for (const id of ids) {
        const document = this.filter.document(id);
        const changes = document ? change(document) : undefined;
        if (!document || !changes) continue;
        try {
          const updated = await repository.update(id, changes, document.version);
          this.filter.replace(updated);
          this.onSaved(updated, changes);
          saved++;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          conflicts++;
          this.filter.replace(await repository.get(id));
        }
      }
      outcome = conflicts > 0 ? { kind: 'conflict', documents: conflicts } : { kind: 'saved', documents: saved };
    } catch (error) {
      outcome = { kind: 'failed', error };
    }
    this.busy = false;
    this.outcome = outcome;
    this.host.requestUpdate();
    return outcome;
  }
}
