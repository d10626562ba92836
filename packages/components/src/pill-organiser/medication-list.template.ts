import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { describeDoseSchedule } from '@carnet/catalog-sdk';
import type { MedicationPlan, MedicationReminder, StockStatus } from '@carnet/catalog-sdk';
import { doseScheduleText } from '../shared/dose-words.js';
import type { CarnetLocale } from '../shared/localization.js';
import { formatDoseAmount, formatLongDate, formatNumber, shortMedicationName } from './organiser-format.js';
import type { OrganiserPreset } from './presets.js';

/** What the medication list shows. */
export interface MedicationListView {
  plans: readonly MedicationPlan[];
  stock: ReadonlyMap<string, StockStatus>;
  reminders: readonly MedicationReminder[];
  locale: CarnetLocale;
  preset: OrganiserPreset;
  /** « Ajouter un traitement », shown under the heading. */
  addButton?: TemplateResult;
  /** Opens the editor on a treatment. */
  onEdit?: (plan: MedicationPlan, opener: HTMLElement) => void;
  /** Opens « Nouvelle boîte ». */
  onBox?: (plan: MedicationPlan, opener: HTMLElement) => void;
  /** Asks to stop a treatment. */
  onStop?: (plan: MedicationPlan, opener: HTMLElement) => void;
  /** Whether a treatment's button waits for its dialog's code (it is busy meanwhile). */
  opening?: (action: PlanAction, plan: MedicationPlan) => boolean;
  /** Shown under a treatment's buttons: why its dialog could not open. */
  notice?: (plan: MedicationPlan) => TemplateResult | typeof nothing;
}

/** The buttons of a treatment, by their part. */
export type PlanAction = 'edit-plan' | 'add-box' | 'stop-plan';

/** A warning in words: « Stock bas : Metformine — épuisé vers le 12 mars 2026 ». */
export function reminderText(reminder: MedicationReminder, locale: CarnetLocale): string {
  const medicine = shortMedicationName(reminder.medication);
  const date = formatLongDate(reminder.date, locale);
  switch (reminder.kind) {
    case 'low-stock':
      return msg(str`Stock bas : ${medicine} — épuisé vers le ${date}`);
    case 'stock-before-renewal': {
      const renewal = formatLongDate(reminder.renewalDate ?? reminder.date, locale);
      return msg(str`Prévoir une boîte : ${medicine} — épuisé vers le ${date}, avant le renouvellement du ${renewal}`);
    }
    case 'renewal':
      return msg(str`Ordonnance à renouveler : ${medicine} — avant le ${date}`);
  }
}

/** The low-stock and renewal warnings, the same ones the agenda shows as reminders. */
export function renderReminders(
  reminders: readonly MedicationReminder[],
  locale: CarnetLocale,
): TemplateResult | typeof nothing {
  if (reminders.length === 0) return nothing;
  return html`<section class="reminders" part="reminders" aria-labelledby="reminders-title" data-print-hide>
    <h2 class="section-title" id="reminders-title">${msg('À prévoir')}</h2>
    <ul class="reminder-list">
      ${reminders.map(
        (reminder) =>
          html`<li
            class="reminder reminder--${reminder.kind}"
            part="reminder"
            data-plan-id=${reminder.planId}
            data-kind=${reminder.kind}
          >
            <span class="reminder-icon" aria-hidden="true">${reminder.kind === 'renewal' ? '℞' : '⚠'}</span>
            <span>${reminderText(reminder, locale)}</span>
          </li>`,
      )}
    </ul>
  </section>`;
}

/** The posology with its days, from the rules the grid expands: « 1 ampoule chaque dimanche matin ». */
export function scheduleText(plan: MedicationPlan, locale: CarnetLocale, preset?: OrganiserPreset): string {
  return doseScheduleText(describeDoseSchedule(plan), locale, preset?.rowLabels === 'meals' ? 'meals' : 'moments');
}

function stockText(status: StockStatus, locale: CarnetLocale): string {
  const remaining = formatDoseAmount(status.remaining, status.unit, locale);
  if (status.daysLeft === undefined) return msg(str`Reste ${remaining}`);
  const days = formatNumber(status.daysLeft, locale);
  return msg(str`Reste ${remaining}, soit environ ${days} jours`);
}

