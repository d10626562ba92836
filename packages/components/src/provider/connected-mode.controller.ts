import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AuthError } from '@carnet/catalog-sdk';
import type { AuthErrorReason, CachedDataSource, CarnetSession, DataSource } from '@carnet/catalog-sdk';
import type { CarnetSessionLike } from '../context/session.context.js';
import type { CarnetErrorDetail } from '../events/carnet-error.js';
import { emit } from '../events/emit.js';
import { toCarnetErrorDetail } from '../shared/error-messages.js';
import { hasAuthorizationResponse, stripAuthorizationResponse } from './connected-config.js';
import type { SignInMode } from './connected-config.js';
import type * as ConnectedSdkModule from './connected-sdk.js';

type ConnectedSdk = typeof ConnectedSdkModule;

/**
 * Where connected mode stands: `connecting` (discovery, finishing a sign-in),
 * `signed-out` (the sign-in prompt), `signed-in`, `error` (the provider could
 * not be reached: Retry), `handing-off` (this page is the sign-in popup).
 */
export type ConnectionStatus = 'connecting' | 'signed-out' | 'signed-in' | 'error' | 'handing-off';

/** What connected mode is configured with (the provider's attributes and properties). */
export interface ConnectionSettings {
  issuer?: string;
  clientId?: string;
  fhirBaseUrl?: string;
  redirectUri: string;
  /** Where sign-out comes back to; default: the page it started from. */
  postLogoutRedirectUri?: string;
  scopes: readonly string[];
  signInMode: SignInMode;
  /** A session owned by the host page; the provider then creates none. */
  session?: CarnetSession;
  /** A caregiver's choice of whose record to open (a patient who gave them access). */
  recordOf?: string;
  /**
   * Prefix of the offline cache's IndexedDB database, `<prefix>-offline-<patientId>`
   * (the provider's `db-name`; default `carnet`).
   */
  cacheName?: string;
}

/** A failure shown to the patient: its event detail and, for sign-in failures, the reason. */
export interface ConnectionFailure {
  detail: CarnetErrorDetail;
  reason?: AuthErrorReason;
}

/** The element that owns the controller: it re-renders and dispatches Carnet events. */
export type ConnectedModeHost = ReactiveControllerHost & HTMLElement;

/**
 * Connected mode of `<carnet-provider>`: creates (or adopts) the patient's
 * `CarnetSession`, finishes a sign-in whose answer is in the page address,
 * follows the session's `change` events and gives the widgets a FHIR data
 * source while the patient is signed in.
 */
export class ConnectedModeController implements ReactiveController {
  /** Where connected mode stands. */
  status: ConnectionStatus = 'connecting';
  /** The session in use, once created or adopted. */
  session?: CarnetSession;
  /** The patient's record on the FHIR server, while signed in. */
  dataSource?: DataSource;
  /** What widgets may know of the session (a new object on every change, so consumers update). */
  sessionView?: CarnetSessionLike;
  /** The failure shown: the error state, or the notice above the sign-in prompt. */
  failure?: ConnectionFailure;
  /** True while a sign-in or sign-out started here is under way. */
  busy = false;
  /**
   * Whose record is open when the signed-in person is a caregiver (their token
   * names no patient): undefined until they choose one.
   */
  recordOf?: string;
  /**
   * The patient chose « Se souvenir de cet appareil »: the cached record (and
   * changes not yet sent) are kept after sign-out. Read when the data source is created.
   */
  get rememberDevice(): boolean {
    return this.remember;
  }

  /** The patient's « Se souvenir de cet appareil » choice, used by the next data source created. */
  setRememberDevice(remember: boolean): void {
    this.remember = remember;
  }
  /**
   * Sign-out waits for the patient's confirmation: changes not yet sent (or
   * waiting for a choice) would be deleted from this device with the cache.
   */
  confirmingSignOut = false;

