/**
 * Keyboard reading order of an ARIA feed (https://www.w3.org/WAI/ARIA/apg/patterns/feed/)
 * on the shared roving focus: Page Down / Page Up move to the next / previous article,
 * Control+End and Control+Home leave the feed after / before it; Tab goes through the
 * controls of the articles.
 */
import type { ReactiveControllerHost } from 'lit';
import { RovingFocusController } from '../shared/roving-focus.controller.js';

/** What a feed template binds: the tab stop of each article and the feed's listeners. */
export interface FeedFocus {
  tabIndexFor(id: string): 0 | -1;
  onKeydown(event: KeyboardEvent): void;
  onFocusin(event: FocusEvent): void;
}

/** First focusable element after (`forward`) or before the feed, within its root. */
function focusOutside(feed: HTMLElement, forward: boolean): void {
  const root = feed.getRootNode() as Document | ShadowRoot;
  const focusable = [
    ...root.querySelectorAll<HTMLElement>('button, a[href], input, textarea, select, [tabindex="0"]'),
  ].filter((element) => !feed.contains(element) && !element.hasAttribute('disabled'));
  const position = (element: HTMLElement): number => feed.compareDocumentPosition(element);
  const target = forward
    ? focusable.find((element) => position(element) & Node.DOCUMENT_POSITION_FOLLOWING)
    : focusable.reverse().find((element) => position(element) & Node.DOCUMENT_POSITION_PRECEDING);
  target?.focus();
}

/**
 * The roving focus of one feed whose articles have the ids `ids()` (in order) and
 * carry `data-roving-key`; `open` is Enter on an article itself.
 */
export function feedFocus(
  host: ReactiveControllerHost & HTMLElement,
  ids: () => readonly string[],
  open?: (id: string) => void,
): FeedFocus {
  const roving = new RovingFocusController(host, {
    target: (from, event) => {
      if (event.key !== 'PageDown' && event.key !== 'PageUp') return undefined;
      const list = ids();
      const index = list.indexOf(from);
      return list[event.key === 'PageDown' ? index + 1 : index - 1] ?? from;
    },
    activateKeys: open ? ['Enter'] : [],
    activate: (id) => open?.(id),
    focusItem: (id) => {
      const article = host.shadowRoot?.querySelector<HTMLElement>(`[data-roving-key="${CSS.escape(id)}"]`);
      article?.focus();
      article?.scrollIntoView({ block: 'nearest' });
    },
  });
  return {
    // A feed's articles are reached with Page Down / Page Up, not Tab: Tab goes through
    // the controls inside them (APG feed pattern), so no article joins the tab order.
    tabIndexFor: () => -1,
    onKeydown: (event) => {
      const feed = event.currentTarget;
      if (event.ctrlKey && (event.key === 'End' || event.key === 'Home') && feed instanceof HTMLElement) {
        event.preventDefault();
        focusOutside(feed, event.key === 'End');
        return;
      }
      roving.onKeydown(event);
    },
    onFocusin: roving.onFocusin,
  };
}
