/**
 * Keyboard reading order of an ARIA feed (https://www.w3.org/WAI/ARIA/apg/patterns/feed/):
 * Page Down / Page Up move focus to the next / previous article, Control+End and
 * Control+Home leave the feed after / before it. Attach `onFeedKeydown` to the
 * `role="feed"` element, whose direct children are the articles.
 */

function articlesOf(feed: Element): HTMLElement[] {
  return [...feed.children].filter(
    (child): child is HTMLElement => child instanceof HTMLElement && child.localName === 'article',
  );
}

// The article holding the focus: found through the event path, since it may sit in a shadow root.
function currentArticle(event: KeyboardEvent, feed: Element): HTMLElement | undefined {
  for (const target of event.composedPath()) {
    if (target === feed) return undefined;
    if (target instanceof HTMLElement && target.localName === 'article' && target.parentElement === feed) return target;
  }
  return undefined;
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

/** Moves focus between the articles of the feed that received `event`. */
export function onFeedKeydown(event: KeyboardEvent): void {
  const feed = event.currentTarget;
  if (!(feed instanceof HTMLElement)) return;
  if (event.ctrlKey && (event.key === 'End' || event.key === 'Home')) {
    event.preventDefault();
    focusOutside(feed, event.key === 'End');
    return;
  }
  if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
  const articles = articlesOf(feed);
  const current = currentArticle(event, feed);
  if (!current || articles.length === 0) return;
  const index = articles.indexOf(current);
  const next = articles[event.key === 'PageDown' ? index + 1 : index - 1];
  event.preventDefault();
  if (!next) return;
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
}
