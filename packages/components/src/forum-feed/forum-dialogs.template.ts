import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ForumPost } from '@carnet/catalog-sdk';
import { REPORT_REASONS, reportReasonLabel } from './forum-labels.js';

/** The dialogs of the forum and what they can ask for. Each is a native modal `<dialog>`. */
export interface DialogsView {
  /** Why the last pseudonym choice failed. */
  pseudonymMessage: string | undefined;
  /** The post being reported, while the report dialog is open. */
  reporting: ForumPost | undefined;
  /** True once the report went through: the dialog then confirms it. */
  reportDone: boolean;
  reportMessage: string | undefined;
  /** The own post whose deletion awaits confirmation. */
  deleting: ForumPost | undefined;
  /** True when deleting that post deletes the whole discussion (it opens it). */
  deletingWholeThread: boolean;
  deleteMessage: string | undefined;
  busy: boolean;
  onPseudonymSubmit: (event: SubmitEvent) => void;
  onReportSubmit: (event: SubmitEvent) => void;
  onDeleteConfirm: () => void;
  /** Closes the dialog (Cancel and Close buttons; Escape goes through the dialog controller). */
  onClose: () => void;
}

function renderPseudonymDialog(view: DialogsView): TemplateResult {
  return html`<dialog
    id="pseudonym-dialog"
    class="dialog"
    part="pseudonym-dialog"
    aria-labelledby="pseudonym-title"
    aria-describedby="pseudonym-intro"
  >
    <form class="dialog-form" @submit=${view.onPseudonymSubmit}>
      <h2 id="pseudonym-title" class="dialog-title">${msg('Choisissez votre pseudonyme')}</h2>
      <p id="pseudonym-intro">
        ${msg(
          'Les autres membres ne verront que ce pseudonyme, jamais votre nom. Il est choisi une fois pour toutes : n’y mettez ni votre nom ni rien qui permette de vous reconnaître.',
        )}
      </p>
      <label for="pseudonym-input">${msg('Pseudonyme')}</label>
      <input
        id="pseudonym-input"
        name="pseudonym"
        autocomplete="off"
        required
        minlength="3"
        maxlength="30"
        aria-describedby="pseudonym-hint ${view.pseudonymMessage ? 'pseudonym-error' : ''}"
        aria-invalid=${view.pseudonymMessage ? 'true' : 'false'}
      />
      <p class="hint" id="pseudonym-hint">${msg('3 à 30 caractères : lettres, chiffres, espaces, tirets.')}</p>
      ${
        view.pseudonymMessage
          ? html`<p class="form-error" id="pseudonym-error" role="alert">${view.pseudonymMessage}</p>`
          : nothing
      }
      <div class="form-actions">
        <button type="submit" class="primary-button touch-target" aria-disabled=${view.busy ? 'true' : 'false'}>
          ${msg('Choisir ce pseudonyme')}
        </button>
        <button type="button" class="secondary-button touch-target" value="cancel" @click=${view.onClose}>
          ${msg('Annuler')}
        </button>
      </div>
    </form>
  </dialog>`;
}

function renderReportForm(view: DialogsView, post: ForumPost): TemplateResult {
  return html`<form class="dialog-form" @submit=${view.onReportSubmit}>
    <h2 id="report-title" class="dialog-title">${msg(str`Signaler le message de ${post.authorPseudonym}`)}</h2>
    <fieldset class="reasons">
      <legend>${msg('Pourquoi signalez-vous ce message ?')}</legend>
      ${REPORT_REASONS.map(
        (reason) =>
          html`<label class="reason touch-target">
            <input type="radio" name="reason" value=${reason} required />
            <span>${reportReasonLabel(reason)}</span>
          </label>`,
      )}
    </fieldset>
    <label for="report-comment">${msg('Précisez si vous le souhaitez (facultatif)')}</label>
    <textarea id="report-comment" name="comment" rows="3" maxlength="1000"></textarea>
    ${view.reportMessage ? html`<p class="form-error" role="alert">${view.reportMessage}</p>` : nothing}
    <div class="form-actions">
      <button type="submit" class="danger-button touch-target" aria-disabled=${view.busy ? 'true' : 'false'}>
        ${msg('Envoyer le signalement')}
      </button>
      <button type="button" class="secondary-button touch-target" @click=${view.onClose}>${msg('Annuler')}</button>
    </div>
  </form>`;
}

function renderReportDone(view: DialogsView): TemplateResult {
  return html`<div class="dialog-form" role="status">
    <h2 id="report-title" class="dialog-title">${msg('Merci pour votre signalement')}</h2>
    <p>
      ${msg("L'équipe de modération va examiner ce message. Il est masqué dès que plusieurs membres le signalent.")}
    </p>
    <div class="form-actions">
      <button
        type="button"
        class="primary-button touch-target"
        data-action="close-report"
        autofocus
        @click=${view.onClose}
      >
        ${msg('Fermer')}
      </button>
    </div>
  </div>`;
}

function renderReportDialog(view: DialogsView): TemplateResult {
  return html`<dialog id="report-dialog" class="dialog" part="report-dialog" aria-labelledby="report-title">
    ${
      view.reporting
        ? view.reportDone
          ? renderReportDone(view)
          : renderReportForm(view, view.reporting)
        : html`<h2 id="report-title" class="dialog-title">${msg('Signaler un message')}</h2>`
    }
  </dialog>`;
}

function renderDeleteDialog(view: DialogsView): TemplateResult {
  return html`<dialog
    id="delete-dialog"
    class="dialog"
    part="confirm-dialog"
    role="alertdialog"
    aria-labelledby="delete-title"
    aria-describedby="delete-description"
  >
    <div class="dialog-form">
      <h2 id="delete-title" class="dialog-title">${msg('Supprimer votre message ?')}</h2>
      <p id="delete-description">
        ${
          view.deletingWholeThread
            ? msg('Ce message ouvre la discussion : toute la discussion et ses réponses seront supprimées.')
            : msg('Le message sera supprimé définitivement.')
        }
      </p>
      ${view.deleteMessage ? html`<p class="form-error" role="alert">${view.deleteMessage}</p>` : nothing}
      <div class="form-actions">
        <button
          type="button"
          class="danger-button touch-target"
          data-action="confirm-delete"
          @click=${view.onDeleteConfirm}
        >
          ${msg('Supprimer')}
        </button>
        <button
          type="button"
          class="secondary-button touch-target"
          data-action="cancel-delete"
          autofocus
          @click=${view.onClose}
        >
          ${msg('Annuler')}
        </button>
      </div>
    </div>
  </dialog>`;
}

/** Every dialog of the forum, closed until the element opens one with `showModal()`. */
export function renderDialogs(view: DialogsView): TemplateResult {
  return html`${renderPseudonymDialog(view)}${renderReportDialog(view)}${renderDeleteDialog(view)}`;
}
