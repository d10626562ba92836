import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatCount } from '../shared/format.js';
import type { CarnetLocale } from '../shared/localization.js';
import type { TagSaveOutcome } from './tag-editing.controller.js';

/** The sentence for a save outcome, or nothing when it went as asked. */
export function renderOutcome(
  outcome: TagSaveOutcome | undefined,
  locale: CarnetLocale,
): TemplateResult | typeof nothing {
  if (!outcome) return nothing;
  switch (outcome.kind) {
    case 'conflict':
      return html`<p class="notice notice--warning" part="conflict" role="alert">
        ${
          outcome.documents > 1
            ? msg(
                str`${formatCount(outcome.documents, locale)} documents ont été changés entre-temps, sur un autre appareil ou par une autre personne : vos changements ne leur ont pas été appliqués. Réessayez.`,
              )
            : msg(
                'Ce document a été changé entre-temps, sur un autre appareil ou par une autre personne : votre changement n’a pas été appliqué. Réessayez.',
              )
        }
      </p>`;
    case 'failed':
      return html`<p class="notice notice--error" role="alert">${msg('L’enregistrement a échoué. Réessayez.')}</p>`;
    case 'saved':
      return nothing;
  }
}
