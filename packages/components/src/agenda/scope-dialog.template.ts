import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { AgendaChangeScope } from '../events/carnet-event-change.js';
import { scopeLabel } from './agenda-labels.js';

/** What the « which occurrences? » dialog needs. */
export interface ScopeDialogOptions {
  request?: { action: 'save' | 'delete'; recurring: boolean; confirm?: AgendaChangeScope };
  /** Title of the event the question is about. */
  eventTitle: string;
  /** One listener for the answer buttons (`data-scope`). */
  onChoose(event: MouseEvent): void;
  onCancel(): void;
}

const SCOPES: readonly AgendaChangeScope[] = ['this', 'following', 'all'];

function renderQuestion({ request, onChoose, onCancel }: ScopeDialogOptions): TemplateResult | typeof nothing {
  if (!request) return nothing;
  const title =
    request.action === 'save'
      ? msg('Modifier un événement qui se répète')
      : request.recurring
        ? msg('Supprimer un événement qui se répète')
        : msg('Supprimer cet événement ?');
  return html`<h2 class="dialog-title" id="scope-title">${title}</h2>
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
          : html`<button type="button" class="action action--danger touch-target" part="scope-all" data-scope="all">
              ${msg('Supprimer')}
            </button>`
      }
    </div>
    <div class="dialog-actions">
      <button type="button" class="action touch-target" ?autofocus=${request.action === 'delete'} @click=${onCancel}>
        ${msg('Annuler')}
      </button>
    </div>`;
}

/** The second step of a series delete: what goes, focus on « Annuler » (the safe choice). */
function renderSeriesDeleteConfirmation(options: ScopeDialogOptions, scope: AgendaChangeScope): TemplateResult {
  const title = options.eventTitle;
  const question =
    scope === 'all'
      ? msg(str`Supprimer toutes les occurrences de « ${title} » ?`)
      : msg(str`Supprimer cette occurrence de « ${title} » et toutes les suivantes ?`);
  return html`<h2 class="dialog-title" id="scope-title">${question}</h2>
    <p>${msg('Vous pourrez annuler la suppression juste après.')}</p>
    <div class="dialog-actions confirm-actions">
      <button type="button" class="action touch-target" autofocus @click=${options.onCancel}>${msg('Annuler')}</button>
      <button
        type="button"
        class="action action--danger touch-target"
        part="confirm-delete"
        data-scope=${scope}
        @click=${options.onChoose}
      >
        ${scope === 'all' ? msg('Supprimer la série') : msg('Supprimer ces occurrences')}
      </button>
    </div>`;
}

/**
 * Asks which occurrences of a recurring event a save or delete applies to
 * (« Cette occurrence / Cette occurrence et les suivantes / Toutes »), or
 * confirms deleting a single event. When deleting, « Annuler » holds focus first: every
 * other choice deletes, and a key pressed twice (a tremor) must never destroy. Deleting
 * more than one occurrence of a series is confirmed in a second step.
 */
export function renderScopeDialog(options: ScopeDialogOptions): TemplateResult {
  const confirm = options.request?.confirm;
  return html`<dialog class="dialog dialog--scope" part="scope-dialog" aria-labelledby="scope-title">
    ${confirm ? renderSeriesDeleteConfirmation(options, confirm) : renderQuestion(options)}
  </dialog>`;
}
