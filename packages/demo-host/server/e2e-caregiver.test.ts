// Two people, two real sign-ins, end to end through the REAL demo site (Vite),
// the real OpenID provider and FHIR server, in a real Chromium: the kidney
// patient gives her daughter (a caregiver with her own account) read access to
// her agenda only, from <carnet-sharing>; the caregiver opens her record, sees
// the agenda and is refused the documents; the patient revokes and the caregiver
// is refused within seconds; the patient reads it all in her access history.
import assert from 'node:assert/strict';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import { startPlatform, type RunningPlatform } from './main.js';
import { progress } from './testing/progress.js';

const FIND_CHROME = new URL('../../../scripts/find-chrome.mjs', import.meta.url).href;
const VITE_CONFIG = fileURLToPath(new URL('../site/vite.config.ts', import.meta.url));

let site: ViteDevServer;
let origin: string;
let platform: RunningPlatform;
let browser: Browser;
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
  // Generous deadlines: the first page load optimises dependencies, and the machine is shared.
  page.setDefaultTimeout(60_000);
  page.setDefaultNavigationTimeout(180_000);
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

/** Polls `check` until it holds; fails with `what` after `timeoutMs` (a deadline, not a sleep). */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('a caregiver given access by the patient (two real sign-ins)', { timeout: 480_000 }, () => {
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
    platform = await startPlatform({ oidcPort: 0, fhirPort: 0, siteOrigins: [origin], records });
    progress('the platform answers');
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

  it('the patient grants read access to the agenda only; the caregiver sees it and is refused documents; after revocation she is refused; each read is in the history under her name', async () => {
    // The patient gives Nadia read access to her agenda only, from <carnet-sharing>.
    const patient = await signedIn('/connected.html', 'kidney');
    const sharing = patient.page.locator('carnet-sharing');
    await sharing.locator('select[name="caregiver"]').selectOption('aidant-kidney');
    await sharing.locator('select[name="part-agenda"]').selectOption('read');
    await sharing.locator('[part="grant-form"] button[type="submit"]').click();
    const grantRow = sharing.locator('[part="grant"]', { hasText: 'Nadia Benali' });
    await grantRow.filter({ hasText: 'Agenda (lecture seule)' }).waitFor();

    // Nadia signs in with her own account, chooses whose record to open (she helps two people).
    const caregiver = await signedIn('/caregiver.html', 'aidant-kidney');
    const provider = caregiver.page.locator('carnet-provider');
    await provider.locator('[part="record-choice"]').nth(1).waitFor();
    await provider.locator('[part="record-choice"]', { hasText: 'Fatima Benali' }).click();
    await provider
      .locator('[part="record-banner"]', { hasText: 'Vous consultez le carnet de Fatima Benali' })
      .waitFor();
    // The agenda shows; the documents are refused, in words.
    await caregiver.page
      .locator('carnet-agenda')
      .getByText(/hémodialyse/)
      .first()
      .waitFor();
    await caregiver.page
      .locator('carnet-document-browser [role="alert"]', { hasText: "Vous n'avez pas accès à cette partie du carnet." })
      .waitFor();
    const agendaSearch = `${platform.fhirBaseUrl}/Appointment?patient=patient-kidney&_count=1`;
    const asCaregiver = (): Promise<Response> =>
      fetch(agendaSearch, { headers: { Authorization: `Bearer ${caregiver.token()}` } });
    assert.equal((await asCaregiver()).status, 200);

    // The patient revokes, and confirms in the dialog that says who loses what (nothing
    // is revoked before); the caregiver's next request is refused, within seconds.
    await grantRow.locator('[part="revoke"]').click();
    const confirmation = sharing.locator('dialog[part="confirm-dialog"]');
    await confirmation.getByText('Nadia Benali ne pourra plus voir votre agenda.').waitFor();
    assert.equal((await asCaregiver()).status, 200);
    await confirmation.getByRole('button', { name: 'Retirer l’accès', exact: true }).click();
    await grantRow.waitFor({ state: 'detached' });
    const refusedAfter = await eventually(
      'the caregiver is refused the agenda',
      async () => (await asCaregiver()).status === 403,
    );
    assert.ok(refusedAfter < 10_000);
    // In the page too: opening her record again, the agenda now says it is refused.
    await provider.locator('[part="record-change"]').click();
    await provider.locator('[part="record-choice"]', { hasText: 'Jean Lefèvre' }).waitFor();
    assert.equal(await provider.locator('[part="record-choice"]', { hasText: 'Fatima Benali' }).count(), 0);
    await provider.locator('[part="record-choice"]', { hasText: 'Jean Lefèvre' }).click();
    await provider.locator('[part="record-banner"]', { hasText: 'Vous consultez le carnet de Jean Lefèvre' }).waitFor();

    // Each of those reads is in her access history, under Nadia's name.
    await patient.page.evaluate(() => document.querySelector('carnet-access-history')?.refresh());
    const history = patient.page.locator('carnet-access-history');
    const byNadia = history.locator('tbody tr', { hasText: 'Nadia Benali (aidant)' });
    await byNadia
      .filter({ hasText: /a consulté la liste : \d+ rendez-vous/ })
      .first()
      .waitFor();
    await byNadia.filter({ hasText: 'a tenté d’accéder à vos documents — refusé' }).first().waitFor();
    await byNadia.filter({ hasText: 'a tenté d’accéder à votre agenda — refusé' }).first().waitFor();
    // …and she may filter the history to Nadia alone.
    await history.locator('select').first().selectOption({ label: 'Nadia Benali (aidant)' });
    assert.equal(await history.locator('tbody tr').count(), await byNadia.count());
    assert.deepEqual(pageErrors, []);
  });
});
