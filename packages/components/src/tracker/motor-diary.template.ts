import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { MotorDaySummary, MotorState, ScheduledDose } from '@carnet/catalog-sdk';
import { formatDoseAmount, shortMedicationName } from '../pill-organiser/organiser-format.js';
import type { CarnetLocale } from '../shared/localization.js';
import type { RovingFocusController } from '../shared/roving-focus.controller.js';
import {
  MOTOR_BRUSHES,
  brushHint,
  brushLabel,
  formatDiaryDay,
  formatHour,
  formatMinutes,
  formatShortDay,
  formatSlotRange,
  formatSlotTime,
  motorStateWords,
  slotStateText,
  type MotorBrush,
} from './motor-diary-labels.js';
import type { DiarySlotView, MotorDiaryView } from './motor-diary.model.js';

/** What the diary needs to render. */
export interface MotorDiaryOptions {
  view: MotorDiaryView;
  locale: CarnetLocale;
  chosen: MotorBrush;
  canUndo: boolean;
  saveFailed: boolean;
  tableShown: boolean;
  /** True while the day is being read. */
  busy: boolean;
  roving: RovingFocusController;
  onChoose(event: MouseEvent): void;
  onSlotClick(event: MouseEvent): void;
  onUndo(): void;
  onPreviousDay(): void;
  onNextDay(): void;
  onToggleTable(): void;
}

/** « Modopar 125 (1 comprimé) ». */
function doseWords(dose: ScheduledDose, locale: CarnetLocale): string {
  return `${shortMedicationName(dose.medication)} (${formatDoseAmount(dose.dose, dose.doseUnit, locale)})`;
}

/** « prise prévue à 8 h 00 : Modopar 125 (1 comprimé) », for a slot's label and the table. */
function dosesText(doses: readonly ScheduledDose[], locale: CarnetLocale): string {
  return doses
    .map((dose) => {
      const time = formatSlotTime(dose.scheduledAt, locale);
      const what = doseWords(dose, locale);
      return msg(str`prise prévue à ${time} : ${what}`);
    })
    .join(', ');
}

/** A slot's accessible name: « 8 h 00 – 8 h 30 : off », then its doses. */
export function slotLabel(slot: DiarySlotView, locale: CarnetLocale): string {
  const base = slotStateText(slot.start, slot.end, slot.state, locale);
  return slot.doses.length === 0 ? base : `${base}, ${dosesText(slot.doses, locale)}`;
}

/** « Off : 1 h 30 en 2 périodes (7 h 00 – 8 h 00, 12 h 00 – 12 h 30). Dyskinésies : 30 min. » */
export function daySummaryText(summary: MotorDaySummary, locale: CarnetLocale): string {
  if (summary.recordedMinutes === 0) return msg('Rien de noté ce jour.');
  const off = formatMinutes(summary.offMinutes);
  const periods = summary.offPeriods.map((period) => formatSlotRange(period.start, period.end, locale)).join(', ');
  const count = summary.offPeriods.length;
  const offText =
    count === 0
      ? msg('Aucune période off.')
      : count === 1
        ? msg(str`Off : ${off} en une période (${periods}).`)
        : msg(str`Off : ${off} en ${count} périodes (${periods}).`);
  const dyskinesia = formatMinutes(summary.dyskinesiaMinutes);
  const noted = formatMinutes(summary.recordedMinutes);
  return `${offText} ${msg(str`Dyskinésies : ${dyskinesia}.`)} ${msg(str`Noté : ${noted}.`)}`;
}

/**
 * A slot: its name is the whole sentence (« 8 h 00 – 8 h 30 : off, prise prévue à 8 h 00 : … »),
 * the short visible words are hidden from screen readers, which read the sentence once.
 */
function renderSlot(slot: DiarySlotView, options: MotorDiaryOptions): TemplateResult {
  const { locale, roving } = options;
  return html`<button
    type="button"
    class="slot"
    part="slot"
    data-state=${slot.state ?? 'none'}
    data-roving-key=${slot.start}
    tabindex=${roving.tabIndexFor(slot.start)}
  >
    <span class="visually-hidden">${slotLabel(slot, locale)}</span>
    <span class="slot-time" aria-hidden="true">${formatSlotTime(slot.start, locale)}</span>
    <span class="slot-state" aria-hidden="true">${motorStateWords(slot.state)}</span>
    ${
      slot.doses.length === 0
        ? nothing
        : html`<span class="slot-dose" part="slot-dose" aria-hidden="true"
            >${msg('Prise')} ${slot.doses.map((dose) => shortMedicationName(dose.medication)).join(', ')}</span
          >`
    }
  </button>`;
}

function renderBrushes(options: MotorDiaryOptions): TemplateResult {
  return html`<fieldset class="brushes" part="brushes" @click=${options.onChoose}>
    <legend>${msg('Je note :')}</legend>
    ${MOTOR_BRUSHES.map(
      (brush) =>
        html`<button
          type="button"
          part="state-choice"
          class="brush"
          data-brush=${brush}
          data-state=${brush === 'clear' ? 'none' : brush}
          aria-pressed=${options.chosen === brush ? 'true' : 'false'}
        >
          <span class="brush-label">${brushLabel(brush)}</span>
          <span class="brush-hint">${brushHint(brush)}</span>
        </button>`,
    )}
  </fieldset>`;
}

