import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { describeDoseSchedule, WEEKDAYS } from '@carnet/catalog-sdk';
import type { MedicationPlan, PlanValidationRule } from '@carnet/catalog-sdk';
import { dateShape } from '../shared/date-time-fields.js';
import { doseScheduleText, weekdayName } from '../shared/dose-words.js';
import type { CarnetLocale } from '../shared/localization.js';
import { DAYS_CHOICES, WHEN_CHOICES } from './plan-editor.controller.js';
import type { DaysChoice, PlanDraft, PlanEditorController, WhenChoice } from './plan-editor.controller.js';

/** What the editor dialog shows and does. */
export interface PlanEditorView {
  editor: PlanEditorController;
  locale: CarnetLocale;
}

function whenLabel(choice: WhenChoice): string {
  switch (choice) {
    case 'morning':
      return msg('Le matin');
    case 'noon':
      return msg('Le midi');
    case 'evening':
      return msg('Le soir');
    case 'bedtime':
      return msg('Au coucher');
    case 'morning-evening':
      return msg('Matin et soir');
    case 'morning-noon-evening':
      return msg('Matin, midi et soir');
    case 'meals':
      return msg('3 fois par jour aux repas');
    case 'times':
      return msg('À heures fixes…');
  }
}

function daysLabel(choice: DaysChoice): string {
  switch (choice) {
    case 'every-day':
      return msg('Tous les jours');
    case 'every-2-days':
      return msg('Tous les 2 jours');
    case 'every-3-days':
      return msg('Tous les 3 jours');
    case 'weekdays':
      return msg('Certains jours de la semaine…');
  }
}

/** The sentence of a refusal, next to its field. */
export function planRuleMessage(rule: PlanValidationRule | 'save-failed', locale: CarnetLocale): string {
  switch (rule) {
    case 'medication-missing':
      return msg('Indiquez le nom du médicament.');
    case 'dose-invalid':
      return msg('La dose doit être un nombre plus grand que 0.');
    case 'dose-unit-missing':
      return msg('Indiquez l’unité de la dose (comprimé, gélule, UI…).');
    case 'no-dose-time':
      return msg('Indiquez quand prendre le médicament.');
    case 'time-invalid':
    case 'times-mixed':
      return msg('Écrivez les heures sous la forme 08:00, 20:00.');
    case 'weekday-invalid':
      return msg('Cochez au moins un jour de la semaine.');
    case 'date-invalid': {
      const shape = dateShape(locale);
      return msg(str`Une date est incomplète ou n’existe pas : écrivez-la ${shape}.`);
    }
    case 'end-before-start':
      return msg('La fin du traitement ne peut pas précéder son début.');
    case 'stock-invalid':
    case 'box-invalid':
      return msg('Indiquez le nombre de boîtes et d’unités par boîte en nombres entiers.');
    default:
      return msg("L'enregistrement a échoué. Rien n'a été modifié.");
  }
}

/** The posology the draft will save, in words, or nothing while it cannot be read. */
function preview(editor: PlanEditorController, locale: CarnetLocale): string | undefined {
  const plan = editor.planOfDraft();
  if (!plan || !(plan.dose > 0) || plan.slots.length === 0) return undefined;
  if (editor.draft?.days === 'weekdays' && plan.daysOfWeek?.length === 0) return undefined;
  try {
    return doseScheduleText(
      describeDoseSchedule({ ...plan, id: 'draft', version: '0', timeZone: plan.timeZone ?? 'Europe/Paris' }),
      locale,
    );
  } catch {
    return undefined;
  }
}

type TextField = Exclude<keyof PlanDraft, 'weekdays' | 'when' | 'days' | DateField>;
type DateField = 'start' | 'end' | 'renewalDate';

function field(
  view: PlanEditorView,
  name: TextField,
  label: string,
  options: { required?: boolean; inputmode?: string; hint?: string; autofocus?: boolean } = {},
): TemplateResult {
  const { editor } = view;
  const id = `plan-${name}`;
  return html`<label for=${id}>${label}</label>
    ${options.hint ? html`<span class="hint" id=${`${id}-hint`}>${options.hint}</span>` : nothing}
    <input
      id=${id}
      name=${name}
      type="text"
      inputmode=${options.inputmode ?? nothing}
      aria-describedby=${options.hint ? `${id}-hint` : nothing}
      ?required=${options.required ?? false}
      ?autofocus=${options.autofocus ?? false}
      .value=${live(editor.draft?.[name] ?? '')}
      @input=${(event: Event) => editor.set(name, (event.target as HTMLInputElement).value)}
    />`;
}

/**
 * A day typed in the page's order (« 03/04/2027 » is 3 April on a French or English page),
 * never a native date input, whose order is the browser's; its shape (`jj/mm/aaaa`) is given
 * under the label.
 */
