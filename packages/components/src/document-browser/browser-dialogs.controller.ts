import { html } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { DialogController } from '../shared/dialog.controller.js';
import type { CarnetLocale } from '../shared/localization.js';
import type { DocumentFilterController } from './document-filter.controller.js';
import type { DocumentHidingController } from './document-hiding.controller.js';
import type { DocumentPreviewController } from './document-preview.controller.js';
import type { DocumentSendingController } from './document-sending.controller.js';
import type { DocumentUploadController, UploadDraft } from './document-upload.controller.js';
import type { ListKeyboardController } from './list-keyboard.controller.js';
import { renderPreviewDialog } from './preview-dialog.template.js';
import { renderSendDialog } from './send-dialog.template.js';
import type { TagEditingController, TagEditorTarget } from './tag-editing.controller.js';
import { renderTagEditor } from './tag-editor.template.js';
import { renderUploadDialog } from './upload-dialog.template.js';

/** The controllers the dialogs show. */
export interface BrowserDialogParts {
  filter: DocumentFilterController;
  tagging: TagEditingController;
  preview: DocumentPreviewController;
  sending: DocumentSendingController;
  keyboard: ListKeyboardController;
  upload: DocumentUploadController;
  hiding: DocumentHidingController;
  /** True for an on-device record (hiding takes effect once on the platform). */
  isLocal: () => boolean;
  /** True when the record is the signed-in person's own (not a caregiver's view of it). */
  isPatient: () => boolean;
}

type DialogName = 'preview' | 'send' | 'tags' | 'upload';

const DRAFT_FIELDS: readonly (keyof UploadDraft)[] = ['title', 'kind', 'day', 'tags'];

/**
 * The browser's modal dialogs (preview, send, tag editor, add a document): renders them,
 * and gives each a `DialogController` that opens it to follow its controller.
 * Rows are recycled by the virtualizer, so focus goes back to a row by index.
 */
export class BrowserDialogs implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly parts: BrowserDialogParts;
  private readonly modals: Readonly<Record<DialogName, DialogController>>;

  constructor(host: ReactiveControllerHost & HTMLElement, parts: BrowserDialogParts) {
    this.host = host;
    this.parts = parts;
    host.addController(this);
    const { preview, sending, tagging, keyboard, upload } = parts;
    const returnToRow = (): void => void keyboard.focusRow(keyboard.activeIndex);
    // Stacking order: the send and tag dialogs open above the preview.
    this.modals = {
      preview: new DialogController(host, {
        selector: 'dialog[part="preview"]',
        isOpen: () => preview.status !== 'closed',
        onDismiss: () => preview.close(),
        returnFocusFallback: returnToRow,
      }),
      tags: new DialogController(host, {
        selector: 'dialog[part="tag-editor"]',
        isOpen: () => tagging.target !== undefined,
        onDismiss: () => tagging.close(),
        returnFocusFallback: returnToRow,
      }),
      send: new DialogController(host, {
        selector: 'dialog[part="send-dialog"]',
        isOpen: () => sending.step !== 'closed',
        onDismiss: () => sending.close(),
        returnFocusFallback: returnToRow,
      }),
      upload: new DialogController(host, {
        selector: 'dialog[part="upload-dialog"]',
        isOpen: () => upload.step !== 'closed',
        onDismiss: () => upload.close(),
      }),
    };
  }

  /** Opens the add-a-document dialog, remembering what had focus. */
  addDocument(): void {
    this.rememberOpener('upload');
    this.parts.upload.open();
  }

  hostConnected(): void {}

  /** Opens the preview of a document (from a row). */
  openPreview(documentId: string): void {
    this.modals.preview.setOpener(null);
    this.parts.hiding.reset();
    void this.parts.preview.open(documentId);
  }

  /** Opens the tag editor, remembering what had focus. */
  editTags(target: TagEditorTarget): void {
    this.rememberOpener('tags');
    this.parts.tagging.edit(target);
  }

  /** Opens the send dialog for the previewed document. */
  send(documentId: string): void {
    this.rememberOpener('send');
    void this.parts.sending.start(documentId);
  }

  /** The dialogs, empty while closed. */
  render(locale: CarnetLocale): TemplateResult {
    const { filter, preview, sending, tagging, upload, hiding } = this.parts;
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
      hiding: {
        busy: hiding.busy,
        local: this.parts.isLocal(),
        offered: this.parts.isPatient(),
        outcome: previewed ? hiding.outcomeFor(previewed.id) : undefined,
        listNames: (names) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names),
        onToggle: () => previewed && void hiding.setHidden(previewed.id, !previewed.hiddenFromProfessionals),
      },
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
    })}
    ${renderSendDialog({
      document: sent,
      sending,
      onRecipient: (event) => sending.chooseRecipient((event.target as HTMLInputElement).value),
      onMessage: (event) => sending.writeMessage((event.target as HTMLTextAreaElement).value),
      onSubmit: (event) => {
        event.preventDefault();
        void sending.send();
      },
      onRetry: () => sending.retry(),
      onClose: () => sending.close(),
      onDownload: () => void sending.download(sent?.title ?? 'document').catch(() => undefined),
      onShare: () => void sending.share(sent?.title ?? 'document').catch(() => undefined),
    })}
    ${renderUploadDialog({
      locale,
      upload,
      onFile: (event) => {
        const input = event.target as HTMLInputElement;
        void upload.chooseFile(input.files?.[0]);
      },
      onField: (event) => {
        const field = event.target as HTMLInputElement | HTMLSelectElement;
        const name = DRAFT_FIELDS.find((f) => f === field.name);
        if (name) upload.setField(name, field.value);
      },
      onSubmit: (event) => {
        event.preventDefault();
        void upload.save();
      },
      onChooseAnother: () => upload.chooseAnother(),
      onClose: () => upload.close(),
    })}`;
  }

  // A row's button is recycled by the virtualizer: focus returns to the active row by index instead.
  private rememberOpener(name: DialogName): void {
    const active = this.host.shadowRoot?.activeElement;
    if (active instanceof HTMLElement && active.closest('li.row')) this.modals[name].setOpener(null);
  }
}
