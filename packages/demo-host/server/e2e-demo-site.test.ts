// End to end through the REAL demo site: Vite serves `site/` (as `npm start`
// does), the platform runs with that origin, and a real Chromium signs in on
// connected.html through our login and consent pages, then finds the persona's
// documents, read from the FHIR server, in <carnet-document-browser>.
import assert from 'node:assert/strict';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import type { PatientRecord } from '@carnet/catalog-sdk';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import { startPlatform, type RunningPlatform } from './main.js';
import { progress } from './testing/progress.js';

const FIND_CHROME = new URL('../../../scripts/find-chrome.mjs', import.meta.url).href;
const VITE_CONFIG = fileURLToPath(new URL('../site/vite.config.ts', import.meta.url));
const DOCUMENT_COUNT = 12;

let site: ViteDevServer;
let origin: string;
let platform: RunningPlatform;
let browser: Browser;
let parkinson: PatientRecord;

/** A port free right now (Vite's config insists on a fixed one). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('demo site, connected page (real Vite site, provider, FHIR server, Chromium)', { timeout: 120_000 }, () => {
  before(async () => {
    const { findChrome, CHROME_ARGS } = (await import(FIND_CHROME)) as {
      findChrome(): string | undefined;
      CHROME_ARGS: string[];
    };
    const executablePath = findChrome();
    assert.ok(executablePath, 'a Chrome or Chromium is needed');
    const port = await freePort();
    site = await createViteServer({
      configFile: VITE_CONFIG,
      logLevel: 'warn',
      server: { host: '127.0.0.1', port, strictPort: true },
    });
    await site.listen();
    progress('the demo site listens');
    origin = `http://127.0.0.1:${port}`;
    const records = (['parkinson', 'diabetes', 'kidney'] as const).map((persona) =>
      generatePersona(persona, { documentCount: DOCUMENT_COUNT }),
    );
    parkinson = records[0] as PatientRecord;
    platform = await startPlatform({ oidcPort: 0, fhirPort: 0, siteOrigins: [origin], records });
    progress('the platform answers');
    // The site's pages read the platform's URLs from the same variables as `npm start`.
    process.env['CARNET_ISSUER'] = platform.issuer;
    process.env['CARNET_FHIR_PORT'] = new URL(platform.fhirBaseUrl).port;
    browser = await chromium.launch({ executablePath, args: CHROME_ARGS });
    progress('Chromium is up');
  });

  after(async () => {
    await browser?.close();
    await platform?.close();
    await site?.close();
  });

  it("signs in as parkinson on connected.html and shows the persona's documents from the FHIR server", async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/connected.html`);

    const signIn = page.locator('carnet-provider [part="sign-in-button"]');
    await signIn.waitFor();
    assert.equal((await signIn.textContent())?.trim(), 'Se connecter');
    await Promise.all([page.waitForURL(/\/interaction\//), signIn.click()]);
    await page.fill('#login', 'parkinson');
    await page.fill('#password', 'demo');
    await page.click('button.primary');
    await page.waitForURL(/\/interaction\/|connected\.html/);
    if (page.url().includes('/interaction/')) await page.click('button.primary');
    await page.waitForURL(/connected\.html/);

    const header = page.locator('carnet-provider [part="session-name"]');
    // The patient's name, not an identifier (profile scope, name claim).
    assert.equal(await header.textContent(), 'Jean Lefèvre');
    // The authorization response is gone from the address bar.
    await page.waitForURL(`${origin}/connected.html`);

    const browserElement = page.locator('carnet-document-browser');
    await browserElement.getByText(`${DOCUMENT_COUNT} documents`, { exact: true }).waitFor();
    // The list is virtualized: rows are drawn once it is on screen.
    await browserElement.getByText(`${DOCUMENT_COUNT} documents`, { exact: true }).scrollIntoViewIfNeeded();
    const rows = browserElement.locator('[part="row"] .row-title');
    await rows.first().waitFor();
    const shown = await rows.allTextContents();
    const titles = new Set(parkinson.documents.map((document) => document.title));
    assert.ok(shown.length > 0);
    for (const title of shown) assert.ok(titles.has(title), `"${title}" is one of the persona's documents`);
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });

  it('« Se déconnecter » ends the provider session: the old token gets 401 and the next sign-in asks for the password', async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    let accessToken = '';
    page.on('request', (request) => {
      const authorization = request.headers()['authorization'];
      if (request.url().startsWith(platform.fhirBaseUrl) && authorization) accessToken = authorization.slice(7);
    });
    await page.goto(`${origin}/connected.html`);
    const signIn = page.locator('carnet-provider [part="sign-in-button"]');
    await Promise.all([page.waitForURL(/\/interaction\//), signIn.click()]);
    await page.fill('#login', 'diabetes');
    await page.fill('#password', 'demo');
    await page.click('button.primary');
    await page.waitForURL(/\/interaction\/|connected\.html/);
    if (page.url().includes('/interaction/')) await page.click('button.primary');
    await page.locator('carnet-provider [part="session-name"]').waitFor();
    await page.locator('carnet-document-browser').getByText(`${DOCUMENT_COUNT} documents`, { exact: true }).waitFor();
    assert.ok(accessToken, 'the widgets called the FHIR server with a token');
    const read = (): Promise<number> =>
      fetch(`${platform.fhirBaseUrl}/DocumentReference?_count=1`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      }).then((response) => response.status);
    assert.equal(await read(), 200);

    await page.locator('carnet-provider [part="sign-out-button"]').click();
    // Back on the page it left, signed out, after the provider ended its session.
    await page.locator('carnet-provider [part="sign-in-button"]').waitFor();
    await page.waitForURL(`${origin}/connected.html`);
    assert.equal(await read(), 401);

    await Promise.all([
      page.waitForURL(/\/interaction\//),
      page.locator('carnet-provider [part="sign-in-button"]').click(),
    ]);
    await page.locator('#password').waitFor();
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  });
});
