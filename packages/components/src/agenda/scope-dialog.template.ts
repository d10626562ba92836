import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { AgendaChangeScope } from '../events/carnet-event-change.js';
import { scopeLabel } from './agenda-labels.js';

/** What the « which occurrences? » dialog needs. */
export interface ScopeDialogOptions {
  request?: { action: 'save' | 'delete'; recurring: boolean };
  /** One listener for the answer buttons (`data-scope`). */
  onChoose(event: MouseEvent): void;
  onCancel(): void;
}

const SCOPES: readonly AgendaChangeScope[] = ['this', 'following', 'all'];

/**
 * Asks which occurrences of a recurring event a save or delete applies to
 * (« Cette occurrence / Cette occurrence et les suivantes / Toutes »), or
 * confirms deleting a single event. When deleting, « Annuler » holds focus first: every
 * other choice deletes, and a key pressed twice (a tremor) must never destroy.
 */
export function renderScopeDialog({ request, onChoose, onCancel }: ScopeDialogOptions): TemplateResult {
  const title = !request
    ? ''
    : request.action === 'save'
      ? msg('Modifier un événement qui se répète')
      : request.recurring
        ? msg('Supprimer un événement qui se répète')
        : msg('Supprimer cet événement ?');
  return html`<dialog class="dialog dialog--scope" part="scope-dialog" aria-labelledby="scope-title">
    ${
      request
        ? html`<h2 class="dialog-title" id="scope-title">${title}</h2>
            ${
              request.recurring
                ? html`<p id="scope-question">${msg('Quelles occurrences ?')}</p>`
                : html`<p id="scope-question">${msg('Cet événement sera retiré de votre agenda.')}</p>`
            }
            <div class="scope-choices" role="group" aria-labelledby="scope-question" @click=${onChoose}>
              ${
                request.recurring
                  ? SCOPES.map(
                      (scope) =>
                        html`<button
                          type="button"
                          class="action touch-target"
                          part="scope-${scope}"
                          data-scope=${scope}
                          ?autofocus=${request.action === 'save' && scope === 'this'}
                        >
                          ${scopeLabel(scope)}
                        </button>`,
                    )
                  : html`<button
                      type="button"
                      class="action action--danger touch-target"
                      part="scope-all"
                      data-scope="all"
                    >
                      ${msg('Supprimer')}
                    </button>`
              }
            </div>
            <div class="dialog-actions">
              <button
                type="button"
                class="action touch-target"
                ?autofocus=${request.action === 'delete'}
                @click=${onCancel}
              >
                ${msg('Annuler')}
              </button>
            </div>`
        : nothing
    }
  </dialog>`;
}
