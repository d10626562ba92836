import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { CarnetLocale } from '../shared/localization.js';
import {
  formatClockTime,
  formatDoseAmount,
  formatDayHeading,
  formatLateness,
  shortMedicationName,
} from './organiser-format.js';
import { stateIcon, stateLabel } from './organiser-labels.js';
import type { GridDose } from './week-grid.model.js';

/** What one dose target shows and does. */
export interface DoseButtonView {
  entry: GridDose;
  locale: CarnetLocale;
  /** Whether doses taken late carry the « prise en retard » badge (Parkinson's preset). */
  lateBadge: boolean;
  saving: boolean;
  /** In the week table (one Tab stop for the grid): its tab index; elsewhere the button keeps its own. */
  tabIndex?: 0 | -1;
  onOpen: (entry: GridDose, button: HTMLElement) => void;
}

/** The state in words, with how late for a dose taken late: « prise en retard (+25 min) », « (+7 h 5 min) ». */
export function doseStateText(entry: GridDose, locale: CarnetLocale): string {
  if (entry.state === 'taken-late' && entry.minutesLate !== undefined) {
    const late = formatLateness(entry.minutesLate, locale);
    return msg(str`prise en retard (+${late})`);
  }
  return stateLabel(entry.state);
}

/**
 * The accessible name of a dose, its day first so that moving through the grid never
 * leaves the day ambiguous, then its visible text in order:
 * « mercredi 11 mars — Lévodopa 100 mg — 1 comprimé — 11:00 — à prendre ».
 */
export function doseLabel(entry: GridDose, locale: CarnetLocale): string {
  const day = formatDayHeading(entry.date, locale);
  const medicine = shortMedicationName(entry.dose.medication);
  const amount = formatDoseAmount(entry.dose.dose, entry.dose.doseUnit, locale);
  const time = formatClockTime(entry.time, locale);
  const state = doseStateText(entry, locale);
  return msg(str`${day} — ${medicine} — ${amount} — ${time} — ${state}`);
}

/** A medicine name that may wrap after each "/" (« Lévodopa/Carbidopa ») rather than mid-word in a narrow cell. */
function breakableName(name: string): TemplateResult {
  const parts = name.split('/');
  return html`${parts.map((part, index) => (index < parts.length - 1 ? html`${part}/<wbr />` : part))}`;
}

/** One dose: a large target with the medicine, the dose, the time and the state (icon and words). */
export function renderDoseButton(view: DoseButtonView): TemplateResult {
  const { entry, locale, saving } = view;
  const open = (event: Event): void => {
    if (!saving) view.onOpen(entry, event.currentTarget as HTMLElement);
  };
  return html`<button
    type="button"
    class="dose dose--${entry.state} touch-target"
    part="dose dose-${entry.state}"
    data-dose-key=${entry.key}
    data-roving-key=${view.tabIndex === undefined ? nothing : entry.key}
    tabindex=${view.tabIndex ?? nothing}
    data-state=${entry.state}
    aria-haspopup="dialog"
    aria-label=${doseLabel(entry, locale)}
    aria-disabled=${saving ? 'true' : 'false'}
    aria-busy=${saving ? 'true' : 'false'}
    @click=${open}
  >
    <span class="dose-name">${breakableName(shortMedicationName(entry.dose.medication))}</span>
    <span class="dose-meta">
      <span class="dose-amount">${formatDoseAmount(entry.dose.dose, entry.dose.doseUnit, locale)}</span>
      <time class="dose-time" datetime=${entry.dose.scheduledAt}>${formatClockTime(entry.time, locale)}</time>
    </span>
    ${
      view.lateBadge && entry.state === 'taken-late'
        ? html`<span class="dose-state late-badge" part="dose-state late-badge">
            <span class="dose-icon" aria-hidden="true">${stateIcon(entry.state)}</span>
            <span>${doseStateText(entry, locale)}</span>
          </span>`
        : html`<span class="dose-state" part="dose-state">
            <span class="dose-icon" aria-hidden="true">${stateIcon(entry.state)}</span>
            <span>${doseStateText(entry, locale)}</span>
          </span>`
    }
  </button>`;
}
