import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { DOCUMENT_FILE_TYPES, DOCUMENT_KIND_VALUES, DOCUMENT_MAX_BYTES } from '@carnet/catalog-sdk';
import { dateShape } from '../shared/date-time-fields.js';
import type { CarnetLocale } from '../shared/localization.js';
import { formatSize, kindLabel } from './document-labels.js';
import type { DocumentUploadController, UploadProblem } from './document-upload.controller.js';

/** What the add-a-document dialog shows and does. */
export interface UploadView {
  locale: CarnetLocale;
  upload: DocumentUploadController;
  /** A file input changed (picker or camera). */
  onFile: (event: Event) => void;
  /** A field of the details changed (`name` attribute = the draft field). */
  onField: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
  onChooseAnother: () => void;
  onClose: () => void;
}

function problemText(problem: UploadProblem, locale: CarnetLocale, name: string | undefined): string {
  const limit = formatSize(DOCUMENT_MAX_BYTES, locale);
  const file = name ?? '';
  switch (problem) {
    case 'wrong-type':
      return msg(
        str`« ${file} » n’est pas un PDF ni une image JPEG, PNG ou WebP : ce type de fichier ne peut pas être ajouté.`,
      );
    case 'too-big':
      return msg(
        str`Ce fichier est trop lourd : ${limit} au maximum. Réduisez-le (photo moins grande, PDF compressé) puis réessayez.`,
      );
    case 'empty':
      return msg(str`« ${file} » est vide : choisissez un autre fichier.`);
    case 'invalid':
      return msg('Donnez un titre et une date au document.');
    case 'date': {
      const shape = dateShape(locale);
      return msg(str`Date non reconnue : écrivez-la ${shape}.`);
    }
    case 'refused':
      return msg(
        'Le serveur a refusé ce document. Vérifiez que vous êtes connecté, puis réessayez. Vos informations sont conservées.',
      );
    case 'quota':
      return msg(
        'Plus assez de place pour enregistrer ce fichier. Libérez de l’espace, puis réessayez. Vos informations sont conservées.',
      );
    case 'failed':
      return msg('Le document n’a pas pu être enregistré. Réessayez. Vos informations sont conservées.');
  }
}

function renderProblem(view: UploadView): TemplateResult | typeof nothing {
  const { upload } = view;
  if (!upload.problem) return nothing;
  return html`<p class="notice notice--error" role="alert" part="upload-error">
    ${problemText(upload.problem, view.locale, upload.refusedName)}
  </p>`;
}

function renderChoice(view: UploadView): TemplateResult {
  const accept = DOCUMENT_FILE_TYPES.join(',');
  const limit = formatSize(DOCUMENT_MAX_BYTES, view.locale);
  return html`<div class="upload-choice" part="upload-drop">
    <p>${msg('Glissez un fichier dans cette fenêtre, ou choisissez-le :')}</p>
    <label for="upload-file">${msg('Fichier (PDF ou image)')}</label>
    <input id="upload-file" part="upload-file" type="file" accept=${accept} autofocus @change=${view.onFile} />
    <label for="upload-camera">${msg('Ou prenez une photo du document')}</label>
    <input
      id="upload-camera"
      part="upload-camera"
      type="file"
      accept="image/*"
      capture="environment"
      @change=${view.onFile}
    />
    <p class="dialog-subtitle">${msg(str`PDF, JPEG, PNG ou WebP, ${limit} au maximum.`)}</p>
  </div>`;
}

function renderDetails(view: UploadView): TemplateResult {
  const { upload, locale } = view;
  const file = upload.file;
  const saving = upload.step === 'saving';
  return html`<form class="upload-form" @submit=${view.onSubmit} @input=${view.onField} @change=${view.onField}>
    ${
      file
        ? html`<p class="dialog-subtitle" part="upload-summary">
            ${file.name} — ${formatSize(file.size, locale)}
            <button type="button" class="link-button" @click=${view.onChooseAnother} ?disabled=${saving}>
              ${msg('Choisir un autre fichier')}
            </button>
          </p>`
        : nothing
    }
    <label for="upload-title">${msg('Titre')}</label>
    <input
      id="upload-title"
      name="title"
      type="text"
      required
      maxlength="300"
      autofocus
      .value=${live(upload.draft.title)}
    />
    <label for="upload-kind">${msg('Type de document')}</label>
    <select id="upload-kind" name="kind">
      ${DOCUMENT_KIND_VALUES.map(
        (kind) =>
          html`<option value=${kind} ?selected=${kind === upload.draft.kind}>${kindLabel(kind, locale)}</option>`,
      )}
    </select>
    <label for="upload-day">${msg('Date du document')}</label>
    <span class="field-hint" id="upload-day-hint">${dateShape(locale)}</span>
    <input
      id="upload-day"
      name="day"
      type="text"
      class="date-field"
      inputmode="numeric"
      autocomplete="off"
      required
      aria-describedby="upload-day-hint"
      aria-invalid=${upload.problem === 'date' ? 'true' : 'false'}
      .value=${live(upload.draft.day)}
    />
    <label for="upload-tags">${msg('Étiquettes (séparées par des virgules)')}</label>
    <input id="upload-tags" name="tags" type="text" maxlength="500" .value=${live(upload.draft.tags)} />
    ${renderProblem(view)}
    <div class="dialog-actions">
      <button type="submit" class="primary-button touch-target" part="upload-save" ?disabled=${saving}>
        ${saving ? msg('Enregistrement…') : msg('Enregistrer le document')}
      </button>
      <button type="button" class="secondary-button touch-target" @click=${view.onClose} ?disabled=${saving}>
        ${msg('Annuler')}
      </button>
    </div>
  </form>`;
}

/** The content of the add-a-document dialog: choose a file (or drop it), check the proposed details, save. */
export function renderUploadDialog(view: UploadView): TemplateResult {
  const { upload } = view;
  const open = upload.step !== 'closed';
  return html`
    ${
      open
        ? html`<div class="dialog-header">
              <h3 id="upload-title-heading" class="dialog-title">${msg('Ajouter un document')}</h3>
              <button
                type="button"
                class="icon-button touch-target"
                part="close"
                @click=${view.onClose}
                aria-label=${msg('Fermer')}
                ?disabled=${upload.step === 'saving'}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>
            ${upload.step === 'choosing' ? html`${renderChoice(view)} ${renderProblem(view)}` : renderDetails(view)}`
        : nothing
    }
  `;
}
