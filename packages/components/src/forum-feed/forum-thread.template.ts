import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { ForumPost, ForumThread } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import { renderErrorState, renderLoadingState } from '../shared/states.js';
import type { FeedFocus } from './feed-focus.js';
import { domId } from './forum-thread-list.template.js';
import { renderRelativeTime } from './forum-time.js';
import { postExcerpt, renderPostBody } from './post-body.js';

/** One of the patient's posts being edited, with the draft kept across failures. */
export interface PostEdit {
  postId: string;
  draft: string;
  /** Why the last save failed, if it did. */
  message?: string;
  saving: boolean;
}

/** What the thread view shows and what it can ask for. */
export interface ThreadView {
  /** The thread, known from the list before its posts arrive. */
  thread: ForumThread | undefined;
  posts: readonly ForumPost[] | undefined;
  loading: boolean;
  errorMessage: string | undefined;
  locale: CarnetLocale;
  now: Date;
  edit: PostEdit | undefined;
  replyTo: ForumPost | undefined;
  replyDraft: string;
  replyMessage: string | undefined;
  publishing: boolean;
  pseudonym: string | undefined;
  /** The posts feed's roving focus. */
  focus: FeedFocus;
  onBack: () => void;
  /** « Répondre » at the top: straight to the reply field, past every post. */
  onGoToReply: () => void;
  onRetry: () => void;
  onReplyTo: (post: ForumPost) => void;
  onCancelReplyTo: () => void;
  onReplyInput: (value: string) => void;
  onReplySubmit: (event: SubmitEvent) => void;
  onEdit: (post: ForumPost) => void;
  onEditInput: (value: string) => void;
  onEditSave: (event: SubmitEvent, post: ForumPost) => void;
  onEditCancel: () => void;
  onDelete: (post: ForumPost) => void;
  onReport: (post: ForumPost) => void;
}

function renderReplyContext(view: ThreadView, post: ForumPost): TemplateResult | typeof nothing {
  if (post.replyTo === undefined) return nothing;
  const target = view.posts?.find((candidate) => candidate.id === post.replyTo);
  if (!target)
    return html`<p class="reply-context" part="reply-context">${msg('En réponse à un message supprimé')}</p>`;
  return html`<p class="reply-context" part="reply-context">
    ${msg(str`En réponse à ${target.authorPseudonym}`)}${
      target.moderation === 'visible' ? html` : <q>${postExcerpt(target.body)}</q>` : nothing
    }
  </p>`;
}

function renderEditForm(view: ThreadView, post: ForumPost, edit: PostEdit): TemplateResult {
  const fieldId = domId('edit', post.id);
  const messageId = domId('edit-message', post.id);
  return html`<form class="compose" part="edit-form" @submit=${(event: SubmitEvent) => view.onEditSave(event, post)}>
    <label for=${fieldId}>${msg('Modifier votre message')}</label>
    <textarea
      id=${fieldId}
      rows="5"
      maxlength="10000"
      required
      aria-describedby=${edit.message ? messageId : nothing}
      .value=${live(edit.draft)}
      @input=${(event: InputEvent) => view.onEditInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${edit.message ? html`<p class="form-error" id=${messageId} role="alert">${edit.message}</p>` : nothing}
    <div class="form-actions">
      <button type="submit" class="primary-button touch-target" aria-disabled=${edit.saving ? 'true' : 'false'}>
        ${msg('Enregistrer')}
      </button>
      <button type="button" class="secondary-button touch-target" @click=${view.onEditCancel}>${msg('Annuler')}</button>
    </div>
  </form>`;
}

function renderPostActions(view: ThreadView, post: ForumPost): TemplateResult | typeof nothing {
  if (post.moderation === 'hidden') return nothing;
  const whose = html`<span class="visually-hidden"> ${msg(str`le message de ${post.authorPseudonym}`)}</span>`;
  return html`<div class="post-actions" part="post-actions">
    <button type="button" class="link-button touch-target" data-action="reply" @click=${() => view.onReplyTo(post)}>
      ${msg('Répondre')}${whose}
    </button>
    ${
      post.own
        ? html`<button
              type="button"
              class="link-button touch-target"
              data-action="edit"
              @click=${() => view.onEdit(post)}
            >
              ${msg('Modifier')}<span class="visually-hidden"> ${msg('votre message')}</span>
            </button>
            <button
              type="button"
              class="link-button touch-target"
              data-action="delete"
              @click=${() => view.onDelete(post)}
            >
              ${msg('Supprimer')}<span class="visually-hidden"> ${msg('votre message')}</span>
            </button>`
        : html`<button
            type="button"
            class="link-button touch-target"
            data-action="report"
            @click=${() => view.onReport(post)}
          >
            ${msg('Signaler')}${whose}
          </button>`
    }
  </div>`;
}

