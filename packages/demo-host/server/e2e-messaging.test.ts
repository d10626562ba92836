// Two people, two real sign-ins, end to end through the REAL demo site (Vite),
// the real OpenID provider and FHIR server, in a real Chromium: the kidney
// patient sends a document to her professional from <carnet-messages>; the
// professional signs in on professional.html, reads it and replies; the patient
// sees the reply. A professional outside her care team sees nothing and gets 404s.
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

describe('messages between a patient and her professional (two real sign-ins)', { timeout: 240_000 }, () => {
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
  });

  after(async () => {
    await browser?.close();
    await platform?.close();
    await site?.close();
  });

  it('the patient sends a document, the professional reads it and replies, the patient sees the reply; an outsider gets 404s', async () => {
    const professional = professionalsOf([kidney])[0];
    assert.ok(professional);
    const patient = await signedIn('/connected.html', 'kidney');
    const patientMessages = patient.page.locator('carnet-messages');
    // No thread yet: she starts one with her professional and attaches a document of her record.
    await patientMessages.locator('.start select').selectOption(professional.id);
    const attach = patientMessages.locator('#message-attach');
    await attach.locator('option').nth(1).waitFor({ state: 'attached' });
    const documentTitle = ((await attach.locator('option').nth(1).textContent()) ?? '').trim();
    await attach.selectOption({ index: 1 });
    await patientMessages.locator('textarea').fill('Bonjour docteur, voici mes derniers résultats.');
    await patientMessages.locator('[part="send"]').click();
    await patientMessages.locator('[part="message"]', { hasText: 'voici mes derniers résultats' }).waitFor();
    await patientMessages.getByText('Pas encore lu').waitFor();

    // The professional signs in on the professional page: one unread message, with the document.
    const doctor = await signedIn('/professional.html', 'pro-kidney');
    const inbox = doctor.page.locator('carnet-messages');
    await inbox.locator('[part="unread"]', { hasText: '1 non lu' }).waitFor();
    // The professional sees whom the thread is with by name, not by record id.
    await inbox.locator('[part="thread"]', { hasText: 'Fatima Benali' }).waitFor();
    await inbox.locator('[part="thread"]').click();
    await inbox.locator('[part="message"]', { hasText: 'voici mes derniers résultats' }).waitFor();
    await inbox.locator('[part="attachment"]', { hasText: documentTitle }).waitFor();
    await inbox.locator('textarea').fill('Bien reçu, les résultats sont bons.');
    await inbox.locator('[part="send"]').click();
    await inbox.locator('[part="message"]', { hasText: 'Bien reçu' }).waitFor();

    // The patient sees the reply, unread, then read once opened; her message shows as read.
    await patient.page.evaluate(() => document.querySelector('carnet-messages')?.refresh());
    await patientMessages.locator('[part="unread"]', { hasText: '1 non lu' }).waitFor();
    await patientMessages.locator('[part="thread"]').click();
    await patientMessages.locator('[part="message"]', { hasText: 'Bien reçu, les résultats sont bons.' }).waitFor();
    await patientMessages.getByText(/^Lu le/).waitFor();

    // The professional's reading of the document is in the patient's trail, under the professional.
    const trail = (await (
      await fetch(`${platform.fhirBaseUrl}/AuditEvent?_count=1000`, {
        headers: { Authorization: `Bearer ${patient.token()}` },
      })
    ).json()) as {
      entry?: { resource: { agent: { who: { reference?: string } }[]; entity: { what: { reference: string } }[] } }[];
    };
    const byProfessional = (trail.entry ?? []).filter(
      (entry) => entry.resource.agent[0]?.who.reference === `Practitioner/${professional.id}`,
    );
    assert.ok(
      byProfessional.some((entry) =>
        entry.resource.entity.some((entity) => entity.what.reference.startsWith('DocumentReference/')),
      ),
      'the document read is attributed to the professional',
    );

    // …and she reads it in her access history, under the professional's name.
    await patient.page.evaluate(() => document.querySelector('carnet-access-history')?.refresh());
    const history = patient.page.locator('carnet-access-history');
    await history
      .locator('tbody tr', { hasText: professional.name })
      .filter({ hasText: /a ouvert (1 document|le contenu d’un document)/ })
      .first()
      .waitFor();

    // A professional outside her care team: an empty inbox, and 404 for her record.
    const outsider = await signedIn('/professional.html', 'pro-diabetes');
    await outsider.page.locator('carnet-messages').getByText('Aucun message').waitFor();
    const documentId = kidney.documents.find((document) => document.title === documentTitle)?.id ?? '';
    for (const path of ['/Patient/patient-kidney', `/DocumentReference/${documentId}`]) {
      const response = await fetch(`${platform.fhirBaseUrl}${path}`, {
        headers: { Authorization: `Bearer ${outsider.token()}` },
      });
      assert.equal(response.status, 404, path);
    }
    assert.deepEqual(pageErrors, []);
  });
});
