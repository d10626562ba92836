import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { documentKindInfo } from '@carnet/catalog-sdk';
import type { DataSource, HealthDocument, Pathology } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { recordRevisionContext } from '../context/record-revision.context.js';
import type { RecordRevision } from '../context/record-revision.context.js';
import { pathologyContext } from '../context/pathology.context.js';
import { emit } from '../events/emit.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { DataLoader } from '../shared/data-loader.controller.js';
import { formatCalendarDate, formatCount } from '../shared/format.js';
import { renderEmptyState, renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { loadRecordSummary } from './record-summary.data.js';
import type { RecordSummary } from './record-summary.data.js';
import { recordSummaryStyles } from './record-summary.styles.js';
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
 * @fires carnet-record-open - The patient chose one of the latest documents; cancelable. Unless the host cancels it, the `<carnet-document-browser>` of the same provider opens the document.
 */
@localized()
export class CarnetRecordSummary extends CarnetWidget {
  /** Version of the Carnet copy that defines this class. */
  static override styles = [baseStyles, stateStyles, recordSummaryStyles];

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

  private readonly summary = new DataLoader(this, {
    args: () => [this.dataSource, this.recordRevision] as const,
    load: ([source], signal) => (source ? loadRecordSummary(source, { signal }) : undefined),
  });

  /** Loads the counts again, e.g. after the record changed elsewhere. */
  refresh(): Promise<void> {
    return this.summary.reload();
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
      ${this.renderBody()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    const { status, data, error } = this.summary;
    if (status === 'error') return renderErrorState({ message: this.errorMessage(error), onRetry: this.retry });
    // A reload shows the loading state again, as before: the counts are read anew.
    if (!data || this.summary.pending) return this.renderLoading();
    return data.empty ? this.renderEmpty() : this.renderSummary(data);
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
