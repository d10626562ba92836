import { html, svg, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { CarnetLocale } from '../shared/localization.js';
import type { GlucoseView } from './glucose-view.model.js';
import { formatGlucose, levelLabel, mealContextLabel } from './glucose-labels.js';

const dateTimeFormats = new Map<CarnetLocale, Intl.DateTimeFormat>();

/** « lun. 2 mars, 07:30 ». */
export function formatMoment(at: string, locale: CarnetLocale): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    dateTimeFormats.set(locale, format);
  }
  return format.format(new Date(at));
}

/** Above this many values the dots are drawn as one path per level (no per-dot tooltip; the table has every value). */
export const POINTS_DRAWN_ONE_BY_ONE = 200;

const DOT_RADIUS = 4;

/**
 * One path per level, each value a filled dot (two arcs): a year of values is a handful of
 * nodes instead of thousands. Dots falling on the same spot (to the SVG unit) are drawn once.
 */
function dotPaths(view: GlucoseView): TemplateResult[] {
  const paths = new Map<string, string[]>();
  const drawn = new Set<string>();
  for (const point of view.chart.points) {
    const spot = `${point.row.level}|${Math.round(point.x)}|${Math.round(point.y)}`;
    if (drawn.has(spot)) continue;
    drawn.add(spot);
    const segments = paths.get(point.row.level) ?? [];
    segments.push(
      `M${point.x - DOT_RADIUS} ${point.y}a${DOT_RADIUS} ${DOT_RADIUS} 0 1 0 ${2 * DOT_RADIUS} 0a${DOT_RADIUS} ${DOT_RADIUS} 0 1 0 ${-2 * DOT_RADIUS} 0`,
    );
    paths.set(point.row.level, segments);
  }
  return [...paths].map(([level, segments]) => svg`<path class="point ${level}" d=${segments.join('')}></path>`);
}

/**
 * The chart: one dot per value over the period, the target band behind them.
 * An image for screen readers, named by what it shows; the table gives every value.
 */
export function renderGlucoseChart(view: GlucoseView, locale: CarnetLocale): TemplateResult {
  const { chart, rows } = view;
  const days = view.period;
  const count = rows.length;
  const label = msg(str`Courbe des glycémies des ${days} derniers jours : ${count} mesures.`);
  return html`<svg
    part="chart"
    class="chart"
    role="img"
    aria-label=${label}
    viewBox="0 0 ${chart.width} ${chart.height}"
    preserveAspectRatio="none"
  >
    <rect
      class="band"
      x="40"
      y=${chart.band.top}
      width=${chart.width - 44}
      height=${Math.max(0, chart.band.bottom - chart.band.top)}
    ></rect>
    ${chart.ticks.map(
      (tick) =>
        svg`<line class="tick" x1="40" x2=${chart.width - 4} y1=${tick.y} y2=${tick.y}></line>
          <text class="tick-label" x="36" y=${tick.y + 4} text-anchor="end">${tick.value}</text>`,
    )}
    ${
      chart.points.length > POINTS_DRAWN_ONE_BY_ONE
        ? dotPaths(view)
        : chart.points.map(
            (point) =>
              svg`<circle class="point ${point.row.level}" cx=${point.x} cy=${point.y} r=${DOT_RADIUS} data-value=${point.row.shown}>
          <title>${formatMoment(point.row.reading.at, locale)} — ${formatGlucose(point.row.shown, view.unit, locale)}${
            point.row.reading.mealContext ? `, ${mealContextLabel(point.row.reading.mealContext)}` : ''
          } — ${levelLabel(point.row.level)}</title>
        </circle>`,
          )
    }
  </svg>`;
}

/** The data table alternative to the chart, most recent first. */
export function renderGlucoseTable(view: GlucoseView, locale: CarnetLocale, id: string): TemplateResult {
  const days = view.period;
  return html`<table part="table" id=${id} class="table">
    <caption>
      ${msg(str`Glycémies des ${days} derniers jours`)}
    </caption>
    <thead>
      <tr>
        <th scope="col">${msg('Moment')}</th>
        <th scope="col">${msg('Valeur')}</th>
        <th scope="col">${msg('Repas')}</th>
        <th scope="col">${msg('Par rapport à votre objectif')}</th>
      </tr>
    </thead>
    <tbody>
      ${view.rows.map(
        (row) =>
          html`<tr class=${row.level}>
            <th scope="row">${formatMoment(row.reading.at, locale)}</th>
            <td>${formatGlucose(row.shown, view.unit, locale)}</td>
            <td>${row.reading.mealContext ? mealContextLabel(row.reading.mealContext) : nothing}</td>
            <td>${levelLabel(row.level)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
