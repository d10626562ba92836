import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { AccessLevel, CareTeamMember, Caregiver, CaregiverGrant, RecordPart } from '@carnet/catalog-sdk';
import { RECORD_PARTS } from '@carnet/catalog-sdk';
import { dateShape, formatDateField } from '../shared/date-time-fields.js';
import type { CarnetLocale } from '../shared/localization.js';
import { parseOneOf } from '../shared/parse-one-of.js';
import type { GrantDraft, PendingRemoval, SharingProblem } from './sharing.controller.js';
import { levelLabel, partLabel, partsSummary, untilLabel, yourParts } from './sharing-format.js';

/** The levels a part's list offers. */
const PART_LEVELS: readonly (AccessLevel | 'none')[] = ['none', 'read', 'write'];

/** What the sharing templates read. */
export interface SharingView {
  locale: CarnetLocale;
  caregivers: readonly Caregiver[];
  grants: readonly CaregiverGrant[];
  careTeam: readonly CareTeamMember[];
  /** Professionals of the directory not yet in the care team. */
  addable: readonly CareTeamMember[];
  /** The professional chosen in the add form. */
  practitionerId: string;
  /** False where the care team cannot be changed from here. */
  canChangeCareTeam: boolean;
  draft: GrantDraft;
  busy: string | undefined;
  problem: SharingProblem | undefined;
  /** The removal waiting for confirmation. */
  pending: PendingRemoval | undefined;
  onCaregiver(id: string): void;
  onPart(part: RecordPart, level: AccessLevel | 'none'): void;
  /** The last day, as typed. */
  onUntil(typed: string): void;
  onGrant(): void;
  /** Asks to revoke (opens the confirmation). */
  onRevoke(grant: CaregiverGrant, name: string): void;
  /** Asks to stop sharing (opens the confirmation). */
  onStopSharing(member: CareTeamMember): void;
  /** Confirms the pending removal. */
  onConfirm(): void;
  /** Keeps the access: closes the confirmation. */
  onCancel(): void;
  onPractitioner(id: string): void;
  onShare(): void;
}

/** The sentence for a problem. Called at render time. */
export function problemMessage(problem: SharingProblem, locale: CarnetLocale): string {
  switch (problem) {
    case 'no-caregiver':
      return msg('Choisissez la personne à qui donner accès.');
    case 'no-part':
      return msg('Choisissez au moins une partie du carnet.');
    case 'invalid-date':
      return msg(str`Date non reconnue : écrivez-la ${dateShape(locale)}.`);
    case 'past-date':
      return msg('La date de fin doit être aujourd’hui ou plus tard.');
    case 'no-professional':
      return msg('Choisissez le professionnel avec qui partager votre carnet.');
    case 'failed':
      return msg('Le changement n’a pas pu être enregistré. Vérifiez votre connexion et réessayez.');
  }
}

/** The accesses in force, each with its Retirer button. */
export function renderGrants(view: SharingView): TemplateResult {
  if (view.grants.length === 0) return html`<p class="none">${msg('Vous n’avez donné accès à aucun aidant.')}</p>`;
  return html`<ul class="list" part="grants">
    ${repeat(
      view.grants,
      (grant) => grant.id,
      (grant) => {
        const name =
          view.caregivers.find((caregiver) => caregiver.id === grant.caregiverId)?.name ??
          grant.caregiverName ??
          grant.caregiverId;
        return html`<li class="item" part="grant">
          <div>
            <p class="who">${name}</p>
            <p class="detail">${partsSummary(grant.parts, view.locale)}, ${untilLabel(grant.until, view.locale)}</p>
          </div>
          <button
            type="button"
            class="touch-target action"
            part="revoke"
            aria-label=${msg(str`Retirer l’accès de ${name}`)}
            aria-disabled=${view.busy === grant.id ? 'true' : 'false'}
            @click=${() => view.onRevoke(grant, name)}
          >
            ${view.busy === grant.id ? msg('Retrait…') : msg('Retirer l’accès')}
          </button>
        </li>`;
      },
    )}
  </ul>`;
}

