import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';

/** What the list keyboard needs from its element. */
export interface ListKeyboardHost extends ReactiveControllerHost, HTMLElement {
  /** The scrolling element the virtualizer renders rows into. */
  readonly listElement: (HTMLElement & VirtualizerHostElement) | null | undefined;
  /** The search field, focused by `/`. */
  readonly searchField: HTMLInputElement | null | undefined;
}

/** What the keys do, given by the element. */
export interface ListKeyboardActions {
  /** Number of rows in the list. */
  count(): number;
  /** Enter on a row. */
  open(index: number): void;
  /** Space on a row. */
  toggleSelection(index: number): void;
}

// Keys handled on the document, for `/`: not when typing in a field.
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Roving focus over a virtualized list: one row is in the tab order; arrows,
 * Home, End, Page Up/Down move it (scrolling the row into view first since it
 * may not be rendered yet), Enter opens, Space selects. Also `/` to search.
 */
export class ListKeyboardController implements ReactiveController {
  /** Index of the row in the tab order. */
  activeIndex = 0;

  private readonly host: ListKeyboardHost;
  private readonly actions: ListKeyboardActions;

  constructor(host: ListKeyboardHost, actions: ListKeyboardActions) {
    this.host = host;
    this.actions = actions;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onDocumentKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onDocumentKeydown);
  }

  /** Keeps the active row inside the list after the results changed. */
  clamp(): void {
    const count = this.actions.count();
    if (this.activeIndex >= count) this.activeIndex = Math.max(0, count - 1);
  }

  /** Makes `index` the active row (clicks, focus from Tab). */
  activate(index: number): void {
    if (index === this.activeIndex) return;
    this.activeIndex = index;
    this.host.requestUpdate();
  }

  /** Moves focus to row `index`, scrolling it into view and rendering it if needed. */
  async focusRow(index: number): Promise<void> {
    const count = this.actions.count();
    if (count === 0) return;
    this.activeIndex = Math.min(Math.max(index, 0), count - 1);
    this.host.requestUpdate();
    const list = this.host.listElement;
    let row = this.rowElement(this.activeIndex);
    if (!row || !this.isVisible(row)) {
      list?.[virtualizerRef]?.element(this.activeIndex)?.scrollIntoView({ block: 'nearest' });
    }
    await this.host.updateComplete;
    for (let attempt = 0; attempt < 20 && !row; attempt++) {
      // The virtualizer renders the row once it has laid out the new position. A timer, not a
      // frame: hidden pages get no frames, and the row is rendered without one.
      await new Promise((resolve) => setTimeout(resolve, 16));
      row = this.rowElement(this.activeIndex);
    }
    row = this.rowElement(this.activeIndex);
    row?.focus({ preventScroll: true });
  }

  /** Keydown on a row's main button. */
  readonly onRowKeydown = (event: KeyboardEvent): void => {
    const index = this.activeIndex;
    const page = Math.max(1, Math.floor((this.host.listElement?.clientHeight ?? 0) / 80));
    let target: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        target = index + 1;
        break;
      case 'ArrowUp':
        target = index - 1;
        break;
      case 'Home':
        target = 0;
        break;
      case 'End':
        target = this.actions.count() - 1;
        break;
      case 'PageDown':
        target = index + page;
        break;
      case 'PageUp':
        target = index - page;
        break;
      case 'Enter':
        event.preventDefault();
        this.actions.open(index);
        return;
      case ' ':
        event.preventDefault();
        this.actions.toggleSelection(index);
        return;
      default:
        return;
    }
    event.preventDefault();
    void this.focusRow(target);
  };

  private readonly onDocumentKeydown = (event: KeyboardEvent): void => {
    if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const path = event.composedPath();
    if (isTypingTarget(path[0] ?? null)) return;
    // Only when focus is in this widget, or nowhere in particular: the page may hold other widgets.
    const active = document.activeElement;
    if (active !== null && active !== document.body && active !== this.host && !this.host.contains(active)) return;
    const field = this.host.searchField;
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.select();
  };

  private rowElement(index: number): HTMLElement | null {
    return this.host.listElement?.querySelector<HTMLElement>(`[data-index="${index}"] .row-open`) ?? null;
  }

  private isVisible(row: HTMLElement): boolean {
    const list = this.host.listElement;
    if (!list) return false;
    const rowBox = row.getBoundingClientRect();
    const listBox = list.getBoundingClientRect();
    return rowBox.top >= listBox.top && rowBox.bottom <= listBox.bottom;
  }
}
