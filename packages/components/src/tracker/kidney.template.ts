import { html, nothing, svg } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { DIALYSIS_MOMENTS, type DialysisMoment } from '@carnet/catalog-sdk';
import { dateShape } from '../shared/date-time-fields.js';
import type { CarnetLocale } from '../shared/localization.js';
import { formatMoment } from './glucose-chart.template.js';
import type { KidneyEntryController, KidneyEntryProblem } from './kidney-entry.controller.js';
import type { KidneyView } from './kidney-view.model.js';

const kgFormats = new Map<CarnetLocale, Intl.NumberFormat>();

/** « 72,4 kg ». */
export function formatKg(kg: number, locale: CarnetLocale): string {
  let format = kgFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    kgFormats.set(locale, format);
  }
  return `${format.format(kg)} kg`;
}

function momentLabel(moment: DialysisMoment): string {
  return moment === 'before-dialysis' ? msg('Avant la séance') : msg('Après la séance');
}

function problemText(problem: KidneyEntryProblem, locale: CarnetLocale): string {
  switch (problem) {
    case 'nothing':
      return msg('Indiquez votre poids, ou votre tension.');
    case 'weight':
      return msg('Ce poids semble mal saisi : écrivez-le en kilos, par exemple 72,4.');
    case 'pressure':
      return msg(
        'Indiquez les deux chiffres de la tension, le plus grand d’abord, par exemple 13 puis 8 s’écrit 130 et 80.',
      );
    case 'date': {
      const shape = dateShape(locale);
      return msg(str`Date non reconnue : écrivez-la ${shape}.`);
    }
    case 'time':
      return msg('Heure non reconnue : écrivez-la par exemple 07:30.');
    case 'save':
      return msg("La mesure n'a pas pu être enregistrée. Réessayez.");
  }
}

/** What the kidney panel needs. */
export interface KidneyPanelOptions {
  view: KidneyView;
  locale: CarnetLocale;
  limit?: number;
  tableShown: boolean;
  onAdd(): void;
  onToggleTable(): void;
}

