import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import {
  DEFAULT_GLUCOSE_TARGETS,
  GLUCOSE_UNITS,
  PATHOLOGIES,
  fromMgPerDl,
  glucoseInMgPerDl,
  glucoseLevel,
} from '@carnet/catalog-sdk';
import type { DataSource, GlucoseReading, GlucoseUnit, ImportOutcome, Pathology } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { pathologyContext } from '../context/pathology.context.js';
import { emit } from '../events/emit.js';
import { LiveAnnouncer } from '../shared/announcer.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { DataLoader } from '../shared/data-loader.controller.js';
import { DialogController } from '../shared/dialog.controller.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { RovingFocusController } from '../shared/roving-focus.controller.js';
import { renderEmptyState, renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { GlucoseEntryController } from './glucose-entry.controller.js';
import { renderGlucoseEntry } from './glucose-entry.template.js';
import { renderGlucosePeriod, renderLatestGlucose } from './glucose-panel.template.js';
import { formatGlucose, importReport, levelAdvice } from './glucose-labels.js';
import { MeterImportController } from './meter-import.controller.js';
import { KidneyTrackerController } from './kidney-tracker.controller.js';
import { kidneyView } from './kidney-view.model.js';
import { renderKidneyEntry, renderKidneyPanel } from './kidney.template.js';
import { renderMeterImport } from './meter-import.template.js';
import type { MotorDiaryPanel } from './motor-diary.panel.js';
import { loadOnce } from '../shared/load-once.js';
import { GLUCOSE_PERIODS, glucoseView, type GlucosePeriod, type GlucoseView } from './glucose-view.model.js';
import { motorDiaryStyles } from './motor-diary.styles.js';
import { trackerStyles } from './tracker.styles.js';

/** The Parkinson diary, downloaded only by a tracker that shows it. */
const loadDiary = loadOnce(() => import('./motor-diary.panel.js'));

/** Days of readings the tracker reads (the longest period it summarises). */
const READ_DAYS = 30;

function parseUnit(value: string | null): GlucoseUnit | undefined {
  return GLUCOSE_UNITS.find((unit) => unit.toLowerCase() === value?.trim().toLowerCase());
}

function parsePathology(value: string | null): Pathology | undefined {
  return PATHOLOGIES.find((pathology) => pathology === value?.trim());
}

/**
 * What the patient measures for her condition, entered in a few seconds and
 * read at a glance. `pathology` (or the provider's) picks the tracker; today:
 * `diabetes` — capillary glucose with the meal context, the targets agreed
 * with the doctor, time in range over 7, 14 or 30 days, lows and highs said in
 * plain words, a chart and its data table, and a meter's CSV export imported
 * without duplicates (LOINC 41653-7 / 2339-0); `kidney` — weight before and
 * after each dialysis session and blood pressure (LOINC 29463-7, 85354-9);
 * `parkinson` — a day diary in half-hour slots (« off », « on », « on avec
 * dyskinésies », « endormi »): pick a state, then one tap per slot, with Undo,
 * the pill organiser's dose times against the slots, a day table and the off
 * time of the last 7 days (Carnet code `motor-state`, `effectivePeriod` the
 * slot). Values are FHIR `Observation`s on a platform, or kept on the device.
 * Place it inside a `<carnet-provider>`.
 *
 * @summary A pathology tracker: glucose values with their meal, time in range, chart and table.
 * @tag carnet-tracker
 *
 * @csspart base - The whole element.
 * @csspart add - The « Noter une glycémie » button.
 * @csspart latest - The latest value and where it stands.
 * @csspart periods - The 7 / 14 / 30 days choice.
 * @csspart time-in-range - Time in range over the period, in words.
 * @csspart chart - The SVG chart.
 * @csspart table-toggle - The button that shows or hides the data table.
 * @csspart table - The data table.
 * @csspart entry-dialog - The entry dialog.
 * @csspart value-input - The value field of the entry dialog.
 * @csspart meal-context - One meal context button of the entry dialog.
 * @csspart save - The entry dialog's save button.
 * @csspart import - The « Importer depuis un lecteur » button.
 * @csspart import-dialog - The dialog importing a meter's CSV export.
 * @csspart import-file - The file field of the import dialog.
 * @csspart import-preview - What the chosen file holds and what is new in it.
 * @csspart import-confirm - The button importing the new values.
 * @csspart import-report - What the last import did: « 42 mesures importées, 7 déjà présentes ».
 * @csspart day-nav - Parkinson's diary: the day shown and the previous / next day buttons.
 * @csspart previous-day - The « Jour précédent » button.
 * @csspart next-day - The « Jour suivant » button (aria-disabled on today).
 * @csspart day-summary - The day's off time, off periods and dyskinesia time, in words.
 * @csspart doses - The pill organiser's doses of the day.
 * @csspart brushes - The state picker: what a tap on a slot writes.
 * @csspart state-choice - One state of the picker (aria-pressed when chosen).
 * @csspart undo - The « Annuler la dernière modification » button.
 * @csspart slots - The day's half-hour slots.
 * @csspart slot - One half-hour slot (`data-state`: off, on, on-dyskinesia, asleep, none).
 * @csspart slot-dose - The dose due in a slot.
 * @csspart week-table - Off time per day over the last 7 days.
 * @csspart save-error - Said when a slot could not be saved.
 *
 * @cssprop --carnet-tracker-gap - Space between the parts.
 * @cssprop --carnet-tracker-point-low - Colour of values under the target.
 * @cssprop --carnet-tracker-point-high - Colour of values over the target.
 * @cssprop --carnet-tracker-point-in-range - Colour of values in the target.
 * @cssprop --carnet-tracker-band - Colour of the target band behind the chart.
 * @cssprop --carnet-tracker-motor-off - Colour of the « off » stripes of a diary slot.
 * @cssprop --carnet-tracker-motor-on - Colour of the « on » band of a diary slot.
 * @cssprop --carnet-tracker-motor-dyskinesia - Colour of the « on avec dyskinésies » dots of a diary slot.
 * @cssprop --carnet-tracker-motor-asleep - Colour of the « endormi » lines of a diary slot.
 *
 * @cssstate loading - The values are loading.
 * @cssstate empty - No value is recorded yet (entry is still offered).
 * @cssstate error - Loading failed.
 * @cssstate ready - The values are shown.
 *
 * @fires carnet-measurement-change - Values were recorded or imported and saved.
 */
@localized()
export class CarnetTracker extends CarnetWidget {
  static override styles = [baseStyles, stateStyles, dialogStyles, trackerStyles, motorDiaryStyles];

  /** Where the values are kept; given by the enclosing `<carnet-provider>`. */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  /** The provider's pathology, used when `pathology` is not set. */
  @consume({ context: pathologyContext, subscribe: true })
  @state()
  private providedPathology?: Pathology;

  /**
   * Which tracker to show: `diabetes` (glucose), `kidney` (dialysis weights, blood pressure),
   * `parkinson` (motor diary); default: the provider's pathology, else `diabetes`.
   */
  @property({ converter: { fromAttribute: parsePathology } })
  pathology?: Pathology;

  /** Unit of glucose values: `mg/dL` (the French default) or `mmol/L`. */
  @property({ converter: { fromAttribute: parseUnit } })
  unit: GlucoseUnit = 'mg/dL';

  /** Lower target agreed with the doctor, in mg/dL (default 70). */
  @property({ type: Number, attribute: 'target-low' })
  targetLow: number = DEFAULT_GLUCOSE_TARGETS.low;

  /** Upper target agreed with the doctor, in mg/dL (default 180). */
  @property({ type: Number, attribute: 'target-high' })
  targetHigh: number = DEFAULT_GLUCOSE_TARGETS.high;

  /** Kidney failure: the weight gain allowed between two dialysis sessions, in kg, as set by the nephrologist. */
  @property({ type: Number, attribute: 'weight-gain-limit' })
  weightGainLimit?: number;

  @state() private period: GlucosePeriod = 7;
  @state() private tableShown = false;
  /** The period button in the tab order (the chosen one until the arrows move). */
  @state() private focusedPeriod: string | undefined;

  private view: GlucoseView | undefined;

  private get activePathology(): Pathology {
    return this.pathology ?? this.providedPathology ?? 'diabetes';
  }

  private get targets(): { low: number; high: number } {
    const low = Number.isFinite(this.targetLow) ? this.targetLow : DEFAULT_GLUCOSE_TARGETS.low;
    const high =
      Number.isFinite(this.targetHigh) && this.targetHigh > low ? this.targetHigh : DEFAULT_GLUCOSE_TARGETS.high;
    return { low, high };
  }

  private readonly readings = new DataLoader(this, {
    args: () => [this.dataSource, this.activePathology] as const,
    load: ([source, pathology], signal) => {
      if (!source) return undefined;
      if (pathology !== 'diabetes') return Promise.resolve([] as GlucoseReading[]);
      if (!source.trackers) return Promise.reject(new Error('This data source keeps no measurements'));
      const now = Date.now();
      return source.trackers.list('glucose', {
        from: new Date(now - READ_DAYS * 86_400_000).toISOString(),
        to: new Date(now + 60_000).toISOString(),
        signal,
      });
    },
  });

  private readonly announcer = new LiveAnnouncer(this);

  private readonly entry = new GlucoseEntryController(this, {
    source: () => this.dataSource,
    unit: () => this.unit,
    locale: () => this.locale,
    now: () => new Date(),
    saved: (reading) => this.onSaved(reading),
  });

  private readonly kidney = new KidneyTrackerController(this, {
    source: () => this.dataSource,
    pathology: () => this.activePathology,
    locale: () => this.locale,
    saved: ({ weight, pressure, ids }) => {
      if (weight) emit(this, 'carnet-measurement-change', { action: 'add', kind: 'weight', entryIds: ids.slice(0, 1) });
      if (pressure)
        emit(this, 'carnet-measurement-change', { action: 'add', kind: 'bloodPressure', entryIds: ids.slice(-1) });
      this.announcer.announce(msg('Mesure enregistrée.'));
    },
    focusProblem: () =>
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid="true"]')?.focus(),
      ),
  });

  /** The Parkinson diary, once its code has loaded. */
  @state() private diary?: MotorDiaryPanel;
  @state() private diaryLoadFailed?: unknown;
  private diaryLoading = false;

  private startDiary(): void {
    if (this.diary || this.diaryLoading) return;
    this.diaryLoading = true;
    this.diaryLoadFailed = undefined;
    loadDiary().then(
      ({ MotorDiaryPanel }) => {
        this.diaryLoading = false;
        this.diary = new MotorDiaryPanel(this, {
          source: () => this.dataSource,
          pathology: () => this.activePathology,
          now: () => new Date(),
          locale: () => this.locale,
          saved: (action, id) =>
            emit(this, 'carnet-measurement-change', { action, kind: 'motorState', entryIds: [id] }),
          announce: (text) => this.announcer.announce(text),
        });
      },
      (error: unknown) => {
        this.diaryLoading = false;
        this.diaryLoadFailed = error;
      },
    );
  }

  private readonly importer = new MeterImportController(this, {
    source: () => this.dataSource,
    imported: (outcome) => this.onImported(outcome),
  });

  private readonly dialogs = [
    new DialogController(this, {
      selector: 'dialog[part="entry-dialog"]',
      isOpen: () => this.entry.isOpen || this.kidney.entry.isOpen,
      onDismiss: () => {
        this.entry.close();
        this.kidney.entry.close();
      },
      returnFocusFallback: () => this.renderRoot.querySelector<HTMLElement>('[part="add"]'),
    }),
    new DialogController(this, {
      selector: 'dialog[part="import-dialog"]',
      isOpen: () => this.importer.isOpen,
      onDismiss: () => this.importer.close(),
      returnFocusFallback: () => this.renderRoot.querySelector<HTMLElement>('[part="import"]'),
    }),
  ];

  private readonly periods = new RovingFocusController(this, {
    target: (from, event) => {
      const keys = GLUCOSE_PERIODS.map(String);
      const index = keys.indexOf(from);
      const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      if (event.key === 'Home') return keys[0];
      if (event.key === 'End') return keys[keys.length - 1];
      const move = step[event.key];
      return move === undefined ? undefined : keys[Math.min(keys.length - 1, Math.max(0, index + move))];
    },
    active: {
      get: () => this.focusedPeriod ?? String(this.period),
      set: (key) => {
        this.focusedPeriod = key;
      },
    },
    activate: (key) => this.choosePeriod(Number(key) as GlucosePeriod),
  });

  /** Loads the values again, e.g. after they changed elsewhere. */
  refresh(): Promise<void> {
    if (this.activePathology === 'parkinson') return this.diary?.controller.data.reload() ?? Promise.resolve();
    return this.activePathology === 'kidney' ? this.kidney.data.reload() : this.readings.reload();
  }

  /** Opens the entry dialog, its value field focused. */
  openEntry(): void {
    this.entry.open();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.activePathology === 'parkinson' && this.dataSource) this.startDiary();
    const data = this.readings.data;
    this.view = data
      ? glucoseView(data, { period: this.period, unit: this.unit, targets: this.targets, now: new Date() })
      : undefined;
  }

  protected override updated(): void {
    const kidney = this.activePathology === 'kidney' ? this.kidney.data : undefined;
    const parkinson = this.activePathology === 'parkinson';
    const diary = parkinson ? this.diary?.controller.data : undefined;
    const status = kidney
      ? kidney.status
      : parkinson
        ? this.diaryLoadFailed !== undefined
          ? 'error'
          : (diary?.status ?? 'loading')
        : this.readings.status;
    const empty = kidney
      ? kidney.data?.weights.length === 0 && kidney.data.pressures.length === 0
      : diary
        ? diary.data?.entries.length === 0
        : this.readings.data?.length === 0;
    this.reflectStates(status === 'ready' && empty ? 'empty' : status, ['loading', 'empty', 'error', 'ready']);
  }

  private onSaved(reading: GlucoseReading): void {
    emit(this, 'carnet-measurement-change', { action: 'add', kind: 'glucose', entryIds: [reading.id] });
    const level = glucoseLevel(glucoseInMgPerDl(reading), this.targets);
    const value = formatGlucose(fromMgPerDl(glucoseInMgPerDl(reading), this.unit), this.unit, this.locale);
    // Said once, politely: the value, and only out of range what to do.
    this.announcer.announce(
      level === 'in-range'
        ? msg(str`Glycémie enregistrée : ${value}.`)
        : `${msg(str`Glycémie enregistrée : ${value}.`)} ${levelAdvice(level)}`,
    );
    void this.readings.reload();
  }

  private onImported(outcome: ImportOutcome<GlucoseReading>): void {
    emit(this, 'carnet-measurement-change', {
      action: 'import',
      kind: 'glucose',
      entryIds: outcome.added.map((reading) => reading.id),
    });
    this.announcer.announce(`${importReport(outcome.added.length, outcome.skipped)}.`);
    void this.readings.reload();
  }

  private choosePeriod(period: GlucosePeriod): void {
    this.period = period;
    this.focusedPeriod = String(period);
  }

  private readonly onAdd = (): void => this.entry.open();
  private readonly onImport = (): void => this.importer.open();
  private readonly onImportFile = (event: Event): void =>
    void this.importer.choose((event.target as HTMLInputElement).files?.[0]);
  private readonly onImportConfirm = (): void => void this.importer.confirm();
  private readonly onImportClose = (): void => this.importer.close();
  private readonly onClose = (): void => this.entry.close();
  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.entry.submit(event.target as HTMLFormElement).then((saved) => {
      if (!saved)
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid="true"]')?.focus(),
        );
    });
  };
  private readonly onMealContext = (context: Parameters<GlucoseEntryController['chooseMealContext']>[0]): void =>
    this.entry.chooseMealContext(context);
  private readonly onPeriodClick = (event: MouseEvent): void => {
    const key = (event.target as HTMLElement).closest<HTMLElement>('[data-roving-key]')?.dataset['rovingKey'];
    if (key) this.choosePeriod(Number(key) as GlucosePeriod);
  };
  private readonly onToggleTable = (): void => {
    this.tableShown = !this.tableShown;
  };
  private readonly retry = (): void => void this.readings.reload();

  protected override render(): TemplateResult {
    return html`<section class="base" part="base" aria-labelledby="tracker-title">
      <h2 class="title" id="tracker-title">${this.titleText()}</h2>
      ${
        this.activePathology === 'kidney'
          ? this.renderKidney()
          : this.activePathology === 'parkinson'
            ? this.renderDiary()
            : this.renderBody()
      }
      ${
        this.activePathology === 'kidney'
          ? renderKidneyEntry({
              entry: this.kidney.entry,
              locale: this.locale,
              onSubmit: this.kidney.onSubmit,
              onClose: this.kidney.onClose,
              onMoment: this.kidney.onMoment,
              onSession: this.kidney.onSession,
            })
          : renderGlucoseEntry({
              entry: this.entry,
              unit: this.unit,
              locale: this.locale,
              onSubmit: this.onSubmit,
              onClose: this.onClose,
              onMealContext: this.onMealContext,
            })
      }
      ${renderMeterImport({
        importer: this.importer,
        unit: this.unit,
        locale: this.locale,
        onFile: this.onImportFile,
        onConfirm: this.onImportConfirm,
        onClose: this.onImportClose,
      })}
      ${this.announcer.region()}
    </section>`;
  }

  private titleText(): string {
    if (this.activePathology === 'kidney') return msg('Mon poids et ma tension');
    if (this.activePathology === 'parkinson') return msg('Mon journal moteur');
    return msg('Ma glycémie');
  }

  private renderDiary(): TemplateResult {
    if (this.diaryLoadFailed !== undefined)
      return renderErrorState({ message: this.errorMessage(this.diaryLoadFailed), onRetry: () => this.startDiary() });
    const data = this.diary?.controller.data;
    if (data?.status === 'error')
      return renderErrorState({ message: this.errorMessage(data.error), onRetry: () => void data.reload() });
    return (
      this.diary?.render({ tableShown: this.tableShown, onToggleTable: this.onToggleTable }) ??
      renderLoadingState({ label: msg('Chargement de votre journal…'), lines: 4 })
    );
  }

  private renderKidney(): TemplateResult {
    const { status, error, data } = this.kidney.data;
    if (status === 'error')
      return renderErrorState({ message: this.errorMessage(error), onRetry: () => void this.kidney.data.reload() });
    if (!data) return renderLoadingState({ label: msg('Chargement de vos mesures…'), lines: 4 });
    const limit = Number.isFinite(this.weightGainLimit) ? this.weightGainLimit : undefined;
    return renderKidneyPanel({
      view: kidneyView(data, { now: new Date(), ...(limit === undefined ? {} : { limit }) }),
      locale: this.locale,
      ...(limit === undefined ? {} : { limit }),
      tableShown: this.tableShown,
      onAdd: this.kidney.onAdd,
      onToggleTable: this.onToggleTable,
    });
  }

  private renderBody(): TemplateResult {
    if (this.activePathology !== 'diabetes')
      return renderEmptyState({
        title: msg('Ce suivi arrive bientôt'),
        description: msg(
          'Le suivi de la glycémie et celui de la dialyse sont disponibles ; celui de votre pathologie sera ajouté prochainement.',
        ),
      });
    const { status, error } = this.readings;
    const view = this.view;
    if (status === 'error') return renderErrorState({ message: this.errorMessage(error), onRetry: this.retry });
    if (!view) return renderLoadingState({ label: msg('Chargement de vos glycémies…'), lines: 4 });
    const { low, high } = this.targets;
    const range = `${formatGlucose(fromMgPerDl(low, this.unit), this.unit, this.locale)} – ${formatGlucose(fromMgPerDl(high, this.unit), this.unit, this.locale)}`;
    return html`<div class="toolbar">
        <button type="button" part="add" class="primary" @click=${this.onAdd}>${msg('Noter une glycémie')}</button>
        <button type="button" part="import" @click=${this.onImport}>${msg('Importer depuis un lecteur')}</button>
      </div>
      ${
        this.importer.report
          ? html`<p class="import-report" part="import-report">
              ${importReport(this.importer.report.added, this.importer.report.skipped)}.
            </p>`
          : nothing
      }
      <p class="targets">${msg(str`Objectif fixé avec votre médecin : ${range}.`)}</p>
      ${
        view.latest
          ? renderLatestGlucose(view, this.locale)
          : renderEmptyState({
              title: msg('Aucune glycémie notée'),
              description: msg('Notez votre première mesure : elle apparaîtra ici, sur la courbe et dans le tableau.'),
            })
      }
      ${
        view.latest
          ? renderGlucosePeriod({
              view,
              locale: this.locale,
              periods: this.periods,
              tableShown: this.tableShown,
              onPeriodClick: this.onPeriodClick,
              onToggleTable: this.onToggleTable,
            })
          : nothing
      }`;
  }
}
