import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IsoDate } from '@carnet/catalog-sdk';
import { addDays, addMonths, endOfMonth, startOfMonth, startOfWeek } from './agenda-dates.js';

/** What the month grid's keyboard needs from its element. */
export interface MonthGridKeyboardHost extends ReactiveControllerHost, HTMLElement {
  /** The `role="grid"` element, once rendered. */
  readonly monthGrid: HTMLElement | null | undefined;
}

/** What the keys do, given by the element. */
export interface MonthGridActions {
  /** The day in the tab order (the active cell). */
  activeDay(): IsoDate;
  /** Makes `day` the active cell (the grid follows it to another month). */
  moveTo(day: IsoDate): void;
  /** Enter or Space on a cell: open the day, or create on it when empty. */
  open(day: IsoDate): void;
}

/**
 * Roving tabindex over the month grid (ARIA grid pattern): one cell in the tab
 * order; arrows move by day and week, Home/End to the week's ends, Ctrl+Home/End
 * to the month's, Page Up/Down by month (with Shift by year), Enter or Space opens.
 * Focus follows the active cell once the grid has re-rendered.
 */
export class MonthGridKeyboardController implements ReactiveController {
  private readonly host: MonthGridKeyboardHost;
  private readonly actions: MonthGridActions;
  private focusPending = false;

  constructor(host: MonthGridKeyboardHost, actions: MonthGridActions) {
    this.host = host;
    this.actions = actions;
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    if (!this.focusPending) return;
    this.focusPending = false;
    this.focusActiveCell();
  }

  /** Puts focus on the active cell (after a navigation started elsewhere, e.g. « Aujourd'hui »). */
  focusActiveCell(): void {
    const cell = this.host.monthGrid?.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]');
    cell?.focus();
  }

  /** The day a key leads to from `day`, or undefined for keys the grid ignores. */
  static target(
    day: IsoDate,
    event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
  ): IsoDate | undefined {
    const control = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowLeft':
        return addDays(day, -1);
      case 'ArrowRight':
        return addDays(day, 1);
      case 'ArrowUp':
        return addDays(day, -7);
      case 'ArrowDown':
        return addDays(day, 7);
      case 'Home':
        return control ? startOfMonth(day) : startOfWeek(day);
      case 'End':
        return control ? endOfMonth(day) : addDays(startOfWeek(day), 6);
      case 'PageUp':
        return addMonths(day, event.shiftKey ? -12 : -1);
      case 'PageDown':
        return addMonths(day, event.shiftKey ? 12 : 1);
      default:
        return undefined;
    }
  }

  /** Keydown on the grid (one listener for every cell). */
  readonly onKeydown = (event: KeyboardEvent): void => {
    const cell = (event.target as HTMLElement | null)?.closest<HTMLElement>('[role="gridcell"]');
    if (!cell) return;
    const day = cell.dataset['day'] ?? this.actions.activeDay();
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.actions.open(day);
      return;
    }
    const target = MonthGridKeyboardController.target(day, event);
    if (!target) return;
    event.preventDefault();
    this.focusPending = true;
    this.actions.moveTo(target);
  };

  /** Focus landing on a cell (click, Tab) makes it the active one. */
  readonly onFocusin = (event: FocusEvent): void => {
    const cell = (event.target as HTMLElement | null)?.closest<HTMLElement>('[role="gridcell"]');
    const day = cell?.dataset['day'];
    if (day && day !== this.actions.activeDay()) this.actions.moveTo(day);
  };
}
