/**
 * The document browser's dialogs as one piece it loads on demand (`import()` through `loadOnce`,
 * see `browser-dialogs.controller.ts`): the preview (with « Visibilité », hiding a document from
 * professionals), sending to a professional, the tag editor and « Ajouter un document ». None of
 * them shows before the patient opens it, so a page downloads this code on the first opening, or
 * as soon as the patient points at or focuses a control that opens one.
 *
 * The `<dialog>` elements themselves are the browser's (they are in the page before this code
 * loads); this piece gives their content and the controllers that open, close and focus them.
 */
import type { CSSResultOrNative, ReactiveControllerHost, TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { DataSource, HealthDocument } from '@carnet/catalog-sdk';
import { DialogController } from '../shared/dialog.controller.js';
import { dateTimeFieldStyles } from '../shared/date-time-fields.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import type { CarnetLocale } from '../shared/localization.js';
import { documentDialogStyles } from './dialog.styles.js';
import type { DocumentFilterController } from './document-filter.controller.js';
import { DocumentHidingController } from './document-hiding.controller.js';
import { DocumentPreviewController } from './document-preview.controller.js';
import { DocumentSendingController } from './document-sending.controller.js';
import { DocumentUploadController } from './document-upload.controller.js';
import type { UploadDraft } from './document-upload.controller.js';
import type { ListKeyboardController } from './list-keyboard.controller.js';
import { renderPreviewDialog } from './preview-dialog.template.js';
import { renderSendDialog } from './send-dialog.template.js';
import type { TagEditingController, TagEditorTarget } from './tag-editing.controller.js';
import { renderTagEditor } from './tag-editor.template.js';
import { renderUploadDialog } from './upload-dialog.template.js';

/** The dialogs' styles, added to the browser's own when their code has loaded (after them, in this order). */
export const dialogSheets: readonly CSSResultOrNative[] = [dialogStyles, dateTimeFieldStyles, documentDialogStyles];

/** What the dialogs need from the browser. */
export interface BrowserDialogsOptions {
  source: () => DataSource | undefined;
  /** The page's language: the order the new document's day is typed in. */
  locale: () => CarnetLocale;
  filter: DocumentFilterController;
  tagging: TagEditingController;
  keyboard: ListKeyboardController;
  /** Fires the cancelable `carnet-document-send`; `false` when the host sends it itself. */
  askToSend: (request: { documentId: string; recipientId: string; message?: string }) => boolean;
  /** A new document was saved: the browser reads its documents again (the preview then shows it). */
  uploaded: (document: HealthDocument) => Promise<void>;
  /** True for an on-device record (hiding takes effect once on the platform). */
  isLocal: () => boolean;
  /** True when the record is the signed-in person's own (not a caregiver's view of it). */
  isPatient: () => boolean;
}

type DialogName = 'preview' | 'send' | 'tags' | 'upload';

const DRAFT_FIELDS: readonly (keyof UploadDraft)[] = ['title', 'kind', 'day', 'tags'];

/**
 * The browser's modal dialogs (preview, send, tag editor, add a document), once their code has
 * loaded: their controllers, their content, and a `DialogController` for each that opens it to
 * follow its controller. Rows are recycled by the virtualizer, so focus goes back to a row by index.
 */
export class BrowserDialogs {
  readonly preview: DocumentPreviewController;
  readonly sending: DocumentSendingController;
  readonly upload: DocumentUploadController;
  readonly hiding: DocumentHidingController;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: BrowserDialogsOptions;
  private readonly modals: Readonly<Record<DialogName, DialogController>>;

  constructor(host: ReactiveControllerHost & HTMLElement, options: BrowserDialogsOptions) {
    this.host = host;
    this.options = options;
    const { source, keyboard, tagging } = options;
    const repository = () => source()?.documents;
    const preview = (this.preview = new DocumentPreviewController(host, {
      repository,
      pageLabel: (page: number, count: number) => msg(str`Page ${page} sur ${count}`),
    }));
    const sending = (this.sending = new DocumentSendingController(host, source, options.askToSend));
    const upload = (this.upload = new DocumentUploadController(host, {
      repository,
      locale: options.locale,
      onSaved: async (document) => {
        await options.uploaded(document);
        // The new document is shown at once, with its file.
        this.openPreview(document.id);
      },
    }));
    this.hiding = new DocumentHidingController(host, { tagging, source });
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
    this.upload.open();
  }

  /** A file dropped on the browser: opens the add-a-document dialog on it (or says why it is refused). */
  takeFile(file: File): void {
    if (this.upload.step === 'closed') this.addDocument();
    void this.upload.chooseFile(file);
  }

  /** Opens the preview of a document (from a row). */
  openPreview(documentId: string): void {
    this.modals.preview.setOpener(null);
    this.hiding.reset();
    void this.preview.open(documentId);
  }

  /** Opens the tag editor, remembering what had focus. */
  editTags(target: TagEditorTarget): void {
    this.rememberOpener('tags');
    this.options.tagging.edit(target);
  }

  /** Opens the send dialog for the previewed document. */
  send(documentId: string): void {
    this.rememberOpener('send');
    void this.sending.start(documentId);
  }

  /** The content of the preview dialog, empty while closed. */
  renderPreview(locale: CarnetLocale): TemplateResult {
    const { filter, isLocal, isPatient } = this.options;
    const { preview, hiding } = this;
    const previewed = preview.documentId === undefined ? undefined : filter.document(preview.documentId);
    return renderPreviewDialog({
      locale,
      document: previewed,
      preview,
      onClose: () => preview.close(),
      onSend: () => previewed && this.send(previewed.id),
      onEditTags: () => previewed && this.editTags({ kind: 'document', documentId: previewed.id }),
      hiding: {
        busy: hiding.busy,
        local: isLocal(),
        offered: isPatient(),
        outcome: previewed ? hiding.outcomeFor(previewed.id) : undefined,
        listNames: (names) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names),
        onToggle: () => previewed && void hiding.setHidden(previewed.id, !previewed.hiddenFromProfessionals),
      },
    });
  }

  /** The content of the tag editor, empty while closed. */
  renderTagEditor(locale: CarnetLocale): TemplateResult {
    const { filter, tagging } = this.options;
    const tagged = tagging.target?.kind === 'document' ? filter.document(tagging.target.documentId) : undefined;
    return renderTagEditor({
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
    });
  }

  /** The content of the send dialog, empty while closed. */
  renderSend(): TemplateResult {
    const { sending } = this;
    const sent = sending.documentId === undefined ? undefined : this.options.filter.document(sending.documentId);
    return renderSendDialog({
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
    });
  }

  /** The content of the add-a-document dialog, empty while closed. */
  renderUpload(locale: CarnetLocale): TemplateResult {
    const { upload } = this;
    return renderUploadDialog({
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
    });
  }

  // A row's button is recycled by the virtualizer: focus returns to the active row by index instead.
  private rememberOpener(name: DialogName): void {
    const active = this.host.shadowRoot?.activeElement;
    if (active instanceof HTMLElement && active.closest('li.row')) this.modals[name].setOpener(null);
  }
}
