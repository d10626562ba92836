import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { manifestTextIn, type AppGrant, type CatalogueApp } from '@carnet/catalog-sdk';
import { accessLabel, accessOf, grantedLabel, scopeReason, scopeWords } from './app-catalogue-words.js';

/** What the catalogue templates read. */
export interface AppCatalogueView {
  locale: string;
  apps: readonly CatalogueApp[];
  grants: readonly AppGrant[];
  /** The app whose access is being withdrawn (confirmation open). */
  confirming: CatalogueApp | undefined;
  busy: boolean;
  failed: boolean;
  onRevoke(app: CatalogueApp): void;
  onConfirm(): void;
  onCancel(): void;
}

/** A `data:` icon only: an icon on the app's own host would be a request to a host the site did not choose. */
function renderIcon(app: CatalogueApp): TemplateResult {
  const initial = app.name.trim().charAt(0).toLocaleUpperCase();
  return html`<span class="icon" part="icon" aria-hidden="true"
    ><span class="initial">${initial}</span>${
      app.icon?.startsWith('data:image/') ? html`<img src=${app.icon} alt="" width="48" height="48" />` : nothing
    }</span
  >`;
}

function renderApp(view: AppCatalogueView, app: CatalogueApp): TemplateResult {
  const grant = view.grants.find((candidate) => candidate.clientId === app.clientId);
  const headingId = `app-${app.clientId}`;
  return html`<li class="app" part="app" aria-labelledby=${headingId}>
    <div class="head">
      ${renderIcon(app)}
      <div>
        <h3 class="name" id=${headingId} tabindex="-1" data-app-heading=${app.clientId}>${app.name}</h3>
        <p class="publisher">${msg(str`Par ${app.publisher}`)}</p>
      </div>
    </div>
    <p class="description">${manifestTextIn(app.description, view.locale)}</p>
    <p class="consent ${grant ? 'consent--granted' : ''}" part="consent">
      ${grant ? grantedLabel(grant.grantedAt, view.locale) : msg('Vous ne l’avez pas autorisée.')}
    </p>
    <details class="access" part="access">
      <summary>${msg(str`Ce que ${app.name} demande`)}</summary>
      <ul class="scopes">
        ${app.scopes.map((scope) => {
          const access = accessOf(scope);
          return html`<li class="scope">
            <span class="scope-words">${scopeWords(scope, view.locale)}</span>
            ${access ? html`<span class="badge badge--${access}">${accessLabel(access)}</span>` : nothing}
            <span class="reason">${msg(str`Pourquoi : ${scopeReason(scope, view.locale)}`)}</span>
          </li>`;
        })}
      </ul>
    </details>
    <div class="actions">
      ${
        app.launchUrl
          ? html`<a
              class="action action--primary touch-target"
              part="open"
              href=${app.launchUrl}
              target="_blank"
              rel="noopener noreferrer"
              >${msg('Ouvrir')}<span class="visually-hidden"> ${app.name} ${msg('(nouvel onglet)')}</span></a
            >`
          : nothing
      }
      ${
        grant
          ? html`<button
              type="button"
              class="action touch-target"
              part="revoke"
              aria-label=${msg(str`Retirer l’accès de ${app.name}`)}
              @click=${() => view.onRevoke(app)}
            >
              ${msg('Retirer l’accès')}
            </button>`
          : nothing
      }
    </div>
  </li>`;
}

/** The listed apps. */
export function renderApps(view: AppCatalogueView): TemplateResult {
  return html`<ul class="apps" part="apps">
    ${repeat(
      view.apps,
      (app) => app.clientId,
      (app) => renderApp(view, app),
    )}
  </ul>`;
}

/** The question before withdrawing an app's access; « Garder l’accès » is the safe choice. */
export function renderRevokeDialog(view: AppCatalogueView): TemplateResult {
  const app = view.confirming;
  return html`<dialog
    class="dialog"
    part="revoke-dialog"
    aria-labelledby="revoke-title"
    aria-describedby="revoke-detail"
  >
    ${
      app
        ? html`<h2 class="dialog-title" id="revoke-title">${msg(str`Retirer l’accès de ${app.name} ?`)}</h2>
            <p id="revoke-detail">
              ${msg(
                str`${app.name} ne pourra plus lire ni modifier votre carnet, dès maintenant. Si vous l’ouvrez à nouveau, elle vous redemandera votre accord.`,
              )}
            </p>
            ${
              view.failed
                ? html`<p class="problem" role="alert">
                    ${msg('L’accès n’a pas pu être retiré. Vérifiez votre connexion et réessayez.')}
                  </p>`
                : nothing
            }
            <div class="dialog-actions">
              <button type="button" class="action touch-target" autofocus @click=${view.onCancel}>
                ${msg('Garder l’accès')}
              </button>
              <button
                type="button"
                class="action action--danger touch-target"
                part="confirm-revoke"
                aria-disabled=${view.busy ? 'true' : 'false'}
                @click=${view.onConfirm}
              >
                ${view.busy ? msg('Retrait…') : msg('Retirer l’accès')}
              </button>
            </div>`
        : nothing
    }
  </dialog>`;
}
