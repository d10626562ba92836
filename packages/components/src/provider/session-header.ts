import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { SignInMode } from './connected-config.js';

/** Options of the sign-in prompt. */
export interface SignInPromptOptions {
  /** How signing in goes on: the sentence under the heading says it. */
  mode: SignInMode;
  /** Why the patient is asked (again), already translated: expired session, refused sign-in… */
  notice?: string;
  /** True while a sign-in started here is under way. */
  busy: boolean;
  /** Called by the Se connecter button; in popup mode it must open the popup synchronously. */
  onSignIn: () => void;
  /** The « Se souvenir de cet appareil » box is ticked. */
  remember: boolean;
  /** The patient ticked or unticked it. */
  onRememberChange: (remember: boolean) => void;
}

/** The signed-out state: what happens when signing in, and the button that starts it. */
export function renderSignInPrompt({
  mode,
  notice,
  busy,
  onSignIn,
  remember,
  onRememberChange,
}: SignInPromptOptions): TemplateResult {
  const explanation =
    mode === 'popup'
      ? msg(
          "Une fenêtre s'ouvre sur la page de connexion de votre espace santé ; une fois connecté·e, vos documents, rendez-vous et traitements s'affichent ici.",
        )
      : msg(
          'Vous passez par la page de connexion de votre espace santé, puis revenez ici avec vos documents, rendez-vous et traitements.',
        );
  return html`<section class="sign-in" part="sign-in" aria-labelledby="sign-in-title">
    ${notice ? html`<p class="notice" part="notice" role="alert">${notice}</p>` : nothing}
    <h2 class="sign-in-title" id="sign-in-title">${msg('Connectez-vous à votre espace santé')}</h2>
    <p class="sign-in-text">${explanation}</p>
    <div class="remember">
      <input
        type="checkbox"
        id="remember-device"
        part="remember-device"
        aria-describedby="remember-device-help"
        .checked=${remember}
        @change=${(event: Event) => onRememberChange((event.target as HTMLInputElement).checked)}
      />
      <label for="remember-device">${msg('Se souvenir de cet appareil')}</label>
      <p class="remember-help" id="remember-device-help">
        ${msg(
          "Vos documents, rendez-vous et traitements restent alors enregistrés sur cet appareil après la déconnexion, pour les consulter sans réseau. Ne cochez pas sur un appareil partagé : sinon, ils sont effacés de l'appareil quand vous vous déconnectez.",
        )}
      </p>
    </div>
    <button
      type="button"
      class="action action--primary touch-target"
      part="sign-in-button"
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${onSignIn}
    >
      ${msg('Se connecter')}
    </button>
    ${busy ? html`<p class="sign-in-busy">${msg('Connexion en cours…')}</p>` : nothing}
  </section>`;
}

/** Options of the signed-in header. */
export interface SessionHeaderOptions {
  /** Who is signed in: display name, else patient id. Identity only, never health data. */
  who: string;
  /** True while the sign-out is under way. */
  busy: boolean;
  /** Called by the Se déconnecter button. */
  onSignOut: () => void;
}

/** The signed-in state's header, above the widgets: who is signed in, and how to sign out. */
export function renderSessionHeader({ who, busy, onSignOut }: SessionHeaderOptions): TemplateResult {
  return html`<div class="session-header" part="session-header">
    <p class="session-who">
      <span class="session-label">${msg('Connecté·e')}</span>
      <span class="session-name" part="session-name">${who}</span>
    </p>
    <button
      type="button"
      class="action action--secondary touch-target"
      part="sign-out-button"
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${onSignOut}
    >
      ${msg('Se déconnecter')}
    </button>
  </div>`;
}
