// End to end, SMART App Launch 2 interop both ways, in a real Chromium against the real
// provider and FHIR server processes:
// (a) a third-party app written with `fhirclient` (the reference SMART client, from npm)
//     launches standalone and from the platform's launcher page, and reads the patient's
//     DocumentReferences;
// (b) an app written with our SDK completes an EHR launch started by the launcher page,
//     discovering the provider through the FHIR server's smart-configuration alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { endToEnd, fillLogin, openPage, type EndToEnd, type TestSite } from './testing/e2e.js';
import { bundleScript, startOwnSite, statusOf, statusPage } from './testing/own-site.js';
import { testAppManifest } from './testing/launch-client.js';

const FHIRCLIENT_APP = 'fhirclient-app';
const SDK_APP = 'carnet-sdk-app';

/** The third-party app: fhirclient's documented two-page pattern (launch page, then app page). */
const FHIRCLIENT_SCRIPT = `
import FHIR from 'fhirclient';
const config = JSON.parse(document.getElementById('config').textContent);
const status = document.getElementById('status');
if (location.pathname.endsWith('/launch.html')) {
  // Standalone when opened without iss (the app knows its FHIR server): it asks for a patient
  // to be picked (launch/patient); from an EHR, for the EHR's context (launch).
  const ehr = new URLSearchParams(location.search).has('launch');
  FHIR.oauth2.authorize({
    clientId: '${FHIRCLIENT_APP}',
    scope: (ehr ? 'launch' : 'launch/patient') + ' openid fhirUser patient/DocumentReference.rs',
    redirectUri: 'app.html',
    iss: config.fhirBaseUrl,
  }).catch((error) => { status.textContent = 'error ' + error.message; });
} else {
  FHIR.oauth2.ready()
    .then(async (client) => {
      const bundle = await client.request('DocumentReference?patient=' + client.patient.id);
      status.textContent = client.patient.id + ': ' + bundle.total + ' documents';
    })
    .catch((error) => { status.textContent = 'error ' + error.message; });
}
`;

/** An app written with the Carnet SDK: EHR launch page, then callback page. */
const SDK_SCRIPT = `
import { CarnetSession, createFhirDataSource } from '@carnet/catalog-sdk';
const config = JSON.parse(document.getElementById('config').textContent);
const status = document.getElementById('status');
const options = {
  clientId: '${SDK_APP}',
  redirectUri: location.origin + '/sdk/app.html',
  scopes: ['openid', 'fhirUser', 'patient/DocumentReference.rs'],
  fhirBaseUrl: config.fhirBaseUrl,
};
try {
  if (location.pathname.endsWith('/launch.html')) {
    // No issuer configured: the FHIR server's smart-configuration names it.
    const session = await CarnetSession.launch(options, location.href);
    if (!session) status.textContent = 'not an EHR launch';
  } else {
    const session = await CarnetSession.create(options);
    await session.handleCallback(location.href);
    const context = session.launchContext;
    const page = await createFhirDataSource({ baseUrl: config.fhirBaseUrl, session }).documents.list({ limit: 5 });
    status.textContent = [context.kind, context.patient, context.needPatientBanner ? 'banner' : 'no banner', page.total].join(' ');
  }
} catch (error) {
  status.textContent = 'error ' + (error.reason ?? error.message);
}
`;

const pageErrors: string[] = [];
let e2e: EndToEnd;

/** A bundle for the browser: fhirclient reads `process.env.NODE_ENV` and `global`. */
const bundle = (contents: string): Promise<string> =>
  bundleScript(contents, {
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  });

/** The two apps' pages: `/fhirclient/…` and `/sdk/…` (launch.html, app.html), each with its script. */
async function startSite(): Promise<TestSite> {
  const scripts = { '/fhirclient/app.js': await bundle(FHIRCLIENT_SCRIPT), '/sdk/app.js': await bundle(SDK_SCRIPT) };
  return startOwnSite((path) => {
    const script = scripts[path as keyof typeof scripts];
    if (script !== undefined) return { type: 'text/javascript', body: script };
    const folder = path.startsWith('/fhirclient/') ? 'fhirclient' : path.startsWith('/sdk/') ? 'sdk' : undefined;
    if (!folder) return undefined;
    return statusPage('en', { fhirBaseUrl: e2e.platform.fhirBaseUrl }, `/${folder}/app.js`);
  });
}