/** Last weight gain against the limit, the chart, the sessions table and the blood pressures. */
export function renderKidneyPanel(options: KidneyPanelOptions): TemplateResult {
  const { view, locale, limit } = options;
  const last = view.lastGain;
  const limitText = limit === undefined ? '' : formatKg(limit, locale);
  return html`<div class="toolbar">
      <button type="button" part="add" class="primary" @click=${options.onAdd}>
        ${msg('Noter mon poids ou ma tension')}
      </button>
    </div>
    <p class="targets">
      ${
        limit === undefined
          ? msg('Limite de prise de poids entre deux séances : à demander à votre néphrologue.')
          : msg(str`Limite de prise de poids entre deux séances, fixée par votre néphrologue : ${limitText}.`)
      }
    </p>
    ${
      last?.gain !== undefined
        ? html`<p class="latest" part="latest">
            ${msg(str`Prise de poids avant la séance du ${formatMoment(last.session.start, locale)} :`)}
            <strong>${formatKg(last.gain, locale)}</strong>
            ${limit === undefined ? '' : last.overLimit ? `— ${msg('au-dessus de la limite')}` : `— ${msg('dans la limite')}`}
          </p>`
        : html`<p class="latest" part="latest">
            ${msg('Notez votre poids avant et après chaque séance : la prise de poids entre deux séances s’affichera ici.')}
          </p>`
    }
    <svg
      part="chart"
      class="chart"
      role="img"
      aria-label=${msg(str`Courbe du poids avant et après les séances : ${view.chart.points.length} pesées.`)}
      viewBox="0 0 ${view.chart.width} ${view.chart.height}"
      preserveAspectRatio="none"
    >
      ${view.chart.points.map(
        (point) =>
          svg`<circle class="point ${point.moment === 'before' ? 'high' : 'in-range'}" cx=${point.x} cy=${point.y} r="5" data-value=${point.kg}><title>${formatKg(point.kg, locale)}</title></circle>`,
      )}
    </svg>
    <div class="toolbar">
      <button
        type="button"
        part="table-toggle"
        aria-expanded=${options.tableShown ? 'true' : 'false'}
        aria-controls="kidney-table"
        @click=${options.onToggleTable}
      >
        ${options.tableShown ? msg('Masquer le tableau des valeurs') : msg('Afficher le tableau des valeurs')}
      </button>
    </div>
    ${
      options.tableShown
        ? html`<table part="table" id="kidney-table" class="table">
              <caption>
                ${msg('Poids aux séances de dialyse')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Séance')}</th>
                  <th scope="col">${momentLabel('before-dialysis')}</th>
                  <th scope="col">${momentLabel('after-dialysis')}</th>
                  <th scope="col">${msg('Prise de poids depuis la séance précédente')}</th>
                </tr>
              </thead>
              <tbody>
                ${view.rows.map(
                  (row) =>
                    html`<tr>
                      <th scope="row">${formatMoment(row.session.start, locale)}</th>
                      <td>${row.before === undefined ? '—' : formatKg(row.before, locale)}</td>
                      <td>${row.after === undefined ? '—' : formatKg(row.after, locale)}</td>
                      <td>
                        ${row.gain === undefined ? '—' : formatKg(row.gain, locale)}
                        ${row.overLimit ? `(${msg('au-dessus de la limite')})` : ''}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
            <table part="pressure-table" class="table">
              <caption>
                ${msg('Tension artérielle')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Moment')}</th>
                  <th scope="col">${msg('Tension (mmHg)')}</th>
                </tr>
              </thead>
              <tbody>
                ${view.pressures.map(
                  (pressure) =>
                    html`<tr>
                      <th scope="row">${formatMoment(pressure.at, locale)}</th>
                      <td>${pressure.systolic} / ${pressure.diastolic}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
        : nothing
    }`;
}

/** What the kidney entry dialog needs. */
export interface KidneyEntryOptions {
  entry: KidneyEntryController;
  locale: CarnetLocale;
  onSubmit(event: SubmitEvent): void;
  onClose(): void;
  onMoment(moment: DialysisMoment): void;
  onSession(event: Event): void;
}

/** The « Noter mon poids ou ma tension » dialog. */
export function renderKidneyEntry(view: KidneyEntryOptions): TemplateResult {
  const { entry, locale } = view;
  const problem = entry.problem;
  return html`<dialog part="entry-dialog" aria-labelledby="kidney-entry-title">
    ${
      entry.isOpen
        ? html`<form class="entry" @submit=${view.onSubmit} novalidate>
            <h3 id="kidney-entry-title">${msg('Noter mon poids ou ma tension')}</h3>
            <div class="value-field">
              <label for="kidney-kg">${msg('Poids (kg)')}</label>
              <input
                id="kidney-kg"
                name="kg"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                autofocus
                part="value-input"
                aria-invalid=${problem === 'weight' || problem === 'nothing' ? 'true' : 'false'}
              />
              <span class="unit" aria-hidden="true">kg</span>
            </div>
            <fieldset class="meal-contexts">
              <legend>${msg('Moment')}</legend>
              ${DIALYSIS_MOMENTS.map(
                (moment) =>
                  html`<button
                    type="button"
                    part="meal-context"
                    aria-pressed=${entry.moment === moment ? 'true' : 'false'}
                    @click=${() => view.onMoment(moment)}
                  >
                    ${momentLabel(moment)}
                  </button>`,
              )}
            </fieldset>
            <label class="file-field">
              ${msg('Séance')}
              <select name="session" @change=${view.onSession}>
                ${entry.sessions.map(
                  (session) =>
                    html`<option value=${session.start} ?selected=${session.start === entry.session}>
                      ${formatMoment(session.start, locale)}
                    </option>`,
                )}
                <option value="" ?selected=${entry.session === ''}>${msg('Hors séance')}</option>
              </select>
            </label>
            <div class="when">
              <label
                >${msg('Tension : le grand chiffre (mmHg)')}
                <input
                  name="systolic"
                  type="text"
                  inputmode="numeric"
                  aria-invalid=${problem === 'pressure' ? 'true' : 'false'}
                />
              </label>
              <label
                >${msg('le petit chiffre (mmHg)')}
                <input
                  name="diastolic"
                  type="text"
                  inputmode="numeric"
                  aria-invalid=${problem === 'pressure' ? 'true' : 'false'}
                />
              </label>
            </div>
            <div class="when">
              <label
                >${msg('Jour')}
                <input
                  name="day"
                  type="text"
                  inputmode="numeric"
                  .value=${entry.day}
                  aria-invalid=${problem === 'date' ? 'true' : 'false'}
                />
              </label>
              <label
                >${msg('Heure')}
                <input
                  name="time"
                  type="text"
                  inputmode="numeric"
                  .value=${entry.time}
                  aria-invalid=${problem === 'time' ? 'true' : 'false'}
                />
              </label>
            </div>
            ${problem ? html`<p class="problem" role="alert">${problemText(problem, locale)}</p>` : nothing}
            <div class="actions">
              <button type="submit" part="save" class="primary" ?disabled=${entry.saving}>${msg('Enregistrer')}</button>
              <button type="button" @click=${view.onClose}>${msg('Fermer')}</button>
            </div>
          </form>`
        : nothing
    }
  </dialog>`;
}
