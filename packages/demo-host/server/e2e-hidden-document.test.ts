// Two people, two real sign-ins, end to end through the REAL demo site (Vite),
// the real OpenID provider and FHIR server, in a real Chromium: the kidney
// patient sends a document to her professional, then hides it from professionals
// in <carnet-document-browser>; she is told he already received it. Signing in
// again, the professional's page no longer shows it (« Document indisponible »),
// the server answers 404, and her access history says he could not open it.
// Shown again, it opens again.
import assert from 'node:assert/strict';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import type { PatientRecord } from '@carnet/catalog-sdk';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import { professionalsOf, startPlatform, type RunningPlatform } from './main.js';
import { progress } from './testing/progress.js';

const FIND_CHROME = new URL('../../../scripts/find-chrome.mjs', import.meta.url).href;
const VITE_CONFIG = fileURLToPath(new URL('../site/vite.config.ts', import.meta.url));

let site: ViteDevServer;
let origin: string;
let platform: RunningPlatform;
let browser: Browser;
let kidney: PatientRecord;
const pageErrors: string[] = [];

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

/** Opens `path` in a fresh browser context and signs in as `login`; returns the page and its last FHIR token. */
async function signedIn(path: string, login: string): Promise<{ page: Page; token: () => string }> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => pageErrors.push(`${login}: ${error.message}`));
  let token = '';
  page.on('request', (request) => {
    const authorization = request.headers()['authorization'];
    if (request.url().startsWith(platform.fhirBaseUrl) && authorization) token = authorization.slice(7);
  });
  await page.goto(`${origin}${path}`);
  progress(`${path} is open`);
  const signIn = page.locator('carnet-provider [part="sign-in-button"]');
  await Promise.all([page.waitForURL(/\/interaction\//), signIn.click()]);
  await page.fill('#login', login);
  await page.fill('#password', 'demo');
  await page.click('button.primary');
  await page.waitForURL(new RegExp(`/interaction/|${path.slice(1).replace('.', '\\.')}`));
  if (page.url().includes('/interaction/')) await page.click('button.primary');
  await page.locator('carnet-provider [part="session-name"]').waitFor();
  progress(`signed in as ${login}`);
  return { page, token: () => token };
}

describe('a document hidden from professionals (two real sign-ins)', { timeout: 240_000 }, () => {
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
      generatePersona(persona, { documentCount: 8 }),
    );
    kidney = records[2] as PatientRecord;
    platform = await startPlatform({ oidcPort: 0, fhirPort: 0, siteOrigins: [origin], records });
    progress('the platform answers');
    process.env['CARNET_ISSUER'] = platform.issuer;
    process.env['CARNET_FHIR_PORT'] = new URL(platform.fhirBaseUrl).port;
    browser = await chromium.launch({ executablePath, args: CHROME_ARGS });
    progress('Chromium is up');
    // Vite compiles the site on its first visit: done here, so the tests measure the people, not the build.
    const warm = await browser.newPage();
    for (const path of ['/connected.html', '/professional.html']) {
      await warm.goto(`${origin}${path}`);
      await warm.locator('carnet-provider [part="sign-in-button"]').waitFor({ timeout: 120_000 });
    }
    await warm.close();
  });

  after(async () => {
    await browser?.close();
    await platform?.close();
    await site?.close();
  });

  let patient: { page: Page; token: () => string };
  let professional: { id: string; name: string };
  let documentTitle = '';
  let documentId = '';
  let read: () => Promise<Response>;

  it('the patient sends a document; her professional sees it attached', async () => {
    const [first] = professionalsOf([kidney]);
    assert.ok(first);
    professional = first;
    patient = await signedIn('/connected.html', 'kidney');
    // She sends a document of her record to her professional.
    const patientMessages = patient.page.locator('carnet-messages');
    await patientMessages.locator('.start select').selectOption(professional.id);
    const attach = patientMessages.locator('#message-attach');
    await attach.locator('option').nth(1).waitFor({ state: 'attached' });
    documentTitle = ((await attach.locator('option').nth(1).textContent()) ?? '').trim();
    documentId = kidney.documents.find((document) => document.title === documentTitle)?.id ?? '';
    assert.ok(documentId, 'the attached document is one of her record');
    await attach.selectOption({ index: 1 });
    await patientMessages.locator('textarea').fill('Voici le document.');
    await patientMessages.locator('[part="send"]').click();
    await patientMessages.locator('[part="message"]', { hasText: 'Voici le document.' }).waitFor();

    // The professional sees it attached.
    const before = await signedIn('/professional.html', 'pro-kidney');
    await before.page.locator('carnet-messages [part="thread"]').click();
    await before.page.locator('carnet-messages [part="attachment"]', { hasText: documentTitle }).waitFor();
    await before.page.close();
  });

  it('she hides it in her document browser, told he already received it; he no longer finds it, and her history says so', async () => {
    // She hides it from professionals in her document browser, and learns he already received it.
    const documents = patient.page.locator('carnet-document-browser');
    await documents.locator('#search').fill(documentTitle);
    await documents.locator('li.row .row-open', { hasText: documentTitle }).first().click();
    const preview = documents.locator('dialog[part="preview"]');
    await preview.locator('[part="hide-toggle"]', { hasText: 'Masquer aux professionnels' }).click();
    await preview.locator('[part="hidden-already-sent"]', { hasText: professional.name }).waitFor();
    await preview.locator('[part="preview-hidden-badge"]', { hasText: 'Masqué aux professionnels' }).waitFor();
    await documents
      .locator('li.row', { hasText: documentTitle })
      .locator('[part="row-hidden-badge"]')
      .first()
      .waitFor();

    // The professional signs in again: the message stays, its document is no longer there.
    const after = await signedIn('/professional.html', 'pro-kidney');
    const inbox = after.page.locator('carnet-messages');
    await inbox.locator('[part="thread"]').click();
    await inbox.locator('[part="message"]', { hasText: 'Voici le document.' }).waitFor();
    await inbox.locator('[part="attachment"]', { hasText: 'Document indisponible' }).waitFor();
    assert.equal(await inbox.locator('[part="attachment"]', { hasText: documentTitle }).count(), 0);
    read = (): Promise<Response> =>
      fetch(`${platform.fhirBaseUrl}/DocumentReference/${documentId}`, {
        headers: { Authorization: `Bearer ${after.token()}` },
      });
    assert.equal((await read()).status, 404);

    // Her access history says the professional could not open it: hidden.
    await patient.page.evaluate(() => document.querySelector('carnet-access-history')?.refresh());
    await patient.page
      .locator('carnet-access-history tbody tr', { hasText: professional.name })
      .filter({ hasText: 'document masqué' })
      .first()
      .waitFor();
  });

  it('shown again, the professional opens it again', async () => {
    const preview = patient.page.locator('carnet-document-browser dialog[part="preview"]');
    await preview.locator('[part="hide-toggle"]', { hasText: 'Ne plus masquer aux professionnels' }).click();
    await preview.locator('[role="status"]', { hasText: 'de nouveau visible' }).waitFor();
    assert.equal((await read()).status, 200);
    assert.deepEqual(pageErrors, []);
  });
});
