import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { RovingFocusController } from '../shared/roving-focus.controller.js';
import type { CarnetLocale } from '../shared/localization.js';
import { formatMoment, renderGlucoseChart, renderGlucoseTable } from './glucose-chart.template.js';
import { formatGlucose, formatShare, levelLabel, mealContextLabel, periodLabel } from './glucose-labels.js';
import { GLUCOSE_PERIODS, type GlucoseView } from './glucose-view.model.js';

/** The latest value, where it stands, in plain words. */
export function renderLatestGlucose(view: GlucoseView, locale: CarnetLocale): TemplateResult {
  const latest = view.latest;
  if (!latest) return html``;
  const context = latest.reading.mealContext ? `, ${mealContextLabel(latest.reading.mealContext)}` : '';
  return html`<p class="latest" part="latest">
    ${msg('Dernière mesure :')} <strong>${formatGlucose(latest.shown, view.unit, locale)}</strong>
    ${`(${formatMoment(latest.reading.at, locale)}${context})`} — ${levelLabel(latest.level)}
  </p>`;
}

/** What the period part needs. */
export interface GlucosePeriodOptions {
  view: GlucoseView;
  locale: CarnetLocale;
  periods: RovingFocusController;
  tableShown: boolean;
  onPeriodClick(event: MouseEvent): void;
  onToggleTable(): void;
}

/** The 7 / 14 / 30 days choice, time in range in words, the chart and its table. */
export function renderGlucosePeriod(options: GlucosePeriodOptions): TemplateResult {
  const { view, locale, periods, tableShown } = options;
  const tir = view.timeInRange;
  const days = view.period;
  const inRange = formatShare(tir.inRange, locale);
  const below = formatShare(tir.below, locale);
  const above = formatShare(tir.above, locale);
  const count = tir.count;
  return html`<div
      class="toolbar"
      part="periods"
      role="group"
      aria-label=${msg('Période')}
      @keydown=${periods.onKeydown}
      @focusin=${periods.onFocusin}
      @click=${options.onPeriodClick}
    >
      ${GLUCOSE_PERIODS.map(
        (period) =>
          html`<button
            type="button"
            data-roving-key=${String(period)}
            tabindex=${periods.tabIndexFor(String(period))}
            aria-pressed=${period === view.period ? 'true' : 'false'}
          >
            ${periodLabel(period)}
          </button>`,
      )}
    </div>
    <p class="time-in-range" part="time-in-range">
      ${
        count === 0
          ? msg(str`Aucune mesure sur les ${days} derniers jours.`)
          : msg(
              str`Sur les ${days} derniers jours : ${inRange} des mesures dans l'objectif, ${below} en dessous, ${above} au-dessus (${count} mesures).`,
            )
      }
    </p>
    ${renderGlucoseChart(view, locale)}
    <div class="toolbar">
      <button
        type="button"
        part="table-toggle"
        aria-expanded=${tableShown ? 'true' : 'false'}
        aria-controls="glucose-table"
        @click=${options.onToggleTable}
      >
        ${tableShown ? msg('Masquer le tableau des valeurs') : msg('Afficher le tableau des valeurs')}
      </button>
    </div>
    ${tableShown ? renderGlucoseTable(view, locale, 'glucose-table') : nothing}`;
}
