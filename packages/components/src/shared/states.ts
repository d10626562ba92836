import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/** Options of the loading state. */
export interface LoadingStateOptions {
  /** What is loading, read by screen readers, e.g. « Chargement du carnet… ». */
  label: string;
  /** Number of placeholder lines drawn (default 3). */
  lines?: number;
}

/**
 * A skeleton that marks its region busy and names what is loading. Pair with
 * `stateStyles`.
 */
export function renderLoadingState({ label, lines = 3 }: LoadingStateOptions): TemplateResult {
  return html`<div class="state state--loading" part="loading" role="status" aria-busy="true">
    <span class="visually-hidden">${label}</span>
    <div class="skeleton" aria-hidden="true">
      ${Array.from({ length: lines }, () => html`<div class="skeleton-line"></div>`)}
    </div>
  </div>`;
}

/** Options of the empty state. */
export interface EmptyStateOptions {
  /** Short statement, e.g. « Votre carnet est vide ». */
  title: string;
  /** What the patient can do next. */
  description?: string;
}

/** A calm statement that there is nothing to show yet. */
export function renderEmptyState({ title, description }: EmptyStateOptions): TemplateResult {
  return html`<div class="state state--empty" part="empty">
    <p class="state-title">${title}</p>
    ${description ? html`<p class="state-description">${description}</p>` : nothing}
  </div>`;
}

/** Options of the error state. */
export interface ErrorStateOptions {
  /** The user-facing sentence (already translated). */
  message: string;
  /** Called when the patient presses Retry; the state itself emits nothing. */
  onRetry: () => void;
  /** Label of the button (default « Réessayer » / "Retry"). */
  retryLabel?: string;
}

/** A failure announced to assistive technologies, with a Retry button. */
export function renderErrorState({ message, onRetry, retryLabel }: ErrorStateOptions): TemplateResult {
  return html`<div class="state state--error" part="error" role="alert">
    <p class="state-title">${message}</p>
    <button type="button" class="state-action touch-target" part="retry" @click=${onRetry}>
      ${retryLabel ?? msg('Réessayer')}
    </button>
  </div>`;
}

/**
 * The message of a part whose code could not load (`DeferredPartController.failed`), shown next to
 * the control that asked for it; nothing when `shown` is false.
 */
export function renderLoadFailure(shown: boolean): TemplateResult | typeof nothing {
  return shown
    ? html`<p class="notice notice--error" part="dialog-load-error" role="alert">
        ${msg("Cette fenêtre n'a pas pu s'ouvrir : la connexion a peut-être été coupée. Rien n'a été modifié, réessayez.")}
      </p>`
    : nothing;
}
