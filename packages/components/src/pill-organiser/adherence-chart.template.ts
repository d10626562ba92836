import { html, nothing, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { AdherenceCounts, AdherenceDay, AdherenceReport } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import {
  formatNumber,
  formatPercent,
  formatShortDate,
  formatShortWeekday,
  shortMedicationName,
} from './organiser-format.js';
import type { AdherenceWindow } from './week.controller.js';

/** What the adherence section shows and does. */
export interface AdherenceView {
  report: AdherenceReport;
  window: AdherenceWindow;
  locale: CarnetLocale;
  onWindow: (window: AdherenceWindow) => void;
}

const BAR = 24;
const GAP = 8;
const CHART_HEIGHT = 120;
const LABEL_HEIGHT = 20;

/** The rate in words, or a dash when no dose has an outcome yet. */
function rateText(counts: Pick<AdherenceCounts, 'rate'>, locale: CarnetLocale): string {
  return counts.rate === undefined ? '—' : formatPercent(counts.rate, locale);
}

/** One sentence for screen readers and the chart's title. */
export function adherenceSentence(report: AdherenceReport, window: AdherenceWindow, locale: CarnetLocale): string {
  const { overall } = report;
  const days = formatNumber(window, locale);
  if (overall.rate === undefined) return msg(str`Sur ${days} jours : aucune prise à compter pour l'instant.`);
  const rate = formatPercent(overall.rate, locale);
  const taken = formatNumber(overall.taken, locale);
  const decided = formatNumber(overall.scheduled - overall.pending, locale);
  const late = formatNumber(overall.takenLate, locale);
  const skipped = formatNumber(overall.skipped, locale);
  const missed = formatNumber(overall.missed, locale);
  return msg(
    str`Sur ${days} jours : ${rate} des prises effectuées (${taken} sur ${decided}), dont ${late} en retard ; ${skipped} sautées, ${missed} manquées.`,
  );
}

function dayLabel(day: AdherenceDay, index: number, window: AdherenceWindow, locale: CarnetLocale): string {
  if (window === 7) return formatShortWeekday(day.date, locale);
  return index % 5 === 0 ? formatShortDate(day.date, locale) : '';
}

function bar(day: AdherenceDay, index: number, max: number, view: AdherenceView): SVGTemplateResult {
  const x = index * (BAR + GAP);
  const scale = (count: number): number => (max === 0 ? 0 : (count / max) * CHART_HEIGHT);
  const parts: [string, number][] = [
    ['on-time', day.taken - day.late],
    ['late', day.late],
    ['skipped', day.skipped],
    ['missed', day.missed],
  ];
  let top = CHART_HEIGHT;
  const rects = parts.map(([kind, count]) => {
    const height = scale(count);
    top -= height;
    return height > 0
      ? svg`<rect class="bar bar--${kind}" x=${x} y=${top} width=${BAR} height=${height}></rect>`
      : nothing;
  });
  const label = dayLabel(day, index, view.window, view.locale);
  return svg`<g data-date=${day.date}>${rects}${
    label
      ? svg`<text class="bar-label" x=${x + BAR / 2} y=${CHART_HEIGHT + 15} text-anchor="middle">${label}</text>`
      : nothing
  }</g>`;
}

function renderChart(view: AdherenceView, sentence: string): TemplateResult {
  const days = view.report.days;
  const max = Math.max(1, ...days.map((day) => day.taken + day.skipped + day.missed));
  const width = days.length * (BAR + GAP) - GAP;
  return html`<svg
    class="chart"
    part="adherence-chart"
    role="img"
    aria-label=${sentence}
    viewBox="0 0 ${width} ${CHART_HEIGHT + LABEL_HEIGHT}"
    preserveAspectRatio="xMidYMid meet"
  >
    <title>${sentence}</title>
    <defs>
      <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" class="hatch-ground"></rect>
        <line x1="0" y1="0" x2="0" y2="6" class="hatch-line"></line>
      </pattern>
    </defs>
    <line class="axis" x1="0" y1=${CHART_HEIGHT} x2=${width} y2=${CHART_HEIGHT}></line>
    ${days.map((day, index) => bar(day, index, max, view))}
  </svg>`;
}

function legend(): TemplateResult {
  const item = (kind: string, label: string): TemplateResult =>
    html`<li><span class="swatch swatch--${kind}" aria-hidden="true"></span>${label}</li>`;
  return html`<ul class="legend" aria-hidden="true">
    ${item('on-time', msg("Prises à l'heure"))} ${item('late', msg('Prises en retard'))}
    ${item('skipped', msg('Sautées'))} ${item('missed', msg('Manquées'))}
  </ul>`;
}

function countCells(
  counts: Pick<AdherenceDay, 'taken' | 'late' | 'skipped' | 'missed'> & { scheduled: number },
  locale: CarnetLocale,
): TemplateResult {
  const n = (value: number): string => formatNumber(value, locale);
  return html`<td data-count="scheduled">${n(counts.scheduled)}</td>
    <td data-count="taken">${n(counts.taken)}</td>
    <td data-count="late">${n(counts.late)}</td>
    <td data-count="skipped">${n(counts.skipped)}</td>
    <td data-count="missed">${n(counts.missed)}</td>`;
}

function countHeadings(first: string): TemplateResult {
  return html`<tr>
    <th scope="col">${first}</th>
    <th scope="col">${msg('Prévues')}</th>
    <th scope="col">${msg('Prises')}</th>
    <th scope="col">${msg('dont en retard')}</th>
    <th scope="col">${msg('Sautées')}</th>
    <th scope="col">${msg('Manquées')}</th>
  </tr>`;
}

function renderTables(view: AdherenceView): TemplateResult {
  const { report, locale } = view;
  const overall = report.overall;
  const total = { ...overall, late: overall.takenLate };
  // Each table scrolls sideways in its own area (focusable, named): the page never does.
  return html`<details class="adherence-data" part="adherence-details">
    <summary class="touch-target">${msg('Voir les chiffres en tableau')}</summary>
    <div class="table-scroll" role="region" tabindex="0" aria-label=${msg('Prises jour par jour')}>
      <table class="data-table" part="adherence-table" data-table="days">
        <caption>
          ${msg(str`Prises jour par jour, sur ${formatNumber(view.window, locale)} jours`)}
        </caption>
        <thead>
          ${countHeadings(msg('Jour'))}
        </thead>
        <tbody>
          ${report.days.map(
            (day) =>
              html`<tr data-date=${day.date}>
                <th scope="row">${formatShortWeekday(day.date, locale)} ${formatShortDate(day.date, locale)}</th>
                ${countCells(day, locale)}
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr data-total>
            <th scope="row">${msg('Total')}</th>
            ${countCells(total, locale)}
          </tr>
        </tfoot>
      </table>
    </div>
    <div class="table-scroll" role="region" tabindex="0" aria-label=${msg('Par médicament')}>
      <table class="data-table" part="adherence-table" data-table="medications">
        <caption>
          ${msg('Par médicament')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Médicament')}</th>
            <th scope="col">${msg('Taux')}</th>
            <th scope="col">${msg('Prises')}</th>
            <th scope="col">${msg('dont en retard')}</th>
            <th scope="col">${msg('Sautées')}</th>
            <th scope="col">${msg('Manquées')}</th>
          </tr>
        </thead>
        <tbody>
          ${report.plans.map(
            (plan) =>
              html`<tr data-plan-id=${plan.planId}>
                <th scope="row">${shortMedicationName(plan.medication)}</th>
                <td data-count="rate">${rateText(plan, locale)}</td>
                <td data-count="taken">${formatNumber(plan.taken, locale)}</td>
                <td data-count="late">${formatNumber(plan.takenLate, locale)}</td>
                <td data-count="skipped">${formatNumber(plan.skipped, locale)}</td>
                <td data-count="missed">${formatNumber(plan.missed, locale)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}

/** Adherence over 7 or 30 days: a summary, an SVG bar chart per day, and the same figures as tables. */
export function renderAdherence(view: AdherenceView): TemplateResult {
  const { report, locale } = view;
  const overall = report.overall;
  const sentence = adherenceSentence(report, view.window, locale);
  const windowButton = (window: AdherenceWindow): TemplateResult =>
    html`<button
      type="button"
      class="segment touch-target"
      part="adherence-window"
      data-window=${window}
      aria-pressed=${view.window === window ? 'true' : 'false'}
      @click=${() => view.onWindow(window)}
    >
      ${msg(str`${formatNumber(window, locale)} jours`)}
    </button>`;
  const fact = (key: string, label: string, value: string): TemplateResult =>
    html`<div>
      <dt>${label}</dt>
      <dd data-count=${key}>${value}</dd>
    </div>`;
  return html`<section class="adherence" part="adherence" aria-labelledby="adherence-title" data-print-hide>
    <div class="adherence-header">
      <h2 class="section-title" id="adherence-title">${msg('Suivi des prises')}</h2>
      <div class="segments" role="group" aria-label=${msg('Période')}>${windowButton(7)} ${windowButton(30)}</div>
    </div>
    <dl class="adherence-summary" part="adherence-summary">
      ${fact('rate', msg('Taux de prise'), rateText(overall, locale))}
      ${fact('taken', msg('Prises'), formatNumber(overall.taken, locale))}
      ${fact('late', msg('dont en retard'), formatNumber(overall.takenLate, locale))}
      ${fact('skipped', msg('Sautées'), formatNumber(overall.skipped, locale))}
      ${fact('missed', msg('Manquées'), formatNumber(overall.missed, locale))}
    </dl>
    ${renderChart(view, sentence)} ${legend()} ${renderTables(view)}
  </section>`;
}
