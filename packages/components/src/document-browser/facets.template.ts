import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { DocumentFacets, DocumentFilters, FacetValue } from '@carnet/catalog-sdk';
import { formatCount } from '../shared/format.js';
import type { CarnetLocale } from '../shared/localization.js';
import type { FacetGroup } from './document-filter.controller.js';

/** Values shown per group before « Tout afficher ». */
const SHORT_LIST = 8;

/** What the facet panel shows and does. */
export interface FacetsView {
  locale: CarnetLocale;
  /**
   * The facets to show: the answer's once complete; while a new answer is being completed, the
   * last complete ones (so the checkboxes stay in place, and keep focus); none before the first.
   */
  facets: DocumentFacets | undefined;
  /**
   * The values chosen now: a checkbox is ticked from these, not from the facets shown (which may
   * be the previous answer's while the new counts are made).
   */
  filters: DocumentFilters;
  favouritesOnly: boolean;
  /** Only the documents hidden from professionals. */
  hiddenOnly: boolean;
  onHiddenOnly: (event: Event) => void;
  narrowed: boolean;
  /**
   * False while the counts shown are not those of the current answer yet (it is being completed,
   * or its facets are counted just after the list is painted): the panel is `aria-busy` and says
   * it is updating, so the previous counts are never taken for the current ones.
   */
  indexed: boolean;
  /** Whether the panel is open on small screens. */
  expanded: boolean;
  /** Groups showing every value. */
  showingAll: ReadonlySet<FacetGroup>;
  /** Every tag in use, for renaming. */
  tags: readonly string[];
  /** A change on any facet checkbox (read `data-group` / `data-value`). */
  onFacetChange: (event: Event) => void;
  onFavouritesOnly: (event: Event) => void;
  /** The patient turns to the filters (focus, pointer): the search code loads. */
  onIntent: () => void;
  onToggleExpanded: () => void;
  onShowAll: (event: Event) => void;
  onClearAll: () => void;
  onRename: (event: SubmitEvent) => void;
}

function group<T extends string | number>(
  view: FacetsView,
  name: FacetGroup,
  legend: string,
  values: readonly FacetValue<T>[],
): TemplateResult | typeof nothing {
  if (values.length === 0) return nothing;
  const all = view.showingAll.has(name);
  const chosen: readonly (string | number)[] = view.filters[name] ?? [];
  const shown = all ? values : values.slice(0, SHORT_LIST);
  return html`<fieldset class="facet-group" part="facet-group" data-group=${name}>
    <legend>${legend}</legend>
    <ul>
      ${repeat(
        shown,
        // Keyed by value: a checkbox stays the same element (and keeps focus) when counts reorder.
        (facet) => facet.value,
        (facet) =>
          html`<li>
            <label class="facet">
              <input
                type="checkbox"
                data-group=${name}
                data-value=${String(facet.value)}
                .checked=${chosen.includes(facet.value)}
              />
              <span class="facet-label">${facet.label}</span>
              <span class="facet-count">(${formatCount(facet.count, view.locale)})</span>
            </label>
          </li>`,
      )}
    </ul>
    ${
      values.length > SHORT_LIST
        ? html`<button
            type="button"
            class="link-button"
            data-group=${name}
            aria-expanded=${all ? 'true' : 'false'}
            @click=${view.onShowAll}
          >
            ${all ? msg('Afficher moins') : msg(str`Tout afficher (${formatCount(values.length, view.locale)})`)}
          </button>`
        : nothing
    }
  </fieldset>`;
}

/** Facets with counts, favourites only, clear-all and tag renaming; collapsible on small screens. */
export function renderFacets(view: FacetsView): TemplateResult {
  return html`<section
    class="facets"
    part="facets"
    aria-labelledby="facets-title"
    @focusin=${view.onIntent}
    @pointerenter=${view.onIntent}
  >
    <div class="facets-header">
      <h3 id="facets-title" class="facets-title">${msg('Filtres')}</h3>
      ${
        view.facets
          ? html`<span class="facets-updating hint" part="facets-updating" ?data-shown=${!view.indexed}>
              ${msg('Mise à jour…')}
            </span>`
          : nothing
      }
      <button
        type="button"
        class="facets-toggle link-button touch-target"
        part="facets-toggle"
        aria-expanded=${view.expanded ? 'true' : 'false'}
        aria-controls="facets-body"
        @click=${view.onToggleExpanded}
      >
        ${view.expanded ? msg('Masquer les filtres') : msg('Afficher les filtres')}
      </button>
    </div>
    <div
      id="facets-body"
      class="facets-body"
      ?data-collapsed=${!view.expanded}
      aria-busy=${view.indexed ? 'false' : 'true'}
      @change=${view.onFacetChange}
    >
      ${
        view.facets
          ? renderGroups(view, view.facets)
          : html`<p class="hint" part="facets-pending">${msg('Préparation des filtres…')}</p>`
      }
    </div>
  </section>`;
}

function renderGroups(view: FacetsView, facets: DocumentFacets): TemplateResult {
  return html`<label class="facet favourites-only">
      <input type="checkbox" part="favourites-only" .checked=${view.favouritesOnly} @change=${view.onFavouritesOnly} />
      <span class="facet-label">${msg('Favoris uniquement')}</span>
      <span class="facet-count">(${formatCount(facets.favourites, view.locale)})</span>
    </label>
    ${
      facets.hidden > 0 || view.hiddenOnly
        ? html`<label class="facet hidden-only">
            <input type="checkbox" part="hidden-only" .checked=${view.hiddenOnly} @change=${view.onHiddenOnly} />
            <span class="facet-label">${msg('Masqués aux professionnels uniquement')}</span>
            <span class="facet-count">(${formatCount(facets.hidden, view.locale)})</span>
          </label>`
        : nothing
    }
    ${group(view, 'kinds', msg('Type de document'), facets.kinds)} ${group(view, 'years', msg('Année'), facets.years)}
    ${group(view, 'authors', msg('Professionnel ou établissement'), facets.authors)}
    ${group(view, 'tags', msg('Étiquettes'), facets.tags)}
    ${
      view.narrowed
        ? html`<button type="button" class="secondary-button touch-target" @click=${view.onClearAll}>
            ${msg('Tout effacer')}
          </button>`
        : nothing
    }
    ${
      view.tags.length > 0
        ? html`<details class="rename" part="rename-tag">
            <summary>${msg('Renommer une étiquette')}</summary>
            <form @submit=${view.onRename}>
              <label for="rename-from">${msg('Étiquette')}</label>
              <select id="rename-from" name="from">
                ${view.tags.map((tag) => html`<option value=${tag}>${tag}</option>`)}
              </select>
              <label for="rename-to">${msg('Nouveau nom')}</label>
              <input id="rename-to" name="to" required autocomplete="off" />
              <button type="submit" class="secondary-button touch-target">${msg('Renommer partout')}</button>
            </form>
          </details>`
        : nothing
    }`;
}
