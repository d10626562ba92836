import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';

/** The new-discussion form: its drafts, and what it can ask for. */
export interface ComposeView {
  title: string;
  body: string;
  message: string | undefined;
  publishing: boolean;
  pseudonym: string | undefined;
  onTitleInput: (value: string) => void;
  onBodyInput: (value: string) => void;
  onSubmit: (event: SubmitEvent) => void;
  onCancel: () => void;
}

/** A form to start a discussion: title and first message, published under the pseudonym. */
export function renderComposeForm(view: ComposeView): TemplateResult {
  return html`<form class="compose" part="compose" aria-labelledby="compose-title" @submit=${view.onSubmit}>
    <h3 id="compose-title" class="compose-title">${msg('Nouvelle discussion')}</h3>
    <label for="compose-subject">${msg('Titre')}</label>
    <input
      id="compose-subject"
      name="title"
      required
      maxlength="200"
      autocomplete="off"
      .value=${live(view.title)}
      @input=${(event: InputEvent) => view.onTitleInput((event.target as HTMLInputElement).value)}
    />
    <label for="compose-body">${msg('Votre message')}</label>
    <textarea
      id="compose-body"
      name="body"
      rows="6"
      required
      maxlength="10000"
      aria-describedby="compose-hint"
      .value=${live(view.body)}
      @input=${(event: InputEvent) => view.onBodyInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p class="hint" id="compose-hint">
      ${
        view.pseudonym
          ? msg(str`Vous publiez sous le pseudonyme ${view.pseudonym}.`)
          : msg('Vous choisirez un pseudonyme avant de publier : votre nom n’apparaît jamais.')
      }
      ${msg('Mise en forme possible : *italique*, **gras**, listes et liens.')}
    </p>
    ${view.message ? html`<p class="form-error" role="alert">${view.message}</p>` : nothing}
    <div class="form-actions">
      <button type="submit" class="primary-button touch-target" aria-disabled=${view.publishing ? 'true' : 'false'}>
        ${msg('Publier la discussion')}
      </button>
      <button type="button" class="secondary-button touch-target" @click=${view.onCancel}>${msg('Annuler')}</button>
    </div>
  </form>`;
}
