import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { ALLERGY_CATEGORIES, ALLERGY_SEVERITIES, BLOOD_GROUPS } from '@carnet/catalog-sdk';
import type { MedicalProfileEntryKind } from '@carnet/catalog-sdk';
import { dateShape } from '../shared/date-time-fields.js';
import type { CarnetLocale } from '../shared/localization.js';
import type { ProfileEditorController } from './profile-editor.controller.js';
import { addLabel, categoryLabel, severityLabel } from './profile-labels.js';

/** What the add dialog needs besides its controller. */
export interface ProfileFormOptions {
  editor: ProfileEditorController;
  locale: CarnetLocale;
  onSubmit(event: SubmitEvent): void;
  onClose(): void;
}

function errorText(name: string, error: 'required' | 'invalid', locale: CarnetLocale): string {
  if (name === 'phone') return msg('Indiquez un numéro de téléphone, par exemple 06 12 34 56 78.');
  if (name === 'since' || name === 'date') {
    const shape = dateShape(locale);
    return error === 'required' ? msg('Indiquez la date.') : msg(str`Date non reconnue : écrivez-la ${shape}.`);
  }
  if (name === 'group') return msg('Choisissez le groupe sanguin.');
  return msg('Ce champ est obligatoire.');
}

interface FieldOptions {
  name: string;
  label: string;
  required?: boolean;
  type?: 'text' | 'tel';
  /** A day typed in the page's language: a text field with its shape (`shared/date-time-fields.ts`). */
  date?: boolean;
  autofocus?: boolean;
  autocomplete?: string;
}

