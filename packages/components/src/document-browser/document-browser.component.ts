import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { DOCUMENT_KIND_VALUES, DOCUMENT_SORTS } from '@carnet/catalog-sdk';
import type { DataSource, DocumentHit, DocumentSearchResult } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { recordRevisionContext } from '../context/record-revision.context.js';
import type { RecordRevision } from '../context/record-revision.context.js';
import { sessionContext, type CarnetSessionLike } from '../context/session.context.js';
import type {} from '../events/carnet-document-change.js';
import type {} from '../events/carnet-document-open.js';
import type {} from '../events/carnet-document-send.js';
import { emit } from '../events/emit.js';
import { LiveAnnouncer } from '../shared/announcer.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { renderEmptyState, renderErrorState, renderLoadFailure, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { documentBrowserStyles } from './document-browser.styles.js';
import { DocumentFilterController } from './document-filter.controller.js';
import { FACET_GROUPS, type FacetGroup } from './document-filter.controller.js';
import { documentCountLabel } from './document-labels.js';
import { ALL_ROWS_UP_TO, DocumentList } from './document-list.template.js';
import { renderFacets } from './facets.template.js';
import { ListKeyboardController } from './list-keyboard.controller.js';
import { BrowserDialogsController } from './browser-dialogs.controller.js';
import type { TagEditorTarget } from './tag-editing.controller.js';
import { TagEditingController } from './tag-editing.controller.js';
import { renderOutcome } from './tag-outcome.template.js';
import { renderToolbar } from './toolbar.template.js';
import { parseOneOf } from '../shared/parse-one-of.js';

// Long enough to let a word be typed before its result count is spoken.
const ANNOUNCE_DEBOUNCE_MS = 300;

