import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
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
 * Up to this many documents, every row is in the page: find-in-page and a screen reader's
 * virtual cursor see the whole list, even before it is scrolled into view (the virtualizer
 * renders only the rows inside the window). Larger records are virtualized.
 */
export const ALL_ROWS_UP_TO = 300;

/**
 * The list of documents, virtualized for large records. Rows are rendered with one shared context
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

  /** The list; for large records only the rows near the viewport are in the DOM. */
  render(hits: DocumentHit[]): TemplateResult {
    const allRows = hits.length <= ALL_ROWS_UP_TO;
    return html`<ul
      class="list"
      part="list"
      aria-label=${msg('Documents')}
      @click=${this.onClick}
      @keydown=${this.onKeydown}
      @focusin=${this.onFocusIn}
      @visibilityChanged=${this.onRowsShown}
    >
      ${
        allRows
          ? repeat(hits, this.rowKey, this.renderRow)
          : virtualize({ items: hits, renderItem: this.renderRow, keyFunction: this.rowKey, scroller: true })
      }
    </ul>`;
  }

  // The virtualizer may render its previous range over fewer new hits before it lays them out
  // (lit/lit#4833): a missing hit renders nothing instead of throwing.
  private readonly renderRow = (hit: DocumentHit | undefined, index: number): TemplateResult =>
    hit ? renderDocumentRow(hit, index, this.context) : html``;

  private readonly rowKey = (hit: DocumentHit | undefined, index: number): string =>
    hit ? hit.document.id : `missing-${index}`;

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
