// End to end, catalogue apps through the REAL demo site: Vite serves `site/` (with the two
// demo apps under /apps/, written with fhirclient), the platform registers them from their
// manifests, and a real Chromium: the patient opens the documents app (sign-in, consent,
// her documents), then on connected.html <carnet-app-catalogue> shows the app as allowed;
// she withdraws its access by keyboard, confirming in the dialog, and the app's token is
// refused at once (401).
import assert from 'node:assert/strict';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { startPlatform, type RunningPlatform } from './main.js';
import { progress } from './testing/progress.js';
import { demoAppManifests } from './oidc/catalogue-apps.js';

const FIND_CHROME = new URL('../../../scripts/find-chrome.mjs', import.meta.url).href;
const VITE_CONFIG = fileURLToPath(new URL('../site/vite.config.ts', import.meta.url));

let site: ViteDevServer;
let origin: string;
let platform: RunningPlatform;
let browser: Browser;

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

/** Fills the provider's login form, then allows on the consent page when there is one. */
async function logInAndAllow(page: Page, persona: string, back: RegExp): Promise<void> {
  await page.waitForURL(/\/interaction\//);
  await page.fill('#login', persona);
  await page.fill('#password', 'demo');
  await page.click('button.primary');
  await page.waitForURL((url) => url.pathname.startsWith('/interaction/') || back.test(url.href));
  if (page.url().includes('/interaction/')) await page.click('button.primary');
  await page.waitForURL(back);
}

describe(
  'catalogue apps on the demo site (real Vite site, provider, FHIR server, Chromium)',
  { timeout: 150_000 },
  () => {
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
      platform = await startPlatform({
        oidcPort: 0,
        fhirPort: 0,
        siteOrigins: [origin],
        documentCount: 6,
        personas: ['diabetes'],
        apps: demoAppManifests(origin),
      });
      process.env['CARNET_ISSUER'] = platform.issuer;
      process.env['CARNET_FHIR_PORT'] = new URL(platform.fhirBaseUrl).port;
      progress('the platform answers');
      browser = await chromium.launch({ executablePath, args: CHROME_ARGS });
      progress('Chromium is up');
    });

    after(async () => {
      await browser?.close();
      await platform?.close();
      await site?.close();
    });

    it('the patient opens an app, sees it allowed in the catalogue, withdraws it by keyboard: its token gets 401', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(25_000);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      let appToken = '';
      page.on('request', (request) => {
        const authorization = request.headers()['authorization'];
        if (page.url().includes('/apps/documents/') && request.url().startsWith(platform.fhirBaseUrl) && authorization)
          appToken = authorization.slice(7);
      });

      // The third-party app (fhirclient): sign-in, consent, then her documents.
      await page.goto(`${origin}/apps/documents/launch.html`);
      await logInAndAllow(page, 'diabetes', /\/apps\/documents\/app\.html/);
      await page.getByText('6 documents dans votre dossier', { exact: false }).waitFor();
      assert.ok(appToken, 'the app called the FHIR server with its token');
      const readAsApp = (): Promise<number> =>
        fetch(`${platform.fhirBaseUrl}/DocumentReference?_count=1`, {
          headers: { Authorization: `Bearer ${appToken}` },
        }).then((response) => response.status);
      assert.equal(await readAsApp(), 200);

      // The association site: the catalogue lists the app as allowed.
      await page.goto(`${origin}/connected.html`);
      const signIn = page.locator('carnet-provider [part="sign-in-button"]');
      await Promise.all([page.waitForURL(/\/interaction\//), signIn.click()]);
      await page.waitForURL((url) => url.pathname.startsWith('/interaction/') && !url.pathname.endsWith('/login'));
      if (await page.locator('#login').count()) await logInAndAllow(page, 'diabetes', /connected\.html/);
      else {
        await page.click('button.primary');
        await page.waitForURL(/connected\.html/);
      }
      const catalogue = page.locator('carnet-app-catalogue');
      const reader = catalogue.locator('[part="app"]', { hasText: 'Lecteur de documents' });
      await reader.locator('[part="consent"]', { hasText: 'Vous l’avez autorisée' }).waitFor();
      await catalogue
        .locator('[part="app"]', { hasText: 'Carnet de glycémie' })
        .locator('[part="consent"]', { hasText: 'Vous ne l’avez pas autorisée.' })
        .waitFor();

      // Withdraw by keyboard: focus the button, Enter, the safe choice first, Tab to confirm, Enter.
      await reader.getByRole('button', { name: 'Retirer l’accès de Lecteur de documents' }).focus();
      await page.keyboard.press('Enter');
      const dialog = catalogue.getByRole('dialog', { name: 'Retirer l’accès de Lecteur de documents ?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Garder l’accès' }).and(page.locator(':focus')).waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await reader.locator('[part="consent"]', { hasText: 'Vous ne l’avez pas autorisée.' }).waitFor();
      assert.equal(await readAsApp(), 401);
      assert.deepEqual(pageErrors, []);
      await context.close();
    });
  },
);