/** The controls that open a dialog: pointing at or focusing one starts loading the dialogs' code. */
/**
 * The patient's documents — hundreds to tens of thousands — in a virtualized
 * list with smart search, facets, tags, favourites, preview and sending to a
 * professional. Place it inside a `<carnet-provider>`.
 *
 * @summary Search, classify, preview and send the patient's documents.
 * @tag carnet-document-browser
 *
 * @csspart base - The card around the browser.
 * @csspart title - The heading.
 * @csspart add - The button adding a document (a file can also be dropped on the browser).
 * @csspart upload-dialog - The add-a-document dialog.
 * @csspart upload-drop - Where the dialog offers the file picker and the camera.
 * @csspart upload-file - The file picker (PDF or image).
 * @csspart upload-camera - The camera picker (a photo of a paper document, on phones).
 * @csspart upload-summary - The chosen file's name and size.
 * @csspart upload-save - The button saving the new document.
 * @csspart upload-error - Why a file was refused or could not be saved.
 * @csspart dialog-load-error - Why a dialog did not open (its code could not be downloaded), next to the control that asked; the next press tries again.
 * @csspart toolbar - Search field and sort menu.
 * @csspart search - The search field.
 * @csspart sort - The sort menu.
 * @csspart summary - Result count and clear-all.
 * @csspart search-unavailable - Says the search code could not be loaded, with a button trying again.
 * @csspart clear-all - The button removing the query and every filter.
 * @csspart selection-bar - Bulk actions on the selected documents.
 * @csspart tag-selection - The button tagging the selected documents.
 * @csspart facets - The facet panel.
 * @csspart facets-toggle - Shows or hides the facets on small screens.
 * @csspart facet-group - One group of facet values.
 * @csspart facets-pending - Shown while the facets are being counted.
 * @csspart facets-updating - « Mise à jour… » beside the filters' title while the counts shown are the previous answer's (the panel is `aria-busy`); shown only when the update lasts.
 * @csspart favourites-only - The favourites-only checkbox.
 * @csspart rename-tag - The form renaming a tag everywhere.
 * @csspart list - The scrolling list of documents.
 * @csspart row - One document of the list.
 * @csspart row-select-target - The 44 px square around a row's checkbox; a click anywhere in it selects.
 * @csspart row-select - A row's selection checkbox.
 * @csspart row-open - A row's main button (opens the preview).
 * @csspart row-tags - A row's tags.
 * @csspart row-favourite - A row's favourite toggle.
 * @csspart row-hidden-badge - The « Masqué aux professionnels » badge of a hidden document's row.
 * @csspart preview-hidden-badge - The same badge in the preview.
 * @csspart hidden-only - The « hidden from professionals only » checkbox (shown when one is hidden).
 * @csspart visibility - The preview's « Visibilité » section (hide from professionals or show again).
 * @csspart hide-toggle - The button hiding the previewed document from professionals, or showing it again.
 * @csspart hiding-local - The note that hiding takes effect on the platform (on-device record).
 * @csspart hidden-already-sent - The warning that a professional already received the document just hidden.
 * @csspart send-hidden - Replaces the send button for a hidden document.
 * @csspart row-tag-edit - A row's button editing its tags.
 * @csspart kind-icon - The pictogram of a document kind.
 * @csspart notice - A message about the last change (e.g. a conflict).
 * @csspart conflict - The message shown when a document changed elsewhere.
 * @csspart no-results - Shown when nothing matches, with a way to clear the filters.
 * @csspart preview - The preview dialog.
 * @csspart preview-image - An image attachment.
 * @csspart preview-pdf - A PDF attachment.
 * @csspart preview-unavailable - Shown when the document has no stored file.
 * @csspart details - Type, date, author, size… of the open document.
 * @csspart download - The download link.
 * @csspart send - Opens the send dialog.
 * @csspart send-dialog - The send-to-a-professional dialog.
 * @csspart send-message - The optional message to the professional.
 * @csspart send-confirm - The button that sends.
 * @csspart send-confirmation - Says the document was sent.
 * @csspart send-status - The live region of the send dialog that announces the confirmation.
 * @csspart send-failure - Says the sending failed.
 * @csspart tag-editor - The tag editor dialog.
 * @csspart tag-input - The field of a new tag.
 * @csspart tag-add - The button adding it.
 * @csspart close - A dialog's close button.
 * @csspart loading - The skeleton shown while loading.
 * @csspart empty - The message shown when the record holds no document.
 * @csspart error - The message shown when loading failed.
 * @csspart retry - The Retry button of the error.
 *
 * @cssprop --carnet-document-browser-background - Background of the card (defaults to the surface).
 * @cssprop --carnet-document-browser-padding - Inner spacing of the card.
 * @cssprop --carnet-document-browser-list-height - Height of the scrolling list (default 32rem).
 * @cssprop --carnet-document-browser-row-height - Least height of a row (default 5rem); rows grow to show long titles, authors and tags whole.
 * @cssprop --carnet-document-browser-facets-width - Width of the facet panel on wide screens (default 16rem).
 * @cssprop --carnet-document-browser-highlight - Background of the matched text (default a light amber).
 * @cssprop --carnet-document-browser-on-highlight - Colour of the matched text.
 * @cssprop --carnet-document-browser-favourite - Colour of the favourite star.
 * @cssprop --carnet-document-browser-hidden-badge-background - Background of the « Masqué aux professionnels » badge.
 * @cssprop --carnet-document-browser-hidden-badge-color - Text colour of that badge.
 * @cssprop --carnet-document-browser-selected - Background of a selected row.
 *
 * @cssstate loading - Documents are loading.
 * @cssstate empty - The record holds no document.
 * @cssstate error - Loading failed.
 * @cssstate ready - Documents are shown.
 * @cssstate no-results - The search and filters match nothing.
 * @cssstate indexing - The list is shown; its facets are still being counted (just after the list is painted, after each search or filter change).
 * @cssstate searching - A search, filter or sort is being answered: its code or the index is still loading (the count says so).
 *
 * @fires carnet-document-open - The patient opened a document's preview.
 * @fires carnet-document-change - A tag, favourite or « hidden from professionals » change was saved (one per document).
 * @fires carnet-document-send - The patient confirmed sending a document; cancelable, the host then sends it itself.
 */
@localized()
export class CarnetDocumentBrowser extends CarnetWidget {
  // The dialogs' styles are added with their code (`browser-dialogs.panel.ts`, `dialogSheets`).
  static override styles = [baseStyles, stateStyles, documentBrowserStyles];

  /**
   * Where the documents are read from; given by the enclosing `<carnet-provider>`,
   * or set directly when used without one.
   */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  /** Bumped by `<carnet-provider>` when the cached record changed underneath: read again. */
  @consume({ context: recordRevisionContext, subscribe: true })
  @state()
  private recordRevision?: RecordRevision;

  /** The signed-in person, in connected mode: only the patient herself hides a document. */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session?: CarnetSessionLike;

  @state() private facetsExpanded = false;
  @state() private showingAll = new Set<FacetGroup>();

  /** The scrolling list (virtualized for large records). */
  @query('.list') readonly listElement!: (HTMLElement & VirtualizerHostElement) | null;
  /** The search field. */
  @query('#search') readonly searchField!: HTMLInputElement | null;