function stateCell(state: MotorState | undefined): string {
  return motorStateWords(state);
}

function renderTables(options: MotorDiaryOptions): TemplateResult {
  const { view, locale } = options;
  const dayText = formatDiaryDay(view.day, locale);
  const rows = view.slots.filter((slot) => slot.state !== undefined || slot.doses.length > 0);
  return html`${
      options.tableShown
        ? html`<table part="table" id="motor-day-table" class="table">
            <caption>
              ${msg(str`Journal du ${dayText}`)}
            </caption>
            <thead>
              <tr>
                <th scope="col">${msg('Créneau')}</th>
                <th scope="col">${msg('État')}</th>
                <th scope="col">${msg('Prise prévue')}</th>
              </tr>
            </thead>
            <tbody>
              ${
                rows.length === 0
                  ? html`<tr>
                      <td colspan="3">${msg('Rien de noté ce jour.')}</td>
                    </tr>`
                  : rows.map(
                      (slot) =>
                        html`<tr>
                          <th scope="row">${formatSlotRange(slot.start, slot.end, locale)}</th>
                          <td>${stateCell(slot.state)}</td>
                          <td>
                            ${
                              slot.doses.length === 0
                                ? '—'
                                : slot.doses
                                    .map(
                                      (dose) =>
                                        `${formatSlotTime(dose.scheduledAt, locale)} ${doseWords(dose, locale)}`,
                                    )
                                    .join(', ')
                            }
                          </td>
                        </tr>`,
                    )
              }
            </tbody>
          </table>`
        : nothing
    }
    <table part="week-table" class="table">
      <caption>
        ${msg('Les 7 derniers jours')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Jour')}</th>
          <th scope="col">${msg('Temps off')}</th>
          <th scope="col">${msg('Dyskinésies')}</th>
          <th scope="col">${msg('Temps noté')}</th>
        </tr>
      </thead>
      <tbody>
        ${view.week.map(
          (row) =>
            html`<tr>
              <th scope="row">${formatShortDay(row.day, locale)}</th>
              <td>${row.summary.recordedMinutes === 0 ? '—' : formatMinutes(row.summary.offMinutes)}</td>
              <td>${row.summary.recordedMinutes === 0 ? '—' : formatMinutes(row.summary.dyskinesiaMinutes)}</td>
              <td>${formatMinutes(row.summary.recordedMinutes)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/** The day diary: day navigation, summary, doses, the state picker, the half-hour slots and the tables. */
export function renderMotorDiary(options: MotorDiaryOptions): TemplateResult {
  const { view, locale, roving } = options;
  const dayText = formatDiaryDay(view.day, locale);
  const dosesList = view.doses
    .map((dose) => `${formatSlotTime(dose.scheduledAt, locale)} ${doseWords(dose, locale)}`)
    .join(', ');
  return html`<div class="day-nav" part="day-nav">
      <button type="button" part="previous-day" @click=${options.onPreviousDay}>${msg('Jour précédent')}</button>
      <h3 class="day-title" id="motor-day">${dayText}</h3>
      <button
        type="button"
        part="next-day"
        aria-disabled=${view.isToday ? 'true' : 'false'}
        @click=${options.onNextDay}
      >
        ${msg('Jour suivant')}
      </button>
    </div>
    <p class="day-summary" part="day-summary">${daySummaryText(view.summary, locale)}</p>
    <p class="doses" part="doses">
      ${
        view.doses.length === 0
          ? msg('Aucune prise prévue au pilulier ce jour.')
          : msg(str`Prises prévues au pilulier : ${dosesList}.`)
      }
    </p>
    ${renderBrushes(options)}
    <p class="hint">
      ${msg('Choisissez un état, puis touchez chaque demi-heure concernée : une seule touche par créneau.')}
    </p>
    <div class="toolbar">
      <button type="button" part="undo" aria-disabled=${options.canUndo ? 'false' : 'true'} @click=${options.onUndo}>
        ${msg('Annuler la dernière modification')}
      </button>
      <button
        type="button"
        part="table-toggle"
        aria-expanded=${options.tableShown ? 'true' : 'false'}
        aria-controls="motor-day-table"
        @click=${options.onToggleTable}
      >
        ${options.tableShown ? msg('Masquer le tableau du jour') : msg('Afficher le tableau du jour')}
      </button>
    </div>
    ${
      options.saveFailed
        ? html`<p class="save-error" part="save-error" role="alert">
            ${msg("Un créneau n'a pas pu être enregistré : le journal montre ce qui est enregistré. Réessayez.")}
          </p>`
        : nothing
    }
    <div
      class="slots"
      part="slots"
      role="group"
      aria-label=${msg(str`Demi-heures du ${dayText}`)}
      aria-busy=${options.busy ? 'true' : 'false'}
      @keydown=${roving.onKeydown}
      @focusin=${roving.onFocusin}
      @click=${options.onSlotClick}
    >
      ${view.hours.map(
        (hour) =>
          html`<div class="hour">
            <span class="hour-label" aria-hidden="true">${formatHour(hour.start, locale)}</span>
            ${hour.slots.map((slot) => renderSlot(slot, options))}
          </div>`,
      )}
    </div>
    ${renderTables(options)}`;
}