function field(view: ProfileFormOptions, options: FieldOptions): TemplateResult {
  const { name, label } = options;
  const error = view.editor.errors[name];
  const hint = options.date ? dateShape(view.locale) : undefined;
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${`field-${name}`}
      >${label}${options.required ? html` <span aria-hidden="true">*</span>` : nothing}</label
    >
    <input
      id=${`field-${name}`}
      name=${name}
      type=${options.type === 'tel' ? 'tel' : 'text'}
      inputmode=${options.date ? 'numeric' : nothing}
      autocomplete=${options.autocomplete ?? 'off'}
      ?required=${options.required}
      ?autofocus=${options.autofocus}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
    />
    ${hint ? html`<span class="field-hint" id=${`${name}-hint`}>${hint}</span>` : nothing}
    ${error ? html`<span class="field-error" id=${`${name}-error`}>${errorText(name, error, view.locale)}</span>` : nothing}
  </div>`;
}

function choice<T extends string>(
  name: string,
  legend: string,
  values: readonly T[],
  label: (value: T) => string,
  checked: T,
): TemplateResult {
  return html`<fieldset class="choices">
    <legend>${legend}</legend>
    ${values.map(
      (value) =>
        html`<label class="check"
          ><input type="radio" name=${name} value=${value} ?checked=${value === checked} />${label(value)}</label
        >`,
    )}
  </fieldset>`;
}

function fieldsOf(kind: MedicalProfileEntryKind, view: ProfileFormOptions): TemplateResult {
  switch (kind) {
    case 'allergy':
      return html`${field(view, { name: 'substance', label: msg('Substance (médicament, aliment…)'), required: true, autofocus: true })}
      ${choice('type', msg('Type'), ['allergy', 'intolerance'] as const, (type) => (type === 'allergy' ? msg('Allergie') : msg('Intolérance')), 'allergy')}
      ${choice('category', msg('À quoi ?'), ALLERGY_CATEGORIES, categoryLabel, 'medication')}
      ${choice('severity', msg('Gravité de la réaction'), ALLERGY_SEVERITIES, severityLabel, 'unknown')}
      ${field(view, { name: 'reaction', label: msg('Réaction (facultatif)') })}`;
    case 'contact':
      return html`${field(view, { name: 'name', label: msg('Nom'), required: true, autofocus: true, autocomplete: 'name' })}
      ${field(view, { name: 'relationship', label: msg('Lien (fille, voisin, médecin traitant…)'), required: true })}
      ${field(view, { name: 'phone', label: msg('Téléphone'), required: true, type: 'tel', autocomplete: 'tel' })}`;
    case 'bloodGroup': {
      const error = view.editor.errors['group'];
      return html`<fieldset class="choices blood-groups" aria-describedby=${error ? 'group-error' : nothing}>
          <legend>${msg('Groupe sanguin')}</legend>
          ${BLOOD_GROUPS.map(
            (group, index) =>
              html`<label class="check"
                ><input type="radio" name="group" value=${group} ?autofocus=${index === 0} />${group}</label
              >`,
          )}
        </fieldset>
        ${error ? html`<span class="field-error" id="group-error">${errorText('group', error, view.locale)}</span>` : nothing}`;
    }
    case 'condition':
      return html`${field(view, { name: 'name', label: msg('Maladie'), required: true, autofocus: true })}
      ${field(view, { name: 'since', label: msg('Depuis (facultatif)'), date: true })}
      ${field(view, { name: 'note', label: msg('Précision (facultatif)') })}`;
    case 'vaccination':
      return html`${field(view, { name: 'vaccine', label: msg('Vaccin'), required: true, autofocus: true })}
      ${field(view, { name: 'date', label: msg('Date'), required: true, date: true })}
      ${field(view, { name: 'note', label: msg('Précision (facultatif)') })}`;
  }
}

/** The add dialog: a native form per kind of entry, errors beside their field. */
export function renderProfileForm(view: ProfileFormOptions): TemplateResult {
  const kind = view.editor.adding;
  return html`<dialog class="dialog" part="add-dialog" aria-labelledby="add-title">
    ${
      kind
        ? html`<form class="form" novalidate @submit=${view.onSubmit}>
            <h2 class="dialog-title" id="add-title">${addLabel(kind)}</h2>
            ${
              view.editor.failed
                ? html`<p class="problem" role="alert">
                    ${msg("L'enregistrement a échoué. Vos saisies sont conservées : réessayez.")}
                  </p>`
                : nothing
            }
            ${fieldsOf(kind, view)}
            <div class="dialog-actions">
              <button
                type="submit"
                class="action action--primary touch-target"
                part="save"
                ?disabled=${view.editor.saving}
              >
                ${msg('Enregistrer')}
              </button>
              <button type="button" class="action touch-target" @click=${view.onClose}>${msg('Annuler')}</button>
            </div>
          </form>`
        : nothing
    }
  </dialog>`;
}

/** What the removal question needs. */
export interface RemoveDialogOptions {
  editor: ProfileEditorController;
  onConfirm(): void;
  onCancel(): void;
}

/** « Retirer Pénicilline de votre profil ? », focus on « Annuler » (the safe choice). */
export function renderRemoveDialog({ editor, onConfirm, onCancel }: RemoveDialogOptions): TemplateResult {
  const removing = editor.removing;
  const label = removing?.label ?? '';
  return html`<dialog class="dialog" part="remove-dialog" aria-labelledby="remove-title">
    ${
      removing
        ? html`<h2 class="dialog-title" id="remove-title">${msg(str`Retirer « ${label} » de votre profil ?`)}</h2>
            ${editor.failed ? html`<p class="problem" role="alert">${msg('La suppression a échoué : réessayez.')}</p>` : nothing}
            <div class="dialog-actions">
              <button type="button" class="action touch-target" autofocus @click=${onCancel}>${msg('Annuler')}</button>
              <button
                type="button"
                class="action action--danger touch-target"
                part="confirm-remove"
                ?disabled=${editor.saving}
                @click=${onConfirm}
              >
                ${msg('Retirer')}
              </button>
            </div>`
        : nothing
    }
  </dialog>`;
}