  private readonly announcer = new LiveAnnouncer(this);
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly filter = new DocumentFilterController(this, (result) => this.scheduleAnnouncement(result));
  private readonly keyboard = new ListKeyboardController(this, {
    count: () => this.filter.result?.total ?? 0,
    open: (index) => this.openAt(index),
    toggleSelection: (index) => this.selectAt(index),
  });
  private readonly tagging = new TagEditingController(this, {
    filter: this.filter,
    repository: () => this.dataSource?.documents,
    onSaved: (document, changes) =>
      emit(this, 'carnet-document-change', { documentId: document.id, version: document.version, changes }),
  });
  /**
   * The dialogs (preview with hiding, send, tag editor, add a document), whose code loads on demand:
   * on the first opening, or as soon as the patient points at or focuses a control that opens one.
   */
  private readonly dialogs: BrowserDialogsController = new BrowserDialogsController(this, {
    source: () => this.dataSource,
    locale: () => this.locale,
    filter: this.filter,
    tagging: this.tagging,
    keyboard: this.keyboard,
    askToSend: (request) => emit(this, 'carnet-document-send', request, { cancelable: true }),
    uploaded: () => this.documentsTask.run(),
    isLocal: () => this.dataSource?.kind === 'local',
    // Only the patient decides what professionals see: not a caregiver, nor a professional launched on her record.
    isPatient: () =>
      !this.session?.isAuthenticated ||
      (this.session.patientId !== undefined &&
        !/(?:^|\/)(?:Practitioner|RelatedPerson)\//.test(this.session.user?.fhirUser ?? '')),
  });
  private readonly list = new DocumentList(this.filter, this.keyboard, {
    open: (index) => this.openAt(index),
    toggleFavourite: (documentId) => void this.tagging.toggleFavourite(documentId),
    editTags: (documentId) => this.editTags(`tags:${documentId}`, { kind: 'document', documentId }),
  });

  private readonly documentsTask = new Task(this, {
    task: async ([source]: readonly [DataSource | undefined, number], { signal }) => {
      if (!source) return initialState;
      const documents = await source.documents.listAll({ signal });
      this.filter.load(documents, this.locale);
      return documents.length;
    },
    args: () => [this.dataSource, this.recordRevision?.documents ?? 0] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  /** Loads the documents again, e.g. after the record changed elsewhere. */
  refresh(): Promise<void> {
    return this.documentsTask.run();
  }

  /** A skip link leads to the search: finding a document starts there. */
  protected override skipTarget(): HTMLElement | null {
    return this.searchField ?? super.skipTarget();
  }

  /**
   * Opens a document's preview (e.g. one chosen in `<carnet-record-summary>`), once
   * the documents are loaded; moves the browser into view first.
   */
  async openDocument(documentId: string): Promise<void> {
    await this.documentsTask.taskComplete.catch(() => undefined);
    if (!this.filter.document(documentId)) await this.refresh();
    if (!this.filter.document(documentId)) return;
    this.scrollIntoView?.({ block: 'start' });
    this.openPreview(documentId);
    emit(this, 'carnet-document-open', { documentId });
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('locale')) this.filter.setLocale(this.locale);
    this.keyboard.clamp();
    this.list.context = {
      locale: this.locale,
      activeIndex: this.keyboard.activeIndex,
      total: this.filter.result?.total ?? 0,
      selection: this.filter.selection,
      opening: this.dialogs.opening,
    };
  }

  protected override updated(): void {
    this.reflectState();
    // Every row is in the page (no virtualizer to say when they are shown): they are now.
    const hits = this.filter.result?.hits.length ?? 0;
    if (hits > 0 && hits <= ALL_ROWS_UP_TO) this.filter.rowsPainted();
  }

  private reflectState(): void {
    const status = this.documentsTask.status;
    const current =
      status === TaskStatus.ERROR
        ? 'error'
        : status !== TaskStatus.COMPLETE || !this.filter.result
          ? 'loading'
          : this.filter.documentCount === 0
            ? 'empty'
            : this.filter.result.total === 0
              ? 'no-results'
              : 'ready';
    this.reflectStates(current, ['loading', 'empty', 'error', 'ready', 'no-results']);
    if (current === 'ready' && !this.filter.indexed) this.internals.states.add('indexing');
    else this.internals.states.delete('indexing');
    if (current !== 'error' && current !== 'loading' && this.filter.searching) this.internals.states.add('searching');
    else this.internals.states.delete('searching');
  }

  private scheduleAnnouncement(result: DocumentSearchResult): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(
      () => this.announcer.announce(documentCountLabel(result.total, this.locale)),
      ANNOUNCE_DEBOUNCE_MS,
    );
  }

  private hitAt(index: number): DocumentHit | undefined {
    return this.filter.result?.hits[index];
  }

  private openAt(index: number): void {
    const hit = this.hitAt(index);
    if (!hit) return;
    this.keyboard.activate(index);
    this.openPreview(hit.document.id);
    emit(this, 'carnet-document-open', { documentId: hit.document.id });
  }

  // --- dialogs (their code loads on the first opening) -------------------------------

  private openPreview(documentId: string): void {
    this.dialogs.open(`preview:${documentId}`, (dialogs) => dialogs.openPreview(documentId));
  }

  private editTags(opener: string, target: TagEditorTarget): void {
    this.dialogs.open(opener, (dialogs) => dialogs.editTags(target));
  }

  private readonly addDocument = (): void => {
    this.dialogs.open('upload', (dialogs) => dialogs.addDocument());
  };

  /** A file dragged over the browser is taken as a copy when a record is there to take it. */
  private readonly onDragOver = (event: DragEvent): void => {
    if (!this.dataSource || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  /** A file dropped anywhere on the browser opens « Ajouter un document » on it (or says why it is refused). */
  private readonly onDrop = (event: DragEvent): void => {
    const file = event.dataTransfer?.files[0];
    if (!this.dataSource || !file) return;
    event.preventDefault();
    this.dialogs.open('upload', (dialogs) => dialogs.takeFile(file));
  };

  /** The dialogs: their elements are always there, their content once their code has loaded. */
  private renderDialogs(): TemplateResult {
    const dialogs = this.dialogs.dialogs;
    const locale = this.locale;
    return html`<dialog class="dialog dialog--preview" part="preview" aria-labelledby="preview-title">
        ${dialogs?.renderPreview(locale) ?? nothing}
      </dialog>
      <dialog class="dialog dialog--tags" part="tag-editor" aria-labelledby="tags-title">
        ${dialogs?.renderTagEditor(locale) ?? nothing}
      </dialog>
      <dialog class="dialog dialog--send" part="send-dialog" aria-labelledby="send-title">
        ${dialogs?.renderSend() ?? nothing}
      </dialog>
      <dialog class="dialog" part="upload-dialog" aria-labelledby="upload-title-heading">
        ${dialogs?.renderUpload(locale) ?? nothing}
      </dialog>`;
  }

  private selectAt(index: number): void {
    const hit = this.hitAt(index);
    if (hit) this.filter.toggleSelection(hit.document.id);
  }

  // --- toolbar and facets ------------------------------------------------------------

  private readonly onSearchInput = (event: Event): void => {
    this.filter.setQuery((event.target as HTMLInputElement).value);
    this.keyboard.reset();
  };

  private readonly onSearchIntent = (): void => {
    void this.filter.prepareSearch();
  };

  private readonly onRetrySearch = (): void => {
    void this.filter.prepareSearch().then((loaded) => {
      // The alert and its button are gone: back to the search field.
      if (loaded) this.searchField?.focus();
    });
  };

  private readonly onSort = (event: Event): void => {
    const sort = parseOneOf((event.target as HTMLSelectElement).value, DOCUMENT_SORTS);
    if (sort) this.filter.setSort(sort);
  };

  private readonly onFacetChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const group = parseOneOf(input.dataset['group'], FACET_GROUPS);
    const value = input.dataset['value'];
    if (!group || value === undefined) return;
    if (group === 'years') this.filter.toggle('years', Number(value));
    else if (group === 'kinds') {
      const kind = parseOneOf(value, DOCUMENT_KIND_VALUES);
      if (kind) this.filter.toggle('kinds', kind);
    } else this.filter.toggle(group, value);
    this.keyboard.reset();
  };

  private readonly onFavouritesOnly = (event: Event): void => {
    this.filter.setFavouritesOnly((event.target as HTMLInputElement).checked);
  };

  private readonly onShowAll = (event: Event): void => {
    const group = parseOneOf((event.currentTarget as HTMLElement).dataset['group'], FACET_GROUPS);
    if (!group) return;
    const next = new Set(this.showingAll);
    if (next.has(group)) next.delete(group);
    else next.add(group);
    this.showingAll = next;
  };

  private readonly onClearAll = (): void => {
    this.filter.clearAll();
    this.keyboard.reset();
  };

  private readonly onRename = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const from = String(data.get('from') ?? '');
    const to = String(data.get('to') ?? '');
    void this.tagging.renameTag(from, to).then((outcome) => {
      if (outcome.kind === 'saved') form.reset();
    });
  };

  private readonly retry = (): void => {
    void this.documentsTask.run();
  };

  // --- rendering ---------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<section
      class="base"
      part="base"
      aria-labelledby="browser-title"
      @dragover=${this.onDragOver}
      @drop=${this.onDrop}
      @pointerover=${this.dialogs.preloadOn}
      @focusin=${this.dialogs.preloadOn}
    >
      <div class="header">
        <h2 class="title" id="browser-title" part="title">${msg('Mes documents')}</h2>
        ${this.listShown ? nothing : this.renderAddButton()}
      </div>
      ${this.documentsTask.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: () => (this.filter.documentCount === 0 ? this.renderEmpty() : this.renderBrowser()),
        error: (error) => renderErrorState({ message: this.errorMessage(error), onRetry: this.retry }),
      })}
      ${this.announcer.region()} ${this.renderDialogs()}
    </section>`;
  }

  /** With documents listed, « Ajouter un document » follows the search: finding comes first. */
  private get listShown(): boolean {
    return this.documentsTask.status === TaskStatus.COMPLETE && this.filter.documentCount > 0;
  }

  private renderAddButton(): TemplateResult | typeof nothing {
    if (!this.dataSource) return nothing;
    const opening = this.dialogs.opening === 'upload';
    return html`<button
        type="button"
        class="primary-button touch-target"
        part="add"
        aria-busy=${opening ? 'true' : nothing}
        aria-disabled=${opening ? 'true' : nothing}
        @click=${this.addDocument}
      >
        ${msg('Ajouter un document')}
      </button>
      ${renderLoadFailure(this.dialogs.failed === 'upload')}`;
  }

  private renderLoading(): TemplateResult {
    return renderLoadingState({ label: msg('Chargement de vos documents…'), lines: 6 });
  }

  private renderEmpty(): TemplateResult {
    return renderEmptyState({
      title: msg('Aucun document dans votre carnet'),
      description: msg('Les ordonnances, comptes rendus et résultats que vous ajoutez apparaîtront ici.'),
    });
  }

  private renderBrowser(): TemplateResult {
    const result = this.filter.result;
    if (!result) return this.renderLoading();
    const filter = this.filter;
    // Search, then the list, then the filters (beside it on wide screens): the keyboard reaches
    // the search first and the documents next, in the order they are seen.
    return html`${renderToolbar({
        locale: this.locale,
        query: filter.query,
        sort: filter.sort,
        total: result.total,
        documentCount: filter.documentCount,
        narrowed: filter.narrowed,
        searching: filter.searching,
        searchUnavailable: filter.searchUnavailable,
        selectionSize: filter.selection.size,
        onInput: this.onSearchInput,
        onSearchIntent: this.onSearchIntent,
        onRetrySearch: this.onRetrySearch,
        onSort: this.onSort,
        onClearAll: this.onClearAll,
        taggingSelection: this.dialogs.opening === 'tags:selection',
        onTagSelection: () =>
          this.editTags('tags:selection', { kind: 'selection', documentIds: [...filter.selection] }),
        onClearSelection: () => filter.clearSelection(),
        action: this.renderAddButton(),
      })}
      <div class="layout">
        <div class="results">
          ${this.tagging.target ? nothing : html`<div part="notice">${renderOutcome(this.tagging.outcome, this.locale)}</div>`}
          ${renderLoadFailure(this.dialogs.failed !== undefined && this.dialogs.failed !== 'upload')}
          ${result.total === 0 ? this.renderNoResults() : this.list.render(result.hits)}
        </div>
        ${renderFacets({
          locale: this.locale,
          facets: filter.shownFacets,
          filters: filter.filters,
          favouritesOnly: filter.filters.favouritesOnly === true,
          hiddenOnly: filter.filters.hiddenOnly === true,
          narrowed: filter.narrowed,
          indexed: filter.indexed && !filter.searching,
          expanded: this.facetsExpanded,
          showingAll: this.showingAll,
          tags: filter.tags(),
          onFacetChange: this.onFacetChange,
          onFavouritesOnly: this.onFavouritesOnly,
          onIntent: this.onSearchIntent,
          onHiddenOnly: (event: Event) => filter.setHiddenOnly((event.target as HTMLInputElement).checked),
          onToggleExpanded: () => (this.facetsExpanded = !this.facetsExpanded),
          onShowAll: this.onShowAll,
          onClearAll: this.onClearAll,
          onRename: this.onRename,
        })}
      </div>`;
  }

  private renderNoResults(): TemplateResult {
    return html`<div class="state state--empty" part="no-results">
      <p class="state-title">${msg('Aucun document ne correspond à votre recherche')}</p>
      <p class="state-description">${msg('Vérifiez l’orthographe, ou retirez des filtres.')}</p>
      <button type="button" class="state-action touch-target" @click=${this.onClearAll}>
        ${msg('Effacer la recherche et les filtres')}
      </button>
    </div>`;
  }
}
