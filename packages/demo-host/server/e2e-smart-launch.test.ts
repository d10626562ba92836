// End to end, SMART App Launch 2 interop both ways, in a real Chromium against the real
// provider and FHIR server processes:
// (a) a third-party app written with `fhirclient` (the reference SMART client, from npm)
//     launches standalone and from the platform's launcher page, and reads the patient's
//     DocumentReferences;
// (b) an app written with our SDK completes an EHR launch started by the launcher page,
//     discovering the provider through the FHIR server's smart-configuration alone.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { progress } from './testing/progress.js';
import { startPlatform, type RunningPlatform } from './main.js';
import { testAppManifest } from './testing/launch-client.js';

const FIND_CHROME = new URL('../../../scripts/find-chrome.mjs', import.meta.url).href;
const HERE = fileURLToPath(new URL('.', import.meta.url));

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

let platform: RunningPlatform;
let site: Server;
let origin: string;
let browser: Browser;
const pageErrors: string[] = [];

async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: HERE, loader: 'js' },
    conditions: ['development'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    write: false,
  });
  return result.outputFiles[0]?.text ?? '';
}

async function startSite(): Promise<void> {
  const scripts = { '/fhirclient/app.js': await bundle(FHIRCLIENT_SCRIPT), '/sdk/app.js': await bundle(SDK_SCRIPT) };
  site = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const script = scripts[path as keyof typeof scripts];
    if (script !== undefined) {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(script);
      return;
    }
    const folder = path.startsWith('/fhirclient/') ? 'fhirclient' : path.startsWith('/sdk/') ? 'sdk' : undefined;
    if (!folder) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const config = JSON.stringify({ fhirBaseUrl: platform.fhirBaseUrl });
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><html lang="en"><body><p id="status" role="status">…</p><script type="application/json" id="config">${config}</script><script type="module" src="/${folder}/app.js"></script></body></html>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${(site.address() as AddressInfo).port}`;
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

/** Fills the provider's login form. */
async function logIn(page: Page, persona: string): Promise<void> {
  await page.fill('#login', persona);
  await page.fill('#password', 'demo');
  await page.click('button.primary');
}

/** Signs in to the platform's launcher page and clicks the app's button on the record. */
async function launchFromLauncher(page: Page, persona: string, appName: string): Promise<void> {
  await page.goto(`${platform.issuer}/ehr?lang=en`);
  await Promise.all([
    page.waitForURL(/\/interaction\//),
    page.getByRole('link', { name: 'Sign in', exact: true }).click(),
  ]);
  await logIn(page, persona);
  await page.waitForURL(/\/ehr\?/);
  await page.click(`button:has-text("Open ${appName}")`);
}

/** Allows the app on the provider's consent page (the launch needs no second sign-in). */
async function allowApp(page: Page, appName: string): Promise<void> {
  await page.waitForURL(/\/interaction\//);
  assert.match((await page.textContent('main')) ?? '', new RegExp(appName));
  await page.click('button.primary');
}

async function statusOf(page: Page, expected: RegExp): Promise<string> {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.getElementById('status')?.textContent ?? ''),
    expected.source,
  );
  return (await page.textContent('#status')) ?? '';
}

describe(
  'SMART App Launch interop (fhirclient and the SDK, real processes, real Chromium)',
  { timeout: 180_000 },
  () => {
    before(async () => {
      const { findChrome, CHROME_ARGS } = (await import(FIND_CHROME)) as {
        findChrome(): string | undefined;
        CHROME_ARGS: string[];
      };
      const executablePath = findChrome();
      assert.ok(executablePath, 'a Chrome or Chromium is needed');
      await startSite();
      platform = await startPlatform({
        oidcPort: 0,
        fhirPort: 0,
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
      });
      browser = await chromium.launch({ executablePath, args: CHROME_ARGS });
      progress('Chromium is up');
    });

    after(async () => {
      await browser?.close();
      await platform?.close();
      await new Promise((resolve) => site?.close(resolve));
    });

    it('(a) a fhirclient app launched standalone reads the patient’s documents', async () => {
      const page = await newPage();
      await page.goto(`${origin}/fhirclient/launch.html`);
      await page.waitForURL(/\/interaction\//);
      await logIn(page, 'parkinson');
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
      await page.goto(`${origin}/sdk/launch.html?iss=${encodeURIComponent('http://evil.example/fhir')}&launch=abc`);
      assert.equal(await statusOf(page, /error|launch/), 'error configuration');
      await page.context().close();
    });
  },
);
