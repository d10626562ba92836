import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { DocumentHit } from '@carnet/catalog-sdk';
import { formatCalendarDate } from '../shared/format.js';
import type { CarnetLocale } from '../shared/localization.js';
import { highlighted, kindIcon, kindLabel } from './document-labels.js';

/** The badge a hidden document wears, in the list and in its preview: words, not only an icon. */
export function renderHiddenBadge(part: string): TemplateResult {
  return html`<span class="hidden-badge" part=${part}>${msg('Masqué aux professionnels')}</span>`;
}

/** What every row needs, shared by all rows of one render (no per-row closures). */
export interface RowContext {
  locale: CarnetLocale;
  /** Index of the row in the tab order. */
  activeIndex: number;
  /** Number of rows in the whole list (for `aria-setsize`). */
  total: number;
  selection: ReadonlySet<string>;
  /** The dialog waiting for its code (`preview:<id>`, `tags:<id>`): its row's button is busy. */
  opening?: string | undefined;
}

/**
 * One document of the list. Actions are found by `data-action` on the list's
 * delegated listeners, so rows hold no closures of their own.
 */
export function renderDocumentRow(hit: DocumentHit, index: number, context: RowContext): TemplateResult {
  const { document } = hit;
  const matches = hit.matches;
  const tabIndex = index === context.activeIndex ? 0 : -1;
  const selected = context.selection.has(document.id);
  const label = kindLabel(document.kind, context.locale);
  const who = [document.author, document.organisation].filter(Boolean).length > 0;
  const opening = (dialog: string): 'true' | typeof nothing =>
    context.opening === `${dialog}:${document.id}` ? 'true' : nothing;
  return html`<li
    class="row"
    part="row"
    data-index=${index}
    data-document-id=${document.id}
    aria-setsize=${context.total}
    aria-posinset=${index + 1}
    ?data-selected=${selected}
  >
    <label class="row-select-target" part="row-select-target">
      <input
        type="checkbox"
        class="row-select"
        part="row-select"
        data-action="select"
        tabindex=${tabIndex}
        .checked=${selected}
        aria-label=${msg(str`Sélectionner « ${document.title} »`)}
      />
    </label>
    <button
      type="button"
      class="row-open"
      part="row-open"
      data-action="open"
      data-roving-key=${index}
      tabindex=${tabIndex}
      aria-busy=${opening('preview')}
      aria-disabled=${opening('preview')}
    >
      <span class="row-kind">${kindIcon(document.kind)}<span>${highlighted(label, matches.kindLabel)}</span></span>
      <span class="row-title">${highlighted(document.title, matches.title)}</span>
      ${document.hiddenFromProfessionals ? renderHiddenBadge('row-hidden-badge') : nothing}
      <span class="row-meta">
        <time datetime=${document.date}>${formatCalendarDate(document.date, context.locale)}</time>
        ${
          who
            ? html`<span class="row-who">
                ${document.author ? html`<span>${highlighted(document.author, matches.author)}</span>` : nothing}
                ${
                  document.organisation
                    ? html`<span>${highlighted(document.organisation, matches.organisation)}</span>`
                    : nothing
                }
              </span>`
            : nothing
        }
      </span>
    </button>
    ${
      document.tags.length > 0
        ? html`<ul class="row-tags" part="row-tags" aria-label=${msg('Étiquettes')}>
            ${document.tags.map((tag) => html`<li class="tag">${highlighted(tag, matches.tags?.[tag])}</li>`)}
          </ul>`
        : nothing
    }
    <span class="row-actions">
      <button
        type="button"
        class="row-favourite touch-target"
        part="row-favourite"
        data-action="favourite"
        tabindex=${tabIndex}
        aria-pressed=${document.favourite ? 'true' : 'false'}
        aria-label=${msg(str`Favori : ${document.title}`)}
      >
        <span aria-hidden="true">${document.favourite ? '★' : '☆'}</span>
      </button>
      <button
        type="button"
        class="row-tag-edit touch-target"
        part="row-tag-edit"
        data-action="tags"
        tabindex=${tabIndex}
        aria-busy=${opening('tags')}
        aria-disabled=${opening('tags')}
        aria-label=${msg(str`Étiquettes de « ${document.title} »`)}
      >
        <span aria-hidden="true">${msg('Étiquettes')}</span>
      </button>
    </span>
  </li>`;
}
