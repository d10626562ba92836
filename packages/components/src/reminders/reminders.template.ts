import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { DueReminder } from '@carnet/catalog-sdk';
import type { NotificationAccess } from './system-notifications.js';

/** What one notice shows and does. */
export interface NoticeView {
  reminder: DueReminder;
  /** Its id in the page (for its name). */
  id: string;
  text: string;
  snoozeMinutes: number;
  saving: boolean;
  /** The sentence of a failed save, if any. */
  failure: string | undefined;
  onTaken: (reminder: DueReminder) => void;
  onSnooze: (reminder: DueReminder) => void;
  onDismiss: (reminder: DueReminder) => void;
}

function kindHeading(reminder: DueReminder): string {
  switch (reminder.kind) {
    case 'dose':
      return msg('Médicament à prendre');
    case 'event':
      return msg('Rappel de l’agenda');
    case 'treatment':
      return reminder.reminder.kind === 'renewal' ? msg('Ordonnance à renouveler') : msg('Stock de médicament');
  }
}

/** One reminder: what it is in words, and what the patient can do. */
export function renderNotice(view: NoticeView): TemplateResult {
  const { reminder, id } = view;
  const isDose = reminder.kind === 'dose';
  return html`<article
    class="notice notice--${reminder.kind}"
    part="notice notice-${reminder.kind}"
    data-reminder-key=${reminder.key}
    aria-labelledby="${id}-kind ${id}-text"
  >
    <p class="notice-kind" id="${id}-kind">${kindHeading(reminder)}</p>
    <p class="notice-text" id="${id}-text">${view.text}</p>
    ${view.failure ? html`<p class="notice-failure" part="notice-error" role="alert">${view.failure}</p>` : nothing}
    <div class="notice-actions">
      ${
        isDose
          ? html`<button
                type="button"
                class="action action--primary touch-target"
                part="taken-button"
                aria-describedby="${id}-text"
                aria-disabled=${view.saving ? 'true' : 'false'}
                @click=${() => (view.saving ? undefined : view.onTaken(reminder))}
              >
                ${msg('Pris')}
              </button>
              <button
                type="button"
                class="action touch-target"
                part="snooze-button"
                aria-describedby="${id}-text"
                aria-disabled=${view.saving ? 'true' : 'false'}
                @click=${() => (view.saving ? undefined : view.onSnooze(reminder))}
              >
                ${msg(str`Plus tard (dans ${view.snoozeMinutes} min)`)}
              </button>`
          : html`<button
              type="button"
              class="action touch-target"
              part="dismiss-button"
              aria-describedby="${id}-text"
              @click=${() => view.onDismiss(reminder)}
            >
              ${msg('Compris')}
            </button>`
      }
    </div>
  </article>`;
}

/** What the notifications line shows and does. */
export interface NotificationsView {
  access: NotificationAccess;
  details: boolean;
  onAsk: () => void;
  onDetailsChange: (details: boolean) => void;
}

/** Whether reminders also ring as system notifications, and the one button that asks. */
export function renderNotifications(view: NotificationsView): TemplateResult {
  switch (view.access) {
    case 'unsupported':
      return html`<p class="notifications" part="notifications">
        ${msg('Ce navigateur n’affiche pas de notifications : les rappels s’affichent ici, tant que la page est ouverte.')}
      </p>`;
    case 'denied':
      return html`<p class="notifications" part="notifications">
        ${msg(
          'Les notifications sont bloquées pour ce site dans les réglages du navigateur : les rappels s’affichent ici, tant que la page est ouverte.',
        )}
      </p>`;
    case 'default':
      return html`<div class="notifications" part="notifications">
        <button type="button" class="action touch-target" part="notifications-button" @click=${view.onAsk}>
          ${msg('Recevoir les rappels sur cet appareil')}
        </button>
        <p class="hint">
          ${msg('Le navigateur vous demandera votre accord. Les notifications n’affichent que l’heure.')}
        </p>
      </div>`;
    case 'granted':
      return html`<div class="notifications" part="notifications">
        <p>
          ${msg('Les rappels s’affichent aussi en notification sur cet appareil, tant qu’une page de Carnet est ouverte.')}
        </p>
        <label class="details">
          <input
            type="checkbox"
            part="notification-details"
            .checked=${view.details}
            @change=${(event: Event) => view.onDetailsChange((event.target as HTMLInputElement).checked)}
          />
          ${msg('Afficher le nom des médicaments et des rendez-vous dans les notifications')}
        </label>
      </div>`;
  }
}