async function newPage(): Promise<Page> {
  return (await openPage(e2e, undefined, { timeout: 15_000, errors: pageErrors })).page;
}

/** Signs in to the platform's launcher page and clicks the app's button on the record. */
async function launchFromLauncher(page: Page, persona: string, appName: string): Promise<void> {
  await page.goto(`${e2e.platform.issuer}/ehr?lang=en`);
  await Promise.all([
    page.waitForURL(/\/interaction\//),
    page.getByRole('link', { name: 'Sign in', exact: true }).click(),
  ]);
  await fillLogin(page, persona);
  await page.waitForURL(/\/ehr\?/);
  await page.click(`button:has-text("Open ${appName}")`);
}

/** Allows the app on the provider's consent page (the launch needs no second sign-in). */
async function allowApp(page: Page, appName: string): Promise<void> {
  await page.waitForURL(/\/interaction\//);
  assert.match((await page.textContent('main')) ?? '', new RegExp(appName));
  await page.click('button.primary');
}

describe(
  'SMART App Launch interop (fhirclient and the SDK, real processes, real Chromium)',
  { timeout: 180_000 },
  () => {
    e2e = endToEnd({
      site: startSite,
      platform: (origin) => ({
        // The association site is elsewhere: the apps' own origins must be enough for CORS.
        siteOrigins: ['http://localhost:5173'],
        documentCount: 7,
        apps: [
          testAppManifest({
            clientId: FHIRCLIENT_APP,
            name: 'Appli fhirclient',
            launchUrl: `${origin}/fhirclient/launch.html`,
            redirectUris: [`${origin}/fhirclient/app.html`],
          }),
          testAppManifest({
            clientId: SDK_APP,
            name: 'Appli SDK Carnet',
            launchUrl: `${origin}/sdk/launch.html`,
            redirectUris: [`${origin}/sdk/app.html`],
          }),
        ],
      }),
    });

    it('(a) a fhirclient app launched standalone reads the patient’s documents', async () => {
      const page = await newPage();
      await page.goto(`${e2e.origin}/fhirclient/launch.html`);
      await page.waitForURL(/\/interaction\//);
      await fillLogin(page, 'parkinson');
      await allowApp(page, 'Appli fhirclient');
      assert.equal(await statusOf(page, /documents|error/), 'patient-parkinson: 7 documents');
      await page.context().close();
    });

    it('(a) a fhirclient app launched from the platform’s launcher reads the launched patient’s documents', async () => {
      const page = await newPage();
      await launchFromLauncher(page, 'diabetes', 'Appli fhirclient');
      await allowApp(page, 'Appli fhirclient');
      assert.equal(await statusOf(page, /documents|error/), 'patient-diabetes: 7 documents');
      await page.context().close();
    });

    it('(b) an SDK app completes an EHR launch from the launcher: launch context, banner, documents', async () => {
      const page = await newPage();
      await launchFromLauncher(page, 'kidney', 'Appli SDK Carnet');
      await allowApp(page, 'Appli SDK Carnet');
      assert.equal(await statusOf(page, /ehr|error/), 'ehr patient-kidney banner 7');
      assert.deepEqual(pageErrors, []);
      await page.context().close();
    });

    it('(b) the SDK app refuses a launch naming another FHIR server', async () => {
      const page = await newPage();
      await page.goto(`${e2e.origin}/sdk/launch.html?iss=${encodeURIComponent('http://evil.example/fhir')}&launch=abc`);
      assert.equal(await statusOf(page, /error|launch/), 'error configuration');
      await page.context().close();
    });
  },
);
