import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { ModerationRecord, ReportedPost } from '@carnet/catalog-sdk';
import { renderEmptyState } from '../shared/states.js';
import { communityLabel } from '../forum-feed/forum-labels.js';
import type { ModerationData, PendingAction } from './moderation.controller.js';
import {
  confirmDescription,
  confirmLabel,
  confirmTitle,
  reasonCountLabel,
  recordLabel,
  reporterCountLabel,
} from './moderation-labels.js';

/** What the moderation templates read, and the handlers they call. */
export interface ModerationView {
  data: ModerationData;
  pending: PendingAction | undefined;
  busy: boolean;
  refreshing: boolean;
  /** Why the last confirmed action failed, in words. */
  actionMessage: string | undefined;
  reasonMissing: boolean;
  formatInstant(instant: string): string;
  onChoose(event: Event): void;
  onAsk(action: PendingAction): void;
  onConfirm(event: SubmitEvent): void;
  onCancel(): void;
  onRefresh(): void;
}

function renderCommunityBar(view: ModerationView): TemplateResult {
  const { communities, community } = view.data;
  return html`<div class="toolbar" part="toolbar">
    ${
      communities.length > 1
        ? html`<label class="community-choice">
            <span>${msg('Communauté')}</span>
            <select part="community-select" @change=${view.onChoose}>
              ${communities.map(
                (each) =>
                  html`<option value=${each.id} ?selected=${each.id === community?.id}>
                    ${communityLabel(each.community)}
                  </option>`,
              )}
            </select>
          </label>`
        : html`<p class="community-name">
            ${community ? msg(str`Communauté : ${communityLabel(community.community)}`) : nothing}
          </p>`
    }
    <button
      type="button"
      class="secondary-button touch-target"
      part="refresh"
      aria-disabled=${view.refreshing ? 'true' : 'false'}
      @click=${view.onRefresh}
    >
      ${view.refreshing ? msg('Actualisation…') : msg('Actualiser')}
    </button>
  </div>`;
}

function renderItem(view: ModerationView, item: ReportedPost): TemplateResult {
  const { post } = item;
  const hidden = post.moderation === 'hidden';
  const headingId = `report-${post.id}`;
  return html`<li>
    <article class="report ${hidden ? 'report--hidden' : ''}" part="report" aria-labelledby=${headingId}>
      <h4 class="report-title" id=${headingId}>
        ${msg(str`Message de ${post.authorPseudonym}`)}
        ${item.authorSuspended ? html`<span class="badge" part="suspended-badge">${msg('suspendu')}</span>` : nothing}
      </h4>
      <p class="report-meta">
        ${item.threadTitle ? html`<span>${msg(str`Discussion « ${item.threadTitle} »`)}</span> · ` : nothing}
        <time datetime=${post.createdAt}>${view.formatInstant(post.createdAt)}</time>
      </p>
      <blockquote class="post-body" part="post-body">${post.body}</blockquote>
      <p class="report-count" part="report-count">${reporterCountLabel(item.reporterCount)}</p>
      ${
        item.reasons.length > 0
          ? html`<ul class="reasons" part="reasons" aria-label=${msg('Raisons des signalements')}>
              ${item.reasons.map((reason) => html`<li>${reasonCountLabel(reason)}</li>`)}
            </ul>`
          : nothing
      }
      ${
        item.comments.length > 0
          ? html`<ul class="comments" aria-label=${msg('Précisions des personnes qui ont signalé')}>
              ${item.comments.map((comment) => html`<li>« ${comment} »</li>`)}
            </ul>`
          : nothing
      }
      ${
        hidden
          ? html`<p class="hidden-state" part="hidden-state">
              ${msg('Masqué.')}
              ${post.moderationReason ? msg(str`Raison montrée à l’auteur : « ${post.moderationReason} »`) : nothing}
            </p>`
          : nothing
      }
      <div class="actions">
        ${
          hidden
            ? html`<button
                type="button"
                class="secondary-button touch-target"
                part="restore"
                aria-describedby=${headingId}
                @click=${() => view.onAsk({ action: 'restore', item, pseudonym: post.authorPseudonym })}
              >
                ${msg('Rétablir le message')}
              </button>`
            : html`<button
                type="button"
                class="danger-button touch-target"
                part="hide"
                aria-describedby=${headingId}
                @click=${() => view.onAsk({ action: 'hide', item, pseudonym: post.authorPseudonym })}
              >
                ${msg('Masquer le message')}
              </button>`
        }
        ${
          item.authorSuspended
            ? html`<button
                type="button"
                class="secondary-button touch-target"
                part="unsuspend"
                @click=${() => view.onAsk({ action: 'unsuspend', pseudonym: post.authorPseudonym })}
              >
                ${msg(str`Lever la suspension de ${post.authorPseudonym}`)}
              </button>`
            : html`<button
                type="button"
                class="secondary-button touch-target"
                part="suspend"
                @click=${() => view.onAsk({ action: 'suspend', pseudonym: post.authorPseudonym })}
              >
                ${msg(str`Suspendre ${post.authorPseudonym}`)}
              </button>`
        }
      </div>
    </article>
  </li>`;
}

