import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { MedicationPlan } from '@carnet/catalog-sdk';
import { userMessageFor } from '../shared/error-messages.js';
import type { PlanActionsController } from './plan-actions.controller.js';
import { shortMedicationName } from './organiser-format.js';

function failure(actions: PlanActionsController): TemplateResult | typeof nothing {
  return actions.failureKey
    ? html`<p class="notice notice--error" part="plan-error" role="alert">
        ${msg(str`L'enregistrement a échoué : ${userMessageFor(actions.failureKey)} Rien n'a été modifié.`)}
      </p>`
    : nothing;
}

/**
 * The content of « Arrêter ce traitement ? », focus on « Garder le traitement » (the safe choice).
 * The `<dialog part="stop-dialog">` around it is the organiser's.
 */
export function renderStopDialog(actions: PlanActionsController): TemplateResult {
  const plan = actions.stopTarget;
  return html`${
    plan
      ? html`<h2 class="dialog-title" id="stop-dialog-title">
            ${msg(str`Arrêter ${shortMedicationName(plan.medication.display)} ?`)}
          </h2>
          <p>
            ${msg(
              "Les prises prévues à partir de maintenant disparaîtront du semainier et de l'agenda. Les prises déjà notées restent.",
            )}
          </p>
          ${failure(actions)}
          <div class="dialog-actions">
            <button type="button" class="primary-button touch-target" autofocus @click=${() => actions.cancelStop()}>
              ${msg('Garder le traitement')}
            </button>
            <button
              type="button"
              class="secondary-button touch-target"
              part="confirm-stop"
              ?disabled=${actions.busy}
              @click=${() => actions.confirmStop()}
            >
              ${actions.busy ? msg('Enregistrement…') : msg('Arrêter le traitement')}
            </button>
          </div>`
      : nothing
  }`;
}

/**
 * The content of « Nouvelle boîte »: the units it holds, added to the stock. The
 * `<dialog part="box-dialog">` around it is the organiser's.
 */
export function renderBoxDialog(actions: PlanActionsController): TemplateResult {
  const plan = actions.boxTarget;
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    void actions.confirmBox();
  };
  return html`${
    plan
      ? html`<h2 class="dialog-title" id="box-dialog-title">
            ${msg(str`Nouvelle boîte de ${shortMedicationName(plan.medication.display)}`)}
          </h2>
          <form class="dialog-form" @submit=${submit} novalidate>
            <label for="box-units">${msg(str`Unités dans la boîte (${plan.doseUnit})`)}</label>
            <input
              id="box-units"
              part="box-units"
              inputmode="numeric"
              required
              autofocus
              aria-invalid=${actions.boxInvalid ? 'true' : 'false'}
              .value=${live(actions.boxUnits)}
              @input=${(event: Event) => actions.setBoxUnits((event.target as HTMLInputElement).value)}
            />
            ${
              actions.boxInvalid
                ? html`<p class="notice notice--error" role="alert">
                    ${msg('Indiquez un nombre entier plus grand que 0.')}
                  </p>`
                : nothing
            }
            ${failure(actions)}
            <div class="dialog-actions">
              <button type="submit" class="primary-button touch-target" part="confirm-box" ?disabled=${actions.busy}>
                ${actions.busy ? msg('Enregistrement…') : msg('Ajouter au stock')}
              </button>
              <button type="button" class="secondary-button touch-target" @click=${() => actions.cancelBox()}>
                ${msg('Annuler')}
              </button>
            </div>
          </form>`
      : nothing
  }`;
}

/** After a stop: what was stopped, and « Annuler l'arrêt ». */
export function renderStopNotice(actions: PlanActionsController): TemplateResult | typeof nothing {
  const plan: MedicationPlan | undefined = actions.lastStopped;
  if (!plan) return nothing;
  return html`<p class="notice" part="stop-notice" role="status">
    ${msg(str`${shortMedicationName(plan.medication.display)} est arrêté.`)}
    <button type="button" class="secondary-button touch-target" part="undo-stop" @click=${() => actions.undoStop()}>
      ${msg("Annuler l'arrêt")}
    </button>
  </p>`;
}
