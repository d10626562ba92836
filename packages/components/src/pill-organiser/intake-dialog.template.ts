import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { describeDoseSchedule } from '@carnet/catalog-sdk';
import { doseScheduleText, type DoseMomentNaming } from '../shared/dose-words.js';
import { userMessageFor } from '../shared/error-messages.js';
import type { CarnetLocale } from '../shared/localization.js';
import { doseStateText } from './dose-button.template.js';
import type { IntakeActionsController } from './intake-actions.controller.js';
import { localTimeOf } from './organiser-calendar.js';
import {
  formatClockTime,
  formatDayHeading,
  formatDoseAmount,
  formatLateness,
  shortMedicationName,
} from './organiser-format.js';
import { SKIP_REASONS, skipReasonLabel, stateIcon } from './organiser-labels.js';
import type { SkipReason } from './organiser-labels.js';
import type { GridDose } from './week-grid.model.js';
import { formatTimeField } from '../shared/date-time-fields.js';

/** What the intake dialog shows and does. */
export interface IntakeDialogView {
  /** The dose the dialog is open for, with its current state; undefined when closed. */
  entry: GridDose | undefined;
  today: string;
  timeZone: string;
  locale: CarnetLocale;
  /** How the posology names moments (« matin » or « au petit-déjeuner »), as the grid's rows. */
  naming: DoseMomentNaming;
  actions: IntakeActionsController;
}

function problemText(actions: IntakeActionsController): string | undefined {
  switch (actions.problem) {
    case 'save-failed':
      return msg(
        str`L'enregistrement a échoué : ${userMessageFor(actions.failureKey ?? 'error.unknown')} Rien n'a été modifié.`,
      );
    case 'time-missing':
      return msg("Indiquez l'heure de la prise.");
    case 'time-unreadable':
      return msg('Heure non reconnue : écrivez-la hh:mm, par exemple 14:30.');
    case 'time-in-future':
      return msg("L'heure de la prise ne peut pas être dans le futur.");
    default:
      return undefined;
  }
}

function renderRecorded(entry: GridDose, view: IntakeDialogView): TemplateResult {
  const record = entry.record;
  if (!record) return html``;
  const taken = record.status === 'taken' && record.takenAt;
  return html`<p class="recorded" part="recorded">
    ${
      taken
        ? msg(
            str`Prise notée à ${formatClockTime(localTimeOf(new Date(record.takenAt ?? ''), view.timeZone), view.locale)}.`,
          )
        : record.status === 'skipped'
          ? msg(str`Dose sautée : ${skipReasonLabel(record.reason ?? 'other')}.`)
          : msg('Prise notée.')
    }
    ${record.note ? html`<br /><span class="recorded-note">${msg(str`Note : ${record.note}`)}</span>` : nothing}
  </p>`;
}

function renderMenu(entry: GridDose, view: IntakeDialogView, saving: boolean): TemplateResult {
  const { actions } = view;
  if (entry.record) {
    return html`${renderRecorded(entry, view)}
      <div class="dialog-actions">
        <button
          type="button"
          class="primary-button touch-target"
          part="undo"
          ?disabled=${saving}
          @click=${() => actions.undo()}
        >
          ${saving ? msg('Enregistrement…') : msg('Annuler la saisie')}
        </button>
        <button type="button" class="secondary-button touch-target" autofocus @click=${() => actions.close()}>
          ${msg('Fermer')}
        </button>
      </div>`;
  }
  if (entry.date > view.today) {
    return html`<p class="notice">
        ${msg('Cette prise est prévue un jour à venir : vous pourrez la noter ce jour-là.')}
      </p>
      <div class="dialog-actions">
        <button type="button" class="secondary-button touch-target" autofocus @click=${() => actions.close()}>
          ${msg('Fermer')}
        </button>
      </div>`;
  }
  return html`<div class="dialog-actions dialog-actions--menu">
    <button
      type="button"
      class="primary-button touch-target"
      part="take-now"
      autofocus
      ?disabled=${saving}
      @click=${() => actions.takeNow()}
    >
      <span aria-hidden="true">✓ </span>${saving ? msg('Enregistrement…') : msg('Prise maintenant')}
    </button>
    <button
      type="button"
      class="secondary-button touch-target"
      part="take-at"
      ?disabled=${saving}
      @click=${() => actions.showStep('time')}
    >
      <span aria-hidden="true">◷ </span>${msg('Prise à une autre heure…')}
    </button>
    <button
      type="button"
      class="secondary-button touch-target"
      part="skip"
      ?disabled=${saving}
      @click=${() => actions.showStep('skip')}
    >
      <span aria-hidden="true">↷ </span>${msg('Sauter cette prise…')}
    </button>
    <button type="button" class="secondary-button touch-target" @click=${() => actions.close()}>
      ${msg('Fermer')}
    </button>
  </div>`;
}