  private remember = false;
  private readonly host: ConnectedModeHost;
  private readonly onStateChange: () => void;
  private settings?: ConnectionSettings;
  /** The session this controller created, kept across re-attachments so the patient stays signed in. */
  private ownedSession?: { key: string; session: CarnetSession };
  /** Incremented on every (re)start so late results of an older one are dropped. */
  private run = 0;
  private signingOut = false;
  /** The connected-mode SDK, loaded on first use (see `connected-sdk.ts`). */
  private sdk?: ConnectedSdk;
  private sdkLoading?: Promise<ConnectedSdk>;

  constructor(host: ConnectedModeHost, onStateChange: () => void) {
    this.host = host;
    this.onStateChange = onStateChange;
    host.addController(this);
  }

  /** (Re)connects with these settings: adopts or creates the session, then finishes a pending sign-in. */
  start(settings: ConnectionSettings): void {
    const run = ++this.run;
    this.detachSession();
    this.settings = settings;
    this.failure = undefined;
    this.busy = false;
    this.clearRecord();
    this.recordOf = settings.recordOf;
    // In the sign-in popup, this page only hands the provider's answer back to the page that opened it.
    const popupAnswer =
      settings.signInMode === 'popup' && !settings.session && Boolean(window.opener) && hasAuthorizationResponse();
    if (!popupAnswer && settings.fhirBaseUrl === undefined) {
      this.fail(new AuthError('configuration', 'Connected mode needs fhir-base-url to read the record'));
      return;
    }
    this.setStatus('connecting');
    void this.connect(settings, run, popupAnswer);
  }

  /** Leaves connected mode; `forget` also drops the session this controller created. */
  stop(forget = false): void {
    this.run++;
    this.detachSession();
    this.clearRecord();
    this.settings = undefined;
    if (forget) this.forgetOwnedSession();
  }

  /**
   * Starts the patient's sign-in. In popup mode the popup opens synchronously,
   * so call this from a click handler. Resolves when a popup sign-in ended (either way).
   */
  signIn(): Promise<void> {
    const session = this.session;
    if (!session || this.status !== 'signed-out' || this.busy) return Promise.resolve();
    const run = this.run;
    this.failure = undefined;
    // The provider's pages open in the site's language (`ui_locales`): the provider element's `lang`.
    const uiLocales = this.host.lang.trim();
    const options = uiLocales ? { uiLocales } : {};
    // Both calls start synchronously: the popup must open within the click's user activation.
    const signing = this.settings?.signInMode === 'popup' ? session.signInPopup(options) : session.signIn(options);
    this.busy = true;
    this.onStateChange();
    return signing.then(
      () => {
        // A redirect sign-in leaves the page; a popup one already signed in through `change`.
        if (run === this.run && this.settings?.signInMode === 'popup') this.endBusy();
      },
      (error: unknown) => {
        if (run !== this.run) return;
        this.busy = false;
        this.notify(error);
      },
    );
  }

  /**
   * Changes that signing out would delete: not yet sent, or waiting for the
   * patient's choice; 0 when the device is remembered (they are kept).
   */
  get unsentChanges(): number {
    const sync = this.cachedSource?.sync;
    return sync && !sync.remember ? sync.state.pending + sync.state.conflicts.length : 0;
  }

  /** The patient chose to stay signed in rather than lose unsent changes. */
  cancelSignOut(): void {
    if (!this.confirmingSignOut) return;
    this.confirmingSignOut = false;
    this.onStateChange();
  }

  /**
   * Signs the patient out: revokes the tokens at the provider and shows the
   * sign-in prompt. When changes not yet sent would be deleted with the cache,
   * asks first (`confirmingSignOut`); `confirmed` goes ahead anyway.
   */
  async signOut(confirmed = false): Promise<void> {
    const session = this.session;
    if (!session || this.status !== 'signed-in' || this.busy) return;
    if (!confirmed && this.unsentChanges > 0) {
      this.confirmingSignOut = true;
      this.onStateChange();
      return;
    }
    this.confirmingSignOut = false;
    this.busy = true;
    this.signingOut = true;
    this.onStateChange();
    try {
      // Before the tokens are revoked (the last sending attempt needs them) and the page leaves for the provider.
      await this.cachedSource?.sync.handleSignOut().catch(() => undefined);
      await session.signOut();
    } catch (error) {
      this.notify(error);
    } finally {
      this.signingOut = false;
      this.busy = false;
      if (this.session === session) this.syncWithSession(true);
    }
  }

