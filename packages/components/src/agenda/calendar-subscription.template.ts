import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { CalendarSubscriptionController } from './calendar-subscription.controller.js';

/**
 * « Sur votre téléphone »: subscribe the phone's calendar (webcal) to the
 * agenda, doses and renewal reminders, so they ring even with Carnet closed;
 * and change the secret address (the old one stops at once).
 */
export function renderCalendarSubscription(
  subscription: CalendarSubscriptionController,
): TemplateResult | typeof nothing {
  if (!subscription.available) return nothing;
  const { step } = subscription;
  const address = subscription.subscription;
  return html`<section class="subscription" part="subscription" aria-labelledby="subscription-title">
    <h3 class="subscription-title" id="subscription-title">${msg('Sur votre téléphone')}</h3>
    <p class="subscription-text">
      ${msg(
        "Abonnez le calendrier de votre téléphone à cet agenda : vos rendez-vous, vos prises de médicaments et vos renouvellements d'ordonnance y apparaissent et sonnent, même quand Carnet est fermé. L'adresse de l'abonnement est secrète : ne la partagez pas.",
      )}
    </p>
    ${
      address && step !== 'error'
        ? html`<p class="subscription-actions">
              <a class="action action--primary touch-target" part="subscribe-link" href=${address.webcalUrl}
                >${msg("S'abonner")}</a
              >
              <button
                type="button"
                class="action touch-target"
                part="subscription-reset"
                ?disabled=${step === 'loading'}
                @click=${() => void subscription.reset()}
              >
                ${msg("Changer l'adresse secrète")}
              </button>
            </p>
            <p class="subscription-help">
              ${msg(
                "Changer l'adresse arrête aussitôt l'ancienne : à faire si vous l'avez partagée par erreur ou perdu un téléphone. Abonnez-vous ensuite de nouveau.",
              )}
            </p>`
        : html`<p class="subscription-actions">
            <button
              type="button"
              class="action action--primary touch-target"
              part="subscription-prepare"
              ?disabled=${step === 'loading'}
              @click=${() => void subscription.prepare()}
            >
              ${step === 'loading' ? msg('Préparation…') : msg("Préparer l'abonnement")}
            </button>
          </p>`
    }
    <p class="subscription-status" role="status">
      ${
        step === 'error'
          ? msg("L'adresse d'abonnement n'a pas pu être obtenue. Réessayez dans un moment.")
          : step === 'ready' && subscription.wasReset
            ? msg("Nouvelle adresse prête. L'ancienne ne fonctionne plus.")
            : nothing
      }
    </p>
  </section>`;
}
