import { LitElement, html, nothing } from 'lit';
import type { ComplexAttributeConverter, PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { PATHOLOGIES, createLocalDataSource } from '@carnet/catalog-sdk';
import type { DataSource, LocalDataSource, Pathology } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { localeContext } from '../context/locale.context.js';
import { pathologyContext } from '../context/pathology.context.js';
import type { CarnetErrorDetail } from '../events/carnet-error.js';
import { emit } from '../events/emit.js';
import { LiveAnnouncer } from '../shared/announcer.js';
import { baseStyles } from '../shared/base.styles.js';
import { toCarnetErrorDetail, userMessageFor } from '../shared/error-messages.js';
import {
  DEFAULT_CARNET_LOCALE,
  ensureCarnetLocalization,
  resolveAncestorLocale,
  setCarnetLocale,
  toCarnetLocale,
} from '../shared/localization.js';
import type { CarnetLocale } from '../shared/localization.js';
import { renderErrorState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { carnetTokens } from '../shared/tokens.styles.js';
import { CARNET_VERSION } from '../shared/version.js';
import { seedDemoPersona } from './demo-seeding.js';
import { providerStyles } from './provider.styles.js';

/** Where the provider stands in getting the patient's record ready. */
export type ProviderRecordStatus = 'idle' | 'seeding' | 'ready' | 'error';

// Unknown values read as "not set" rather than as a pathology Carnet is not tuned for.
const pathologyConverter: ComplexAttributeConverter<Pathology | undefined> = {
  fromAttribute: (value) => PATHOLOGIES.find((pathology) => pathology === value),
  toAttribute: (value) => value,
};

const localeConverter: ComplexAttributeConverter<CarnetLocale | undefined> = {
  fromAttribute: (value) => toCarnetLocale(value),
  toAttribute: (value) => value,
};

/**
 * Gives the widgets inside it the patient's record, the interface language and
 * the condition they are tuned for. With no attributes it keeps the record on
 * this device (IndexedDB), which needs no server.
 *
 * @summary Wraps Carnet widgets and provides their data source, locale and pathology.
 * @tag carnet-provider
 *
 * @slot - The Carnet widgets (and any other content) that use this record.
 *
 * @csspart busy - The small notice shown while the demo record is being prepared.
 * @csspart error - The error shown when the record could not be prepared.
 * @csspart retry - The Retry button of the error.
 *
 * @cssprop --carnet-sys-surface - Background of the provider and the widgets.
 * @cssprop --carnet-sys-on-surface - Main text colour.
 * @cssprop --carnet-sys-surface-variant - Background of cards and secondary areas.
 * @cssprop --carnet-sys-on-surface-variant - Secondary text colour.
 * @cssprop --carnet-sys-outline - Borders and separators (3:1 against the surface).
 * @cssprop --carnet-sys-accent - Buttons, links and selected items.
 * @cssprop --carnet-sys-on-accent - Text on the accent colour.
 * @cssprop --carnet-sys-danger - Errors and destructive actions.
 * @cssprop --carnet-sys-success - Confirmations.
 * @cssprop --carnet-sys-warning - Warnings (renewals, low stock).
 * @cssprop --carnet-sys-focus-ring - Colour of the keyboard focus ring.
 * @cssprop --carnet-sys-focus-ring-width - Width of the keyboard focus ring (3px).
 * @cssprop --carnet-sys-font-family - Font of every widget.
 * @cssprop --carnet-sys-font-size-base - Body text size.
 * @cssprop --carnet-sys-radius - Corner radius of cards and buttons.
 * @cssprop --carnet-sys-target-size - Minimum size of pointer targets (44px).
 *
 * @cssstate seeding - The demo persona is being imported.
 * @cssstate ready - The widgets have a data source.
 * @cssstate error - The record could not be prepared.
 *
 * @fires carnet-error - The record could not be prepared; detail holds codes, never health data.
 */
@localized()
export class CarnetProvider extends LitElement {
  /** Version of the Carnet copy that defines this class. */
  static readonly carnetVersion = CARNET_VERSION;

  static override styles = [carnetTokens, baseStyles, stateStyles, providerStyles];

  /**
   * Interface language: `fr` or `en`. When absent, taken from the nearest
   * ancestor's `lang` attribute, else French. Also set as `lang` on the provider.
   * Strings follow the last provider to set a locale (one string catalogue per page);
   * dates and numbers follow each provider's own locale.
   * @attr locale
   */
  @property({ reflect: true, converter: localeConverter })
  locale?: CarnetLocale;

  /**
   * Condition the widgets are tuned for: `diabetes`, `parkinson` or `kidney`.
   * Defaults to `demo-persona` when that is set.
   * @attr pathology
   */
  @property({ converter: pathologyConverter })
  pathology?: Pathology;

  /**
   * Name of the IndexedDB database holding the record on this device.
   * @attr db-name
   */
  @property({ attribute: 'db-name' })
  dbName = 'carnet';

  /**
   * Synthetic patient (`diabetes`, `parkinson` or `kidney`) imported into the
   * local record when it is empty, for demonstrations. Never a real person.
   * @attr demo-persona
   */
  @property({ attribute: 'demo-persona', converter: pathologyConverter })
  demoPersona?: Pathology;

  /**
   * A data source of your own. When set, no local database is opened and the
   * provider never closes it: its owner does.
   */
  @property({ attribute: false })
  dataSource?: DataSource;

  @state() private status: ProviderRecordStatus = 'idle';
  @state() private failure?: CarnetErrorDetail;

  @provide({ context: dataSourceContext }) private providedDataSource?: DataSource;
  @provide({ context: localeContext }) private providedLocale: CarnetLocale = DEFAULT_CARNET_LOCALE;
  @provide({ context: pathologyContext }) private providedPathology?: Pathology;

  private readonly announcer = new LiveAnnouncer(this);
  private readonly internals: ElementInternals;
  /** The local source this provider opened, and so must close. */
  private ownedSource?: LocalDataSource;
  /** Incremented on every (re)preparation so late results of an older one are dropped. */
  private preparation = 0;
  private recordNeedsPreparing = true;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** Where the record stands: `seeding` while the demo persona is imported. */
  get recordStatus(): ProviderRecordStatus {
    return this.status;
  }

  /** The data source the widgets currently receive, once ready. */
  get activeDataSource(): DataSource | undefined {
    return this.providedDataSource;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureCarnetLocalization();
    if (this.locale === undefined) this.locale = resolveAncestorLocale(this);
    if (this.hasUpdated && this.recordNeedsPreparing) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.preparation++;
    this.releaseOwnedSource();
    this.providedDataSource = undefined;
    this.recordNeedsPreparing = true;
    this.status = 'idle';
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('locale')) {
      const locale = this.locale ?? DEFAULT_CARNET_LOCALE;
      this.providedLocale = locale;
      this.setAttribute('lang', locale);
      // A failed load keeps the French strings; there is nothing better to show.
      setCarnetLocale(locale).catch(() => undefined);
    }
    if (changed.has('pathology') || changed.has('demoPersona')) {
      this.providedPathology = this.pathology ?? this.demoPersona;
    }
    const sourceChanged = changed.has('dataSource') || changed.has('dbName') || changed.has('demoPersona');
    // A provider out of the page holds no database open; it prepares again when put back.
    if (!this.isConnected) this.recordNeedsPreparing ||= sourceChanged;
    else if (this.recordNeedsPreparing || sourceChanged) this.prepareRecord();
    if (changed.has('status')) this.reflectStatus();
  }

  /** (Re)builds the data source the widgets receive from the current attributes. */
  private prepareRecord(): void {
    this.recordNeedsPreparing = false;
    const preparation = ++this.preparation;
    this.releaseOwnedSource();
    this.failure = undefined;
    if (this.dataSource) {
      this.useSource(this.dataSource);
      return;
    }
    // Connected mode (issuer, client-id, fhir-base-url) will choose its source here.
    let source: LocalDataSource;
    try {
      source = createLocalDataSource({ dbName: this.dbName });
    } catch (error) {
      this.fail(error);
      return;
    }
    this.ownedSource = source;
    if (!this.demoPersona) {
      this.useSource(source);
      return;
    }
    this.providedDataSource = undefined;
    this.status = 'seeding';
    this.announcer.announce(msg('Préparation du carnet de démonstration…'));
    void this.seed(source, this.demoPersona, preparation);
  }

  private async seed(source: LocalDataSource, persona: Pathology, preparation: number): Promise<void> {
    try {
      const imported = await seedDemoPersona(source, persona, this.dbName);
      if (preparation !== this.preparation) return;
      this.useSource(source);
      if (imported) this.announcer.announce(msg('Le carnet de démonstration est prêt.'));
    } catch (error) {
      if (preparation !== this.preparation) return;
      this.releaseOwnedSource();
      this.fail(error);
    }
  }

  private useSource(source: DataSource): void {
    this.providedDataSource = source;
    this.status = 'ready';
  }

  private fail(error: unknown): void {
    this.providedDataSource = undefined;
    this.failure = toCarnetErrorDetail(error);
    this.status = 'error';
    emit(this, 'carnet-error', this.failure);
  }

  private releaseOwnedSource(): void {
    const owned = this.ownedSource;
    this.ownedSource = undefined;
    if (owned && this.providedDataSource === owned) this.providedDataSource = undefined;
    owned?.close();
  }

  private reflectStatus(): void {
    const states = this.internals.states;
    for (const name of ['seeding', 'ready', 'error'] as const) {
      if (name === this.status) states.add(name);
      else states.delete(name);
    }
  }

  private readonly retry = (): void => {
    this.recordNeedsPreparing = true;
    this.requestUpdate();
  };

  protected override render(): unknown {
    return html`
      ${
        this.status === 'seeding'
          ? html`<div class="busy" part="busy">
              <span class="spinner" aria-hidden="true"></span>
              <span>${msg('Préparation du carnet de démonstration…')}</span>
            </div>`
          : nothing
      }
      ${
        this.status === 'error' && this.failure
          ? renderErrorState({ message: userMessageFor(this.failure.messageKey), onRetry: this.retry })
          : nothing
      }
      <slot></slot>
      ${this.announcer.region()}
    `;
  }
}