/** The form giving a caregiver access to chosen parts, until a date. */
export function renderGrantForm(view: SharingView): TemplateResult {
  if (view.caregivers.length === 0)
    return html`<p class="none">${msg('Aucun aidant n’est encore connu de votre espace santé.')}</p>`;
  const problem =
    view.problem && view.problem !== 'failed' && view.problem !== 'no-professional' ? view.problem : undefined;
  return html`<form
    class="grant-form"
    part="grant-form"
    aria-labelledby="grant-title"
    novalidate
    @submit=${(event: Event) => {
      event.preventDefault();
      view.onGrant();
    }}
  >
    <h3 id="grant-title">${msg('Donner accès à un aidant')}</h3>
    <label class="field">
      <span>${msg('Aidant')}</span>
      <select
        name="caregiver"
        aria-invalid=${problem === 'no-caregiver' ? 'true' : 'false'}
        @change=${(event: Event) => view.onCaregiver((event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${view.draft.caregiverId === ''}>${msg('Choisir…')}</option>
        ${view.caregivers.map(
          (caregiver) =>
            html`<option value=${caregiver.id} ?selected=${view.draft.caregiverId === caregiver.id}>
              ${caregiver.relationship ? `${caregiver.name} (${caregiver.relationship})` : caregiver.name}
            </option>`,
        )}
      </select>
    </label>
    <fieldset class="parts" aria-invalid=${problem === 'no-part' ? 'true' : 'false'}>
      <legend>${msg('Parties du carnet')}</legend>
      ${RECORD_PARTS.map(
        (part) =>
          html`<label class="field">
            <span>${partLabel(part)}</span>
            <select
              name=${`part-${part}`}
              @change=${(event: Event) =>
                view.onPart(part, parseOneOf((event.target as HTMLSelectElement).value, PART_LEVELS, 'none'))}
            >
              <option value="none" ?selected=${!view.draft.parts[part]}>${msg('pas d’accès')}</option>
              <option value="read" ?selected=${view.draft.parts[part] === 'read'}>${levelLabel('read')}</option>
              <option value="write" ?selected=${view.draft.parts[part] === 'write'}>${levelLabel('write')}</option>
            </select>
          </label>`,
      )}
    </fieldset>
    <div class="field">
      <label for="until">${msg('Jusqu’au (facultatif)')}</label>
      <input
        id="until"
        type="text"
        class="date-field"
        name="until"
        inputmode="numeric"
        autocomplete="off"
        aria-invalid=${problem === 'past-date' || problem === 'invalid-date' ? 'true' : 'false'}
        aria-describedby="until-hint"
        .value=${live(
          view.draft.untilTyped ?? (view.draft.untilDay ? formatDateField(view.draft.untilDay, view.locale) : ''),
        )}
        @change=${(event: Event) => view.onUntil((event.target as HTMLInputElement).value)}
      />
      <span class="field-hint" id="until-hint">${dateShape(view.locale)}</span>
    </div>
    ${problem ? html`<p class="problem" role="alert">${problemMessage(problem, view.locale)}</p>` : nothing}
    <button
      type="submit"
      class="touch-target action action--primary"
      part="grant-submit"
      aria-disabled=${view.busy === 'new' ? 'true' : 'false'}
    >
      ${view.busy === 'new' ? msg('Enregistrement…') : msg('Donner l’accès')}
    </button>
  </form>`;
}