/** Save and « Retour » (back to the menu), shared by the time and skip forms. */
function renderFormActions(actions: IntakeActionsController, saving: boolean): TemplateResult {
  return html`<div class="dialog-actions">
    <button type="submit" class="primary-button touch-target" part="confirm" ?disabled=${saving}>
      ${saving ? msg('Enregistrement…') : msg('Enregistrer')}
    </button>
    <button type="button" class="secondary-button touch-target" @click=${() => actions.showStep('menu')}>
      ${msg('Retour')}
    </button>
  </div>`;
}

function renderTimeForm(view: IntakeDialogView, saving: boolean): TemplateResult {
  const { actions } = view;
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    void actions.takeAtChosenTime();
  };
  return html`<form class="dialog-form" @submit=${submit}>
    <label for="taken-at">${msg('Heure de la prise')}</label>
    <input
      id="taken-at"
      part="taken-at-input"
      class="time-field"
      type="text"
      autocomplete="off"
      required
      autofocus
      aria-describedby="taken-at-hint"
      aria-invalid=${actions.problem === 'time-missing' || actions.problem === 'time-unreadable' ? 'true' : 'false'}
      .value=${live(formatTimeField(actions.takenAtTime))}
      @input=${(event: Event) => actions.setTakenAtTime((event.target as HTMLInputElement).value)}
    />
    <span class="field-hint" id="taken-at-hint">${msg('hh:mm, sur 24 heures')}</span>
    ${renderFormActions(actions, saving)}
  </form>`;
}

function renderSkipForm(view: IntakeDialogView, saving: boolean): TemplateResult {
  const { actions } = view;
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    void actions.skip();
  };
  return html`<form class="dialog-form" @submit=${submit}>
    <label for="skip-reason">${msg('Raison')}</label>
    <select
      id="skip-reason"
      part="skip-reason"
      autofocus
      @change=${(event: Event) => actions.setSkipReason((event.target as HTMLSelectElement).value as SkipReason)}
    >
      ${SKIP_REASONS.map(
        (reason) =>
          html`<option value=${reason} ?selected=${reason === actions.skipReason}>${skipReasonLabel(reason)}</option>`,
      )}
    </select>
    <label for="skip-note">${msg('Note (facultatif)')}</label>
    <textarea
      id="skip-note"
      part="skip-note"
      rows="2"
      maxlength="500"
      .value=${live(actions.skipNote)}
      @input=${(event: Event) => actions.setSkipNote((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${renderFormActions(actions, saving)}
  </form>`;
}

/** The warning before a dose is noted far before its time; « Revenir » (the safe choice) has focus. */
function renderEarlyWarning(entry: GridDose, view: IntakeDialogView, saving: boolean): TemplateResult {
  const { actions, locale } = view;
  const early = formatLateness(actions.minutesEarly ?? 0, locale);
  const time = formatClockTime(entry.time, locale);
  return html`<p class="notice notice--warning" part="early-warning" role="alert">
      ${msg(str`Attention : cette prise est prévue à ${time}, dans ${early}. La noter prise maintenant ?`)}
    </p>
    <div class="dialog-actions">
      <button type="button" class="primary-button touch-target" autofocus @click=${() => actions.showStep('menu')}>
        ${msg('Revenir')}
      </button>
      <button
        type="button"
        class="secondary-button touch-target"
        part="confirm-early"
        ?disabled=${saving}
        @click=${() => actions.confirmEarly()}
      >
        ${saving ? msg('Enregistrement…') : msg('Noter quand même')}
      </button>
    </div>`;
}

/**
 * The content of the dialog of one dose: taken now, taken at another time, skipped with a reason,
 * or undo. The `<dialog part="intake-dialog">` around it is the organiser's.
 */
export function renderIntakeDialog(view: IntakeDialogView): TemplateResult {
  const { entry, actions, locale } = view;
  const saving = entry ? actions.isSaving(entry.key) : false;
  const problem = problemText(actions);
  let body: TemplateResult | typeof nothing = nothing;
  if (entry) {
    body =
      actions.step === 'time'
        ? renderTimeForm(view, saving)
        : actions.step === 'skip'
          ? renderSkipForm(view, saving)
          : actions.step === 'early'
            ? renderEarlyWarning(entry, view, saving)
            : renderMenu(entry, view, saving);
  }
  return html`${
    entry
      ? html`<h2 class="dialog-title" id="intake-dialog-title">${shortMedicationName(entry.dose.medication)}</h2>
          <p class="dialog-subtitle">
            ${msg(
              str`${formatDoseAmount(entry.dose.dose, entry.dose.doseUnit, locale)} — ${formatDayHeading(entry.date, locale)}, ${formatClockTime(entry.time, locale)}`,
            )}
          </p>
          <p class="dialog-posology" part="dialog-posology">
            ${msg(str`Posologie : ${doseScheduleText(describeDoseSchedule(entry.plan), locale, view.naming)}`)}
          </p>
          <p class="dialog-state" part="dialog-state">
            <span aria-hidden="true">${stateIcon(entry.state)} </span>${doseStateText(entry, locale)}
          </p>
          ${problem ? html`<p class="notice notice--error" part="intake-error" role="alert">${problem}</p>` : nothing}
          ${body}`
      : nothing
  }`;
}
