import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { HelpedPatient } from '@carnet/catalog-sdk';
import { renderEmptyState, renderErrorState, renderLoadingState } from '../shared/states.js';
import { partsSummary } from '../sharing/sharing-format.js';
import type { RecordPickerStatus } from './record-picker.controller.js';

/** What the caregiver's picker and banner read. */
export interface RecordPickerView {
  status: RecordPickerStatus;
  people: readonly HelpedPatient[];
  /** The error sentence, when the list could not be read. */
  errorMessage?: string;
  locale: string;
  onOpen(patientId: string): void;
  onRetry(): void;
}

/** The choice of whose record to open, for a caregiver who helps several people. */
export function renderRecordPicker(view: RecordPickerView): TemplateResult {
  const body = (): TemplateResult => {
    if (view.status === 'error') return renderErrorState({ message: view.errorMessage ?? '', onRetry: view.onRetry });
    if (view.status !== 'ready')
      return renderLoadingState({ label: msg('Chargement des carnets que vous pouvez ouvrir…') });
    if (view.people.length === 0)
      return renderEmptyState({
        title: msg('Personne ne vous a encore donné accès à son carnet'),
        description: msg('Quand une personne que vous aidez vous donne accès, son carnet apparaît ici.'),
      });
    return html`<ul class="record-choices">
      ${view.people.map(
        (person) =>
          html`<li>
            <button
              type="button"
              class="action action--secondary touch-target"
              part="record-choice"
              @click=${() => view.onOpen(person.patientId)}
            >
              ${msg(str`Ouvrir le carnet de ${person.name}`)}
            </button>
            <span class="record-parts">${partsSummary(person.parts, view.locale)}</span>
          </li>`,
      )}
    </ul>`;
  };
  return html`<section class="record-picker" part="record-picker" aria-labelledby="record-picker-title">
    <h2 id="record-picker-title" tabindex="-1">${msg('Quel carnet voulez-vous ouvrir ?')}</h2>
    ${body()}
  </section>`;
}

/** « Vous consultez le carnet de … », always above a caregiver's widgets. */
export function renderRecordBanner(options: {
  name: string;
  canChange: boolean;
  onChange: () => void;
}): TemplateResult {
  return html`<div class="record-banner" part="record-banner">
    <p class="record-banner-text" id="record-banner-text" tabindex="-1">
      ${msg(str`Vous consultez le carnet de ${options.name}`)}
    </p>
    ${
      options.canChange
        ? html`<button
            type="button"
            class="action action--secondary touch-target"
            part="record-change"
            @click=${options.onChange}
          >
            ${msg('Changer de personne')}
          </button>`
        : nothing
    }
  </div>`;
}
