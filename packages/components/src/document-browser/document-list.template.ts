import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { DocumentHit } from '@carnet/catalog-sdk';
import type { DocumentFilterController } from './document-filter.controller.js';
import { renderDocumentRow } from './document-row.template.js';
import type { RowContext } from './document-row.template.js';
import type { ListKeyboardController } from './list-keyboard.controller.js';

/** What a row's buttons do, given by the element. */
export interface DocumentListActions {
  open(index: number): void;
  toggleFavourite(documentId: string): void;
  editTags(documentId: string): void;
}

function closest(event: Event, test: (element: HTMLElement) => boolean): HTMLElement | undefined {
  return event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && test(node));
}

/**
 * The virtualized list of documents. Rows are rendered with one shared context
 * and no closures of their own; clicks, keys and focus are handled once, on the
 * list, by delegation (rows say what they are with `data-index` / `data-action`).
 */
export class DocumentList {
  /** What every row of the next render shares; set by the element before rendering. */
  context: RowContext = { locale: 'fr', activeIndex: 0, total: 0, selection: new Set() };

  private readonly filter: DocumentFilterController;
  private readonly keyboard: ListKeyboardController;
  private readonly actions: DocumentListActions;

  constructor(filter: DocumentFilterController, keyboard: ListKeyboardController, actions: DocumentListActions) {
    this.filter = filter;
    this.keyboard = keyboard;
    this.actions = actions;
  }

  /** The list; only the rows near the viewport are in the DOM. */
  render(hits: DocumentHit[]): TemplateResult {
    return html`<ul
      class="list"
      part="list"
      aria-label=${msg('Documents')}
      @click=${this.onClick}
      @keydown=${this.onKeydown}
      @focusin=${this.onFocusIn}
      @visibilityChanged=${this.onRowsShown}
    >
      ${virtualize({ items: hits, renderItem: this.renderRow, keyFunction: this.rowKey, scroller: true })}
    </ul>`;
  }

  private readonly renderRow = (hit: DocumentHit, index: number): TemplateResult =>
    renderDocumentRow(hit, index, this.context);

  private readonly rowKey = (hit: DocumentHit): string => hit.document.id;

  private rowIndexOf(event: Event): number | undefined {
    const row = closest(event, (element) => element.matches('li.row'));
    return row ? Number(row.dataset['index']) : undefined;
  }

  private readonly onClick = (event: MouseEvent): void => {
    const index = this.rowIndexOf(event);
    const action = closest(event, (element) => 'action' in element.dataset)?.dataset['action'];
    const hit = index === undefined ? undefined : this.filter.result?.hits[index];
    if (index === undefined || !hit || !action) return;
    this.keyboard.activate(index);
    if (action === 'open') this.actions.open(index);
    else if (action === 'select') this.filter.toggleSelection(hit.document.id);
    else if (action === 'favourite') this.actions.toggleFavourite(hit.document.id);
    else if (action === 'tags') this.actions.editTags(hit.document.id);
  };

  private readonly onKeydown = (event: KeyboardEvent): void => this.keyboard.onKeydown(event);

  private readonly onFocusIn = (event: FocusEvent): void => {
    const index = this.rowIndexOf(event);
    if (index !== undefined) this.keyboard.activate(index);
  };

  private readonly onRowsShown = (): void => this.filter.rowsPainted();
}