function renderSection(
  view: ModerationView,
  id: string,
  title: string,
  items: readonly ReportedPost[],
  empty: string,
): TemplateResult {
  return html`<section class="queue-section" aria-labelledby=${id}>
    <h3 id=${id} class="section-title" tabindex="-1">${title}</h3>
    ${
      items.length === 0
        ? html`<p class="section-empty">${empty}</p>`
        : html`<ul class="queue" part="queue">
            ${repeat(
              items,
              (item) => item.post.id,
              (item) => renderItem(view, item),
            )}
          </ul>`
    }
  </section>`;
}

function renderSuspensions(view: ModerationView): TemplateResult | typeof nothing {
  const suspended = view.data.community?.suspendedPseudonyms ?? [];
  if (suspended.length === 0) return nothing;
  return html`<section class="queue-section" aria-labelledby="suspended-title" part="suspensions">
    <h3 id="suspended-title" class="section-title">${msg('Pseudonymes suspendus')}</h3>
    <ul class="suspensions">
      ${suspended.map(
        (pseudonym) =>
          html`<li>
            <span>${pseudonym}</span>
            <button
              type="button"
              class="secondary-button touch-target"
              part="unsuspend"
              @click=${() => view.onAsk({ action: 'unsuspend', pseudonym })}
            >
              ${msg(str`Lever la suspension de ${pseudonym}`)}
            </button>
          </li>`,
      )}
    </ul>
  </section>`;
}

function renderRecord(view: ModerationView, record: ModerationRecord): TemplateResult {
  return html`<li>
    <time datetime=${record.at}>${view.formatInstant(record.at)}</time> —
    ${recordLabel(record)}${record.reason ? html` — « ${record.reason} »` : nothing}
  </li>`;
}

function renderTrail(view: ModerationView): TemplateResult | typeof nothing {
  const { actions } = view.data;
  if (actions.length === 0) return nothing;
  return html`<details class="trail" part="trail">
    <summary>${msg(str`Journal de modération (${actions.length})`)}</summary>
    <ol>
      ${actions.slice(0, 50).map((record) => renderRecord(view, record))}
    </ol>
  </details>`;
}

/** The queue of the chosen community: waiting posts, hidden posts, suspensions and the trail. */
export function renderModeration(view: ModerationView): TemplateResult {
  const { data } = view;
  if (!data.community)
    return renderEmptyState({
      title: msg('Ce compte ne modère aucune communauté'),
      description: msg('Connectez-vous avec le compte de modération de votre association.'),
    });
  const waiting = data.reports.filter((item) => item.post.moderation === 'visible');
  const hidden = data.reports.filter((item) => item.post.moderation === 'hidden');
  return html`${renderCommunityBar(view)}
  ${renderSection(
    view,
    'waiting-title',
    msg(str`À examiner (${waiting.length})`),
    waiting,
    msg('Aucun message signalé en attente. Merci pour votre vigilance.'),
  )}
  ${renderSection(view, 'hidden-title', msg(str`Masqués (${hidden.length})`), hidden, msg('Aucun message masqué.'))}
  ${renderSuspensions(view)} ${renderTrail(view)}`;
}

/** The confirmation of an action: the safe choice (« Annuler ») holds focus first. */
export function renderConfirmDialog(view: ModerationView): TemplateResult {
  const pending = view.pending;
  const needsReason = pending?.action === 'hide';
  const mayGiveReason = pending?.action === 'restore' || pending?.action === 'suspend';
  return html`<dialog
    id="confirm-dialog"
    class="dialog"
    part="confirm-dialog"
    role="alertdialog"
    aria-labelledby="confirm-title"
    aria-describedby="confirm-description"
  >
    ${
      pending
        ? html`<form class="dialog-form" novalidate @submit=${view.onConfirm}>
            <h2 id="confirm-title" class="dialog-title">${confirmTitle(pending)}</h2>
            <p id="confirm-description">${confirmDescription(pending)}</p>
            ${pending.item ? html`<blockquote class="post-body">${pending.item.post.body}</blockquote>` : nothing}
            ${
              needsReason || mayGiveReason
                ? html`<label for="confirm-reason">
                      ${needsReason ? msg('Raison montrée à l’auteur') : msg('Raison (facultatif)')}
                    </label>
                    <textarea
                      id="confirm-reason"
                      name="reason"
                      rows="3"
                      maxlength="500"
                      ?required=${needsReason}
                      aria-invalid=${view.reasonMissing ? 'true' : 'false'}
                      aria-describedby=${view.reasonMissing ? 'confirm-reason-error' : nothing}
                    ></textarea>
                    ${
                      view.reasonMissing
                        ? html`<p class="form-error" id="confirm-reason-error" role="alert">
                            ${msg('Écrivez la raison que l’auteur lira.')}
                          </p>`
                        : nothing
                    }`
                : nothing
            }
            ${view.actionMessage ? html`<p class="form-error" role="alert">${view.actionMessage}</p>` : nothing}
            <div class="form-actions">
              <button
                type="submit"
                class="${pending.action === 'hide' || pending.action === 'suspend' ? 'danger-button' : 'primary-button'} touch-target"
                data-action="confirm"
                aria-disabled=${view.busy ? 'true' : 'false'}
              >
                ${view.busy ? msg('Enregistrement…') : confirmLabel(pending.action)}
              </button>
              <button
                type="button"
                class="secondary-button touch-target"
                data-action="cancel"
                autofocus
                @click=${view.onCancel}
              >
                ${msg('Annuler')}
              </button>
            </div>
          </form>`
        : html`<h2 id="confirm-title" class="dialog-title">${msg('Confirmer')}</h2>`
    }
  </dialog>`;
}
