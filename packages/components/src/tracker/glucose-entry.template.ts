import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  MEAL_CONTEXTS,
  fromMgPerDl,
  GLUCOSE_LIMITS_MG_PER_DL,
  type GlucoseUnit,
  type MealContext,
} from '@carnet/catalog-sdk';
import { dateShape } from '../shared/date-time-fields.js';
import type { CarnetLocale } from '../shared/localization.js';
import type { GlucoseEntryController, GlucoseEntryProblem } from './glucose-entry.controller.js';
import { mealContextLabel } from './glucose-labels.js';

/** What the entry dialog needs besides its controller. */
export interface GlucoseEntryOptions {
  entry: GlucoseEntryController;
  unit: GlucoseUnit;
  locale: CarnetLocale;
  onSubmit(event: SubmitEvent): void;
  onClose(): void;
  onMealContext(context: MealContext): void;
}

function problemText(problem: GlucoseEntryProblem, unit: GlucoseUnit, locale: CarnetLocale): string {
  const min = fromMgPerDl(GLUCOSE_LIMITS_MG_PER_DL.min, unit);
  const max = fromMgPerDl(GLUCOSE_LIMITS_MG_PER_DL.max, unit);
  switch (problem) {
    case 'value-missing':
      return msg('Indiquez la valeur lue sur votre lecteur.');
    case 'value-invalid':
      return msg('Écrivez la valeur avec des chiffres, par exemple 112.');
    case 'value-implausible':
      return msg(str`Cette valeur semble mal saisie : un lecteur affiche entre ${min} et ${max} ${unit}.`);
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

const valueProblem = (problem: GlucoseEntryProblem | undefined): boolean =>
  problem === 'value-missing' || problem === 'value-invalid' || problem === 'value-implausible';

/** The « Noter une glycémie » dialog: value first (focused), meal context as large buttons, Enter saves. */
export function renderGlucoseEntry(view: GlucoseEntryOptions): TemplateResult {
  const { entry, unit, locale } = view;
  const problem = entry.problem;
  return html`<dialog part="entry-dialog" aria-labelledby="entry-title">
    ${
      entry.isOpen
        ? html`<form class="entry" @submit=${view.onSubmit} novalidate>
            <h3 id="entry-title">${msg('Noter une glycémie')}</h3>
            <div class="value-field">
              <label for="glucose-value">${msg(str`Glycémie (${unit})`)}</label>
              <input
                id="glucose-value"
                name="value"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                autofocus
                part="value-input"
                aria-invalid=${valueProblem(problem) ? 'true' : 'false'}
                aria-describedby=${valueProblem(problem) ? 'entry-problem' : nothing}
              />
              <span class="unit" aria-hidden="true">${unit}</span>
            </div>
            <fieldset class="meal-contexts">
              <legend>${msg('Moment (facultatif)')}</legend>
              ${MEAL_CONTEXTS.map(
                (context) =>
                  html`<button
                    type="button"
                    part="meal-context"
                    aria-pressed=${entry.mealContext === context ? 'true' : 'false'}
                    @click=${() => view.onMealContext(context)}
                  >
                    ${mealContextLabel(context)}
                  </button>`,
              )}
            </fieldset>
            <div class="when">
              <label>
                ${msg('Jour')}
                <input
                  name="day"
                  type="text"
                  inputmode="numeric"
                  .value=${entry.day}
                  aria-invalid=${problem === 'date' ? 'true' : 'false'}
                />
              </label>
              <label>
                ${msg('Heure')}
                <input
                  name="time"
                  type="text"
                  inputmode="numeric"
                  .value=${entry.time}
                  aria-invalid=${problem === 'time' ? 'true' : 'false'}
                />
              </label>
            </div>
            ${problem ? html`<p id="entry-problem" class="problem" role="alert">${problemText(problem, unit, locale)}</p>` : nothing}
            <div class="actions">
              <button type="submit" part="save" class="primary" ?disabled=${entry.saving}>${msg('Enregistrer')}</button>
              <button type="button" @click=${view.onClose}>${msg('Fermer')}</button>
            </div>
          </form>`
        : nothing
    }
  </dialog>`;
}
