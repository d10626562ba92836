// <carnet-provider> connected mode against the REAL demo OpenID provider and
// FHIR server, signing in through the real login and consent pages in a popup
// opened by the provider's own button.
import { ContextEvent } from '@lit/context';
import { AuthError, CARNET_SCOPES, CarnetSession } from '@carnet/catalog-sdk';
import type { CarnetSessionOptions } from '@carnet/catalog-sdk';
import { sessionContext } from '../context/session.context.js';
import type { CarnetSessionLike } from '../context/session.context.js';
import type { CarnetErrorEvent } from '../events/carnet-error.js';
import type { CarnetSessionChangeDetail, CarnetSessionChangeEvent } from '../events/carnet-session-change.js';
import type { CarnetRecordSummary } from '../record-summary/record-summary.js';
import { setCarnetLocale } from '../shared/localization.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { CLIENT_ID, providerPart, realClick, signInThroughProvider, testPlatform } from '../test-helpers/platform.js';
import type { TestPlatform } from '../test-helpers/platform.js';
import type { CarnetProvider } from './provider.js';
import '../record-summary/record-summary.js';
import './provider.js';

const CLOSED_PORT_URL = 'http://127.0.0.1:9';

function shadowText(element: Element): string {
  return element.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function summaryIn(provider: CarnetProvider): CarnetRecordSummary {
  const summary = provider.querySelector('carnet-record-summary');
  if (!summary) throw new Error('no record summary in the provider');
  return summary;
}

/** What a widget inside the provider receives as the session context. */
function sessionSeenBy(widget: Element): CarnetSessionLike | undefined {
  let seen: CarnetSessionLike | undefined;
  widget.dispatchEvent(
    new ContextEvent(sessionContext, widget, (value) => {
      seen = value;
    }),
  );
  return seen;
}

/** Everything the provider fires on the page, and any uncaught failure. */
function recordPage() {
  const sessionChanges: CarnetSessionChangeDetail[] = [];
  const errors: CarnetErrorEvent['detail'][] = [];
  const uncaught: string[] = [];
  const onSession = (event: CarnetSessionChangeEvent): void => void sessionChanges.push(event.detail);
  const onError = (event: CarnetErrorEvent): void => void errors.push(event.detail);
  const onRejection = (event: PromiseRejectionEvent): void => void uncaught.push(String(event.reason));
  const onUncaught = (event: ErrorEvent): void => void uncaught.push(event.message);
  document.addEventListener('carnet-session-change', onSession);
  document.addEventListener('carnet-error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onUncaught);
  const stop = (): void => {
    document.removeEventListener('carnet-session-change', onSession);
    document.removeEventListener('carnet-error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    window.removeEventListener('error', onUncaught);
  };
  return { sessionChanges, errors, uncaught, stop };
}

/** A connected provider (popup sign-in on the test runner's callback page) around a record summary. */
async function connectedProvider(
  platform: TestPlatform,
  overrides: { issuer?: string; fhirBaseUrl?: string; session?: CarnetSession } = {},
): Promise<CarnetProvider> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider
      issuer=${overrides.issuer ?? platform.issuer}
      client-id=${CLIENT_ID}
      fhir-base-url=${overrides.fhirBaseUrl ?? platform.fhirBaseUrl}
      redirect-uri=${platform.callbackUrl}
      sign-in="popup"
      .session=${overrides.session}
      ><carnet-record-summary></carnet-record-summary
    ></carnet-provider>`,
  );
  await waitUntil(() => provider.recordStatus !== 'connecting', 'connected', { timeout: 10_000 });
  return provider;
}

/** A session of the test's own, for `.session` injection. */
function ownSession(platform: TestPlatform, options: Partial<CarnetSessionOptions> = {}): Promise<CarnetSession> {
  return CarnetSession.create({
    issuer: platform.issuer,
    clientId: CLIENT_ID,
    redirectUri: platform.callbackUrl,
    scopes: [...CARNET_SCOPES],
    fhirBaseUrl: platform.fhirBaseUrl,
    ...options,
  });
}

/** Titles of the patient's documents, read straight from the FHIR server with the session's token. */
async function serverDocuments(platform: TestPlatform, token: string): Promise<{ total: number; titles: string[] }> {
  const response = await fetch(`${platform.fhirBaseUrl}/DocumentReference?_count=200`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json' },
  });
  const bundle = (await response.json()) as {
    total: number;
    entry?: { resource: { description?: string; content?: { attachment?: { title?: string } }[] } }[];
  };
  const titles = (bundle.entry ?? []).flatMap(({ resource }) => [
    ...(resource.description ? [resource.description] : []),
    ...(resource.content ?? []).flatMap((content) => (content.attachment?.title ? [content.attachment.title] : [])),
  ]);
  return { total: bundle.total, titles };
}

describe('<carnet-provider> connected mode (real OpenID provider and FHIR server)', function () {
  this.timeout(60_000);
  let page: ReturnType<typeof recordPage>;

  beforeEach(() => {
    page = recordPage();
  });

  afterEach(async () => {
    page.stop();
    sessionStorage.clear();
    await setCarnetLocale('fr');
  });

  it('shows an accessible, localized sign-in prompt instead of the widgets while signed out', async () => {
    const platform = await testPlatform();
    const provider = await connectedProvider(platform);
    expect(provider.recordStatus).to.equal('signed-out');
    expect(provider.activeDataSource).to.equal(undefined);
    expect(provider.activeSession?.isAuthenticated).to.equal(false);
    const prompt = providerPart(provider, 'sign-in');
    expect(prompt?.querySelector('h2')?.textContent).to.equal('Connectez-vous à votre espace santé');
    expect(prompt?.textContent).to.contain('Une fenêtre');
    const button = providerPart(provider, 'sign-in-button');
    expect(button?.textContent?.trim()).to.equal('Se connecter');
    expect(button?.getBoundingClientRect().height).to.be.at.least(44);
    // The widgets are not shown (no slot) until the patient is signed in.
    expect(provider.shadowRoot?.querySelector('slot')).to.equal(null);
    expect(summaryIn(provider).getClientRects().length).to.equal(0);
    await expect(provider).to.be.accessible();

    provider.locale = 'en';
    await waitUntil(() => providerPart(provider, 'sign-in-button')?.textContent?.trim() === 'Sign in', 'English');
    expect(shadowText(provider)).to.contain('Sign in to your health space');
    expect(page.sessionChanges).to.deep.equal([]);
    expect(page.uncaught).to.deep.equal([]);
  });

  it('opens the sign-in and consent pages in the site’s language (ui_locales from its lang)', async () => {
    const platform = await testPlatform();
    const left: string[] = [];
    const session = await ownSession(platform, { navigate: (url) => left.push(url) });
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider
        issuer=${platform.issuer}
        client-id=${CLIENT_ID}
        fhir-base-url=${platform.fhirBaseUrl}
        redirect-uri=${platform.callbackUrl}
        sign-in="redirect"
        locale="en"
        .session=${session}
        ><carnet-record-summary></carnet-record-summary
      ></carnet-provider>`,
    );
    await waitUntil(() => provider.recordStatus === 'signed-out', 'signed out');
    await provider.signIn();
    await waitUntil(() => left.length === 1, 'left for the provider');
    expect(new URL(left[0] ?? '').searchParams.get('ui_locales')).to.equal('en');
    session.dispose();
  });

  it('signs in through the popup, shows who is signed in and the FHIR record, then signs out', async () => {
    const platform = await testPlatform();
    // Sign-out leaves the page for the provider's end-session: noted here instead, so the test page stays.
    const left: string[] = [];
    const create = CarnetSession.create.bind(CarnetSession);
    CarnetSession.create = (options) => create({ ...options, navigate: (url) => left.push(url) });
    const provider = await connectedProvider(platform).finally(() => {
      CarnetSession.create = create;
    });
    await signInThroughProvider(provider, 'parkinson');

    expect(provider.recordStatus).to.equal('ready');
    expect(page.sessionChanges).to.deep.equal([{ authenticated: true, patientId: 'patient-parkinson' }]);
    const header = providerPart(provider, 'session-header');
    expect(header?.textContent).to.contain('Connecté·e');
    // The patient's name, not an identifier.
    expect(providerPart(provider, 'session-name')?.textContent).to.equal('Jean Lefèvre');
    expect(provider.activeDataSource?.kind).to.equal('fhir');
    expect(sessionSeenBy(summaryIn(provider))).to.deep.equal({ isAuthenticated: true, patientId: 'patient-parkinson' });
    await waitUntil(() => provider.shadowRoot?.activeElement?.getAttribute('part') === 'sign-out-button', 'focus');

    const summary = summaryIn(provider);
    expect(summary.dataSource).to.equal(provider.activeDataSource);
    await waitUntil(() => summary.shadowRoot?.querySelector('.counts'), 'summary shows the record', {
      timeout: 15_000,
    });
    const session = provider.activeSession as CarnetSession;
    const documents = await serverDocuments(platform, await session.getAccessToken());
    expect(documents.total).to.be.greaterThan(0);
    // The first sync may still be reading the record (the counts stay shown, busy): wait for its answer.
    await waitUntil(
      () =>
        summary.shadowRoot?.querySelector('.counts')?.getAttribute('aria-busy') === 'false' &&
        shadowText(summary).includes(`Documents ${documents.total}`),
      'summary shows the server’s documents',
      { timeout: 15_000 },
    );
    expect(shadowText(summary)).to.contain(`Documents ${documents.total}`);
    const recent = [...(summary.shadowRoot?.querySelectorAll('.document-title') ?? [])].map((t) => t.textContent);
    expect(recent).to.have.length.greaterThan(0);
    for (const title of recent) expect(documents.titles).to.include(title);
    await expect(provider).to.be.accessible();

    // Room in the resource timing buffer to see the revocation requests.
    performance.clearResourceTimings();
    await realClick(providerPart(provider, 'sign-out-button') as HTMLElement);
    await waitUntil(() => provider.recordStatus === 'signed-out', 'signed out');
    expect(page.sessionChanges.at(-1)).to.deep.equal({ authenticated: false });
    expect(session.isAuthenticated).to.equal(false);
    const refused = await session.getAccessToken().catch((error: unknown) => error);
    expect(refused).to.be.instanceOf(AuthError);
    expect((refused as AuthError).reason).to.equal('login_required');
    // Signing out revoked the tokens at the provider.
    const discovery = (await (await fetch(`${platform.issuer}/.well-known/openid-configuration`)).json()) as {
      revocation_endpoint: string;
    };
    // Timing entries land shortly after each response: wait for both (refresh and access token).
    const revocations = (): number =>
      performance.getEntriesByType('resource').filter((entry) => entry.name === discovery.revocation_endpoint).length;
    await waitUntil(() => revocations() >= 2, 'both tokens revoked');
    // Then the provider session ends too, coming back to this page.
    expect(left).to.have.length(1);
    const logout = new URL(left[0] ?? '');
    expect(logout.searchParams.get('id_token_hint')).to.be.a('string');
    expect(logout.searchParams.get('post_logout_redirect_uri')).to.equal(`${location.origin}${location.pathname}`);
    expect(provider.activeDataSource).to.equal(undefined);
    expect(sessionSeenBy(summaryIn(provider))).to.deep.equal({ isAuthenticated: false });
    expect(providerPart(provider, 'notice')).to.equal(null);
    await waitUntil(() => provider.shadowRoot?.activeElement?.getAttribute('part') === 'sign-in-button', 'focus back');
    expect(page.uncaught).to.deep.equal([]);
  });

  it('uses an injected session; a FHIR server that is down shows the widgets’ own error state', async () => {
    const platform = await testPlatform();
    const revokedTokens: string[] = [];
    // A pass-through fetch that notes the tokens the session revokes.
    const fetcher: typeof fetch = (input, init) => {
      if (init?.body instanceof URLSearchParams && String(input).includes('revoc')) {
        revokedTokens.push(init.body.get('token') ?? '');
      }
      return fetch(input, init);
    };
    const session = await ownSession(platform, { fetch: fetcher, navigate: () => undefined });
    const provider = await connectedProvider(platform, { session, fhirBaseUrl: `${CLOSED_PORT_URL}/fhir` });
    expect(provider.activeSession).to.equal(session);
    await signInThroughProvider(provider, 'kidney');
    expect(provider.recordStatus).to.equal('ready');
    expect(session.patientId).to.equal('patient-kidney');

    const summary = summaryIn(provider);
    await waitUntil(() => summary.shadowRoot?.querySelector('[role="alert"]'), 'summary error', { timeout: 20_000 });
    expect(shadowText(summary)).to.contain("Le serveur n'a pas pu être joint.");
    expect(summary.shadowRoot?.querySelector('button[part="retry"]')).to.exist;
    await expect(provider).to.be.accessible();

    await realClick(providerPart(provider, 'sign-out-button') as HTMLElement);
    await waitUntil(() => provider.recordStatus === 'signed-out', 'signed out');
    expect(revokedTokens.length).to.equal(2);
    const { token_endpoint } = (await (await fetch(`${platform.issuer}/.well-known/openid-configuration`)).json()) as {
      token_endpoint: string;
    };
    // The revoked refresh token can no longer be exchanged.
    const reuse = await fetch(token_endpoint, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: revokedTokens[0] ?? '',
        client_id: CLIENT_ID,
      }),
    });
    expect(reuse.status).to.equal(400);
    expect(page.uncaught).to.deep.equal([]);
  });

  it('goes back to the sign-in prompt with a clear message when the session expires', async () => {
    const platform = await testPlatform();
    let offset = 0;
    const session = await ownSession(platform, { storage: 'session', now: () => Date.now() + offset });
    const provider = await connectedProvider(platform, { session });
    await signInThroughProvider(provider, 'diabetes');
    const stored = JSON.parse(sessionStorage.getItem(`carnet.${CLIENT_ID}.tokens`) ?? '{}') as {
      refreshToken?: string;
    };
    const discovery = (await (await fetch(`${platform.issuer}/.well-known/openid-configuration`)).json()) as {
      revocation_endpoint: string;
    };
    await fetch(discovery.revocation_endpoint, {
      method: 'POST',
      body: new URLSearchParams({
        token: stored.refreshToken ?? '',
        token_type_hint: 'refresh_token',
        client_id: CLIENT_ID,
      }),
    });
    offset = 10 * 60_000;
    // The next read needs a renewal, which the provider refuses.
    void summaryIn(provider).refresh();
    await waitUntil(() => provider.recordStatus === 'signed-out', 'back to the prompt', { timeout: 15_000 });
    expect(providerPart(provider, 'notice')?.textContent).to.equal('Votre session a expiré, reconnectez-vous.');
    expect(providerPart(provider, 'sign-in-button')).to.exist;
    expect(page.sessionChanges.at(-1)).to.deep.equal({ authenticated: false });
    expect(page.errors.at(-1)?.code).to.equal('login_required');
    await expect(provider).to.be.accessible();
    expect(page.uncaught).to.deep.equal([]);
  });

  it('shows why and offers to sign in again when the patient refuses at the provider', async () => {
    const platform = await testPlatform();
    const provider = await connectedProvider(platform);
    await signInThroughProvider(provider, 'parkinson', 'deny');
    expect(provider.recordStatus).to.equal('signed-out');
    expect(providerPart(provider, 'notice')?.textContent).to.equal(
      'La connexion a été refusée ou annulée. Vous pouvez réessayer quand vous le souhaitez.',
    );
    expect(providerPart(provider, 'sign-in-button')?.getAttribute('aria-disabled')).to.equal('false');
    expect(page.errors.map((error) => error.code)).to.deep.equal(['access_denied']);
    expect(page.sessionChanges).to.deep.equal([]);
    expect(page.uncaught).to.deep.equal([]);
  });

  it('shows an error with Retry, and no uncaught exception, when the OpenID provider is down', async () => {
    const platform = await testPlatform();
    const provider = await connectedProvider(platform, { issuer: CLOSED_PORT_URL });
    expect(provider.recordStatus).to.equal('error');
    const alert = providerPart(provider, 'error');
    expect(alert?.getAttribute('role')).to.equal('alert');
    expect(alert?.textContent).to.contain('Le service de connexion ne répond pas.');
    expect(page.errors).to.deep.equal([
      {
        code: 'network',
        messageKey: 'error.network',
        message: 'The OpenID provider could not be reached for discovery',
      },
    ]);
    await expect(provider).to.be.accessible();

    const retry = providerPart(provider, 'retry') as HTMLButtonElement;
    expect(retry.textContent?.trim()).to.equal('Réessayer');
    retry.click();
    await waitUntil(() => page.errors.length === 2, 'retried');
    expect(provider.recordStatus).to.equal('error');
    // Pointed at the running provider, Retry is no longer needed: the prompt shows.
    provider.issuer = platform.issuer;
    await waitUntil(() => provider.recordStatus === 'signed-out', 'recovered');
    expect(page.uncaught).to.deep.equal([]);
  });

  it('refuses a callback with a forged state: a clear message, the prompt again, the address cleaned', async () => {
    const platform = await testPlatform();
    const original = `${location.pathname}${location.search}${location.hash}`;
    const forged = new URL(location.href);
    forged.searchParams.set('code', 'x');
    forged.searchParams.set('state', 'forged');
    forged.searchParams.set('iss', platform.issuer);
    history.replaceState(history.state, '', `${forged.pathname}${forged.search}`);
    try {
      const provider = await connectedProvider(platform);
      await waitUntil(() => provider.recordStatus === 'signed-out', 'prompt');
      const notice = providerPart(provider, 'notice');
      expect(notice?.getAttribute('role')).to.equal('alert');
      expect(notice?.textContent).to.contain('ne correspond à aucune demande faite depuis cette page');
      expect(providerPart(provider, 'sign-in-button')).to.exist;
      expect(page.errors.map((error) => error.code)).to.deep.equal(['callback_state_mismatch']);
      const params = new URLSearchParams(location.search);
      expect(['code', 'state', 'iss'].filter((name) => params.has(name))).to.deep.equal([]);
      expect(page.sessionChanges).to.deep.equal([]);
      await expect(provider).to.be.accessible();
    } finally {
      history.replaceState(history.state, '', original);
    }
  });
});
