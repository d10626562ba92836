import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { IsoDate } from '@carnet/catalog-sdk';
import type { AgendaFormat } from './agenda-format.js';
import type { AgendaLayout } from './agenda-layout.js';
import { renderDayItems } from './agenda-item.template.js';

/** What the week view shows. */
export interface WeekViewOptions {
  layout: AgendaLayout;
  format: AgendaFormat;
  today: IsoDate;
  /** One listener for every event button of the week. */
  onItemClick(event: MouseEvent): void;
}

/**
 * The week as seven day columns that wrap into a list when space runs out or
 * text is enlarged: times are text, never positions, so nothing is cut.
 */
export function renderWeekView({ layout, format, today, onItemClick }: WeekViewOptions): TemplateResult {
  return html`<div class="week" part="week" @click=${onItemClick}>
    ${layout.days.map((day) => {
      const bucket = layout.buckets.get(day);
      return html`<section
        class="week-day${day === today ? ' week-day--today' : ''}"
        part=${day === today ? 'week-day today' : 'week-day'}
        aria-labelledby="week-${day}"
      >
        <h3 class="day-title" id="week-${day}">
          <span class="visually-hidden">${format.fullDate(day)}</span>
          <span aria-hidden="true">${format.shortDate(day)}</span>
        </h3>
        ${bucket ? renderDayItems(bucket) : ''}
      </section>`;
    })}
  </div>`;
}
