import { adoptStyles, html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { DEFAULT_TIME_ZONE } from '@carnet/catalog-sdk';
import type { AgendaEvent, DataSource, IsoDate } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { recordRevisionContext } from '../context/record-revision.context.js';
import type { RecordRevision } from '../context/record-revision.context.js';
import type { CarnetEventChangeDetail } from '../events/carnet-event-change.js';
import type {} from '../events/carnet-occurrence-note.js';
import type {} from '../events/carnet-plan-change.js';
import { emit } from '../events/emit.js';
import { LiveAnnouncer } from '../shared/announcer.js';
import { renderUndoBar } from './undo-bar.template.js';
import { RovingFocusController } from '../shared/roving-focus.controller.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { getCarnetLocale } from '../shared/localization.js';
import { renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { renderAgendaBody } from './agenda-body.template.js';
import type { AgendaBodyHandlers } from './agenda-body.template.js';
import { AgendaDataController } from './agenda-data.controller.js';
import { isIsoDate, monthGridTarget } from './agenda-dates.js';
import type { AgendaEditing } from './agenda-editing.panel.js';
import { loadAgendaEditing, loadedAgendaEditing } from './agenda-editing.load.js';
import type { AgendaEditingModule } from './agenda-editing.load.js';
import { agendaFormat } from './agenda-format.js';
import type { AgendaFormat } from './agenda-format.js';
import type { AgendaData, AgendaLayout } from './agenda-layout.js';
import { AgendaRangeController } from './agenda-range.controller.js';
import { AGENDA_VIEWS, type AgendaView } from './agenda-range.controller.js';
import { instantToZoned, zonedToInstant } from '@carnet/catalog-sdk';
import { agendaDialogStyles } from './agenda-dialog.styles.js';
import { agendaMonthStyles } from './agenda-month.styles.js';
import { agendaStyles } from './agenda.styles.js';
import { CalendarSubscriptionController } from './calendar-subscription.controller.js';
import { renderCalendarSubscription } from './calendar-subscription.template.js';
import { parseOneOf } from '../shared/parse-one-of.js';
import { RecordChangesController } from '../shared/record-changes.controller.js';

// The dialogs' and date fields' looks come with the editing part, between these two (same cascade as before).
const leadingStyles = [baseStyles, stateStyles];
const agendaOwnStyles = [agendaStyles, agendaMonthStyles, agendaDialogStyles];

/**
 * The patient's agenda: month, week and « À venir » views, events with plain-words
 * recurrence, reminders, notes on single occurrences, medication doses and
 * prescription renewals, and `.ics` import and export. Place it inside a
 * `<carnet-provider>`. Every date and time goes through `Intl`; times are shown in
 * each event's own zone.
 *
 * @summary Agenda of appointments, exams, renewals and reminders.
 * @tag carnet-agenda
 *
 * @csspart base - The agenda's outer section.
 * @csspart toolbar - Navigation, title, view switch and actions.
 * @csspart previous - The button to the previous month, week or period.
 * @csspart next - The button to the next month, week or period.
 * @csspart today - The « Aujourd'hui » button; also today's cell or week column.
 * @csspart range-title - The title of the range shown (« novembre 2026 »).
 * @csspart view-switch - The group of view buttons.
 * @csspart view-button - One view button (month, week, upcoming).
 * @csspart create - The « Nouvel événement » button.
 * @csspart export - The « Ajouter à mon calendrier » button (downloads the agenda as an .ics file).
 * @csspart import - The « Importer un calendrier » button (reads an .ics file).
 * @csspart subscription - « Sur votre téléphone »: the calendar subscription (connected mode, when the server offers it).
 * @csspart subscription-prepare - The « Préparer l'abonnement » button (asks the platform for the secret address).
 * @csspart subscribe-link - The « S'abonner » link (webcal), which opens the device's calendar app.
 * @csspart subscription-reset - The « Changer l'adresse secrète » button: the old address stops working at once.
 * @csspart medication-toggle - The « Afficher les prises de médicaments » checkbox.
 * @csspart month-grid - The month's ARIA grid.
 * @csspart weekday - A weekday column header.
 * @csspart day - A day cell of the month grid.
 * @csspart day-marks - The marks of a day's appointments, shown instead of titles on phones.
 * @csspart day-details - The open day's events below the grid.
 * @csspart add-on-day - The « Ajouter un événement ce jour » button.
 * @csspart week - The week view.
 * @csspart week-day - One day of the week view.
 * @csspart list - The « À venir » list.
 * @csspart event - An event occurrence's button.
 * @csspart dose - A medication dose.
 * @csspart dose-frequency - How often the dose's medicine is taken (« chaque dimanche matin »).
 * @csspart renewal - A prescription renewal derived from a medication plan.
 * @csspart occurrence-note - The patient's note shown on an occurrence.
 * @csspart reminders-panel - The reminders of the coming days.
 * @csspart upcoming-reminder - One reminder of an event.
 * @csspart medication-reminder - A low-stock or renewal reminder.
 * @csspart editor - The event editor dialog.
 * @csspart editor-problem - A conflict or failure message in the editor.
 * @csspart recurrence-editor - The recurrence fieldset.
 * @csspart recurrence-sentence - The rule in plain words.
 * @csspart recurrence-weekdays - The weekday checkboxes.
 * @csspart recurrence-monthly - The choice of monthly mode.
 * @csspart recurrence-end - The end of the recurrence.
 * @csspart reminders-editor - The reminders fieldset of the editor.
 * @csspart save - The editor's Save button.
 * @csspart delete - The Delete buttons of the editor and details.
 * @csspart cancel - The editor's Cancel button.
 * @csspart edit - The details' Edit button.
 * @csspart scope-dialog - The « Quelles occurrences ? » dialog.
 * @csspart scope-this - « Cette occurrence ».
 * @csspart scope-following - « Cette occurrence et les suivantes ».
 * @csspart scope-all - « Toutes les occurrences », or Delete for a single event.
 * @csspart occurrence-dialog - An occurrence's details.
 * @csspart note-form - The occurrence note form.
 * @csspart save-note - The note's Save button.
 * @csspart import-dialog - The import preview dialog.
 * @csspart import-list - The events about to be imported.
 * @csspart import-item - One event about to be imported.
 * @csspart import-warnings - What the file held that could not be taken over.
 * @csspart import-error - Why a file could not be imported.
 * @csspart import-confirm - The Import button.
 * @csspart import-cancel - The Cancel or Close button of the import.
 * @csspart action-error - Says that the code of an action (editor, details, import, export) could not be loaded; the next try loads it again.
 * @csspart loading - The skeleton shown while loading.
 * @csspart empty - The message shown when the agenda is empty.
 * @csspart error - The message shown when loading failed.
 * @csspart retry - The Retry button of the error.
 *
 * @cssprop --carnet-agenda-background - Background of the agenda (defaults to the surface).
 * @cssprop --carnet-agenda-gap - Spacing between items.
 * @cssprop --carnet-agenda-cell-min-block-size - Height of a month cell before it grows with its text (6rem).
 * @cssprop --carnet-agenda-today-color - Marks today (defaults to the accent).
 * @cssprop --carnet-agenda-appointment-color - Edge colour of appointments.
 * @cssprop --carnet-agenda-exam-color - Edge colour of exams.
 * @cssprop --carnet-agenda-renewal-color - Edge colour of prescription renewals and medication reminders.
 * @cssprop --carnet-agenda-reminder-color - Edge colour of personal reminders.
 * @cssprop --carnet-agenda-dose-color - Edge colour of medication doses.
 *
 * @cssstate loading - The agenda is loading.
 * @cssstate empty - No event and no plan yet.
 * @cssstate error - Loading failed.
 * @cssstate ready - The agenda is shown.
 *
 * @fires carnet-event-change - An event was created, changed or deleted (also by import); one per saved event.
 * @fires carnet-occurrence-note - The patient saved a note on one occurrence.
 */
@localized()
export class CarnetAgenda extends CarnetWidget {
  static override styles = [...leadingStyles, ...agendaOwnStyles];

  /** Where the agenda is read from; given by `<carnet-provider>`, or set directly. */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  /** Bumped by `<carnet-provider>` when the cached record changed underneath: read again. */
  @consume({ context: recordRevisionContext, subscribe: true })
  @state()
  recordRevision?: RecordRevision;

  /**
   * The view shown: `month`, `week` or `list` (« À venir »).
   * @attr view
   */
  @property({ reflect: true })
  view: AgendaView = 'month';

  /**
   * Today as `YYYY-MM-DD`, to show a fixed day (stories, tests); default: the real today.
   * @attr today
   */
  @property()
  today?: string;

  /** The current instant, for reminders (tests, stories); default: the real now, or 09:00 on `today`. */
  @property({ attribute: false })
  now?: Date;

  /**
   * IANA zone days are read in and new events are created in.
   * @attr time-zone
   */
  @property({ attribute: 'time-zone' })
  timeZone = DEFAULT_TIME_ZONE;

  /**
   * Show the medication doses of the pill organiser (when there are plans).
   * @attr show-medication
   */
  @property({ type: Boolean, attribute: 'show-medication', reflect: true })
  showMedication = false;

  /** The day whose details are open below the month grid. */
  @state() private openDay?: IsoDate;

  private readonly data = new AgendaDataController(this);
  private readonly range = new AgendaRangeController(this);
  private readonly announcer = new LiveAnnouncer(this);
  /** The month grid: one cell in the tab order, moved by the ARIA grid keys. */
  private readonly monthGridFocus = new RovingFocusController(this, {
    target: monthGridTarget,
    active: { get: () => this.range.focusDay, set: (day) => this.range.goTo(day) },
    activate: (day) => this.showDay(day),
  });
  private readonly subscription = new CalendarSubscriptionController(this, () => this.dataSource?.calendarSubscription);
  private layout?: AgendaLayout;

  /**
   * The editor, an occurrence's details and the calendar import and export, with their
   * dialogs: loaded on the first action that needs them (`agenda-editing.panel.ts`).
   */
  @state() private editing?: AgendaEditing;
  /** The editing part could not be loaded for the last action (the next one tries again). */
  @state() private editingFailed = false;
  /** The control whose action waits for the editing part, shown busy meanwhile. */
  private editingOpener?: HTMLElement | null;
  /** Pointing at or focusing an opener started the download (once: a click tries again after a failure). */
  private editingWanted = false;

  /** Today in the agenda's zone (the `today` attribute when set). */
  get todayDay(): IsoDate {
    if (isIsoDate(this.today)) return this.today;
    return instantToZoned(this.currentInstant(), this.timeZone).slice(0, 10);
  }

  /** Loads the agenda again, e.g. after the record changed elsewhere. */
  refresh(): Promise<void> {
    return this.data.reload();
  }

  /** A skip link leads to « Nouveau rendez-vous »: adding an appointment starts there. */
  protected override skipTarget(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part="create"]') ?? super.skipTarget();
  }

  // A treatment added or changed in the pill organiser under the same provider shows here at
  // once; doses recorded in the organiser or from a reminder show among the agenda's intakes.
  private readonly treatmentChanges = new RecordChangesController(
    this,
    ['carnet-plan-change', 'carnet-intake-change'],
    () => void this.data.reload(),
  );

  /** Resolves once the agenda's data has loaded (or failed) and is rendered. */
  async dataReady(): Promise<void> {
    await this.data.complete;
    await this.updateComplete;
  }

  private currentInstant(): Date {
    if (this.now) return this.now;
    if (isIsoDate(this.today)) return zonedToInstant(`${this.today}T09:00:00`, this.timeZone);
    return new Date();
  }

  private eventById(id: string): AgendaEvent | undefined {
    return this.data.data?.events.find((event) => event.id === id);
  }

  private afterChanges(changes: CarnetEventChangeDetail[], announcement: string): void {
    for (const change of changes) emit(this, 'carnet-event-change', change);
    this.editing?.details.close();
    this.announcer.announce(announcement);
    void this.data.reload();
  }

  private createEditing(module: AgendaEditingModule): AgendaEditing {
    const reload = (): void => void this.data.reload();
    adoptStyles(this.renderRoot as ShadowRoot, [...leadingStyles, ...module.agendaEditingStyles, ...agendaOwnStyles]);
    return new module.AgendaEditing(this, {
      source: () => this.dataSource,
      locale: () => this.locale,
      timeZone: () => this.timeZone,
      eventById: (id) => this.eventById(id),
      changed: (changes, action) =>
        this.afterChanges(
          changes,
          action === 'delete'
            ? msg('Événement supprimé. Vous pouvez annuler la suppression.')
            : action === 'undo'
              ? msg('Suppression annulée.')
              : action === 'import'
                ? msg('Calendrier importé.')
                : msg('Événement enregistré.'),
        ),
      noteSaved: (eventId, originalStart, note) => {
        emit(this, 'carnet-occurrence-note', { eventId, originalStart, note });
        this.announcer.announce(msg('Note enregistrée.'));
        reload();
      },
      stale: reload,
      focusInvalidField: () => {
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
        );
      },
    });
  }

  /**
   * Runs `action` with the editing part, at once when it is loaded; else `opener` shows it
   * is busy (no second action meanwhile) until the part arrives, then the action runs and
   * its dialog takes focus as usual. A failed load says so; the next action tries again.
   */
  private withEditing(opener: HTMLElement | null, action: (editing: AgendaEditing) => void): void {
    if (this.editing) {
      action(this.editing);
      return;
    }
    const loaded = loadedAgendaEditing();
    if (loaded) {
      this.editing = this.createEditing(loaded);
      this.editingFailed = false;
      action(this.editing);
      return;
    }
    if (this.editingOpener !== undefined) return;
    this.editingOpener = opener;
    this.editingFailed = false;
    opener?.setAttribute('aria-busy', 'true');
    opener?.setAttribute('aria-disabled', 'true');
    let waiting = true;
    const done = (): void => {
      waiting = false;
      opener?.removeAttribute('aria-busy');
      opener?.removeAttribute('aria-disabled');
      this.editingOpener = undefined;
      this.removeEventListener('keydown', onEscape);
    };
    // Escape while the part loads: the patient gave up, nothing opens when it arrives.
    const onEscape = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') done();
    };
    this.addEventListener('keydown', onEscape);
    loadAgendaEditing().then(
      (module) => {
        if (!waiting) return;
        done();
        if (!this.isConnected) return;
        this.editing ??= this.createEditing(module);
        this.editingFailed = false;
        action(this.editing);
      },
      () => {
        if (!waiting) return;
        done();
        this.editingFailed = true;
      },
    );
  }

  /** The patient points at or focuses a control that opens a dialog: fetch the editing part now. */
  private readonly onIntent = (event: Event): void => {
    if (this.editingWanted || this.editing || loadedAgendaEditing()) return;
    const target = event.target instanceof Element ? event.target : null;
    if (
      target?.closest(
        '[data-action="create"], [data-action="import"], [data-action="export"], [part="add-on-day"], [data-item-key], [role="gridcell"]',
      )
    ) {
      this.editingWanted = true;
      loadAgendaEditing().catch(() => undefined);
    }
  };

  /** Opens the details of `day`, or the editor on it when it is empty (`opener`: its cell). */
  private showDay(day: IsoDate, opener?: HTMLElement | null): void {
    this.range.goTo(day);
    const bucket = this.layout?.buckets.get(day);
    if (bucket && bucket.events.length === 0 && bucket.doses.length === 0) {
      const cell = opener ?? this.renderRoot.querySelector<HTMLElement>(`[role="gridcell"][data-day="${day}"]`);
      this.withEditing(cell, (editing) => editing.editor.openNew(day));
      return;
    }
    this.openDay = day;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#day-details-title')?.focus());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view')) this.openDay = undefined;
    // Derived state: the layout of the range shown (memoised by the range controller).
    const data = this.data.data;
    this.layout = data
      ? this.range.layout(data, {
          timeZone: this.timeZone,
          showMedication: this.showMedication,
          localeKey: `${this.locale}|${getCarnetLocale()}`,
          format: agendaFormat(this.locale),
          now: this.currentInstant(),
        })
      : undefined;
    const details = this.editing?.details;
    if (this.layout && details?.item) details.refresh(this.layout.byKey.get(details.item.key));
  }

  protected override updated(): void {
    const current = this.data.state;
    this.reflectStates(current, ['loading', 'empty', 'error', 'ready']);
  }

  private onToolbarClick(event: MouseEvent): void {
    const button = (event.target as HTMLElement).closest<HTMLElement>('button');
    const view = parseOneOf(button?.dataset['view'], AGENDA_VIEWS);
    if (view) {
      this.range.setView(view);
      return;
    }
    switch (button?.dataset['action']) {
      case 'previous':
        return this.range.previous();
      case 'next':
        return this.range.next();
      case 'today':
        this.range.goToday();
        this.openDay = undefined;
        return;
      case 'create': {
        const day = this.range.focusDay;
        return this.withEditing(button, (editing) => editing.editor.openNew(day));
      }
      case 'export':
        return this.withEditing(button, ({ transfer }) => {
          void transfer.exportCalendar(this.data.data?.events ?? [], this.renderRoot as ShadowRoot).then(() => {
            if (transfer.exportedCount !== undefined) this.announcer.announce(msg('Agenda exporté.'));
          });
        });
      case 'import':
        // The file chooser opens at once (it needs the click); the part loads meanwhile.
        if (!this.editing) loadAgendaEditing().catch(() => undefined);
        this.renderRoot.querySelector<HTMLInputElement>('.file-input')?.click();
        return;
    }
  }

  private readonly inShownMonth = (day: IsoDate): boolean => this.range.inShownMonth(day);

  private readonly bodyHandlers: AgendaBodyHandlers = {
    onToolbarClick: (event) => this.onToolbarClick(event),
    onMedicationToggle: (event) => {
      this.showMedication = (event.target as HTMLInputElement).checked;
    },
    onFileChange: (event) => {
      const opener = this.renderRoot.querySelector<HTMLElement>('[part="import"]');
      this.withEditing(opener, ({ transfer }) => void transfer.onFileChange(event));
    },
    onGridKeydown: this.monthGridFocus.onKeydown,
    onGridFocusin: this.monthGridFocus.onFocusin,
    onGridClick: (event) => {
      const cell = (event.target as HTMLElement).closest<HTMLElement>('[role="gridcell"]');
      const day = cell?.dataset['day'];
      if (day) this.showDay(day, cell);
    },
    onItemClick: (event) => {
      const opener = (event.target as HTMLElement).closest<HTMLElement>('[data-item-key]');
      const key = opener?.dataset['itemKey'];
      const item = key ? this.layout?.byKey.get(key) : undefined;
      if (item) this.withEditing(opener, (editing) => editing.details.open(item));
    },
    onCreateOnDay: (event) => {
      const day = this.openDay ?? this.range.focusDay;
      const opener = (event.target as HTMLElement).closest<HTMLElement>('button');
      this.withEditing(opener, (editing) => editing.editor.openNew(day));
    },
  };

  private readonly onUndoClick = (event: MouseEvent): void => {
    const editor = this.editing?.editor;
    const choice = (event.target as HTMLElement).closest<HTMLElement>('[data-undo]')?.dataset['undo'];
    if (choice === 'restore') void editor?.undoDelete();
    else if (choice === 'dismiss') editor?.dismissUndo();
  };

  private readonly retry = (): void => {
    void this.data.reload();
  };

  protected override render(): TemplateResult {
    const format = agendaFormat(this.locale);
    const data = this.data.data;
    const state = this.data.state;
    const editing = this.editing;
    return html`<section
      class="base"
      part="base"
      aria-label=${msg('Agenda')}
      @pointerover=${this.onIntent}
      @focusin=${this.onIntent}
    >
      ${
        state === 'error'
          ? renderErrorState({
              message: this.errorMessage(this.data.error),
              onRetry: this.retry,
            })
          : !data || !this.layout
            ? renderLoadingState({ label: msg("Chargement de l'agenda…"), lines: 5 })
            : this.renderAgenda(data, format, state === 'empty', this.layout)
      }
      ${renderCalendarSubscription(this.subscription)}
      ${editing?.render({ locale: this.locale, format, timeZone: this.timeZone })}
      ${renderUndoBar({ undo: editing?.editor.undo, failed: editing?.editor.undoFailed ?? false, onClick: this.onUndoClick })}
      ${this.announcer.region()}
    </section>`;
  }

  private renderAgenda(data: AgendaData, format: AgendaFormat, empty: boolean, layout: AgendaLayout): TemplateResult {
    const now = this.currentInstant();
    return renderAgendaBody({
      view: this.range.view,
      title: this.range.title(format),
      layout,
      format,
      today: this.todayDay,
      activeDay: this.range.focusDay,
      openDay: this.openDay,
      inShownMonth: this.inShownMonth,
      hasPlans: data.plans.length > 0,
      showMedication: this.showMedication,
      empty,
      exportFailed: this.editing?.transfer.problem !== undefined && this.editing.transfer.step === 'closed',
      actionUnavailable: this.editingFailed,
      reminders: this.range.upcoming(data, now),
      handlers: this.bodyHandlers,
    });
  }
}
