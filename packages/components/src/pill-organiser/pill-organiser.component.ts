import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import { DEFAULT_TIME_ZONE } from '@carnet/catalog-sdk';
import type { DataSource, IsoDate, MealTimes, MedicationPlan, Pathology } from '@carnet/catalog-sdk';
import { emit } from '../events/emit.js';
import type { PlanChange } from '../events/carnet-plan-change.js';
import { dataSourceContext } from '../context/data-source.context.js';
import { recordRevisionContext } from '../context/record-revision.context.js';
import type { RecordRevision } from '../context/record-revision.context.js';
import { pathologyContext } from '../context/pathology.context.js';
import { LiveAnnouncer } from '../shared/announcer.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { RovingFocusController } from '../shared/roving-focus.controller.js';
import { renderEmptyState, renderErrorState, renderLoadFailure, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { renderAdherence } from './adherence-chart.template.js';
import { IntakeActionsController } from './intake-actions.controller.js';
import { renderMedicationList, renderReminders } from './medication-list.template.js';
import type { PlanAction } from './medication-list.template.js';
import { formatWeekSpan, shortMedicationName } from './organiser-format.js';
import { localDateOf } from './organiser-calendar.js';
import { OrganiserDialogsController } from './organiser-dialogs.controller.js';
import { mealTimesConverter, nowConverter } from './organiser-attributes.js';
import { organiserPanelStyles } from './organiser-panels.styles.js';
import { pillOrganiserStyles } from './pill-organiser.styles.js';
import { presetFor } from './presets.js';
import type { OrganiserPreset } from './presets.js';
import { printStyles } from './print.styles.js';
import { firstGridDose, weekGridTarget } from './week-grid.model.js';
import type { GridDose } from './week-grid.model.js';
import { renderDayList, renderWeekTable } from './week-grid.template.js';
import { WeekController } from './week.controller.js';
import type { AdherenceWindow, OrganiserView } from './week.controller.js';
import { RecordChangesController } from '../shared/record-changes.controller.js';

/** A treatment's buttons, each opening a dialog. */
const PLAN_ACTIONS: readonly PlanAction[] = ['edit-plan', 'add-box', 'stop-plan'];

/** The controls that open a dialog: pointing at or focusing one starts loading the dialogs' code. */
/**
 * The patient's pill organiser: a week grid of doses from their prescriptions
 * (days × morning, noon, evening, bedtime, or exact times), to mark each dose
 * taken (now or at a chosen time), skipped (with a reason) or undo; their
 * treatments with renewal dates and stock; low-stock and renewal warnings (the
 * same reminders `<carnet-agenda>` shows); adherence over 7 and 30 days; and a
 * print view. Tuned by the provider's `pathology`: Parkinson's shows exact-time
 * rows and a 15-minute late window, kidney disease highlights dialysis days,
 * diabetes names rows after meals. Place it inside a `<carnet-provider>`.
 *
 * @summary Week grid of doses, adherence, stock and renewals.
 * @tag carnet-pill-organiser
 *
 * @csspart base - The card around the organiser.
 * @csspart title - The heading.
 * @csspart toolbar - Week navigation and the Print button.
 * @csspart grid - The week table (days in columns).
 * @csspart day-list - The week in narrow containers (phones): one day at a time, today first, or the whole week.
 * @csspart day-switcher - The buttons choosing the day shown in narrow containers.
 * @csspart day-choice - One day of the day switcher (pressed when shown).
 * @csspart whole-week - The « Toute la semaine » button of the day switcher.
 * @csspart day-heading - A day's column heading.
 * @csspart row-heading - A row's heading (moment, meal or exact time).
 * @csspart today-badge - The « Aujourd'hui » badge.
 * @csspart dialysis-badge - The « Dialyse » badge (kidney preset).
 * @csspart dose - One dose's button; also `dose-to-take`, `dose-taken`, `dose-taken-late`, `dose-skipped`, `dose-missed`.
 * @csspart dose-state - The state of a dose in words, with its icon.
 * @csspart late-badge - The state of a dose taken late, as a « prise en retard » badge (Parkinson's preset).
 * @csspart intake-dialog - The dialog of one dose.
 * @csspart take-now - « Prise maintenant » in the dialog.
 * @csspart take-at - « Prise à une autre heure… » in the dialog.
 * @csspart skip - « Sauter cette prise… » in the dialog.
 * @csspart undo - « Annuler la saisie » in the dialog.
 * @csspart add-plan - « Ajouter un traitement ».
 * @csspart plan-editor - The dialog adding or changing a treatment.
 * @csspart plan-form - The treatment form.
 * @csspart plan-weekdays - The weekdays of a treatment taken on some days.
 * @csspart plan-preview - The posology the form will save, in words.
 * @csspart plan-save - The form's Save button.
 * @csspart plan-error - Why a treatment change was refused.
 * @csspart edit-plan - « Modifier » on a treatment.
 * @csspart add-box - « Nouvelle boîte » on a treatment.
 * @csspart stop-plan - « Arrêter » on a treatment.
 * @csspart stop-dialog - The dialog asking to stop a treatment.
 * @csspart confirm-stop - « Arrêter le traitement » in that dialog.
 * @csspart stop-notice - The notice after a stop, with « Annuler l'arrêt ».
 * @csspart undo-stop - « Annuler l'arrêt ».
 * @csspart box-dialog - The dialog of a new box.
 * @csspart box-units - The units of the new box.
 * @csspart confirm-box - « Ajouter au stock ».
 * @csspart dialog-posology - How often the dose's medicine is taken, in the dialog (« chaque dimanche matin »).
 * @csspart early-warning - The warning before a dose is noted more than an hour before its time.
 * @csspart confirm-early - « Noter quand même » after that warning.
 * @csspart confirm - The dialog's Save button.
 * @csspart taken-at-input - The time input of « taken at ».
 * @csspart skip-reason - The reason select of a skipped dose.
 * @csspart skip-note - The note of a skipped dose.
 * @csspart intake-error - The message of a failed save.
 * @csspart conflict - The message after a change made elsewhere.
 * @csspart dialog-load-error - Why a dialog did not open (its code could not be downloaded), next to the control that asked; the next press tries again.
 * @csspart reminders - The low-stock and renewal warnings.
 * @csspart reminder - One warning.
 * @csspart medications - The list of treatments.
 * @csspart medication - One treatment.
 * @csspart adherence - The adherence section.
 * @csspart adherence-window - The 7 / 30 days buttons.
 * @csspart adherence-summary - The adherence figures.
 * @csspart adherence-chart - The SVG bar chart.
 * @csspart adherence-details - The disclosure holding the data tables.
 * @csspart adherence-table - A data table of the chart's figures.
 * @csspart print - The Print button.
 * @csspart loading - The skeleton shown while loading.
 * @csspart empty - The message shown when there is no treatment.
 * @csspart error - The message shown when loading failed.
 * @csspart retry - The Retry button of the error.
 *
 * @cssprop --carnet-pill-organiser-background - Background of the card.
 * @cssprop --carnet-pill-organiser-padding - Inner spacing of the card.
 * @cssprop --carnet-pill-organiser-dose-size - Minimum height of a dose target (44px).
 * @cssprop --carnet-pill-organiser-dose-background - Background of a dose.
 * @cssprop --carnet-pill-organiser-grid-line - Lines of the week table.
 * @cssprop --carnet-pill-organiser-today-color - Mark of today's column.
 * @cssprop --carnet-pill-organiser-dialysis-background - Background of dialysis days.
 * @cssprop --carnet-pill-organiser-taken-color - Doses taken on time.
 * @cssprop --carnet-pill-organiser-late-color - Doses taken late.
 * @cssprop --carnet-pill-organiser-skipped-color - Skipped doses.
 * @cssprop --carnet-pill-organiser-missed-color - Missed doses.
 * @cssprop --carnet-pill-organiser-warning-color - Low-stock and renewal warnings.
 *
 * @cssstate loading - The record is loading.
 * @cssstate empty - No treatment is recorded.
 * @cssstate error - Loading failed.
 * @cssstate ready - The week is shown.
 *
 * @fires carnet-intake-change - The patient recorded a dose taken or skipped, or undid a record.
 * @fires carnet-plan-change - The patient added, changed, refilled, stopped or restarted a treatment.
 * @fires carnet-error - Loading or saving failed; detail holds codes, never health data.
 */
@localized()
export class CarnetPillOrganiser extends CarnetWidget {
  static override styles = [
    baseStyles,
    stateStyles,
    pillOrganiserStyles,
    organiserPanelStyles,
    printStyles,
    // The dialogs' styles are added with their code (`organiser-dialogs.panel.ts`, `dialogSheets`).
  ];

  /**
   * Where the record is read from; given by the enclosing `<carnet-provider>`,
   * or set directly when used without one.
   */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  /** Bumped by `<carnet-provider>` when the cached record changed underneath: read again. */
  @consume({ context: recordRevisionContext, subscribe: true })
  @state()
  private recordRevision?: RecordRevision;

  /**
   * The instant treated as now (for tests, stories and print-outs of another
   * day); when absent, the current time, refreshed every minute.
   * @attr now - An ISO 8601 instant.
   */
  @property({ converter: nowConverter })
  now?: Date;

  /**
   * The patient's meal and bed times (`HH:mm`), given to the SDK to place
   * « morning », « noon »… doses: `{"breakfast":"07:30","lunch":"12:00","dinner":"19:00","bedtime":"22:00"}`.
   * @attr meal-times - The same, as JSON.
   */
  @property({ attribute: 'meal-times', converter: mealTimesConverter })
  mealTimes?: Partial<MealTimes>;

  @consume({ context: pathologyContext, subscribe: true })
  @state()
  private pathology?: Pathology;

  @state() private adherenceWindow: AdherenceWindow = 7;

  /** The day the narrow (phone) view shows alone, or the whole week; undefined: today, else the first day. */
  @state() private shownDay: IsoDate | 'week' | undefined;

  private readonly announcer = new LiveAnnouncer(this);

  // A dose recorded elsewhere under the same provider (« Pris » on a reminder) shows here at once.
  private readonly intakeChanges = new RecordChangesController(this, ['carnet-intake-change'], () => {
    void this.week.reload();
  });

  private readonly week = new WeekController(this, () => ({
    source: this.dataSource,
    revision: (this.recordRevision?.medications ?? 0) + (this.recordRevision?.agenda ?? 0),
    now: this.currentNow(),
    liveClock: this.now === undefined,
    mealTimes: this.mealTimes,
    preset: this.preset,
  }));

  private readonly actions: IntakeActionsController = new IntakeActionsController(this, {
    source: () => this.dataSource,
    now: () => this.currentNow(),
    readTime: (typed: string): string | undefined => this.dialogs.dialogs?.readTime(typed, this.locale),
    week: this.week,
    announce: (text) => this.announcer.announce(text),
  });

  /** The week table: one dose in the tab order, moved by the ARIA grid keys. */
  private readonly weekGridFocus = new RovingFocusController(this, {
    target: (from, event) => {
      const grid = this.week.view()?.grid;
      return grid ? weekGridTarget(grid, from, event) : undefined;
    },
  });

  private readonly planSaved = (plan: MedicationPlan, change: PlanChange): void => {
    const name = shortMedicationName(plan.medication.display);
    const words: Record<PlanChange, string> = {
      created: msg(str`Traitement ajouté : ${name}.`),
      updated: msg(str`Traitement modifié : ${name}.`),
      'box-added': msg(str`Nouvelle boîte ajoutée au stock : ${name}.`),
      stopped: msg(str`Traitement arrêté : ${name}.`),
      resumed: msg(str`Traitement repris : ${name}.`),
    };
    this.announcer.announce(words[change]);
    void this.week.reload();
    emit(this, 'carnet-plan-change', { planId: plan.id, change });
  };

  /**
   * The dialogs (a dose, the treatment editor, a new box, a stop), whose code loads on demand:
   * on the first opening, or when the patient points at or focuses a control that opens one.
   */
  private readonly dialogs: OrganiserDialogsController = new OrganiserDialogsController(this, {
    source: () => this.dataSource,
    now: () => this.currentNow(),
    today: () => localDateOf(this.currentNow(), this.week.view()?.timeZone ?? DEFAULT_TIME_ZONE),
    locale: () => this.locale,
    actions: this.actions,
    saved: this.planSaved,
    addPlanButton: () => this.renderRoot.querySelector<HTMLElement>('[part="add-plan"]'),
    undoStopButton: () => this.renderRoot.querySelector<HTMLElement>('[part="undo-stop"]'),
  });

  private readonly openEditor = (event: Event): void => {
    const opener = event.currentTarget as HTMLElement;
    this.dialogs.open('add-plan', (dialogs) => dialogs.openNew(opener));
  };

  /** Reads plans and intakes again, e.g. after they changed elsewhere. */
  refresh(): Promise<void> {
    return this.week.reload();
  }

  /** A skip link leads to the week's one Tab stop: the dose to take now. */
  protected override skipTarget(): HTMLElement | null {
    return (
      this.renderRoot.querySelector<HTMLElement>('button.dose[tabindex="0"]') ??
      this.renderRoot.querySelector<HTMLElement>('button.dose') ??
      super.skipTarget()
    );
  }

  private get preset(): OrganiserPreset {
    return presetFor(this.pathology);
  }

  private currentNow(): Date {
    return this.now ?? new Date();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The grid's tab stop stays on a dose shown this week.
    const grid = this.week.view()?.grid;
    const active = this.weekGridFocus.activeKey;
    if (grid && (active === undefined || !grid.doses.some((entry) => entry.key === active))) {
      const first = firstGridDose(grid);
      if (first) this.weekGridFocus.setActive(first);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.reflectState();
  }

  private reflectState(): void {
    const status = this.week.task.status;
    const view = this.week.view();
    const current =
      status === TaskStatus.ERROR ? 'error' : view ? (view.plans.length === 0 ? 'empty' : 'ready') : 'loading';
    this.reflectStates(current, ['loading', 'empty', 'error', 'ready']);
  }

  private readonly openDose = (entry: GridDose, button: HTMLElement): void => {
    if (!this.week.view()) return;
    this.dialogs.open(`dose:${entry.key}`, (dialogs) => {
      // The dose as shown now: the week may have been read again while the dialogs' code loaded.
      const view = this.week.view();
      const current = view?.grid.doses.find((dose) => dose.key === entry.key);
      if (view && current) dialogs.openDose(current, view.timeZone, button);
    });
  };

  private readonly retry = (): void => {
    void this.week.reload();
  };

  private readonly print = (): void => {
    window.print();
  };

  protected override render(): TemplateResult {
    const view = this.week.view();
    const status = this.week.task.status;
    let body: TemplateResult;
    if (status === TaskStatus.ERROR) {
      body = renderErrorState({
        message: this.errorMessage(this.week.task.error),
        onRetry: this.retry,
      });
    } else if (!view) {
      body = renderLoadingState({ label: msg('Chargement de votre semainier…'), lines: 5 });
    } else if (view.plans.length === 0) {
      body = html`${renderEmptyState({
          title: msg('Aucun traitement en cours'),
          description: msg('Les médicaments de vos ordonnances apparaîtront ici, jour par jour.'),
        })}
        <p class="empty-actions">${this.renderAddButton()}</p>`;
    } else {
      body = this.renderWeek(view);
    }
    const dialogs = this.dialogs.dialogs;
    return html`<section
      class="base"
      part="base"
      aria-labelledby="organiser-title"
      @pointerover=${this.dialogs.preloadOn}
      @focusin=${this.dialogs.preloadOn}
    >
      <h2 class="title" id="organiser-title" part="title">${msg('Mon semainier')}</h2>
      ${
        this.actions.conflict
          ? html`<p class="notice notice--error" part="conflict" role="alert">
              ${msg('Cette prise a été modifiée ailleurs entre-temps : le semainier a été rechargé.')}
            </p>`
          : nothing
      }
      ${
        !this.actions.dose && this.actions.problem === 'save-failed'
          ? html`<p class="notice notice--error" part="intake-error" role="alert">
              ${msg("L'enregistrement a échoué. Rien n'a été modifié.")}
            </p>`
          : nothing
      }
      ${dialogs?.renderStopNotice() ?? nothing} ${body} ${this.announcer.region()}
      <dialog class="dialog dialog--plan" part="plan-editor" aria-labelledby="plan-editor-title">
        ${dialogs?.renderPlanEditor(this.locale) ?? nothing}
      </dialog>
      <dialog class="dialog" part="stop-dialog" aria-labelledby="stop-dialog-title">
        ${dialogs?.renderStopDialog() ?? nothing}
      </dialog>
      <dialog class="dialog" part="box-dialog" aria-labelledby="box-dialog-title">
        ${dialogs?.renderBoxDialog() ?? nothing}
      </dialog>
    </section>`;
  }

  private renderAddButton(): TemplateResult {
    const opening = this.dialogs.opening === 'add-plan';
    return html`<button
        type="button"
        class="primary-button touch-target"
        part="add-plan"
        data-print-hide
        aria-busy=${opening ? 'true' : nothing}
        aria-disabled=${opening ? 'true' : nothing}
        @click=${this.openEditor}
      >
        <span aria-hidden="true">+ </span>${msg('Ajouter un traitement')}
      </button>
      ${renderLoadFailure(this.dialogs.failed === 'add-plan')}`;
  }

  /** The day shown on narrow screens: the one chosen if it is in this week, else today, else the first day. */
  private dayShownAlone(grid: OrganiserView['grid']): IsoDate | 'week' {
    const chosen = this.shownDay;
    if (chosen === 'week' || (chosen !== undefined && grid.days.includes(chosen))) return chosen;
    return grid.days.includes(grid.today) ? grid.today : (grid.days[0] ?? grid.today);
  }

  private readonly showDay = (day: IsoDate | 'week'): void => {
    this.shownDay = day;
  };

  private renderWeek(view: OrganiserView): TemplateResult {
    const { grid } = view;
    const locale = this.locale;
    const gridView = {
      grid,
      dialysisDays: view.dialysisDays,
      locale,
      preset: this.preset,
      // A dose waiting for the dialog's code is busy as one being saved: a second press does nothing.
      isSaving: (key: string) => this.actions.isSaving(key) || this.dialogs.opening === `dose:${key}`,
      onOpen: this.openDose,
      focus: this.weekGridFocus,
    };
    const first = grid.days[0] ?? grid.today;
    const last = grid.days[grid.days.length - 1] ?? grid.today;
    const dialogEntry = this.actions.dose
      ? grid.doses.find((entry) => entry.key === this.actions.dose?.key)
      : undefined;
    return html`
      <div class="toolbar" part="toolbar" data-print-hide>
        <p class="week-span" aria-live="polite">${formatWeekSpan(first, last, locale)}</p>
        <button
          type="button"
          class="nav-button touch-target"
          data-nav="previous"
          @click=${() => this.week.showPreviousWeek()}
        >
          <span aria-hidden="true">‹ </span>${msg('Semaine précédente')}
        </button>
        <button type="button" class="nav-button touch-target" data-nav="today" @click=${() => this.week.showThisWeek()}>
          ${msg('Cette semaine')}
        </button>
        <button type="button" class="nav-button touch-target" data-nav="next" @click=${() => this.week.showNextWeek()}>
          ${msg('Semaine suivante')}<span aria-hidden="true"> ›</span>
        </button>
        <button type="button" class="secondary-button touch-target" part="print" @click=${this.print}>
          ${msg('Imprimer')}
        </button>
      </div>
      ${renderReminders(view.reminders, locale)} ${renderLoadFailure(this.dialogs.failed?.startsWith('dose:') ?? false)}
      <div class="grid-area" aria-busy=${this.week.loading ? 'true' : 'false'}>
        ${renderWeekTable(gridView)}
        ${renderDayList({ ...gridView, shownDay: this.dayShownAlone(grid), onShowDay: this.showDay })}
      </div>
      ${renderMedicationList({
        plans: view.plans,
        stock: view.stock,
        reminders: view.reminders,
        locale,
        preset: this.preset,
        addButton: this.renderAddButton(),
        opening: (action, plan) => this.dialogs.opening === `${action}:${plan.id}`,
        notice: (plan) =>
          renderLoadFailure(PLAN_ACTIONS.some((action) => this.dialogs.failed === `${action}:${plan.id}`)),
        onEdit: (plan, opener) => this.dialogs.open(`edit-plan:${plan.id}`, (d) => d.openEdit(plan, opener)),
        onBox: (plan, opener) => this.dialogs.open(`add-box:${plan.id}`, (d) => d.askBox(plan, opener)),
        onStop: (plan, opener) => this.dialogs.open(`stop-plan:${plan.id}`, (d) => d.askStop(plan, opener)),
      })}
      ${renderAdherence({
        report: view.adherence[this.adherenceWindow],
        window: this.adherenceWindow,
        locale,
        onWindow: (window) => (this.adherenceWindow = window),
      })}
      <dialog class="dialog" part="intake-dialog" aria-labelledby="intake-dialog-title">
        ${
          this.dialogs.dialogs?.renderIntakeDialog({
            entry: dialogEntry,
            today: grid.today,
            timeZone: view.timeZone,
            locale,
            naming: this.preset.rowLabels,
          }) ?? nothing
        }
      </dialog>
    `;
  }
}
