import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { dateShape, formatDateField } from '../shared/date-time-fields.js';
import type { CarnetLocale } from '../shared/localization.js';
import type { AccessFilterController, PeriodBound } from './access-filter.controller.js';

/** What the filters read. */
export interface AccessFiltersView {
  locale: CarnetLocale;
  filters: AccessFilterController;
  /** The people of the trail: `kind:id` and their name in words. */
  people: ReadonlyMap<string, string>;
  onPerson(event: Event): void;
  onDay(bound: PeriodBound, event: Event): void;
  onExport(): void;
}

function renderDayField(view: AccessFiltersView, bound: PeriodBound, label: string): TemplateResult {
  const { filters, locale } = view;
  const shape = dateShape(locale);
  const invalid = filters.invalid(bound);
  const day = filters.filter[bound];
  return html`<div class="field">
    <label for=${`period-${bound}`}>${label}</label>
    <input
      id=${`period-${bound}`}
      class="date-field"
      type="text"
      inputmode="numeric"
      autocomplete="off"
      .value=${live(filters.typed(bound) ?? (day ? formatDateField(day, locale) : ''))}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${invalid ? `period-${bound}-hint period-${bound}-error` : `period-${bound}-hint`}
      @change=${(event: Event) => view.onDay(bound, event)}
    />
    <span class="field-hint" id=${`period-${bound}-hint`}>${shape}</span>
    ${
      invalid
        ? html`<span class="field-error" id=${`period-${bound}-error`} role="alert"
            >${msg(str`Date non reconnue : écrivez-la ${shape}.`)}</span
          >`
        : nothing
    }
  </div>`;
}

/** The person and period filters, and the download of the history as a spreadsheet. */
export function renderAccessFilters(view: AccessFiltersView): TemplateResult {
  const { filters, people } = view;
  return html`<div class="filters" part="filters">
    <div class="field">
      <label for="person">${msg('Personne')}</label>
      <select id="person" @change=${view.onPerson}>
        <option value="">${msg('Tout le monde')}</option>
        ${[...people].map(
          ([key, name]) => html`<option value=${key} ?selected=${key === filters.filter.person}>${name}</option>`,
        )}
      </select>
    </div>
    ${renderDayField(view, 'from', msg('Du'))} ${renderDayField(view, 'to', msg('Au'))}
    <div class="field">
      <button
        type="button"
        class="touch-target export"
        part="export"
        aria-describedby="export-hint"
        @click=${view.onExport}
      >
        ${msg('Télécharger ce tableau')}
      </button>
      <span class="field-hint" id="export-hint"
        >${msg('Un fichier à ouvrir avec un tableur, comme Excel ou LibreOffice.')}</span
      >
    </div>
  </div>`;
}
