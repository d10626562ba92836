import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The keys of a navigation, as the key functions read them. */
export type NavigationKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** What one group of items with a single Tab stop needs from its element. */
export interface RovingFocusOptions {
  /** Where a key leads from the item `from`; undefined for keys the group leaves alone. */
  target(from: string, event: NavigationKey): string | undefined;
  /**
   * Keeps the active item where the element keeps it (the agenda's focused day, the
   * list's active row); by default the controller keeps it.
   */
  active?: { get(): string | undefined; set(key: string): void };
  /** Puts focus on an item once rendered (a virtualized list renders it first); default: its `data-roving-key` element. */
  focusItem?(key: string): Promise<void> | void;
  /** Enter or Space (or `activateKeys`) on the item itself, not on a control inside it. */
  activate?(key: string, event: KeyboardEvent): void;
  /** The keys that activate an item; Enter and Space by default. */
  activateKeys?: readonly string[];
}

/** The item elements carry `data-roving-key`; the group listens on their container. */
export const ROVING_KEY_ATTRIBUTE = 'data-roving-key';

function itemOf(event: Event): HTMLElement | undefined {
  return event
    .composedPath()
    .find((node): node is HTMLElement => node instanceof HTMLElement && node.hasAttribute(ROVING_KEY_ATTRIBUTE));
}

/**
 * Roving tabindex over one group of items (in the spirit of Spectrum's
 * FocusGroupController): one item is in the tab order; keys chosen by the
 * element move the active item; focus follows once the element has rendered
 * it; focus landing on an item (click, Tab) makes it active. Templates mark
 * items with `data-roving-key` and `tabindex=${roving.tabIndexFor(key)}`, and
 * bind `onKeydown` / `onFocusin` on the container.
 */
export class RovingFocusController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: RovingFocusOptions;
  private ownActive: string | undefined;
  private focusPending: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: RovingFocusOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** The item in the tab order. */
  get activeKey(): string | undefined {
    return this.options.active ? this.options.active.get() : this.ownActive;
  }

  /** 0 for the active item, -1 for the others. */
  tabIndexFor(key: string): 0 | -1 {
    return key === this.activeKey ? 0 : -1;
  }

  /** Makes `key` the active item without moving focus (e.g. the group's content changed). */
  setActive(key: string): void {
    if (key === this.activeKey) return;
    if (this.options.active) this.options.active.set(key);
    else this.ownActive = key;
    this.host.requestUpdate();
  }

  /** Makes `key` active and moves focus to it once rendered. */
  moveTo(key: string): void {
    this.setActive(key);
    this.focusPending = key;
    this.host.requestUpdate();
  }

  /** Puts focus on the active item now (after a navigation started elsewhere, e.g. « Aujourd'hui »). */
  focusActive(): Promise<void> | void {
    const key = this.activeKey;
    if (key !== undefined) return this.focusKey(key);
  }

  hostUpdated(): void {
    const key = this.focusPending;
    if (key === undefined) return;
    this.focusPending = undefined;
    // After the update: focusing may make the element update again.
    void this.host.updateComplete.then(() => this.focusKey(key));
  }

  private focusKey(key: string): Promise<void> | void {
    if (this.options.focusItem) return this.options.focusItem(key);
    const escaped = CSS.escape(key);
    this.host.shadowRoot?.querySelector<HTMLElement>(`[${ROVING_KEY_ATTRIBUTE}="${escaped}"]`)?.focus();
  }

  /** Keydown on the container (one listener for every item). */
  readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey) return;
    const item = itemOf(event);
    const from = item?.getAttribute(ROVING_KEY_ATTRIBUTE);
    if (!item || from === null || from === undefined) return;
    if ((this.options.activateKeys ?? ['Enter', ' ']).includes(event.key) && this.options.activate) {
      if (event.composedPath()[0] !== item) return;
      event.preventDefault();
      this.options.activate(from, event);
      return;
    }
    const target = this.options.target(from, event);
    if (target === undefined) return;
    event.preventDefault();
    if (target === from) return;
    this.moveTo(target);
  };

  /** Focus landing on an item (click, Tab, a control inside it) makes it the active one. */
  readonly onFocusin = (event: FocusEvent): void => {
    const key = itemOf(event)?.getAttribute(ROVING_KEY_ATTRIBUTE);
    if (key === null || key === undefined || key === this.activeKey) return;
    // Focus may move while the element finishes an update: render the new tab stop after it.
    queueMicrotask(() => this.setActive(key));
  };
}

/** Where a key leads in a list of `count` items from `index` (Up/Down, Home/End, Page Up/Down by `page`). */
export function listTarget(index: number, count: number, event: NavigationKey, page = 10): number | undefined {
  if (count === 0) return undefined;
  let target: number;
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
      target = count - 1;
      break;
    case 'PageDown':
      target = index + page;
      break;
    case 'PageUp':
      target = index - page;
      break;
    default:
      return undefined;
  }
  return Math.min(Math.max(target, 0), count - 1);
}
