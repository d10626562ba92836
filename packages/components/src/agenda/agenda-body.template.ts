import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { IsoDate } from '@carnet/catalog-sdk';
import { renderEmptyState } from '../shared/states.js';
import type { AgendaFormat } from './agenda-format.js';
import type { AgendaLayout } from './agenda-layout.js';
import type { AgendaView } from './agenda-range.controller.js';
import { renderListView } from './list-view.template.js';
import { renderMonthView } from './month-view.template.js';
import { renderRemindersPanel } from './reminders-panel.template.js';
import { renderToolbar } from './toolbar.template.js';
import type { UpcomingReminders } from './upcoming-reminders.js';
import { renderWeekView } from './week-view.template.js';

/** The listeners of the agenda's body, created once by the element. */
export interface AgendaBodyHandlers {
  onToolbarClick(event: MouseEvent): void;
  onMedicationToggle(event: Event): void;
  onFileChange(event: Event): void;
  onGridKeydown(event: KeyboardEvent): void;
  onGridFocusin(event: FocusEvent): void;
  onGridClick(event: MouseEvent): void;
  onItemClick(event: MouseEvent): void;
  onCreateOnDay(event: MouseEvent): void;
}

/** Everything the body shows once the agenda is loaded. */
export interface AgendaBodyOptions {
  view: AgendaView;
  title: string;
  layout: AgendaLayout;
  format: AgendaFormat;
  today: IsoDate;
  /** The month grid's active cell. */
  activeDay: IsoDate;
  openDay?: IsoDate;
  inShownMonth(day: IsoDate): boolean;
  hasPlans: boolean;
  showMedication: boolean;
  empty: boolean;
  exportFailed: boolean;
  /** The code of the editor, details or import could not be loaded for the last action. */
  actionUnavailable: boolean;
  reminders: UpcomingReminders;
  handlers: AgendaBodyHandlers;
}

/** Toolbar, the current view and the reminders panel. */
export function renderAgendaBody(options: AgendaBodyOptions): TemplateResult {
  const { view, layout, format, today, handlers } = options;
  return html`${renderToolbar({
      view,
      title: options.title,
      hasPlans: options.hasPlans,
      showMedication: options.showMedication,
      onClick: handlers.onToolbarClick,
      onMedicationToggle: handlers.onMedicationToggle,
      onFileChange: handlers.onFileChange,
    })}
    ${options.exportFailed ? html`<p class="problem" role="alert">${msg("L'export de l'agenda a échoué.")}</p>` : nothing}
    ${
      options.actionUnavailable
        ? html`<p class="problem" part="action-error" role="alert">
            ${msg("Cette action n'a pas pu être chargée. Vérifiez votre connexion, puis réessayez.")}
          </p>`
        : nothing
    }
    ${
      options.empty
        ? renderEmptyState({
            title: msg('Votre agenda est vide'),
            description: msg('Ajoutez un rendez-vous, un examen ou un rappel, ou importez un calendrier (.ics).'),
          })
        : nothing
    }
    <div class="main">
      <div class="view">
        ${
          view === 'month'
            ? renderMonthView({
                layout,
                format,
                today,
                activeDay: options.activeDay,
                openDay: options.openDay,
                inShownMonth: options.inShownMonth,
                onKeydown: handlers.onGridKeydown,
                onFocusin: handlers.onGridFocusin,
                onClick: handlers.onGridClick,
                onDayItemClick: handlers.onItemClick,
                onCreate: handlers.onCreateOnDay,
              })
            : view === 'week'
              ? renderWeekView({ layout, format, today, onItemClick: handlers.onItemClick })
              : renderListView({ layout, format, onItemClick: handlers.onItemClick })
        }
      </div>
      ${renderRemindersPanel({ reminders: options.reminders, format })}
    </div>`;
}