function dateField(view: PlanEditorView, name: DateField, label: string, required = false): TemplateResult {
  const { editor, locale } = view;
  const id = `plan-${name}`;
  const invalid = editor.problem?.field === name;
  return html`<label for=${id}>${label}</label>
    <span class="field-hint" id=${`${id}-hint`}>${dateShape(locale)}</span>
    <input
      id=${id}
      name=${name}
      type="text"
      class="date-field"
      inputmode="numeric"
      autocomplete="off"
      aria-describedby=${`${id}-hint`}
      aria-invalid=${invalid ? 'true' : 'false'}
      ?required=${required}
      .value=${live(editor.draft?.[name] ?? '')}
      @input=${(event: Event) => editor.set(name, (event.target as HTMLInputElement).value)}
    />`;
}

function renderWeekdays(view: PlanEditorView, draft: Readonly<PlanDraft>): TemplateResult {
  return html`<fieldset class="weekdays" part="plan-weekdays">
    <legend>${msg('Jours de prise')}</legend>
    ${WEEKDAYS.map(
      (day) =>
        html`<label class="weekday"
          ><input
            type="checkbox"
            name="weekday"
            value=${day}
            .checked=${live(draft.weekdays.includes(day))}
            @change=${() => view.editor.toggleWeekday(day)}
          />${weekdayName(day, view.locale)}</label
        >`,
    )}
  </fieldset>`;
}

function renderForm(
  view: PlanEditorView,
  draft: Readonly<PlanDraft>,
  plan: MedicationPlan | undefined,
): TemplateResult {
  const { editor, locale } = view;
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    void editor.save();
  };
  const problem = editor.problem;
  const words = preview(editor, locale);
  return html`<form class="dialog-form plan-form" part="plan-form" @submit=${submit} novalidate>
    ${field(view, 'medication', msg('Médicament'), { required: true, autofocus: true })}
    <div class="form-row">
      <div>${field(view, 'dose', msg('Dose par prise'), { inputmode: 'decimal', required: true })}</div>
      <div>${field(view, 'doseUnit', msg('Unité'), { required: true })}</div>
    </div>
    <label for="plan-when">${msg('Quand')}</label>
    <select
      id="plan-when"
      name="when"
      @change=${(event: Event) => editor.set('when', (event.target as HTMLSelectElement).value as WhenChoice)}
    >
      ${WHEN_CHOICES.map((choice) => html`<option value=${choice} ?selected=${choice === draft.when}>${whenLabel(choice)}</option>`)}
    </select>
    ${
      draft.when === 'times'
        ? field(view, 'times', msg('Heures'), { hint: msg('Par exemple 07:00, 11:00, 15:00'), required: true })
        : nothing
    }
    <label for="plan-days">${msg('Quels jours')}</label>
    <select
      id="plan-days"
      name="days"
      @change=${(event: Event) => editor.set('days', (event.target as HTMLSelectElement).value as DaysChoice)}
    >
      ${DAYS_CHOICES.map((choice) => html`<option value=${choice} ?selected=${choice === draft.days}>${daysLabel(choice)}</option>`)}
    </select>
    ${draft.days === 'weekdays' ? renderWeekdays(view, draft) : nothing}
    <div class="form-row">
      <div>${dateField(view, 'start', msg('Début'), true)}</div>
      <div>${dateField(view, 'end', msg('Fin (facultatif)'))}</div>
    </div>
    <div class="form-row">
      ${plan?.stock ? nothing : html`<div>${field(view, 'boxes', msg('Boîtes'), { inputmode: 'numeric' })}</div>`}
      <div>${field(view, 'unitsPerBox', msg('Unités par boîte'), { inputmode: 'numeric' })}</div>
    </div>
    ${dateField(view, 'renewalDate', msg('Renouvellement de l’ordonnance (facultatif)'))}
    ${field(view, 'instructions', msg('Consignes (facultatif)'))}
    <p class="plan-preview" part="plan-preview" aria-live="polite">
      ${words ? msg(str`Vous prendrez : ${words}`) : nothing}
    </p>
    ${
      problem
        ? html`<p class="notice notice--error" part="plan-error" role="alert">
            ${planRuleMessage(problem.rule, locale)}
          </p>`
        : nothing
    }
    <div class="dialog-actions">
      <button type="submit" class="primary-button touch-target" part="plan-save" ?disabled=${editor.saving}>
        ${editor.saving ? msg('Enregistrement…') : msg('Enregistrer le traitement')}
      </button>
      <button type="button" class="secondary-button touch-target" @click=${() => editor.close()}>
        ${msg('Annuler')}
      </button>
    </div>
  </form>`;
}

/**
 * The content of the treatment editor dialog: a new treatment, or changes to one. The
 * `<dialog part="plan-editor">` around it is the organiser's.
 */
export function renderPlanEditor(view: PlanEditorView): TemplateResult {
  const draft = view.editor.draft;
  const plan = view.editor.editing;
  return html`${
    draft
      ? html`<h2 class="dialog-title" id="plan-editor-title">
            ${plan ? msg('Modifier le traitement') : msg('Ajouter un traitement')}
          </h2>
          ${renderForm(view, draft, plan)}`
      : nothing
  }`;
}
