import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { AgendaView } from './agenda-range.controller.js';
import { AGENDA_VIEWS } from './agenda-range.controller.js';

/** What the toolbar shows. */
export interface ToolbarOptions {
  view: AgendaView;
  title: string;
  /** Whether the record has medication plans (the toggle is shown only then). */
  hasPlans: boolean;
  showMedication: boolean;
  /** One listener for every toolbar button (`data-action`, `data-view`). */
  onClick(event: MouseEvent): void;
  onMedicationToggle(event: Event): void;
  onFileChange(event: Event): void;
}

function viewLabel(view: AgendaView): string {
  switch (view) {
    case 'month':
      return msg('Mois');
    case 'week':
      return msg('Semaine');
    case 'list':
      return msg('À venir');
  }
}

function stepLabels(view: AgendaView): { previous: string; next: string } {
  switch (view) {
    case 'month':
      return { previous: msg('Mois précédent'), next: msg('Mois suivant') };
    case 'week':
      return { previous: msg('Semaine précédente'), next: msg('Semaine suivante') };
    case 'list':
      return { previous: msg('Période précédente'), next: msg('Période suivante') };
  }
}

/** Navigation, the range's title, the view switch, and the agenda's actions. */
export function renderToolbar(options: ToolbarOptions): TemplateResult {
  const steps = stepLabels(options.view);
  return html`<div class="toolbar" part="toolbar" @click=${options.onClick}>
    <div class="toolbar-row">
      <div class="nav" role="group" aria-label=${msg('Navigation dans le temps')}>
        <button type="button" class="action touch-target" part="previous" data-action="previous">
          <span aria-hidden="true">‹</span> ${steps.previous}
        </button>
        <button type="button" class="action touch-target" part="today" data-action="today">
          ${msg("Aujourd'hui")}
        </button>
        <button type="button" class="action touch-target" part="next" data-action="next">
          ${steps.next} <span aria-hidden="true">›</span>
        </button>
      </div>
      <div class="views" role="group" aria-label=${msg('Affichage')} part="view-switch">
        ${AGENDA_VIEWS.map(
          (view) =>
            html`<button
              type="button"
              class="action touch-target"
              part="view-button"
              data-view=${view}
              aria-pressed=${view === options.view ? 'true' : 'false'}
            >
              ${viewLabel(view)}
            </button>`,
        )}
      </div>
    </div>
    <h2 class="range-title" id="range-title" part="range-title" aria-live="polite">${options.title}</h2>
    <div class="toolbar-row">
      <button type="button" class="action action--primary touch-target" part="create" data-action="create">
        ${msg('Nouvel événement')}
      </button>
      <button type="button" class="action touch-target" part="export" data-action="export">
        ${msg('Ajouter à mon calendrier')}
      </button>
      <button type="button" class="action touch-target" part="import" data-action="import">
        ${msg('Importer un calendrier')}
      </button>
      <input type="file" class="file-input" accept=".ics,text/calendar" hidden @change=${options.onFileChange} />
      ${
        options.hasPlans
          ? html`<label class="check" part="medication-toggle">
              <input
                type="checkbox"
                name="showMedication"
                .checked=${options.showMedication}
                @change=${options.onMedicationToggle}
              />
              ${msg('Afficher les prises de médicaments')}
            </label>`
          : nothing
      }
    </div>
  </div>`;
}
