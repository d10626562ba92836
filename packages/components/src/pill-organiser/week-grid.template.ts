import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { IsoDate } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import { renderDoseButton } from './dose-button.template.js';
import {
  formatClockTime,
  formatDayHeading,
  formatShortDate,
  formatShortWeekday,
  formatWeekSpan,
} from './organiser-format.js';
import { periodLabel } from './organiser-labels.js';
import type { OrganiserPreset } from './presets.js';
import type { GridDose, GridRow, WeekGrid } from './week-grid.model.js';

/** What the week grid shows and does. */
export interface WeekGridView {
  grid: WeekGrid;
  dialysisDays: ReadonlySet<IsoDate>;
  locale: CarnetLocale;
  preset: OrganiserPreset;
  isSaving: (key: string) => boolean;
  onOpen: (entry: GridDose, button: HTMLElement) => void;
  /** The week table's roving focus: one dose in the tab order, arrows move it. */
  focus: {
    tabIndexFor(key: string): 0 | -1;
    onKeydown(event: KeyboardEvent): void;
    onFocusin(event: FocusEvent): void;
  };
}

/** The name of a row: « Matin », « Petit-déjeuner », or an exact time. */
function rowLabel(row: GridRow, view: WeekGridView): string {
  if (row.exact) return formatClockTime(row.time, view.locale);
  return row.period ? periodLabel(row.period, view.preset.rowLabels) : formatClockTime(row.time, view.locale);
}

function dayBadges(day: IsoDate, view: WeekGridView): TemplateResult {
  return html`${day === view.grid.today ? html`<span class="badge badge--today" part="today-badge">${msg("Aujourd'hui")}</span>` : nothing}
  ${
    view.dialysisDays.has(day)
      ? html`<span class="badge badge--dialysis" part="dialysis-badge"
          ><span aria-hidden="true">⬤ </span>${msg('Dialyse')}</span
        >`
      : nothing
  }`;
}

function renderDoses(
  entries: readonly GridDose[],
  view: WeekGridView,
  inTable: boolean,
): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  return html`<ul class="doses">
    ${repeat(
      entries,
      (entry) => entry.key,
      (entry) =>
        html`<li>
          ${renderDoseButton({
            entry,
            locale: view.locale,
            lateBadge: view.preset.lateBadge,
            saving: view.isSaving(entry.key),
            ...(inTable ? { tabIndex: view.focus.tabIndexFor(entry.key) } : {}),
            onOpen: view.onOpen,
          })}
        </li>`,
    )}
  </ul>`;
}

/** The week as a table: days in columns, moments (or exact times) in rows. */
export function renderWeekTable(view: WeekGridView): TemplateResult {
  const { grid, locale } = view;
  const first = grid.days[0] ?? grid.today;
  const last = grid.days[grid.days.length - 1] ?? grid.today;
  const dayClasses = (day: IsoDate): Record<string, boolean> => ({
    today: day === grid.today,
    dialysis: view.dialysisDays.has(day),
  });
  return html`<table
    class="week-table"
    part="grid"
    role="grid"
    @keydown=${view.focus.onKeydown}
    @focusin=${view.focus.onFocusin}
  >
    <caption>
      ${msg(str`Semaine du ${formatWeekSpan(first, last, locale)}`)}
    </caption>
    <thead>
      <tr>
        <th scope="col" class="corner"><span class="visually-hidden">${msg('Moment de la journée')}</span></th>
        ${grid.days.map(
          (day) =>
            html`<th
              scope="col"
              class=${classMap({ 'day-heading': true, ...dayClasses(day) })}
              part="day-heading"
              data-date=${day}
              aria-current=${day === grid.today ? 'date' : 'false'}
            >
              <span class="weekday">${formatShortWeekday(day, locale)}</span>
              <span class="date">${formatShortDate(day, locale)}</span>
              ${dayBadges(day, view)}
            </th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${grid.rows.map(
        (row) =>
          html`<tr data-row=${row.key}>
            <th scope="row" class="row-heading" part="row-heading">
              <span class="row-label">${rowLabel(row, view)}</span>
              ${row.exact ? nothing : html`<span class="row-time">${formatClockTime(row.time, locale)}</span>`}
            </th>
            ${row.cells.map(
              (entries, index) =>
                html`<td class=${classMap(dayClasses(grid.days[index] ?? ''))}>
                  ${renderDoses(entries, view, true)}
                </td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Days in the order a small screen lists them: today first, then the rest of the week, then its past days. */
export function daysTodayFirst(days: readonly IsoDate[], today: IsoDate): IsoDate[] {
  const index = days.indexOf(today);
  return index < 0 ? [...days] : [...days.slice(index), ...days.slice(0, index)];
}

/** What the narrow view shows: one day, or the whole week. */
export interface DayListView extends WeekGridView {
  /** The day shown alone, or `'week'` for every day, today first. */
  shownDay: IsoDate | 'week';
  onShowDay: (day: IsoDate | 'week') => void;
}

/** One day of the narrow view: its doses by moment. */
function renderDay(day: IsoDate, view: WeekGridView): TemplateResult {
  const { grid, locale } = view;
  const index = grid.days.indexOf(day);
  const rows = grid.rows.filter((row) => (row.cells[index]?.length ?? 0) > 0);
  return html`<section
    class=${classMap({ day: true, today: day === grid.today, dialysis: view.dialysisDays.has(day) })}
    aria-labelledby="day-${day}"
    data-date=${day}
  >
    <h3 class="day-title" id="day-${day}">${formatDayHeading(day, locale)} ${dayBadges(day, view)}</h3>
    ${
      rows.length === 0
        ? html`<p class="no-dose">${msg('Aucune prise ce jour-là.')}</p>`
        : rows.map(
            (row) =>
              html`<div class="day-row">
                <p class="day-row-label">
                  ${rowLabel(row, view)}${row.exact ? nothing : html` <span class="row-time">${formatClockTime(row.time, locale)}</span>`}
                </p>
                ${renderDoses(row.cells[index] ?? [], view, false)}
              </div>`,
          )
    }
  </section>`;
}

/**
 * The week for narrow containers (phones): one day at a time — today first — with the other
 * days and the whole week one tap away, instead of seven days stacked into a very long page.
 */
export function renderDayList(view: DayListView): TemplateResult {
  const { grid, locale, shownDay } = view;
  const days = shownDay === 'week' ? daysTodayFirst(grid.days, grid.today) : [shownDay];
  return html`<div class="day-list" part="day-list">
    <div class="day-switcher" part="day-switcher" role="group" aria-label=${msg('Jour affiché')}>
      ${grid.days.map(
        (day) =>
          html`<button
            type="button"
            class=${classMap({ 'day-choice': true, 'touch-target': true, today: day === grid.today })}
            part="day-choice"
            data-date=${day}
            aria-pressed=${day === shownDay ? 'true' : 'false'}
            aria-label=${formatDayHeading(day, locale)}
            @click=${() => view.onShowDay(day)}
          >
            <span class="weekday" aria-hidden="true">${formatShortWeekday(day, locale)}</span>
            <span class="date" aria-hidden="true">${formatShortDate(day, locale)}</span>
          </button>`,
      )}
      <button
        type="button"
        class="day-choice day-choice--week touch-target"
        part="whole-week"
        aria-pressed=${shownDay === 'week' ? 'true' : 'false'}
        @click=${() => view.onShowDay('week')}
      >
        ${msg('Toute la semaine')}
      </button>
    </div>
    ${days.map((day) => renderDay(day, view))}
  </div>`;
}
