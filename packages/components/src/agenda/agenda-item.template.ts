import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { AgendaItem, DayBucket } from './agenda-layout.js';
import { intakeLabel, kindLabel } from './agenda-labels.js';
import { doseAmountText, doseFrequencyText } from '../shared/dose-words.js';
import { getCarnetLocale } from '../shared/localization.js';

/** « Toute la journée » or the item's times. */
function timeText(item: AgendaItem): string {
  return item.allDay ? msg('Toute la journée') : item.time;
}

/**
 * One event occurrence as a button (opened through the list's delegated click
 * listener, found by `data-item-key`), or a derived renewal as plain text.
 */
export function renderEventItem(item: AgendaItem): TemplateResult {
  if (item.source === 'renewal') {
    return html`<li class="item item--prescription-renewal" part="renewal">
      <span class="item-time">${timeText(item)}</span>
      <span class="item-title">${msg(str`Renouvellement d'ordonnance : ${item.title}`)}</span>
    </li>`;
  }
  return html`<li>
    <button type="button" class="item item--${item.kind}" part="event" data-item-key=${item.key}>
      <span class="item-time">${timeText(item)}</span>
      <span class="item-title">${item.title}</span>
      <span class="item-meta">
        <span class="item-kind">${kindLabel(item.kind)}</span>
        ${item.location ? html`<span class="item-location">${item.location}</span>` : nothing}
        ${item.recurring ? html`<span class="badge">${msg('Récurrent')}</span>` : nothing}
        ${item.moved ? html`<span class="badge">${msg('Déplacé')}</span>` : nothing}
      </span>
      ${item.note ? html`<span class="item-note" part="occurrence-note">${msg(str`Note : ${item.note}`)}</span>` : nothing}
    </button>
  </li>`;
}

/** One medication dose with what the patient recorded for it. */
export function renderDoseItem(item: AgendaItem): TemplateResult {
  const dose = item.dose;
  // Strings follow the page's Carnet language, as msg() does.
  const locale = getCarnetLocale();
  const amount = dose ? doseAmountText(dose.dose, dose.doseUnit, locale) : '';
  return html`<li class="item item--dose item--${item.intake ?? 'pending'}" part="dose">
    <span class="item-time">${item.time}</span>
    <span class="item-title">${item.title}</span>
    <span class="item-meta">
      <span>${amount}</span>
      ${
        item.doseSchedule
          ? html`<span class="item-frequency" part="dose-frequency"
              >${doseFrequencyText(item.doseSchedule, locale)}</span
            >`
          : nothing
      }
      <span class="badge badge--intake">${intakeLabel(item.intake ?? 'pending')}</span>
    </span>
  </li>`;
}

/** The events then the doses of a day, or a calm « rien de prévu ». */
export function renderDayItems(bucket: DayBucket): TemplateResult {
  if (bucket.events.length === 0 && bucket.doses.length === 0) {
    return html`<p class="nothing">${msg('Rien de prévu.')}</p>`;
  }
  return html`${
    bucket.events.length > 0
      ? html`<ul class="items" role="list">
          ${bucket.events.map(renderEventItem)}
        </ul>`
      : nothing
  }
  ${
    bucket.doses.length > 0
      ? html`<ul class="items items--doses" role="list" aria-label=${msg('Prises de médicaments')}>
          ${bucket.doses.map(renderDoseItem)}
        </ul>`
      : nothing
  }`;
}
