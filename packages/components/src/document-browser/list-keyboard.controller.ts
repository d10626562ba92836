import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { RovingFocusController, listTarget } from '../shared/roving-focus.controller.js';

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
 * The keyboard of a virtualized list: the shared roving focus (one row in the tab
 * order; arrows, Home, End, Page Up/Down move it, Enter opens, Space selects),
 * with rows scrolled into view and rendered before they take focus. Also `/` to search.
 */
export class ListKeyboardController implements ReactiveController {
  #activeIndex = 0;

  private readonly host: ListKeyboardHost;
  private readonly actions: ListKeyboardActions;
  private readonly roving: RovingFocusController;

  constructor(host: ListKeyboardHost, actions: ListKeyboardActions) {
    this.host = host;
    this.actions = actions;
    host.addController(this);
    this.roving = new RovingFocusController(host, {
      target: (from, event) => {
        const page = Math.max(1, Math.floor((this.host.listElement?.clientHeight ?? 0) / 80));
        const index = listTarget(Number(from), this.actions.count(), event, page);
        return index === undefined ? undefined : String(index);
      },
      active: { get: () => String(this.#activeIndex), set: (key) => this.activate(Number(key)) },
      focusItem: (key) => this.focusRow(Number(key)),
      activate: (key, event) => {
        if (event.key === 'Enter') this.actions.open(Number(key));
        else this.actions.toggleSelection(Number(key));
      },
    });
  }

  /** Index of the row in the tab order. */
  get activeIndex(): number {
    return this.#activeIndex;
  }

  /** Back to the first row (the results changed). */
  reset(): void {
    this.#activeIndex = 0;
  }

  /** Keydown on the list (rows' main buttons carry `data-roving-key`). */
  get onKeydown(): (event: KeyboardEvent) => void {
    return this.roving.onKeydown;
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
    if (this.#activeIndex >= count) this.#activeIndex = Math.max(0, count - 1);
  }

  /** Makes `index` the active row (clicks, focus from Tab). */
  activate(index: number): void {
    if (index === this.#activeIndex) return;
    this.#activeIndex = index;
    this.host.requestUpdate();
  }

  /** Moves focus to row `index`, scrolling it into view and rendering it if needed. */
  async focusRow(index: number): Promise<void> {
    const count = this.actions.count();
    if (count === 0) return;
    this.#activeIndex = Math.min(Math.max(index, 0), count - 1);
    this.host.requestUpdate();
    const list = this.host.listElement;
    let row = this.rowElement(this.activeIndex);
    if (!row || !this.isVisible(row)) {
      const virtualizer = list?.[virtualizerRef];
      if (virtualizer) virtualizer.element(this.activeIndex)?.scrollIntoView({ block: 'nearest' });
      else row?.scrollIntoView({ block: 'nearest' });
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

  private readonly onDocumentKeydown = (event: KeyboardEvent): void => {
    if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const path = event.composedPath();
    if (isTypingTarget(path[0] ?? null)) return;
    // Only when focus is in this widget: a one-key shortcut firing from anywhere on the page
    // takes a key from the page and other widgets (WCAG 2.1.4).
    const active = document.activeElement;
    if (active === null || (active !== this.host && !this.host.contains(active))) return;
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