  /**
   * True when the signed-in person is a caregiver: a `RelatedPerson`, with no
   * patient of their own in the token. They open someone else's record.
   */
  get isCaregiver(): boolean {
    const session = this.session;
    return (
      Boolean(session?.isAuthenticated) &&
      session?.patientId === undefined &&
      /(?:^|\/)RelatedPerson\/[^/]+$/.test(session?.user?.fhirUser ?? '')
    );
  }

  /**
   * A caregiver opens the record of a person who gave them access (or, with
   * undefined, goes back to choosing): the widgets get a data source for that
   * record; the server enforces what the person granted.
   */
  openRecordOf(patientId: string | undefined): void {
    if (this.recordOf === patientId) return;
    this.recordOf = patientId;
    const session = this.session;
    const settings = this.settings;
    if (this.status !== 'signed-in' || !session || !settings?.fhirBaseUrl) return;
    this.closeSource();
    this.dataSource = this.createSource(settings, settings.fhirBaseUrl, session);
    this.onStateChange();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private async connect(settings: ConnectionSettings, run: number, popupAnswer: boolean): Promise<void> {
    try {
      this.sdk = await (this.sdkLoading ??= import('./connected-sdk.js'));
    } catch (error) {
      this.sdkLoading = undefined;
      if (run === this.run) this.fail(error);
      return;
    }
    if (run !== this.run) return;
    if (popupAnswer && this.sdk.completeSignInPopup()) {
      this.setStatus('handing-off');
      return;
    }
    if (settings.fhirBaseUrl === undefined) {
      this.fail(new AuthError('configuration', 'Connected mode needs fhir-base-url to read the record'));
      return;
    }
    let session: CarnetSession;
    try {
      session = settings.session ?? (await this.ownSessionFor(settings));
    } catch (error) {
      if (run === this.run) this.fail(error);
      return;
    }
    if (run !== this.run) return;
    this.session = session;
    session.addEventListener('change', this.onSessionChange);
    // A host that brings its own session also finishes its own sign-ins.
    if (!settings.session && hasAuthorizationResponse()) {
      const answer = location.href;
      stripAuthorizationResponse();
      // Signed out until the answer is checked, so its `change` is reported as a sign-in.
      this.sessionView = Object.freeze({ isAuthenticated: false });
      try {
        await session.handleCallback(answer);
      } catch (error) {
        if (run !== this.run) return;
        this.syncWithSession(false);
        this.notify(error);
        return;
      }
    }
    if (run === this.run) this.syncWithSession(false);
  }

  /** The SDK loaded by `connect`, which every session path goes through first. */
  private loadedSdk(): ConnectedSdk {
    if (!this.sdk) throw new Error('connected-mode SDK used before it was loaded');
    return this.sdk;
  }

  private async ownSessionFor(settings: ConnectionSettings): Promise<CarnetSession> {
    const { issuer, clientId, fhirBaseUrl, redirectUri, postLogoutRedirectUri, scopes } = settings;
    if (issuer === undefined || clientId === undefined || fhirBaseUrl === undefined) {
      throw new AuthError('configuration', 'Connected mode needs issuer, client-id and fhir-base-url');
    }
    const key = JSON.stringify([issuer, clientId, fhirBaseUrl, redirectUri, postLogoutRedirectUri, scopes]);
    if (this.ownedSession?.key === key) return this.ownedSession.session;
    this.forgetOwnedSession();
    const session = await this.loadedSdk().CarnetSession.create({
      issuer,
      clientId,
      fhirBaseUrl,
      redirectUri,
      ...(postLogoutRedirectUri === undefined ? {} : { postLogoutRedirectUri }),
      scopes: [...scopes],
    });
    this.ownedSession = { key, session };
    return session;
  }

  private readonly onSessionChange = (): void => {
    this.syncWithSession(true);
  };

  /**
   * Follows the session. `reported` is true for changes the patient caused or
   * met (sign-in, sign-out, expiry): those fire `carnet-session-change`.
   */
  private syncWithSession(reported: boolean): void {
    const session = this.session;
    const settings = this.settings;
    if (!session || !settings?.fhirBaseUrl) return;
    const authenticated = session.isAuthenticated;
    const patientId = session.patientId;
    const previous = this.sessionView;
    const changed = previous?.isAuthenticated !== authenticated || previous.patientId !== patientId;
    if (!changed && this.status !== 'connecting') return;
    if (authenticated) {
      if (changed || !this.dataSource) {
        this.closeSource();
        this.dataSource = this.createSource(settings, settings.fhirBaseUrl, session);
      }
      this.failure = undefined;
    } else {
      this.closeSource();
      this.dataSource = undefined;
      this.recordOf = this.settings?.recordOf;
      // The session ended without the patient asking: a refused renewal (expired or revoked).
      if (previous?.isAuthenticated && !this.signingOut) {
        this.notify(
          new AuthError('login_required', 'The session ended (renewal refused); the patient must sign in again'),
        );
      }
    }
    this.sessionView = Object.freeze(
      patientId === undefined ? { isAuthenticated: authenticated } : { isAuthenticated: authenticated, patientId },
    );
    this.status = authenticated ? 'signed-in' : 'signed-out';
    this.onStateChange();
    if (reported && changed && previous !== undefined) {
      emit(
        this.host,
        'carnet-session-change',
        patientId === undefined ? { authenticated } : { authenticated, patientId },
      );
    }
  }

  /**
   * The connected data source: the patient's own record, or the one a caregiver opened;
   * cached on this device when IndexedDB is there, per patient (a caregiver's reads
   * are not cached: what they may see can be revoked at any moment).
   */
  private createSource(settings: ConnectionSettings, baseUrl: string, session: CarnetSession): DataSource {
    const sdk = this.loadedSdk();
    if (this.recordOf !== undefined) return sdk.createFhirDataSource({ baseUrl, session, patientId: this.recordOf });
    const patientId = session.patientId;
    if (patientId === undefined || typeof indexedDB === 'undefined') {
      return sdk.createFhirDataSource({ baseUrl, session });
    }
    const dbName = `${settings.cacheName ?? 'carnet'}-offline-${patientId}`;
    return sdk.createFhirDataSource({ baseUrl, session, cache: { dbName, remember: this.rememberDevice } });
  }

  /** The data source when it has an offline cache. */
  get cachedSource(): CachedDataSource | undefined {
    const source = this.dataSource;
    return source !== undefined && 'sync' in source ? (source as CachedDataSource) : undefined;
  }

  /** Stops the cached source's sending (its cache stays until sign-out). */
  private closeSource(): void {
    this.cachedSource?.sync.close();
  }

  /** A failure of the sign-in itself: a notice above the prompt, and `carnet-error`. */
  private notify(error: unknown): void {
    this.failure = {
      detail: toCarnetErrorDetail(error),
      ...(error instanceof AuthError ? { reason: error.reason } : {}),
    };
    this.onStateChange();
    emit(this.host, 'carnet-error', this.failure.detail);
  }

  /** A failure that leaves nothing to sign in with: the error state with Retry. */
  private fail(error: unknown): void {
    this.clearRecord();
    this.status = 'error';
    this.notify(error);
  }

  private endBusy(): void {
    this.busy = false;
    this.onStateChange();
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.onStateChange();
  }

  private clearRecord(): void {
    this.closeSource();
    this.dataSource = undefined;
    this.sessionView = undefined;
  }

  private detachSession(): void {
    this.session?.removeEventListener('change', this.onSessionChange);
    this.session = undefined;
    // Renewal resumes on demand (getAccessToken) if this session is used again.
    this.ownedSession?.session.dispose();
  }

  private forgetOwnedSession(): void {
    this.ownedSession?.session.dispose();
    this.ownedSession = undefined;
  }
}
