import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { IsoDate } from '@carnet/catalog-sdk';
import type { AgendaFormat } from './agenda-format.js';
import type { AgendaLayout, DayBucket } from './agenda-layout.js';
import { dayLabel } from './agenda-labels.js';
import { renderDayItems } from './agenda-item.template.js';

/** What the month grid shows and where its events go. */
export interface MonthViewOptions {
  layout: AgendaLayout;
  format: AgendaFormat;
  today: IsoDate;
  /** The cell in the tab order. */
  activeDay: IsoDate;
  /** The day whose details are open below the grid. */
  openDay?: IsoDate;
  inShownMonth(day: IsoDate): boolean;
  /** One listener each for the whole grid, never one per cell. */
  onKeydown(event: KeyboardEvent): void;
  onFocusin(event: FocusEvent): void;
  onClick(event: MouseEvent): void;
  onDayItemClick(event: MouseEvent): void;
  onCreate(event: MouseEvent): void;
}

// Chips beyond this are summed up as « +2 »: the cell's label still names them all.
const CHIPS_PER_CELL = 3;

// Screen reader labels are built once per layout (which changes with range, data and language).
const labelCache = new WeakMap<AgendaLayout, Map<IsoDate, string>>();

function labels(layout: AgendaLayout, format: AgendaFormat): Map<IsoDate, string> {
  let cached = labelCache.get(layout);
  if (!cached) {
    cached = new Map([...layout.buckets.values()].map((bucket) => [bucket.day, dayLabel(bucket, format)]));
    labelCache.set(layout, cached);
  }
  return cached;
}

function renderCell(bucket: DayBucket, label: string, options: MonthViewOptions): TemplateResult {
  const { day } = bucket;
  const outside = !options.inShownMonth(day);
  const shown = bucket.events.slice(0, CHIPS_PER_CELL);
  const more = bucket.events.length - shown.length;
  const classes = `cell${outside ? ' cell--outside' : ''}${day === options.today ? ' cell--today' : ''}`;
  return html`<td
    role="gridcell"
    class=${classes}
    part=${day === options.today ? 'day today' : 'day'}
    data-day=${day}
    data-roving-key=${day}
    tabindex=${day === options.activeDay ? '0' : '-1'}
    aria-selected=${day === options.openDay ? 'true' : 'false'}
    aria-current=${day === options.today ? 'date' : nothing}
  >
    <span class="cell-label visually-hidden">${label}</span>
    <span class="day-number" aria-hidden="true">${options.format.dayOfMonth(day)}</span>
    ${
      shown.length > 0
        ? html`<ul class="chips" aria-hidden="true">
            ${shown.map(
              (item) =>
                html`<li class="chip chip--${item.kind}">
                  ${item.startTime ? `${item.startTime} ` : ''}${item.title}
                </li>`,
            )}
            ${more > 0 ? html`<li class="chip chip--more">+${more}</li>` : nothing}
          </ul>`
        : nothing
    }
    ${
      bucket.events.length > 0
        ? html`<span class="cell-marks" part="day-marks" aria-hidden="true"
            >${bucket.events.slice(0, CHIPS_PER_CELL).map((item) => html`<span class="mark mark--${item.kind}"></span>`)}</span
          >`
        : nothing
    }
    ${
      bucket.doses.length > 0
        ? html`<span class="cell-doses" aria-hidden="true">${msg(str`${bucket.doses.length} prises`)}</span>`
        : nothing
    }
  </td>`;
}

/** The month as an ARIA grid (weeks × weekdays), then the open day's details. */
export function renderMonthView(options: MonthViewOptions): TemplateResult {
  const { layout, format } = options;
  const cellLabels = labels(layout, format);
  const weeks: DayBucket[][] = [];
  layout.days.forEach((day, index) => {
    if (index % 7 === 0) weeks.push([]);
    const bucket = layout.buckets.get(day);
    if (bucket) weeks[weeks.length - 1]?.push(bucket);
  });
  const openBucket = options.openDay ? layout.buckets.get(options.openDay) : undefined;
  return html`<table
      role="grid"
      class="month"
      part="month-grid"
      aria-labelledby="range-title"
      @keydown=${options.onKeydown}
      @focusin=${options.onFocusin}
      @click=${options.onClick}
    >
      <thead>
        <tr>
          ${(weeks[0] ?? []).map(
            (bucket) =>
              html`<th scope="col" role="columnheader" class="weekday" part="weekday">
                <abbr title=${format.weekdayLong(bucket.day)}>${format.weekdayShort(bucket.day)}</abbr>
              </th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${weeks.map(
          (week) =>
            html`<tr>
              ${week.map((bucket) => renderCell(bucket, cellLabels.get(bucket.day) ?? '', options))}
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      openBucket
        ? html`<section
            class="day-details"
            part="day-details"
            aria-labelledby="day-details-title"
            @click=${options.onDayItemClick}
          >
            <h3 id="day-details-title" class="day-title" tabindex="-1">${format.fullDate(openBucket.day)}</h3>
            ${renderDayItems(openBucket)}
            <button type="button" class="action touch-target" part="add-on-day" @click=${options.onCreate}>
              ${msg('Ajouter un événement ce jour')}
            </button>
          </section>`
        : nothing
    }`;
}
