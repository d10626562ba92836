import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { HealthDocument } from '@carnet/catalog-sdk';
import { formatCalendarDate } from '../shared/format.js';
import type { CarnetLocale } from '../shared/localization.js';
import type { DocumentPreviewController } from './document-preview.controller.js';
import { downloadName, formatSize, kindLabel } from './document-labels.js';
import type { HidingOutcome } from './document-hiding.controller.js';
import { renderHiddenBadge } from './document-row.template.js';

/** Hiding the previewed document from professionals. */
export interface HidingView {
  /** True while the change is saved. */
  busy: boolean;
  /** False in someone else's view of the record (a caregiver's): the section is not shown. */
  offered: boolean;
  /** An on-device record: hiding takes effect once it is on the platform. */
  local: boolean;
  /** The last change made to this document, if any. */
  outcome: HidingOutcome | undefined;
  /** Names the professionals of a warning, in the reader's language. */
  listNames: (names: readonly string[]) => string;
  onToggle: () => void;
}

/** What the preview dialog shows and does. */
export interface PreviewView {
  locale: CarnetLocale;
  document: HealthDocument | undefined;
  preview: DocumentPreviewController;
  onClose: () => void;
  onSend: () => void;
  onEditTags: () => void;
  hiding: HidingView;
}

function renderHidingOutcome(outcome: HidingOutcome | undefined, hiding: HidingView): TemplateResult | typeof nothing {
  switch (outcome?.kind) {
    case undefined:
      return nothing;
    case 'hidden':
      if (!outcome.alreadySent)
        return html`<p class="notice" role="status">${msg('Document masqué aux professionnels.')}</p>`;
      return html`<p class="notice notice--warning" part="hidden-already-sent" role="alert">
        ${
          outcome.alreadySentTo.length > 1
            ? msg(
                str`Document masqué. Attention : vous l’aviez déjà envoyé à ${hiding.listNames(outcome.alreadySentTo)}, qui l’ont déjà reçu et ont pu l’enregistrer. Ils ne peuvent plus l’ouvrir depuis votre carnet.`,
              )
            : outcome.alreadySentTo.length === 1
              ? msg(
                  str`Document masqué. Attention : vous l’aviez déjà envoyé à ${hiding.listNames(outcome.alreadySentTo)}, qui l’a déjà reçu et a pu l’enregistrer. Il ne peut plus l’ouvrir depuis votre carnet.`,
                )
              : msg(
                  'Document masqué. Attention : vous l’aviez déjà envoyé à un professionnel, qui l’a déjà reçu et a pu l’enregistrer. Il ne peut plus l’ouvrir depuis votre carnet.',
                )
        }
      </p>`;
    case 'shown':
      return html`<p class="notice" role="status">${msg('Document de nouveau visible par vos professionnels.')}</p>`;
    case 'conflict':
      return html`<p class="notice notice--warning" role="alert">
        ${msg('Ce document a été changé entre-temps, sur un autre appareil ou par une autre personne : votre changement n’a pas été appliqué. Réessayez.')}
      </p>`;
    case 'failed':
      return html`<p class="notice notice--error" role="alert">${msg('L’enregistrement a échoué. Réessayez.')}</p>`;
  }
}

/** Who may see the document, and the button to hide it from professionals or show it again. */
function renderVisibility(document: HealthDocument, hiding: HidingView): TemplateResult {
  const hidden = document.hiddenFromProfessionals;
  return html`<div class="visibility" part="visibility" role="group" aria-labelledby="visibility-title">
    <h4 id="visibility-title" class="visibility-title">${msg('Visibilité')}</h4>
    <p>
      ${
        hidden
          ? html`${renderHiddenBadge('preview-hidden-badge')}
            ${msg('Vos professionnels et vos aidants ne peuvent ni le trouver ni l’ouvrir, et il ne peut pas leur être envoyé.')}`
          : msg(
              'Visible par les professionnels à qui vous l’envoyez et par les aidants à qui vous avez ouvert vos documents.',
            )
      }
    </p>
    ${
      hiding.local
        ? html`<p class="hint" part="hiding-local">
            ${msg('Votre carnet est enregistré sur cet appareil seulement, où personne d’autre ne le voit : ce choix est gardé et prendra effet sur la plateforme quand votre carnet y sera synchronisé.')}
          </p>`
        : nothing
    }
    <!-- Never disabled while saving: a disabled button would drop the keyboard focus. -->
    <button
      type="button"
      class="secondary-button touch-target"
      part="hide-toggle"
      aria-disabled=${hiding.busy ? 'true' : nothing}
      @click=${hiding.onToggle}
    >
      ${hidden ? msg('Ne plus masquer aux professionnels') : msg('Masquer aux professionnels')}
    </button>
    ${renderHidingOutcome(hiding.outcome, hiding)}
  </div>`;
}

