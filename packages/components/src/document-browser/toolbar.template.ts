import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { DocumentSort } from '@carnet/catalog-sdk';
import { formatCount } from '../shared/format.js';
import type { CarnetLocale } from '../shared/localization.js';
import { DOCUMENT_SORTS } from './document-filter.controller.js';
import { documentCountLabel, sortLabel } from './document-labels.js';

/** What the toolbar shows and does. */
export interface ToolbarView {
  locale: CarnetLocale;
  query: string;
  sort: DocumentSort;
  /** Documents shown. */
  total: number;
  /** Documents in the record. */
  documentCount: number;
  narrowed: boolean;
  /** True while the answer is not complete (the search code or index is still loading). */
  searching: boolean;
  /** True when the search code could not be loaded. */
  searchUnavailable: boolean;
  selectionSize: number;
  /** True while the tag editor of the selection waits for its code: its button is busy. */
  taggingSelection?: boolean;
  onInput: (event: Event) => void;
  /** The patient turns to the search field or the sort menu (focus, pointer): the search code loads. */
  onSearchIntent: () => void;
  /** Tries to load the search code again. */
  onRetrySearch: () => void;
  onSort: (event: Event) => void;
  onClearAll: () => void;
  onTagSelection: () => void;
  onClearSelection: () => void;
  /** The toolbar's last control (« Ajouter un document »), after the search and the sort menu. */
  action?: TemplateResult | typeof nothing;
}

/** « Meilleure correspondance » means something only once words are searched for. */
function sortsOffered(query: string): readonly DocumentSort[] {
  return query.trim() === '' ? DOCUMENT_SORTS.filter((sort) => sort !== 'relevance') : DOCUMENT_SORTS;
}

/** Without words, the relevance order is newest first: the menu says so. */
function shownSort(sort: DocumentSort, query: string): DocumentSort {
  return sort === 'relevance' && query.trim() === '' ? 'date-desc' : sort;
}

/** Search field, sort menu, result count and the bulk-tagging bar. */
export function renderToolbar(view: ToolbarView): TemplateResult {
  return html`<div class="toolbar" part="toolbar">
      <div class="search">
        <label for="search" class="search-label">${msg('Rechercher dans mes documents')}</label>
        <input
          id="search"
          class="search-input"
          part="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-keyshortcuts="/"
          aria-describedby="search-hint"
          .value=${live(view.query)}
          @input=${view.onInput}
          @focus=${view.onSearchIntent}
          @pointerenter=${view.onSearchIntent}
        />
        <span id="search-hint" class="hint">${msg('Titre, type, professionnel, étiquette… Raccourci : /')}</span>
      </div>
      <div class="sort">
        <label for="sort">${msg('Trier par')}</label>
        <select
          id="sort"
          part="sort"
          @change=${view.onSort}
          @focus=${view.onSearchIntent}
          @pointerenter=${view.onSearchIntent}
        >
          ${sortsOffered(view.query).map(
            (sort) =>
              html`<option value=${sort} ?selected=${sort === shownSort(view.sort, view.query)}>
                ${sortLabel(sort)}
              </option>`,
          )}
        </select>
      </div>
      ${view.action ?? nothing}
    </div>
    ${
      view.searchUnavailable
        ? html`<div class="search-unavailable" part="search-unavailable" role="alert">
            <p>
              ${msg('La recherche et les filtres n’ont pas pu être chargés. Vérifiez la connexion, puis réessayez.')}
            </p>
            <button type="button" class="secondary-button touch-target" @click=${view.onRetrySearch}>
              ${msg('Réessayer')}
            </button>
          </div>`
        : nothing
    }
    <div class="summary" part="summary">
      <p class="count" aria-busy=${view.searching ? 'true' : 'false'}>
        ${
          view.searching
            ? msg('Recherche en cours…')
            : view.narrowed
              ? msg(
                  str`${documentCountLabel(view.total, view.locale)} sur ${formatCount(view.documentCount, view.locale)}`,
                )
              : documentCountLabel(view.total, view.locale)
        }
      </p>
      ${
        view.narrowed
          ? html`<button type="button" class="link-button touch-target" part="clear-all" @click=${view.onClearAll}>
              ${msg('Effacer la recherche et les filtres')}
            </button>`
          : nothing
      }
    </div>
    ${
      view.selectionSize > 0
        ? html`<div class="selection-bar" part="selection-bar" role="group" aria-label=${msg('Documents sélectionnés')}>
            <span>${msg(str`${formatCount(view.selectionSize, view.locale)} sélectionné(s)`)}</span>
            <button
              type="button"
              class="primary-button touch-target"
              part="tag-selection"
              aria-busy=${view.taggingSelection ? 'true' : nothing}
              aria-disabled=${view.taggingSelection ? 'true' : nothing}
              @click=${view.onTagSelection}
            >
              ${msg('Étiqueter la sélection')}
            </button>
            <button type="button" class="link-button touch-target" @click=${view.onClearSelection}>
              ${msg('Tout désélectionner')}
            </button>
          </div>`
        : nothing
    }`;
}
