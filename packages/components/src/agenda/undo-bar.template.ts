import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { DeletionUndo } from './event-editor.controller.js';

/** What the undo bar shows after a delete. */
export interface UndoBarOptions {
  undo?: DeletionUndo;
  failed: boolean;
  /** One listener for « Annuler la suppression » and « Fermer » (`data-undo`). */
  onClick(event: MouseEvent): void;
}

/**
 * After a delete: what was deleted and a button that puts it back. Not a live
 * region: the agenda's announcer already says it once.
 */
export function renderUndoBar({ undo, failed, onClick }: UndoBarOptions): TemplateResult | typeof nothing {
  if (!undo) return nothing;
  const title = undo.title;
  return html`<div class="undo-bar" part="undo" @click=${onClick}>
    <p>${msg(str`« ${title} » supprimé.`)}</p>
    ${failed ? html`<p class="field-error" role="alert">${msg('La restauration a échoué : réessayez.')}</p>` : nothing}
    <button type="button" class="action touch-target" data-undo="restore">${msg('Annuler la suppression')}</button>
    <button type="button" class="link-button touch-target" data-undo="dismiss" aria-label=${msg('Fermer ce message')}>
      ${msg('Fermer')}
    </button>
  </div>`;
}
