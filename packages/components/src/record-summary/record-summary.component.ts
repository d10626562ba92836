import { LitElement, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { documentKindInfo } from '@carnet/catalog-sdk';
import type { DataSource, HealthDocument, Pathology } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { localeContext } from '../context/locale.context.js';
import { pathologyContext } from '../context/pathology.context.js';
import { emit } from '../events/emit.js';
import { baseStyles } from '../shared/base.styles.js';
import { toCarnetErrorDetail, userMessageFor } from '../shared/error-messages.js';
import { formatCalendarDate, formatCount } from '../shared/format.js';
import { DEFAULT_CARNET_LOCALE, ensureCarnetLocalization } from '../shared/localization.js';
import type { CarnetLocale } from '../shared/localization.js';
import { renderEmptyState, renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { CARNET_VERSION } from '../shared/version.js';
import { loadRecordSummary } from './record-summary.data.js';
import type { RecordSummary } from './record-summary.data.js';
import { recordSummaryStyles } from './record-summary.styles.js';

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

/**
 * A glance at the patient's record: how many documents, upcoming appointments,
 * current treatments and professionals, and the three latest documents.
 * Place it inside a `<carnet-provider>`.
 *
 * @summary Counts and latest documents of the patient's record.
 * @tag carnet-record-summary
 *
 * @csspart base - The card around the summary.
 * @csspart title - The heading.
 * @csspart pathology - The condition the record is tuned for.
 * @csspart counts - The list of counts.
 * @csspart recent-list - The list of latest documents.
 * @csspart recent-document - One latest document's button.
 * @csspart loading - The skeleton shown while loading.
 * @csspart empty - The message shown when the record is empty.
 * @csspart error - The message shown when loading failed.
 * @csspart retry - The Retry button of the error.
 *
 * @cssprop --carnet-record-summary-background - Background of the card (defaults to the surface).
 * @cssprop --carnet-record-summary-padding - Inner spacing of the card.
 *
 * @cssstate loading - Counts are loading.
 * @cssstate empty - The record holds nothing yet.
 * @cssstate error - Loading failed.
 * @cssstate ready - Counts are shown.
 *
 * @fires carnet-record-open - The patient chose one of the latest documents.
 */
@localized()
export class CarnetRecordSummary extends LitElement {
  /** Version of the Carnet copy that defines this class. */
  static readonly carnetVersion = CARNET_VERSION;

  static override styles = [baseStyles, stateStyles, recordSummaryStyles];

  /**
   * Where the record is read from; given by the enclosing `<carnet-provider>`,
   * or set directly when used without one.
   */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  @consume({ context: localeContext, subscribe: true })
  @state()
  private locale: CarnetLocale = DEFAULT_CARNET_LOCALE;

  @consume({ context: pathologyContext, subscribe: true })
  @state()
  private pathology?: Pathology;

  private readonly internals: ElementInternals;

  private readonly summaryTask = new Task(this, {
    task: ([source]: readonly [DataSource | undefined], { signal }) =>
      source ? loadRecordSummary(source, { signal }) : initialState,
    args: () => [this.dataSource] as const,
  });

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureCarnetLocalization();
  }

  /** Loads the counts again, e.g. after the record changed elsewhere. */
  refresh(): Promise<void> {
    return this.summaryTask.run();
  }

  protected override updated(): void {
    this.reflectState();
  }

  private reflectState(): void {
    const status = this.summaryTask.status;
    const current =
      status === TaskStatus.ERROR
        ? 'error'
        : status === TaskStatus.COMPLETE
          ? this.summaryTask.value?.empty
            ? 'empty'
            : 'ready'
          : 'loading';
    for (const name of ['loading', 'empty', 'error', 'ready'] as const) {
      if (name === current) this.internals.states.add(name);
      else this.internals.states.delete(name);
    }
  }

  private openDocument(documentId: string): void {
    emit(this, 'carnet-record-open', { documentId });
  }

  private readonly retry = (): void => {
    void this.summaryTask.run();
  };

  protected override render(): TemplateResult {
    return html`<section class="base" part="base" aria-labelledby="summary-title">
      <h2 class="title" id="summary-title" part="title">${msg('Mon carnet de santé')}</h2>
      ${
        this.pathology
          ? html`<p class="pathology" part="pathology">${msg(str`Parcours : ${pathologyLabel(this.pathology)}`)}</p>`
          : nothing
      }
      ${this.summaryTask.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: (summary) => (summary.empty ? this.renderEmpty() : this.renderSummary(summary)),
        error: (error) =>
          renderErrorState({ message: userMessageFor(toCarnetErrorDetail(error).messageKey), onRetry: this.retry }),
      })}
    </section>`;
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

  private renderSummary(summary: RecordSummary): TemplateResult {
    const count = (label: string, value: number): TemplateResult =>
      html`<div class="count">
        <dt>${label}</dt>
        <dd>${formatCount(value, this.locale)}</dd>
      </div>`;
    return html`
      <dl class="counts" part="counts">
        ${count(msg('Documents'), summary.documentCount)}
        ${count(msg('Rendez-vous à venir'), summary.upcomingEventCount)}
        ${count(msg('Traitements en cours'), summary.activePlanCount)}
        ${count(msg('Équipe de soins'), summary.careTeamSize)}
      </dl>
      <h3 class="recent-title" id="recent-title">${msg('Documents récents')}</h3>
      ${
        summary.recentDocuments.length === 0
          ? html`<p class="no-documents">${msg('Aucun document pour le moment.')}</p>`
          : html`<ul class="recent" part="recent-list" aria-labelledby="recent-title">
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