function renderPlan(plan: MedicationPlan, view: MedicationListView): TemplateResult {
  const status = view.stock.get(plan.id);
  const renewalDue = status?.renewalDue ?? view.reminders.some((r) => r.planId === plan.id && r.kind === 'renewal');
  const busy = (action: PlanAction): boolean => view.opening?.(action, plan) ?? false;
  return html`<li class="medication" part="medication" data-plan-id=${plan.id}>
    <h3 class="medication-name">${plan.medication.display}</h3>
    <dl class="medication-facts">
      <div>
        <dt>${msg('Posologie')}</dt>
        <dd data-fact="posology">${scheduleText(plan, view.locale, view.preset)}</dd>
      </div>
      ${
        plan.instructions
          ? html`<div>
              <dt>${msg('Consignes')}</dt>
              <dd>${plan.instructions}</dd>
            </div>`
          : nothing
      }
      ${
        plan.prescriber
          ? html`<div>
              <dt>${msg('Prescripteur')}</dt>
              <dd>${plan.prescriber}</dd>
            </div>`
          : nothing
      }
      ${
        plan.renewalDate
          ? html`<div class=${renewalDue ? 'warning' : ''} data-fact="renewal">
              <dt>${msg('Renouvellement')}</dt>
              <dd>
                ${renewalDue ? html`<span aria-hidden="true">℞ </span>` : nothing}${formatLongDate(plan.renewalDate, view.locale)}
                ${renewalDue ? html`<strong class="flag">${msg('à renouveler bientôt')}</strong>` : nothing}
              </dd>
            </div>`
          : nothing
      }
      ${
        status
          ? html`<div class=${status.low ? 'warning' : ''} data-fact="stock">
              <dt>${msg('Stock')}</dt>
              <dd>
                ${status.low ? html`<span aria-hidden="true">⚠ </span>` : nothing}${stockText(status, view.locale)}
                ${status.low ? html`<strong class="flag">${msg('stock bas')}</strong>` : nothing}
              </dd>
            </div>`
          : nothing
      }
    </dl>
    ${
      view.onEdit && view.onBox && view.onStop
        ? html`<div class="medication-actions" data-print-hide>
              <button
                type="button"
                class="secondary-button touch-target"
                part="edit-plan"
                aria-busy=${busy('edit-plan') ? 'true' : nothing}
                aria-disabled=${busy('edit-plan') ? 'true' : nothing}
                aria-label=${msg(str`Modifier ${plan.medication.display}`)}
                @click=${(event: Event) => view.onEdit?.(plan, event.currentTarget as HTMLElement)}
              >
                ${msg('Modifier')}
              </button>
              <button
                type="button"
                class="secondary-button touch-target"
                part="add-box"
                aria-busy=${busy('add-box') ? 'true' : nothing}
                aria-disabled=${busy('add-box') ? 'true' : nothing}
                aria-label=${msg(str`Nouvelle boîte de ${plan.medication.display}`)}
                @click=${(event: Event) => view.onBox?.(plan, event.currentTarget as HTMLElement)}
              >
                ${msg('Nouvelle boîte')}
              </button>
              <button
                type="button"
                class="secondary-button touch-target"
                part="stop-plan"
                aria-busy=${busy('stop-plan') ? 'true' : nothing}
                aria-disabled=${busy('stop-plan') ? 'true' : nothing}
                aria-label=${msg(str`Arrêter ${plan.medication.display}`)}
                @click=${(event: Event) => view.onStop?.(plan, event.currentTarget as HTMLElement)}
              >
                ${msg('Arrêter')}
              </button>
            </div>
            ${view.notice?.(plan) ?? nothing}`
        : nothing
    }
  </li>`;
}

/** The treatments: dose and times, instructions, prescriber, renewal date and stock. */
export function renderMedicationList(view: MedicationListView): TemplateResult {
  return html`<section class="medications" part="medications" aria-labelledby="medications-title">
    <h2 class="section-title" id="medications-title">${msg('Mes traitements')}</h2>
    ${view.addButton ?? nothing}
    <ul class="medication-list">
      ${view.plans.filter((plan) => plan.stoppedAt === undefined).map((plan) => renderPlan(plan, view))}
    </ul>
  </section>`;
}
