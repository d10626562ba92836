import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { HealthDocument } from '@carnet/catalog-sdk';
import { documentCountLabel } from './document-labels.js';
import type { CarnetLocale } from '../shared/localization.js';
import type { TagEditingController } from './tag-editing.controller.js';
import { renderOutcome } from './tag-outcome.template.js';

/** What the tag editor shows and does. */
export interface TagEditorView {
  locale: CarnetLocale;
  tagging: TagEditingController;
  /** The document edited, when editing one. */
  document: HealthDocument | undefined;
  /** Existing tags close to the draft. */
  suggestions: readonly string[];
  onDraft: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
  /** Click on a tag's remove button (reads `data-tag`). */
  onRemove: (event: Event) => void;
  onClose: () => void;
}

/** The content of the tag editor dialog, for one document or the selection, with suggestions from existing tags. */
export function renderTagEditor(view: TagEditorView): TemplateResult {
  const { tagging, document } = view;
  const target = tagging.target;
  const title =
    target?.kind === 'selection'
      ? msg(str`Étiqueter ${documentCountLabel(target.documentIds.length, view.locale)}`)
      : msg('Étiquettes du document');
  return html`
    ${
      target
        ? html`<div class="dialog-header">
              <h3 id="tags-title" class="dialog-title">${title}</h3>
            </div>
            ${document ? html`<p class="dialog-subtitle">${document.title}</p>` : nothing}
            ${renderOutcome(tagging.outcome, view.locale)}
            ${
              document && document.tags.length > 0
                ? html`<ul class="tag-list" aria-label=${msg('Étiquettes actuelles')}>
                    ${document.tags.map(
                      (tag) =>
                        html`<li class="tag tag--editable">
                          <span>${tag}</span>
                          <button
                            type="button"
                            class="icon-button touch-target"
                            data-tag=${tag}
                            ?disabled=${tagging.busy}
                            aria-label=${msg(str`Retirer l’étiquette ${tag}`)}
                            @click=${view.onRemove}
                          >
                            <span aria-hidden="true">×</span>
                          </button>
                        </li>`,
                    )}
                  </ul>`
                : document
                  ? html`<p>${msg('Aucune étiquette pour l’instant.')}</p>`
                  : nothing
            }
            <form class="tag-form" @submit=${view.onSubmit}>
              <label for="tag-input">${msg('Ajouter une étiquette')}</label>
              <div class="tag-form-row">
                <input
                  id="tag-input"
                  part="tag-input"
                  list="tag-suggestions"
                  autofocus
                  autocomplete="off"
                  maxlength="60"
                  .value=${live(tagging.draft)}
                  @input=${view.onDraft}
                />
                <datalist id="tag-suggestions">
                  ${view.suggestions.map((tag) => html`<option value=${tag}></option>`)}
                </datalist>
                <button type="submit" class="primary-button touch-target" part="tag-add" ?disabled=${tagging.busy}>
                  ${msg('Ajouter')}
                </button>
              </div>
            </form>
            <div class="dialog-actions">
              <button type="button" class="secondary-button touch-target" @click=${view.onClose}>
                ${msg('Fermer')}
              </button>
            </div>`
        : nothing
    }
  `;
}
