import { adoptStyles, html, nothing } from 'lit';
import type { ComplexAttributeConverter, PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { CARNET_SCOPES, CarnetError, PATHOLOGIES } from '@carnet/catalog-sdk';
import type { CarnetSession, DataSource, Pathology } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { localeContext } from '../context/locale.context.js';
import { pathologyContext } from '../context/pathology.context.js';
import { sessionContext } from '../context/session.context.js';
import { recordRevisionContext } from '../context/record-revision.context.js';
import type { RecordRevision } from '../context/record-revision.context.js';
import { readRememberDevice, writeRememberDevice } from './remember-device.js';
import type { CarnetSessionLike } from '../context/session.context.js';
import type { CarnetErrorDetail } from '../events/carnet-error.js';
import { emit } from '../events/emit.js';
import { LiveAnnouncer } from '../shared/announcer.js';
import { baseStyles } from '../shared/base.styles.js';
import { toCarnetErrorDetail, userMessageFor } from '../shared/error-messages.js';
import {
  DEFAULT_CARNET_LOCALE,
  resolveAncestorLocale,
  setCarnetLocale,
  toCarnetLocale,
} from '../shared/localization.js';
import type { CarnetLocale } from '../shared/localization.js';
import { renderErrorState } from '../shared/states.js';
import { CarnetElement } from '../shared/carnet-element.js';
import { unavailableDataSource } from './unavailable-source.js';
import { stateStyles } from '../shared/states.styles.js';
import { carnetTokens } from '../shared/tokens.styles.js';
import { currentPageUri, scopesConverter, signInModeConverter } from './connected-config.js';
import type { SignInMode } from './connected-config.js';
import type { ConnectionSettings } from './connected-mode.controller.js';
import type { ConnectedPart } from './connected-part.js';
import { loadOnce } from '../shared/load-once.js';
import { LocalRecord } from './local-record.js';
import { providerStyles } from './provider.styles.js';
import { SkipLinksController } from './skip-links.controller.js';
import { parseOneOf } from '../shared/parse-one-of.js';

/**
 * Where the provider stands in getting the patient's record ready. Connected
 * mode adds `connecting` (reaching the sign-in service) and `signed-out`
 * (the sign-in prompt is shown); `ready` then means signed in.
 */
export type ProviderRecordStatus = 'idle' | 'seeding' | 'connecting' | 'signed-out' | 'ready' | 'error';

// Unknown values read as "not set" rather than as a pathology Carnet is not tuned for.
const pathologyConverter: ComplexAttributeConverter<Pathology | undefined> = {
  fromAttribute: (value) => parseOneOf(value, PATHOLOGIES),
  toAttribute: (value) => value,
};

const localeConverter: ComplexAttributeConverter<CarnetLocale | undefined> = {
  fromAttribute: (value) => toCarnetLocale(value),
  toAttribute: (value) => value,
};

/** Connected mode's code, loaded the first time a provider is configured for it (see `connected-part.ts`). */
// The SDK's connected half (`connected-sdk.ts`, which the part imports on demand too) is
// fetched at the same time rather than after it.
const loadConnectedPart = loadOnce(() =>
  Promise.all([import('./connected-part.js'), import('./connected-sdk.js')]).then(([part]) => part),
);

// Changing any of these builds the data source again.
const SOURCE_PROPERTIES = [
  'dataSource',
  'dbName',
  'demoPersona',
  'issuer',
  'clientId',
  'fhirBaseUrl',
  'redirectUri',
  'postLogoutRedirectUri',
  'scopes',
  'signInMode',
  'session',
  'recordOf',
] as const;

/**
 * Gives the widgets inside it the patient's record, the interface language and
 * the condition they are tuned for. With no attributes it keeps the record on
 * this device (IndexedDB), which needs no server.
 *
 * Connected mode (`issuer`, `client-id` and `fhir-base-url`, or a `.session`):
 * the patient signs in with the platform's OpenID provider and the widgets read
 * the record from its FHIR server. While signed out the provider shows a
 * sign-in prompt instead of the widgets; once signed in, a header naming who is
 * signed in, with a sign-out button, above them. When the page's address
 * carries the provider's answer (`code` and `state`), the sign-in is finished
 * and the answer removed from the address. Tokens stay in memory.
 *
 * @summary Wraps Carnet widgets and provides their data source, locale and pathology.
 * @tag carnet-provider
 *
 * @slot - The Carnet widgets (and any other content) that use this record. In connected mode, shown once the patient is signed in.
 *
 * @csspart busy - The small notice shown while the demo record is being prepared, or while connecting.
 * @csspart error - The error shown when the record could not be prepared or the sign-in service not reached.
 * @csspart retry - The Retry button of the error.
 * @csspart sign-in - The sign-in prompt (connected mode, signed out).
 * @csspart notice - Why the patient is asked to sign in (again): expired session, refused sign-in…
 * @csspart sign-in-button - The Se connecter button.
 * @csspart skip-links - The « Aller à … » links to each widget it holds (from two on), shown when focused.
 * @csspart session-header - The header above the widgets once signed in.
 * @csspart session-name - Who is signed in (display name, else patient id).
 * @csspart sign-out-button - The Se déconnecter button.
 * @csspart record-picker - Signed in as a caregiver: the choice of whose record to open.
 * @csspart record-choice - One person's Ouvrir le carnet de … button.
 * @csspart record-banner - Signed in as a caregiver: « Vous consultez le carnet de … » above the widgets.
 * @csspart record-change - The Changer de personne button of the banner.
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
 * @cssstate connecting - Connected mode is reaching the sign-in service or finishing a sign-in.
 * @cssstate signed-out - Connected mode shows the sign-in prompt.
 * @cssstate ready - The widgets have a data source (in connected mode: the patient is signed in).
 * @cssstate error - The record could not be prepared, or the sign-in service not reached.
 *
 * @fires carnet-error - The record could not be prepared, or signing in failed or ended; detail holds codes, never health data.
 * @fires carnet-session-change - The patient signed in or out, or the session expired (connected mode); detail `{ authenticated, patientId }`.
 */
@localized()
export class CarnetProvider extends CarnetElement {
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
   * Name of the IndexedDB database holding the record on this device. In
   * connected mode, the prefix of the offline cache's database
   * (`<db-name>-offline-<patient id>`, one per patient).
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

  /**
   * Connected mode: URL of the platform's OpenID provider (issuer), e.g.
   * `https://auth.example.org`.
   * @attr issuer
   */
  @property()
  issuer?: string;

  /**
   * Connected mode: the site's public client id at the OpenID provider.
   * @attr client-id
   */
  @property({ attribute: 'client-id' })
  clientId?: string;

  /**
   * Connected mode: base URL of the FHIR R4 server holding the record; also
   * the resource the tokens are asked for.
   * @attr fhir-base-url
   */
  @property({ attribute: 'fhir-base-url' })
  fhirBaseUrl?: string;

  /**
   * Connected mode: where the provider sends the patient back after signing
   * in; it must be registered for the client. Default: this page's URL
   * without query nor fragment.
   * @attr redirect-uri
   */
  @property({ attribute: 'redirect-uri' })
  redirectUri?: string;

  /**
   * Connected mode: where the provider sends the patient back after « Se
   * déconnecter », which always ends the session at the provider too (so the
   * next sign-in asks for the password). It must be registered for the client
   * as a post-logout redirect URI. Default: this page's URL without query nor
   * fragment.
   * @attr post-logout-redirect-uri
   */
  @property({ attribute: 'post-logout-redirect-uri' })
  postLogoutRedirectUri?: string;

  /**
   * Connected mode: scopes asked for, separated by spaces in the attribute.
   * Default: `openid profile fhirUser launch/patient offline_access` and the SMART v2
   * patient scopes the widgets use (documents, agenda, treatments, forum, care team).
   * @attr scopes
   */
  @property({ converter: scopesConverter })
  scopes: string[] = [...CARNET_SCOPES];

  /**
   * Connected mode: `redirect` (default) leaves the page for the sign-in page
   * and comes back; `popup` signs in in a popup window opened by the Se
   * connecter button, for embeds that must not navigate. In popup mode the
   * redirect URI page must hold a provider in popup mode too (it hands the
   * answer back to this page).
   * @attr sign-in
   */
  @property({ attribute: 'sign-in', converter: signInModeConverter })
  signInMode: SignInMode = 'redirect';

  /**
   * Connected mode: a `CarnetSession` of your own, already created. The
   * provider then creates none, never finishes sign-ins from the page address
   * (call `handleCallback()` yourself) and never disposes it. Needs `fhir-base-url`.
   */
  @property({ attribute: false })
  session?: CarnetSession;

  /**
   * Connected mode, signed in as a caregiver: the patient id of the record to
   * open at once (one of the people who gave them access). Without it the
   * caregiver chooses, unless they help only one person. The provider always
   * shows « Vous consultez le carnet de … » above the widgets.
   * @attr record-of
   */
  @property({ attribute: 'record-of' })
  recordOf?: string;

  /**
   * Connected mode: the patient ticked « Se souvenir de cet appareil » on the
   * sign-in prompt (remembered on this device across visits). The cached record
   * is then kept after sign-out; otherwise signing out deletes it.
   */
  get rememberDevice(): boolean {
    return this.remember;
  }

  @state() private remember = readRememberDevice();

  private readonly skipLinks = new SkipLinksController(this);
  @state() private status: ProviderRecordStatus = 'idle';
  @state() private failure?: CarnetErrorDetail;

  @provide({ context: dataSourceContext }) private providedDataSource?: DataSource;
  @provide({ context: sessionContext }) private providedSession?: CarnetSessionLike;
  @provide({ context: localeContext }) private providedLocale: CarnetLocale = DEFAULT_CARNET_LOCALE;
  @provide({ context: pathologyContext }) private providedPathology?: Pathology;
  @provide({ context: recordRevisionContext }) private providedRevision?: RecordRevision;

  private readonly announcer = new LiveAnnouncer(this);
  /** Connected mode, once its code has loaded (`connected-part.ts`: never in local mode). */
  private connected?: ConnectedPart;
  private readonly localRecord = new LocalRecord({
    ready: (source, seeded) => {
      this.useSource(source);
      if (seeded) this.announcer.announce(msg('Le carnet de démonstration est prêt.'));
    },
    failed: (error) => this.fail(error),
  });
  private recordNeedsPreparing = true;

  /** Where the record stands: `seeding` while the demo persona is imported. */
  get recordStatus(): ProviderRecordStatus {
    return this.status;
  }

  /** The data source the widgets currently receive, once ready. */
  get activeDataSource(): DataSource | undefined {
    return this.status === 'error' ? undefined : this.providedDataSource;
  }

  /** Connected mode: the session in use (the one given in `.session`, or the one the provider created). */
  get activeSession(): CarnetSession | undefined {
    return this.connected?.connection.session;
  }

  /** True when connected mode is configured (`.session`, or any of `issuer`, `client-id`, `fhir-base-url`). */
  get connectedMode(): boolean {
    return this.session !== undefined || Boolean(this.issuer || this.clientId || this.fhirBaseUrl);
  }

  /**
   * Connected mode: starts signing in, as the Se connecter button does. In
   * popup mode call it from a click handler (browsers block popups otherwise).
   */
  signIn(): Promise<void> {
    return this.connected?.connection.signIn() ?? Promise.resolve();
  }

  /** Connected mode: signs the patient out (tokens revoked at the provider) and shows the sign-in prompt. */
  signOut(): Promise<void> {
    return this.connected?.connection.signOut() ?? Promise.resolve();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.locale === undefined) this.locale = resolveAncestorLocale(this);
    if (this.hasUpdated && this.recordNeedsPreparing) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.localRecord.close();
    this.providedDataSource = undefined;
    this.providedSession = undefined;
    this.recordNeedsPreparing = true;
    this.status = 'idle';
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Before any data source is created: the cache keeps the record after sign-out only if asked.
    this.connected?.connection.setRememberDevice(this.remember);
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
    const sourceChanged = SOURCE_PROPERTIES.some((name) => changed.has(name));
    // A provider out of the page holds no database open; it prepares again when put back.
    if (!this.isConnected) this.recordNeedsPreparing ||= sourceChanged;
    else if (this.recordNeedsPreparing || sourceChanged) this.prepareRecord();
    if (changed.has('status')) this.reflectStatus();
  }

  /** (Re)builds the data source the widgets receive from the current attributes. */
  private prepareRecord(): void {
    this.recordNeedsPreparing = false;
    this.localRecord.close();
    this.providedDataSource = undefined;
    this.providedSession = undefined;
    this.failure = undefined;
    if (this.dataSource) {
      this.connected?.connection.stop();
      this.useSource(this.dataSource);
      return;
    }
    if (this.connectedMode) {
      if (this.connected) this.connected.connection.start(this.connectionSettings());
      else this.loadConnected();
      return;
    }
    this.connected?.connection.stop(true);
    if (this.localRecord.open(this.dbName, this.demoPersona) === 'seeding') {
      this.status = 'seeding';
      this.announcer.announce(msg('Préparation du carnet de démonstration…'));
    }
  }

  /**
   * Loads connected mode's code, then prepares the record again; meanwhile the
   * provider says it is connecting, and if the code cannot be loaded it shows
   * the network error with Retry (which loads it again).
   */
  private loadConnected(): void {
    this.status = 'connecting';
    loadConnectedPart().then(
      ({ ConnectedPart, connectedStyles }) => {
        if (!this.connected) {
          this.connected = new ConnectedPart(this, this.announcer, {
            changed: () => this.followConnection(),
            revised: (revision) => {
              this.providedRevision = revision;
            },
          });
          this.connected.connection.setRememberDevice(this.remember);
          adoptStyles(this.renderRoot as ShadowRoot, [...CarnetProvider.elementStyles, ...connectedStyles]);
        }
        // Unless the provider left the page or was switched to another mode meanwhile.
        if (!this.isConnected || !this.connectedMode || this.dataSource) return;
        this.recordNeedsPreparing = true;
        this.requestUpdate();
      },
      (error: unknown) => {
        if (this.isConnected && this.connectedMode && !this.dataSource && !this.connected)
          this.fail(
            new CarnetError('network', 'error.network', 'The connected-mode code could not be loaded', {
              cause: error,
            }),
          );
      },
    );
  }

  private connectionSettings(): ConnectionSettings {
    return {
      ...(this.issuer ? { issuer: this.issuer } : {}),
      ...(this.clientId ? { clientId: this.clientId } : {}),
      ...(this.fhirBaseUrl ? { fhirBaseUrl: this.fhirBaseUrl } : {}),
      ...(this.session ? { session: this.session } : {}),
      redirectUri: this.redirectUri || currentPageUri(),
      ...(this.postLogoutRedirectUri ? { postLogoutRedirectUri: this.postLogoutRedirectUri } : {}),
      scopes: this.scopes,
      signInMode: this.signInMode,
      ...(this.recordOf ? { recordOf: this.recordOf } : {}),
      cacheName: this.dbName,
    };
  }

  /** Mirrors connected mode's state into what the widgets receive and what is rendered. */
  private followConnection(): void {
    const part = this.connected;
    if (!part || !this.connectedMode || this.dataSource) return;
    const { connection, syncStatus } = part;
    syncStatus.follow(connection.cachedSource?.sync);
    // A caregiver's widgets wait until they chose whose record to open.
    const choosing = connection.isCaregiver && connection.recordOf === undefined;
    const provided = choosing ? undefined : connection.dataSource;
    if (this.providedDataSource !== provided) {
      this.providedRevision = connection.cachedSource ? syncStatus.revision : undefined;
    }
    this.providedDataSource = provided;
    this.providedSession = connection.sessionView;
    this.status = part.recordStatus;
    this.requestUpdate();
  }

  private useSource(source: DataSource): void {
    this.providedDataSource = source;
    this.status = 'ready';
  }

  private fail(error: unknown): void {
    // The widgets inside show an error rather than waiting for a record that will not come.
    this.providedDataSource = unavailableDataSource(error);
    this.failure = toCarnetErrorDetail(error);
    this.status = 'error';
    emit(this, 'carnet-error', this.failure);
  }

  private reflectStatus(): void {
    this.reflectStates(this.status, ['seeding', 'connecting', 'signed-out', 'ready', 'error']);
  }

  private readonly onRememberChange = (remember: boolean): void => {
    this.remember = remember;
    this.connected?.connection.setRememberDevice(remember);
    writeRememberDevice(remember);
  };

  private readonly retry = (): void => {
    this.recordNeedsPreparing = true;
    this.requestUpdate();
  };

  /** Connected mode before its code has loaded: connecting, or the failed load with Retry. */
  private renderConnectedLoading(): unknown {
    if (this.status === 'error' && this.failure)
      return renderErrorState({ message: userMessageFor(this.failure.messageKey), onRetry: this.retry });
    return html`<div class="busy" part="busy">
      <span class="spinner" aria-hidden="true"></span>
      <span>${msg('Connexion à votre espace santé…')}</span>
    </div>`;
  }

  protected override render(): unknown {
    if (this.connectedMode && !this.dataSource) {
      const view = this.connected
        ? this.connected.render({
            signInMode: this.signInMode,
            onRetry: this.retry,
            remember: this.remember,
            onRememberChange: this.onRememberChange,
            locale: this.providedLocale,
          })
        : this.renderConnectedLoading();
      return html`${view} ${this.announcer.region()}`;
    }
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
      ${this.skipLinks.render()}
      <slot></slot>
      ${this.announcer.region()}
    `;
  }
}
