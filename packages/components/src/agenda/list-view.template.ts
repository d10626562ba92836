import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { AgendaFormat } from './agenda-format.js';
import type { AgendaLayout } from './agenda-layout.js';
import { renderDayItems } from './agenda-item.template.js';
import { LIST_DAYS } from './agenda-range.controller.js';

/** What the « À venir » list shows. */
export interface ListViewOptions {
  layout: AgendaLayout;
  format: AgendaFormat;
  /** One listener for every event button of the list. */
  onItemClick(event: MouseEvent): void;
}

/** The coming days that hold something, each under its full date. */
export function renderListView({ layout, format, onItemClick }: ListViewOptions): TemplateResult {
  const busy = layout.days
    .map((day) => layout.buckets.get(day))
    .filter((bucket) => bucket !== undefined && (bucket.events.length > 0 || bucket.doses.length > 0));
  if (busy.length === 0) {
    return html`<p class="nothing" part="list">${msg(str`Rien de prévu dans les ${LIST_DAYS} prochains jours.`)}</p>`;
  }
  return html`<ol class="list" part="list" @click=${onItemClick}>
    ${busy.map(
      (bucket) =>
        html`<li class="list-day">
          <h3 class="day-title">${bucket ? format.fullDate(bucket.day) : ''}</h3>
          ${bucket ? renderDayItems(bucket) : ''}
        </li>`,
    )}
  </ol>`;
}
