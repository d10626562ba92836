import { html } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { CarnetLocale } from '../shared/localization.js';
import type { DocumentFilterController } from './document-filter.controller.js';
import type { DocumentPreviewController } from './document-preview.controller.js';
import type { DocumentSendingController } from './document-sending.controller.js';
import type { ListKeyboardController } from './list-keyboard.controller.js';
import { renderPreviewDialog } from './preview-dialog.template.js';
import { renderSendDialog } from './send-dialog.template.js';
import type { TagEditingController, TagEditorTarget } from './tag-editing.controller.js';
import { renderTagEditor } from './tag-editor.template.js';

/** The controllers the dialogs show. */
export interface BrowserDialogParts {
  filter: DocumentFilterController;
  tagging: TagEditingController;
  preview: DocumentPreviewController;
  sending: DocumentSendingController;
  keyboard: ListKeyboardController;
}

type DialogName = 'preview' | 'send' | 'tags';

/** Which dialog a `part` attribute names. */
const DIALOG_BY_PART: Readonly<Record<string, DialogName>> = {
  preview: 'preview',
  'send-dialog': 'send',
  'tag-editor': 'tags',
};

/**
 * The browser's three modal dialogs (preview, send, tag editor): renders them,
 * opens and closes the native `<dialog>`s to follow the controllers, and gives
 * focus back to what opened each one (Escape closes them natively).
 */
export class BrowserDialogs implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly parts: BrowserDialogParts;
  /** Element to focus again when a dialog closes; a row is found again by index. */
  private readonly returnFocus = new Map<DialogName, HTMLElement | 'row'>();

  constructor(host: ReactiveControllerHost & HTMLElement, parts: BrowserDialogParts) {
    this.host = host;
    this.parts = parts;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onDocumentKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onDocumentKeydown);
  }

  // Escape must close the top dialog even when focus did not follow it into the dialog.
  private readonly onDocumentKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const root = (this.host as unknown as HTMLElement).shadowRoot;
    const open = [...(root?.querySelectorAll<HTMLDialogElement>('dialog[open]') ?? [])];
    const top = open[open.length - 1];
    if (!top) return;
    event.preventDefault();
    top.close();
    // Tidy up now rather than on the queued `close` event (tidying up twice is harmless).
    const name = DIALOG_BY_PART[top.getAttribute('part') ?? ''];
    if (name) this.closed(name);
  };

  private closeController(name: DialogName): void {
    if (name === 'preview') this.parts.preview.close();
    else if (name === 'tags') this.parts.tagging.close();
    else this.parts.sending.close();
  }

  /** Opens the preview of a document (from a row). */
  openPreview(documentId: string): void {
    this.returnFocus.set('preview', 'row');
    void this.parts.preview.open(documentId);
  }

  /** Opens the tag editor, remembering what had focus. */
  editTags(target: TagEditorTarget): void {
    this.remember('tags');
    this.parts.tagging.edit(target);
  }

  /** Opens the send dialog for the previewed document. */
  send(documentId: string): void {
    this.remember('send');
    void this.parts.sending.start(documentId);
  }

  /** Shows or closes each native dialog to match its controller (call after every update). */
  sync(root: ParentNode): void {
    const { preview, sending, tagging } = this.parts;
    this.toggle(root.querySelector<HTMLDialogElement>('dialog[part="preview"]'), preview.status !== 'closed');
    this.toggle(root.querySelector<HTMLDialogElement>('dialog[part="tag-editor"]'), tagging.target !== undefined);
    this.toggle(root.querySelector<HTMLDialogElement>('dialog[part="send-dialog"]'), sending.step !== 'closed');
  }

  /** The three dialogs, empty while closed. */
  render(locale: CarnetLocale): TemplateResult {
    const { filter, preview, sending, tagging } = this.parts;
    const previewed = preview.documentId === undefined ? undefined : filter.document(preview.documentId);
    const tagged = tagging.target?.kind === 'document' ? filter.document(tagging.target.documentId) : undefined;
    const sent = sending.documentId === undefined ? undefined : filter.document(sending.documentId);
    return html`${renderPreviewDialog({
      locale,
      document: previewed,
      preview,
      onClose: () => preview.close(),
      onSend: () => previewed && this.send(previewed.id),
      onEditTags: () => previewed && this.editTags({ kind: 'document', documentId: previewed.id }),
      onDialogClose: () => this.closed('preview'),
    })}
    ${renderTagEditor({
      locale,
      tagging,
      document: tagged,
      suggestions: tagging.target ? filter.suggestTags(tagging.draft) : [],
      onDraft: (event) => tagging.setDraft((event.target as HTMLInputElement).value),
      onSubmit: (event) => {
        event.preventDefault();
        void tagging.addDraftTag();
      },
      onRemove: (event) => {
        const tag = (event.currentTarget as HTMLElement).dataset['tag'];
        if (tagged && tag !== undefined) void tagging.removeTag(tagged.id, tag);
      },
      onClose: () => tagging.close(),
      onDialogClose: () => this.closed('tags'),
    })}
    ${renderSendDialog({
      document: sent,
      sending,
      onRecipient: (event) => {
        sending.recipientId = (event.target as HTMLInputElement).value;
        this.host.requestUpdate();
      },
      onMessage: (event) => {
        sending.message = (event.target as HTMLTextAreaElement).value;
      },
      onSubmit: (event) => {
        event.preventDefault();
        void sending.send();
      },
      onRetry: () => sending.retry(),
      onClose: () => sending.close(),
      onDialogClose: () => this.closed('send'),
    })}`;
  }

  private remember(name: DialogName): void {
    const root = (this.host as unknown as HTMLElement).shadowRoot;
    const active = root?.activeElement;
    this.returnFocus.set(name, active instanceof HTMLElement && !active.closest('li.row') ? active : 'row');
  }

  private toggle(dialog: HTMLDialogElement | null, open: boolean): void {
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Focus normally moves in with showModal; make sure of it (e.g. in a page without focus).
      const active = (this.host as unknown as HTMLElement).shadowRoot?.activeElement ?? null;
      if (!active || !dialog.contains(active)) {
        dialog.querySelector<HTMLElement>('[autofocus], button, input, select, textarea, a[href]')?.focus();
      }
    } else if (!open && dialog.open) dialog.close();
  }

  /** A native dialog closed (Escape, or its controller closed): tidy up and return focus. */
  private closed(name: DialogName): void {
    this.closeController(name);
    const target = this.returnFocus.get(name);
    this.returnFocus.delete(name);
    if (target instanceof HTMLElement && target.isConnected) target.focus();
    else if (target === 'row') void this.parts.keyboard.focusRow(this.parts.keyboard.activeIndex);
  }
}