/** The professionals who can see the record (care team), each with its Ne plus partager button. */
export function renderCareTeam(view: SharingView): TemplateResult {
  if (view.careTeam.length === 0)
    return html`<p class="none">${msg('Aucun professionnel n’a accès à votre carnet.')}</p>`;
  return html`<ul class="list" part="professionals">
    ${repeat(
      view.careTeam,
      (member) => member.id,
      (member) =>
        html`<li class="item" part="professional">
          <div>
            <p class="who">${member.name}</p>
            ${member.specialty ? html`<p class="detail">${member.specialty}</p>` : nothing}
          </div>
          ${
            view.canChangeCareTeam
              ? html`<button
                  type="button"
                  class="touch-target action"
                  part="stop-sharing"
                  aria-label=${msg(str`Ne plus partager avec ${member.name}`)}
                  aria-disabled=${view.busy === member.id ? 'true' : 'false'}
                  @click=${() => view.onStopSharing(member)}
                >
                  ${view.busy === member.id ? msg('Retrait…') : msg('Ne plus partager')}
                </button>`
              : nothing
          }
        </li>`,
    )}
  </ul>`;
}

/** The form sharing the record with a professional of the directory. */
export function renderAddProfessional(view: SharingView): TemplateResult | typeof nothing {
  if (!view.canChangeCareTeam || view.addable.length === 0) return nothing;
  const problem = view.problem === 'no-professional';
  return html`<form
    class="grant-form"
    part="share-form"
    aria-labelledby="share-title"
    novalidate
    @submit=${(event: Event) => {
      event.preventDefault();
      view.onShare();
    }}
  >
    <h4 id="share-title">${msg('Ajouter un professionnel')}</h4>
    <label class="field">
      <span>${msg('Professionnel')}</span>
      <select
        name="practitioner"
        aria-invalid=${problem ? 'true' : 'false'}
        @change=${(event: Event) => view.onPractitioner((event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${view.practitionerId === ''}>${msg('Choisir…')}</option>
        ${view.addable.map(
          (member) =>
            html`<option value=${member.id} ?selected=${view.practitionerId === member.id}>
              ${member.specialty ? `${member.name} (${member.specialty})` : member.name}
            </option>`,
        )}
      </select>
    </label>
    ${problem ? html`<p class="problem" role="alert">${problemMessage('no-professional', view.locale)}</p>` : nothing}
    <button
      type="submit"
      class="touch-target action action--primary"
      part="share"
      aria-disabled=${view.busy === 'share' ? 'true' : 'false'}
    >
      ${view.busy === 'share' ? msg('Enregistrement…') : msg('Partager mon carnet')}
    </button>
  </form>`;
}

/**
 * The confirmation of a removal: who loses access to what, in plain words. The safe
 * choice (« Garder l’accès », « Continuer à partager ») holds focus first, so a
 * repeated key press keeps the access.
 */
export function renderConfirmDialog(view: SharingView): TemplateResult {
  const pending = view.pending;
  let body: TemplateResult = html`<h2 id="confirm-title" class="dialog-title">${msg('Confirmer')}</h2>`;
  if (pending) {
    const revoke = pending.action === 'revoke';
    const name = revoke ? pending.name : pending.member.name;
    body = html`<form
      class="dialog-form"
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        view.onConfirm();
      }}
    >
      <h2 id="confirm-title" class="dialog-title">
        ${revoke ? msg(str`Retirer l’accès de ${name} ?`) : msg(str`Ne plus partager avec ${name} ?`)}
      </h2>
      <p id="confirm-description">
        ${
          revoke
            ? msg(str`${name} ne pourra plus voir ${yourParts(pending.grant.parts, view.locale)}.`)
            : msg(str`${name} ne pourra plus voir votre carnet.`)
        }
      </p>
      <div class="form-actions">
        <button type="button" class="touch-target action" data-action="cancel" autofocus @click=${view.onCancel}>
          ${revoke ? msg('Garder l’accès') : msg('Continuer à partager')}
        </button>
        <button type="submit" class="touch-target action action--danger" data-action="confirm">
          ${revoke ? msg('Retirer l’accès') : msg('Ne plus partager')}
        </button>
      </div>
    </form>`;
  }
  return html`<dialog
    id="confirm-dialog"
    class="dialog"
    part="confirm-dialog"
    role="alertdialog"
    aria-labelledby="confirm-title"
    aria-describedby=${pending ? 'confirm-description' : nothing}
  >
    ${body}
  </dialog>`;
}
