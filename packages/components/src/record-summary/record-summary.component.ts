import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { DEFAULT_GLUCOSE_TARGETS, GLUCOSE_UNITS, documentKindInfo } from '@carnet/catalog-sdk';
import type { DataSource, GlucoseTargets, GlucoseUnit, HealthDocument, Pathology } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { recordRevisionContext } from '../context/record-revision.context.js';
import type { RecordRevision } from '../context/record-revision.context.js';
import { pathologyContext } from '../context/pathology.context.js';
import { emit } from '../events/emit.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget, skipLinkTo } from '../shared/carnet-element.js';
import type { SummaryTarget } from '../events/carnet-summary-open.js';
import { DataLoader } from '../shared/data-loader.controller.js';
import { RecordChangesController } from '../shared/record-changes.controller.js';
import { formatCalendarDate, formatCount } from '../shared/format.js';
import { renderEmptyState, renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { loadRecordSummary } from './record-summary.data.js';
import type { RecordSummary } from './record-summary.data.js';
import { recordSummaryStyles } from './record-summary.styles.js';
import { overviewStyles } from './pathology-overview.styles.js';
import { PathologyOverviewController } from './pathology-overview.controller.js';
import { renderPathologyOverview } from './pathology-overview.template.js';
import type {} from '../document-browser/document-browser.js';

/** The condition's name in the patient's words; called at render time to follow the locale. */
function pathologyLabel(pathology: Pathology): string {
  switch (pathology) {
    case 'diabetes':
      return msg('Diabète');
    case 'parkinson':
      return msg('Maladie de Parkinson');
    case 'kidney':
      return msg('Maladie rénale chronique');
  }
}

function parseUnit(value: string | null): GlucoseUnit | undefined {
  return GLUCOSE_UNITS.find((unit) => unit.toLowerCase() === value?.trim().toLowerCase());
}

/**
 * A glance at the patient's record. First what matters for the condition (the
 * provider's pathology), each item leading to its widget: kidney failure — the next
 * dialysis session and the latest weight gain between sessions against the
 * nephrologist's limit; diabetes — the latest glucose values and the seven days' time
 * in range; Parkinson's disease — today's doses. Then how many documents, upcoming
 * appointments, current treatments and professionals, and the three latest documents.
 * Place it inside a `<carnet-provider>`.
 *
 * @summary What matters for the condition, counts and latest documents of the patient's record.
 * @tag carnet-record-summary
 *
 * @csspart base - The card around the summary.
 * @csspart title - The heading.
 * @csspart pathology - The condition the record is tuned for.
 * @csspart counts - The list of counts.
 * @csspart recent-list - The list of latest documents.
 * @csspart recent-document - One latest document's button.
 * @csspart overview - What matters for the condition (shown when the provider names one).
 * @csspart glance - One item of the overview, with its own loading, empty or error state.
 * @csspart glance-link - The button of an item leading to its widget (« Voir mon semainier »).
 * @csspart glance-empty - What an item says when it has nothing to show.
 * @csspart time-in-range - Diabetes: the seven days' time in range, in words.
 * @csspart weight-gain-limit - Kidney failure: the weight gain against the nephrologist's limit, in words.
 * @csspart motor-summary - Parkinson's disease: yesterday's « off » time in the motor diary, in words.
 * @csspart loading - The skeleton shown until the first counts are read (a later read keeps the counts
 *   shown, `aria-busy` meanwhile).
 * @csspart empty - The message shown when the record is empty.
 * @csspart error - The message shown when loading failed.
 * @csspart retry - The Retry button of the error.
 *
 * @cssprop --carnet-record-summary-background - Background of the card (defaults to the surface).
 * @cssprop --carnet-record-summary-padding - Inner spacing of the card.
 *
 * @cssstate loading - Counts are being read (the first time, or again while the last ones stay shown).
 * @cssstate empty - The record holds nothing yet.
 * @cssstate error - Loading failed.
 * @cssstate ready - Counts are shown.
 *
 * @fires carnet-summary-open - The patient followed an overview item to its widget; cancelable. Unless the host cancels it, focus moves to the start of that widget in the same provider (as its « Aller à … » link does).
 * @fires carnet-record-open - The patient chose one of the latest documents; cancelable. Unless the host cancels it, the `<carnet-document-browser>` of the same provider opens the document.
 */
@localized()
export class CarnetRecordSummary extends CarnetWidget {
  /** Version of the Carnet copy that defines this class. */
  static override styles = [baseStyles, stateStyles, recordSummaryStyles, overviewStyles];

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

  @consume({ context: pathologyContext, subscribe: true })
  @state()
  private pathology?: Pathology;

  /** Unit of glucose values in the overview: `mg/dL` (the French default) or `mmol/L`, as on `<carnet-tracker>`. */
  @property({ converter: { fromAttribute: parseUnit } })
  unit: GlucoseUnit = 'mg/dL';

  /** Lower glucose target agreed with the doctor, in mg/dL (default 70), as on `<carnet-tracker>`. */
  @property({ type: Number, attribute: 'target-low' })
  targetLow: number = DEFAULT_GLUCOSE_TARGETS.low;

  /** Upper glucose target agreed with the doctor, in mg/dL (default 180), as on `<carnet-tracker>`. */
  @property({ type: Number, attribute: 'target-high' })
  targetHigh: number = DEFAULT_GLUCOSE_TARGETS.high;

  /** Kidney failure: the weight gain allowed between two dialysis sessions, in kg, as set by the nephrologist (as on `<carnet-tracker>`). */
  @property({ type: Number, attribute: 'weight-gain-limit' })
  weightGainLimit?: number;

  private get targets(): GlucoseTargets {
    const low = Number.isFinite(this.targetLow) ? this.targetLow : DEFAULT_GLUCOSE_TARGETS.low;
    const high =
      Number.isFinite(this.targetHigh) && this.targetHigh > low ? this.targetHigh : DEFAULT_GLUCOSE_TARGETS.high;
    return { low, high };
  }

  private readonly overview = new PathologyOverviewController(this, {
    source: () => this.dataSource,
    pathology: () => this.pathology,
    revision: () => this.recordRevision,
    targets: () => this.targets,
  });

  private readonly summary = new DataLoader(this, {
    args: () => [this.dataSource, this.recordRevision] as const,
    load: ([source], signal) => (source ? loadRecordSummary(source, { signal }) : undefined),
  });

  // A value recorded in the tracker, a dose taken, a treatment or an appointment changed, a document
  // added beside it under the same provider: the overview and the counts show it at once.
  private readonly neighbourChanges = new RecordChangesController(
    this,
    [
      'carnet-measurement-change',
      'carnet-intake-change',
      'carnet-plan-change',
      'carnet-event-change',
      'carnet-document-change',
    ],
    () => void this.refresh(),
  );

  /** Loads the overview and the counts again, e.g. after the record changed elsewhere. */
  async refresh(): Promise<void> {
    await Promise.all([this.summary.reload(), this.overview.reload()]);
  }

  protected override updated(): void {
    const { status, data, pending } = this.summary;
    const current = pending ? 'loading' : status === 'ready' && data?.empty ? 'empty' : status;
    this.reflectStates(current, ['loading', 'empty', 'error', 'ready']);
  }

  private openDocument(documentId: string): void {
    if (!emit(this, 'carnet-record-open', { documentId }, { cancelable: true })) return;
    // The browser beside it in the same record shows the document.
    const browser = this.closest('carnet-provider')?.querySelector('carnet-document-browser');
    void browser?.openDocument(documentId);
  }

  /** Follows an overview item to its widget: the event, then (unless canceled) the widget's skip link. */
  private readonly openWidget = (widget: SummaryTarget, item: string): void => {
    if (!emit(this, 'carnet-summary-open', { widget, item }, { cancelable: true })) return;
    const target = this.closest('carnet-provider')?.querySelector(widget);
    if (target instanceof CarnetWidget) skipLinkTo(target).go();
  };

  private readonly errorText = (error: unknown): string => this.errorMessage(error);

  private readonly retry = (): void => {
    void this.summary.reload();
  };

  protected override render(): TemplateResult {
    return html`<section class="base" part="base" aria-labelledby="summary-title">
      <h2 class="title" id="summary-title" part="title">${msg('Mon carnet de santé')}</h2>
      ${
        this.pathology
          ? html`<p class="pathology" part="pathology">${msg(str`Parcours : ${pathologyLabel(this.pathology)}`)}</p>`
          : nothing
      }
      ${
        this.pathology
          ? renderPathologyOverview({
              overview: this.overview,
              pathology: this.pathology,
              locale: this.locale,
              now: new Date(),
              unit: this.unit,
              targets: this.targets,
              weightGainLimit: Number.isFinite(this.weightGainLimit) ? this.weightGainLimit : undefined,
              errorMessage: this.errorText,
              onOpen: this.openWidget,
            })
          : nothing
      }
      ${this.renderBody()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    const { status, data, error, pending } = this.summary;
    if (status === 'error') return renderErrorState({ message: this.errorMessage(error), onRetry: this.retry });
    if (!data) return this.renderLoading();
    // A reload (a sync in the background, a change beside it) keeps what is shown, and the focus on a
    // recent document, marked busy until the new counts replace it.
    return data.empty ? this.renderEmpty() : this.renderSummary(data, pending);
  }

  private renderLoading(): TemplateResult {
    return renderLoadingState({ label: msg('Chargement de votre carnet…'), lines: 4 });
  }

  private renderEmpty(): TemplateResult {
    return renderEmptyState({
      title: msg('Votre carnet est vide'),
      description: msg('Les documents, rendez-vous et traitements que vous ajoutez apparaîtront ici.'),
    });
  }

  private renderSummary(summary: RecordSummary, reading: boolean): TemplateResult {
    const count = (label: string, value: number): TemplateResult =>
      html`<div class="count">
        <dt>${label}</dt>
        <dd>${formatCount(value, this.locale)}</dd>
      </div>`;
    return html`
      <dl class="counts" part="counts" aria-busy=${reading ? 'true' : 'false'}>
        ${count(msg('Documents'), summary.documentCount)}
        ${count(msg('Rendez-vous à venir'), summary.upcomingEventCount)}
        ${count(msg('Traitements en cours'), summary.activePlanCount)}
        ${count(msg('Équipe de soins'), summary.careTeamSize)}
      </dl>
      <h3 class="recent-title" id="recent-title">${msg('Documents récents')}</h3>
      ${
        summary.recentDocuments.length === 0
          ? html`<p class="no-documents">${msg('Aucun document pour le moment.')}</p>`
          : html`<ul
              class="recent"
              part="recent-list"
              aria-labelledby="recent-title"
              aria-busy=${reading ? 'true' : 'false'}
            >
              ${repeat(
                summary.recentDocuments,
                (document) => document.id,
                (document) => this.renderRecentDocument(document),
              )}
            </ul>`
      }
    `;
  }

  private renderRecentDocument(document: HealthDocument): TemplateResult {
    const kind = documentKindInfo(document.kind);
    return html`<li>
      <button
        type="button"
        class="recent-document touch-target"
        part="recent-document"
        data-document-id=${document.id}
        @click=${() => this.openDocument(document.id)}
      >
        <span class="document-title">${document.title}</span>
        <span class="document-meta">
          <span class="document-kind">${this.locale === 'en' ? kind.labelEn : kind.labelFr}</span>
          <time datetime=${document.date}>${formatCalendarDate(document.date, this.locale)}</time>
        </span>
      </button>
    </li>`;
  }
}
