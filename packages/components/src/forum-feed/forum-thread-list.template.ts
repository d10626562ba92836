import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { ForumThread } from '@carnet/catalog-sdk';
import { formatCount } from '../shared/format.js';
import type { CarnetLocale } from '../shared/localization.js';
import type { FeedFocus } from './feed-focus.js';
import { replyCountLabel } from './forum-labels.js';
import { renderRelativeTime } from './forum-time.js';

/** A data id made safe for `id`/`aria-labelledby` attributes inside the shadow root. */
export function domId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** What the thread list shows and what it can ask for. */
export interface ThreadListView {
  threads: readonly ForumThread[];
  /** Threads in the community across every page. */
  total: number;
  /** True while a further page loads. */
  loadingMore: boolean;
  hasMore: boolean;
  /** Sentence of the last "load more" failure. */
  moreError: string | undefined;
  /** Id of the heading that names the feed. */
  labelledBy: string;
  locale: CarnetLocale;
  now: Date;
  /** The feed's roving focus (Enter on an article opens it). */
  focus: FeedFocus;
  onOpen: (thread: ForumThread) => void;
  onLoadMore: () => void;
}

function renderThread(view: ThreadListView, thread: ForumThread, index: number): TemplateResult {
  const titleId = domId('thread-title', thread.id);
  const metaId = domId('thread-meta', thread.id);
  return html`<article
    class="thread ${thread.unread ? 'thread--unread' : ''}"
    part="thread"
    tabindex=${view.focus.tabIndexFor(thread.id)}
    data-roving-key=${thread.id}
    data-thread-id=${thread.id}
    aria-posinset=${index + 1}
    aria-setsize=${view.total}
    aria-labelledby="${titleId} ${metaId}"
  >
    <h3 class="thread-title" id=${titleId}>
      <button
        type="button"
        class="thread-open touch-target"
        part="thread-open"
        data-thread-id=${thread.id}
        @click=${() => view.onOpen(thread)}
      >
        ${thread.title}
      </button>
    </h3>
    <p class="thread-meta" id=${metaId}>
      ${thread.unread ? html`<span class="unread-badge" part="unread">${msg('Nouveau')}</span>` : nothing}
      <span>${msg(str`par ${thread.authorPseudonym}`)}</span>
      <span aria-hidden="true">·</span>
      <span>${renderRelativeTime(thread.lastActivityAt, view.now, view.locale)}</span>
      <span aria-hidden="true">·</span>
      <span>${replyCountLabel(thread.replyCount, formatCount(thread.replyCount, view.locale))}</span>
    </p>
  </article>`;
}

/** The community's threads as an ARIA feed, with a button for the next page. */
export function renderThreadList(view: ThreadListView): TemplateResult {
  return html`<div
      class="feed"
      part="thread-list"
      role="feed"
      aria-labelledby=${view.labelledBy}
      aria-busy=${view.loadingMore ? 'true' : 'false'}
      @keydown=${view.focus.onKeydown}
      @focusin=${view.focus.onFocusin}
    >
      ${repeat(
        view.threads,
        (thread) => thread.id,
        (thread, index) => renderThread(view, thread, index),
      )}
    </div>
    ${view.moreError ? html`<p class="form-error" role="alert">${view.moreError}</p>` : nothing}
    ${
      view.hasMore
        ? html`<button
            type="button"
            class="secondary-button touch-target"
            part="load-more"
            aria-disabled=${view.loadingMore ? 'true' : 'false'}
            @click=${() => {
              if (!view.loadingMore) view.onLoadMore();
            }}
          >
            ${view.loadingMore ? msg('Chargement…') : msg('Voir plus de discussions')}
          </button>`
        : nothing
    }`;
}
