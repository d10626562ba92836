// End to end: a real Chromium (playwright-core) signs in through the real demo
// OpenID provider with the SDK's CarnetSession (bundled from source by esbuild),
// then reads and writes the patient's record on the real FHIR server.
// Token expiry is real: the platform runs with a 35 s access-token lifetime, so
// the session (which renews 30 s before expiry) renews after about 5 s.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CARNET_SCOPES } from '@carnet/catalog-sdk';
import { consentIfAsked, endToEnd, fillLogin, openPage, type EndToEnd, type TestSite } from './testing/e2e.js';
import { bundleScript, startOwnSite, statusOf, statusPage } from './testing/own-site.js';

/** The test page's script: one session, its outcome written where a person sees it. */
const PAGE_SCRIPT = `
import { CarnetSession, createFhirDataSource } from '@carnet/catalog-sdk';
const config = JSON.parse(document.getElementById('config').textContent);
const status = document.getElementById('status');
const show = (text) => { status.textContent = text; };
const session = await CarnetSession.create({ issuer: config.issuer, clientId: 'carnet-demo', redirectUri: location.origin + '/callback.html', scopes: config.scopes, fhirBaseUrl: config.fhirBaseUrl, storage: 'session' });
const source = createFhirDataSource({ baseUrl: config.fhirBaseUrl, session });
const describe = (error) => ({ name: error?.name, code: error?.code });
window.carnet = {
  session,
  signIn: () => session.signIn(),
  signOut: () => session.signOut().then(() => show('signed out')),
  token: () => session.getAccessToken(),
  countDocuments: () => source.documents.list({ limit: 5 }).then((page) => page.total, describe),
  staleTagUpdate: async () => {
    const [doc] = (await source.documents.list({ limit: 1 })).items;
    await source.documents.update(doc.id, { tags: ['a'] }, doc.version);
    return source.documents.update(doc.id, { tags: ['b'] }, doc.version).then(() => 'no conflict', describe);
  },
};
if (location.pathname === '/callback.html' && location.search) {
  session.handleCallback(location.href).then(() => show('patient ' + session.patientId), (error) => show('error ' + error.reason));
} else {
  show(session.isAuthenticated ? 'patient ' + session.patientId : 'signed out');
}
`;

const pageErrors: string[] = [];
let e2e: EndToEnd;

/** The SDK page (and its callback page), the SDK bundled from its sources. */
async function startSite(): Promise<TestSite> {
  const script = await bundleScript(PAGE_SCRIPT);
  return startOwnSite((path) =>
    path === '/app.js'
      ? { type: 'text/javascript', body: script }
      : statusPage(
          'fr',
          { issuer: e2e.platform.issuer, fhirBaseUrl: e2e.platform.fhirBaseUrl, scopes: CARNET_SCOPES },
          '/app.js',
        ),
  );
}

async function openSite(path = '/index.html'): Promise<Page> {
  const { page } = await openPage(e2e, path, { timeout: 10_000, errors: pageErrors });
  await page.waitForFunction(() => (window as unknown as { carnet?: unknown }).carnet !== undefined);
  return page;
}

/** Goes through the provider's pages as `persona`; lands on the callback page. */
async function signIn(page: Page, persona: string, consent: 'allow' | 'deny' = 'allow'): Promise<void> {
  await Promise.all([
    page.waitForURL(/\/interaction\//),
    page.evaluate(() => (window as unknown as { carnet: { signIn(): Promise<void> } }).carnet.signIn()),
  ]);
  await fillLogin(page, persona);
  await consentIfAsked(page, /callback\.html/, consent);
}

const carnet = <T>(page: Page, call: string): Promise<T> => page.evaluate(`window.carnet.${call}`) as Promise<T>;

describe('sign-in end to end (real provider, real FHIR server, real Chromium)', { timeout: 180_000 }, () => {
  e2e = endToEnd({
    site: startSite,
    platform: () => ({ documentCount: 12, accessTokenTtl: 35 }),
  });

  it('signs in as parkinson and reads the patient documents', async () => {
    const page = await openSite();
    await signIn(page, 'parkinson');
    assert.equal(await statusOf(page, /patient|error/), 'patient patient-parkinson');
    assert.equal(await carnet<number>(page, 'countDocuments()'), 12);
    await page.context().close();
  });

  it('rejects a callback whose state was tampered with', async () => {
    const page = await openSite();
    // The state is altered on its way out, so the provider echoes a state this page never issued.
    await page.route('**/auth?*', async (route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.get('state') === 'tampered') return route.continue();
      url.searchParams.set('state', 'tampered');
      return route.fulfill({ status: 302, headers: { location: url.href } });
    });
    await signIn(page, 'diabetes');
    assert.equal(await statusOf(page, /patient|error/), 'error callback_state_mismatch');
    await page.context().close();
  });

  it('rejects a replayed callback', async () => {
    const page = await openSite();
    await signIn(page, 'kidney');
    assert.equal(await statusOf(page, /patient|error/), 'patient patient-kidney');
    await page.goto(page.url());
    assert.equal(await statusOf(page, /error/), 'error callback_state_mismatch');
    await page.context().close();
  });

  it('shows access_denied when the patient refuses at the provider', async () => {
    const page = await openSite();
    await signIn(page, 'parkinson', 'deny');
    assert.equal(await statusOf(page, /patient|error/), 'error access_denied');
    await page.context().close();
  });

  it('renews an expiring access token transparently', async () => {
    const page = await openSite();
    await signIn(page, 'diabetes');
    await statusOf(page, /patient/);
    const first = await carnet<string>(page, 'token()');
    await page.waitForTimeout(6_000);
    const second = await carnet<string>(page, 'token()');
    assert.notEqual(second, first);
    assert.equal(await carnet<number>(page, 'countDocuments()'), 12);
    await page.context().close();
  });

  it('surfaces a stale If-Match as ConflictError', async () => {
    const page = await openSite();
    await signIn(page, 'kidney');
    await statusOf(page, /patient/);
    assert.deepEqual(await carnet(page, 'staleTagUpdate()'), { name: 'ConflictError', code: 'conflict' });
    await page.context().close();
  });

  it('after sign-out (back from the provider), reads are refused with login_required', async () => {
    const page = await openSite();
    await signIn(page, 'parkinson');
    await statusOf(page, /patient/);
    // Sign-out always ends the provider session: the page leaves for the provider and comes back.
    await Promise.all([
      page.waitForURL(`${e2e.origin}/callback.html`),
      carnet(page, 'signOut()').catch(() => undefined),
    ]);
    assert.equal(await statusOf(page, /signed out/), 'signed out');
    assert.deepEqual(await carnet(page, 'countDocuments()'), { name: 'AuthError', code: 'login_required' });
    await page.context().close();
  });

  it('reports the FHIR server down as FhirError network, with no uncaught exception', async () => {
    const page = await openSite();
    await signIn(page, 'diabetes');
    await statusOf(page, /patient/);
    await e2e.platform.close();
    assert.deepEqual(await carnet(page, 'countDocuments()'), { name: 'FhirError', code: 'network' });
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });
});