function renderPost(view: ThreadView, post: ForumPost, index: number, total: number): TemplateResult {
  const authorId = domId('author', post.id);
  const timeId = domId('time', post.id);
  const editing = view.edit?.postId === post.id ? view.edit : undefined;
  return html`<article
    class="post ${post.moderation === 'hidden' ? 'post--hidden' : ''}"
    part="post"
    id=${domId('post', post.id)}
    data-post-id=${post.id}
    data-roving-key=${post.id}
    tabindex=${view.focus.tabIndexFor(post.id)}
    aria-posinset=${index + 1}
    aria-setsize=${total}
    aria-labelledby="${authorId} ${timeId}"
  >
    <header class="post-header" part="post-header">
      <span class="author" id=${authorId}
        >${post.authorPseudonym}${post.own ? html` <span class="own">${msg('(vous)')}</span>` : nothing}</span
      >
      ${renderRelativeTime(post.createdAt, view.now, view.locale, timeId)}
      ${post.editedAt ? html`<span class="edited">${msg('(modifié)')}</span>` : nothing}
    </header>
    ${renderReplyContext(view, post)}
    ${
      post.moderation === 'hidden'
        ? html`<p class="hidden-placeholder" part="hidden-placeholder">
            ${msg('Ce message a été masqué par la modération')}
            ${
              post.own && post.moderationReason
                ? html`<br /><span class="moderation-reason">${msg(str`Motif : ${post.moderationReason}`)}</span>`
                : nothing
            }
          </p>`
        : editing
          ? renderEditForm(view, post, editing)
          : html`<div class="post-body" part="post-body">${renderPostBody(post.body)}</div>`
    }
    ${editing ? nothing : renderPostActions(view, post)}
  </article>`;
}

function renderReplyForm(view: ThreadView): TemplateResult {
  return html`<form class="compose" part="reply-form" @submit=${view.onReplySubmit}>
    <label for="reply-body">${msg('Votre réponse')}</label>
    ${
      view.replyTo
        ? html`<p class="replying-to">
            ${msg(str`En réponse à ${view.replyTo.authorPseudonym}`)}
            <button type="button" class="link-button touch-target" @click=${view.onCancelReplyTo}>
              ${msg('Ne plus citer')}
            </button>
          </p>`
        : nothing
    }
    <textarea
      id="reply-body"
      rows="4"
      maxlength="10000"
      required
      aria-describedby="reply-hint"
      .value=${live(view.replyDraft)}
      @input=${(event: InputEvent) => view.onReplyInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p class="hint" id="reply-hint">
      ${
        view.pseudonym
          ? msg(str`Vous publiez sous le pseudonyme ${view.pseudonym}.`)
          : msg('Vous choisirez un pseudonyme avant de publier : votre nom n’apparaît jamais.')
      }
      ${msg('Mise en forme possible : *italique*, **gras**, listes et liens.')}
    </p>
    ${view.replyMessage ? html`<p class="form-error" role="alert">${view.replyMessage}</p>` : nothing}
    <button type="submit" class="primary-button touch-target" aria-disabled=${view.publishing ? 'true' : 'false'}>
      ${msg('Publier la réponse')}
    </button>
  </form>`;
}

/** One discussion: its title, its posts as an ARIA feed, and the reply form. */
export function renderThreadView(view: ThreadView): TemplateResult {
  const posts = view.posts;
  return html`<div class="thread-view" part="thread-view">
    <button type="button" class="back-button touch-target" part="back" @click=${view.onBack}>
      <span aria-hidden="true">←</span> ${msg('Toutes les discussions')}
    </button>
    <h2 class="heading" id="thread-heading" tabindex="-1">${view.thread?.title ?? msg('Discussion')}</h2>
    ${
      posts && !view.loading && !view.errorMessage
        ? html`<button type="button" class="link-button touch-target" part="go-to-reply" @click=${view.onGoToReply}>
            ${msg('Répondre à la discussion')}
          </button>`
        : nothing
    }
    ${
      view.errorMessage
        ? renderErrorState({ message: view.errorMessage, onRetry: view.onRetry })
        : html`${view.loading ? renderLoadingState({ label: msg('Chargement des messages…') }) : nothing}
            <div
              class="feed"
              part="post-list"
              role="feed"
              aria-labelledby="thread-heading"
              aria-busy=${view.loading ? 'true' : 'false'}
              @keydown=${view.focus.onKeydown}
              @focusin=${view.focus.onFocusin}
            >
              ${
                posts
                  ? repeat(
                      posts,
                      (post) => post.id,
                      (post, index) => renderPost(view, post, index, posts.length),
                    )
                  : nothing
              }
            </div>
            ${posts && !view.loading ? renderReplyForm(view) : nothing}`
    }
  </div>`;
}