function renderAttachment(document: HealthDocument, preview: DocumentPreviewController): TemplateResult {
  switch (preview.status) {
    case 'loading':
      return html`<p class="preview-message" role="status">${msg('Ouverture du document…')}</p>`;
    case 'unavailable':
      return html`<p class="preview-message" part="preview-unavailable">
        ${msg('Aperçu indisponible : ce document n’a pas de fichier enregistré sur cet appareil. Ses informations sont ci-dessous.')}
      </p>`;
    case 'failed':
      return html`<p class="preview-message preview-message--error" role="alert">
        ${msg('Le fichier n’a pas pu être ouvert. Réessayez plus tard.')}
      </p>`;
    case 'closed':
      return html``;
    case 'ready':
      break;
  }
  const type = preview.contentType || document.contentType;
  if (type.startsWith('image/')) {
    return html`<img class="preview-image" part="preview-image" src=${preview.url ?? ''} alt=${document.title} />`;
  }
  if (type === 'application/pdf') return renderPdf(document, preview);
  return html`<p class="preview-message">${msg('Aperçu impossible pour ce type de fichier : téléchargez-le.')}</p>`;
}

/** A PDF's pages drawn on canvases (works under a strict CSP), or a way to open it when they cannot be. */
function renderPdf(document: HealthDocument, preview: DocumentPreviewController): TemplateResult {
  switch (preview.pdfStatus) {
    case 'none':
    case 'drawing':
      return html`<p class="preview-message" role="status">${msg('Affichage du PDF…')}</p>`;
    case 'failed':
      return html`<p class="preview-message" part="preview-pdf-fallback">
        ${msg('Ce PDF ne peut pas être affiché ici.')}
        <a href=${preview.url ?? ''} target="_blank" rel="noopener">${msg('Ouvrir dans un nouvel onglet')}</a>
        ${msg('ou téléchargez-le.')}
      </p>`;
    case 'drawn':
      break;
  }
  const shown = preview.pages.length;
  return html`<div class="preview-pdf" part="preview-pdf" role="group" aria-label=${document.title}>
    ${preview.pages.map(
      (page, index) =>
        html`<figure class="pdf-page">
          ${page.canvas}
          <figcaption class="visually-hidden">${msg(str`Texte de la page ${index + 1} :`)} ${page.text}</figcaption>
        </figure>`,
    )}
    ${
      preview.pageCount > shown
        ? html`<p class="preview-message">
            ${msg(str`Les ${shown} premières pages sur ${preview.pageCount} sont affichées : téléchargez le document pour le lire en entier.`)}
          </p>`
        : nothing
    }
  </div>`;
}

function renderDetails(document: HealthDocument, locale: CarnetLocale): TemplateResult {
  const row = (term: string, value: unknown): TemplateResult | typeof nothing =>
    value === undefined || value === ''
      ? nothing
      : html`<div>
          <dt>${term}</dt>
          <dd>${value}</dd>
        </div>`;
  return html`<dl class="details" part="details">
    ${row(msg('Type'), kindLabel(document.kind, locale))}
    ${row(msg('Date'), html`<time datetime=${document.date}>${formatCalendarDate(document.date, locale)}</time>`)}
    ${row(msg('Auteur'), document.author)} ${row(msg('Établissement'), document.organisation)}
    ${row(msg('Taille'), document.size === undefined ? undefined : formatSize(document.size, locale))}
    ${row(msg('Format'), document.contentType)} ${row(msg('Étiquettes'), document.tags.join(', '))}
    ${row(msg('Description'), document.description)}
  </dl>`;
}

/** The content of the preview dialog: attachment, download, details, and what can be done with the document. */
export function renderPreviewDialog(view: PreviewView): TemplateResult {
  const { document, preview } = view;
  return html`
    ${
      document
        ? html`<div class="dialog-header">
              <h3 id="preview-title" class="dialog-title">${document.title}</h3>
              <button
                type="button"
                class="icon-button touch-target"
                part="close"
                @click=${view.onClose}
                aria-label=${msg('Fermer')}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>
            <div class="preview-body">
              <div class="preview-frame">${renderAttachment(document, preview)}</div>
              ${renderDetails(document, view.locale)}
              ${view.hiding.offered ? renderVisibility(document, view.hiding) : nothing}
            </div>
            <div class="dialog-actions">
              ${
                preview.status === 'ready' && preview.url
                  ? html`<a
                      class="primary-button touch-target"
                      part="download"
                      href=${preview.url}
                      download=${downloadName(document.title, preview.contentType || document.contentType)}
                    >
                      ${msg('Télécharger')}
                    </a>`
                  : nothing
              }
              ${
                document.hiddenFromProfessionals
                  ? html`<p class="hint" part="send-hidden">
                      ${msg('Masqué aux professionnels : il ne peut pas leur être envoyé.')}
                    </p>`
                  : html`<button type="button" class="secondary-button touch-target" part="send" @click=${view.onSend}>
                      ${msg('Envoyer à un professionnel')}
                    </button>`
              }
              <button type="button" class="secondary-button touch-target" @click=${view.onEditTags}>
                ${msg('Modifier les étiquettes')}
              </button>
            </div>`
        : nothing
    }
  `;
}
