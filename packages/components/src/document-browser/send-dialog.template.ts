import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { CareTeamMember, HealthDocument } from '@carnet/catalog-sdk';
import type { DocumentSendingController } from './document-sending.controller.js';

/** What the send dialog shows and does. */
export interface SendView {
  document: HealthDocument | undefined;
  sending: DocumentSendingController;
  onRecipient: (event: Event) => void;
  onMessage: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
  onRetry: () => void;
  onClose: () => void;
  /** Local mode: save the file, or open the device's share sheet. */
  onDownload: () => void;
  onShare: () => void;
}

function memberLabel(member: CareTeamMember): string {
  return member.specialty ? `${member.name} — ${member.specialty}` : member.name;
}

function renderForm(view: SendView): TemplateResult {
  const { sending } = view;
  if (sending.loadFailed) {
    return html`<p class="notice notice--error" role="alert">
      ${msg('Votre équipe de soins n’a pas pu être chargée.')}
    </p>`;
  }
  if (sending.careTeam.length === 0) {
    return html`<p class="notice">${msg('Ajoutez d’abord un professionnel à votre équipe de soins.')}</p>`;
  }
  return html`<form class="send-form" @submit=${view.onSubmit}>
    <fieldset class="recipients" @change=${view.onRecipient}>
      <legend>${msg('Destinataire')}</legend>
      ${sending.careTeam.map(
        (member) =>
          html`<label class="recipient">
            <input
              type="radio"
              name="recipient"
              value=${member.id}
              .checked=${live(member.id === sending.recipientId)}
            />
            <span>${memberLabel(member)}</span>
          </label>`,
      )}
    </fieldset>
    <label for="send-message">${msg('Message (facultatif)')}</label>
    <textarea
      id="send-message"
      part="send-message"
      rows="3"
      maxlength="5000"
      .value=${live(sending.message)}
      @input=${view.onMessage}
    ></textarea>
    <div class="dialog-actions">
      <button
        type="submit"
        class="primary-button touch-target"
        part="send-confirm"
        ?disabled=${sending.step === 'sending'}
      >
        ${sending.step === 'sending' ? msg('Envoi…') : msg('Envoyer')}
      </button>
      <button type="button" class="secondary-button touch-target" @click=${view.onClose}>${msg('Annuler')}</button>
    </div>
  </form>`;
}

/** The content of the send-to-a-professional dialog: choose, write, confirm; then sent or failed. */
export function renderSendDialog(view: SendView): TemplateResult {
  const { sending, document } = view;
  const recipient = sending.recipient?.name ?? '';
  let body: TemplateResult;
  switch (sending.step) {
    case 'loading':
      body = html`<p role="status">${msg('Chargement de votre équipe de soins…')}</p>`;
      break;
    case 'sent':
      body = html`<div class="dialog-actions">
        <button type="button" class="primary-button touch-target" autofocus @click=${view.onClose}>
          ${msg('Fermer')}
        </button>
      </div>`;
      break;
    case 'failed':
      body = html`<p class="notice notice--error" part="send-failure" role="alert">
          ${msg(str`L’envoi à ${recipient} a échoué. Rien n’a été envoyé.`)}
        </p>
        <div class="dialog-actions">
          <button type="button" class="primary-button touch-target" @click=${view.onRetry}>${msg('Réessayer')}</button>
          <button type="button" class="secondary-button touch-target" @click=${view.onClose}>${msg('Fermer')}</button>
        </div>`;
      break;
    case 'unavailable':
      body = html`<p class="notice" part="send-unavailable" role="status">
          ${msg(
            "Votre carnet est enregistré sur cet appareil seulement : rien ne peut être envoyé d'ici. Téléchargez le document ou partagez-le depuis votre appareil.",
          )}
        </p>
        <div class="dialog-actions">
          <button type="button" class="primary-button touch-target" @click=${view.onDownload}>
            ${msg('Télécharger')}
          </button>
          ${
            sending.canShare
              ? html`<button type="button" class="secondary-button touch-target" @click=${view.onShare}>
                  ${msg('Partager…')}
                </button>`
              : nothing
          }
          <button type="button" class="secondary-button touch-target" @click=${view.onClose}>${msg('Fermer')}</button>
        </div>`;
      break;
    default:
      body = renderForm(view);
  }
  // The status region is in the dialog from the start (the rest of the page is inert while it is
  // open): the confirmation written into it is announced.
  return html`
    ${
      sending.step === 'closed' || !document
        ? nothing
        : html`<div class="dialog-header">
              <h3 id="send-title" class="dialog-title">${msg('Envoyer à un professionnel')}</h3>
            </div>
            <p class="dialog-subtitle">${document.title}</p>
            <div role="status" part="send-status">
              ${
                sending.step === 'sent'
                  ? html`<p class="notice notice--success" part="send-confirmation">
                      ${msg(str`Document envoyé à ${recipient}.`)}
                    </p>`
                  : nothing
              }
            </div>
            ${body}`
    }
  `;
}
