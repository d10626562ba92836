// Acceptance of the community (issue 12), end to end: the REAL demo site (Vite),
// the real provider and FHIR server, and real Chromium pages signed in as two
// diabetes patients (A = `diabetes`, B = `diabetes-2`) and a Parkinson patient.
// A posts, B joins, reads and replies, A sees the reply without reloading; the
// Parkinson patient sees none of it; the moderator signs in on the moderation
// page, finds the post B reported in the queue with the reason, hides it
// there, and both patients see it hidden (the author sees why, never who
// reported); restoring it shows it again to both; no response body B's page
// received carries A's patient id or name.
import assert from 'node:assert/strict';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import type { PatientRecord } from '@carnet/catalog-sdk';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import { startPlatform, type RunningPlatform } from './main.js';
import { progress } from './testing/progress.js';

const FIND_CHROME = new URL('../../../scripts/find-chrome.mjs', import.meta.url).href;
const VITE_CONFIG = fileURLToPath(new URL('../site/vite.config.ts', import.meta.url));
const TITLE = 'Capteur et piscine, vos astuces ?';
const OPENING = 'Je reprends la natation : comment gardez-vous le capteur en place ?';
const REPLY = 'Un patch transparent par-dessus, il tient toute la séance.';

let site: ViteDevServer;
let origin: string;
let platform: RunningPlatform;
let browser: Browser;
let diabetes: PatientRecord;
// The people of the story, signed in once and kept across the steps below (each step is its own test).
let a: SignedInPage;
let b: SignedInPage;
let c: SignedInPage;
let m: SignedInPage;

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

interface SignedInPage {
  page: Page;
  errors: string[];
  /** Every response body the page received (text), in order. */
  bodies: string[];
  /** The last bearer token the page sent to the FHIR server. */
  token: () => string;
}

async function signedInPage(login: string, path = '/connected.html'): Promise<SignedInPage> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  const bodies: string[] = [];
  let token = '';
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const authorization = request.headers()['authorization'];
    if (request.url().startsWith(platform.fhirBaseUrl) && authorization) token = authorization.slice(7);
  });
  page.on('response', (response) => {
    response.text().then(
      (text) => bodies.push(text),
      () => undefined, // redirects and 304s have no body
    );
  });
  await page.goto(`${origin}${path}`);
  progress(`${path} is open`);
  const signInButton = page.locator('carnet-provider [part="sign-in-button"]');
  await Promise.all([page.waitForURL(/\/interaction\//), signInButton.click()]);
  await page.fill('#login', login);
  await page.fill('#password', 'demo');
  await page.click('button.primary');
  await page.waitForURL(/\/interaction\/|(connected|moderation)\.html/);
  if (page.url().includes('/interaction/')) await page.click('button.primary');
  await page.locator('carnet-provider [part="session-name"]').waitFor();
  progress(`signed in as ${login}`);
  return { page, errors, bodies, token: () => token };
}

describe(
  'community between two patients (real site, provider, FHIR server, two browsers)',
  { timeout: 360_000 },
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
      const records = (['diabetes', 'parkinson'] as const).map((persona) =>
        generatePersona(persona, { documentCount: 4 }),
      );
      diabetes = records[0] as PatientRecord;
      platform = await startPlatform({
        oidcPort: 0,
        fhirPort: 0,
        siteOrigins: [origin],
        records,
      });
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

    const feedOf = (who: SignedInPage) => who.page.locator('carnet-forum-feed');
    const moderationOf = (who: SignedInPage) => who.page.locator('carnet-moderation');
    const queuedOpening = () => moderationOf(m).locator('[part~="report"]', { hasText: OPENING });
    const confirmationOf = (who: SignedInPage) => moderationOf(who).locator('dialog[part="confirm-dialog"]');

    it('A signs in and opens a discussion', async () => {
      a = await signedInPage('diabetes');
      const feedA = feedOf(a);
      // A is a member (seeded): the discussions show, and A opens a new one.
      await feedA.locator('[part="new-thread"]').click();
      await feedA.getByLabel('Titre', { exact: true }).fill(TITLE);
      await feedA.getByLabel('Votre message', { exact: true }).fill(OPENING);
      await feedA.getByRole('button', { name: 'Publier la discussion' }).click();
      await feedA.locator('[part="post-body"]', { hasText: OPENING }).waitFor();
    });

    it('B joins explicitly, reads it and replies; A sees the reply without reloading, announced politely', async () => {
      const feedA = feedOf(a);
      b = await signedInPage('diabetes-2');
      const feedB = feedOf(b);
      // Not a member yet: an explicit invitation, nothing of the community.
      await feedB.locator('[part="join-button"]').click();
      await feedB.getByLabel('Pseudonyme', { exact: true }).fill('Lulu79');
      await feedB.getByRole('button', { name: 'Choisir ce pseudonyme' }).click();
      await feedB.getByRole('button', { name: TITLE }).click();
      await feedB.locator('[part="post-body"]', { hasText: OPENING }).waitFor();
      await feedB.getByLabel('Votre réponse', { exact: true }).fill(REPLY);
      await feedB.getByRole('button', { name: 'Publier la réponse' }).click();
      await feedB.locator('[part="post-body"]', { hasText: REPLY }).waitFor();

      // A never reloads: the reply arrives by itself and is announced politely.
      await feedA.locator('[part="post-body"]', { hasText: REPLY }).waitFor();
      await feedA.locator('[role="status"]', { hasText: 'Nouvelle réponse de Lulu79' }).waitFor({ state: 'attached' });
    });

    it('a patient of another pathology sees none of it, in the widget or by asking the server', async () => {
      c = await signedInPage('parkinson');
      const feedC = feedOf(c);
      await feedC.locator('[part="thread-open"]').first().waitFor();
      assert.equal(await feedC.getByText(TITLE).count(), 0);
      for (const path of ['/Group/community-diabetes', '/Group/community-diabetes/Communication']) {
        const response = await fetch(`${platform.fhirBaseUrl}${path}`, {
          headers: { Authorization: `Bearer ${c.token()}` },
        });
        assert.equal(response.status, 404, path);
      }
    });

    it('B reports A’s post; the moderator hides it on the moderation page; both see it hidden, the author why, never who', async () => {
      const [feedA, feedB] = [feedOf(a), feedOf(b)];
      // B reports A's opening post; the moderator finds it in the queue with the reason and hides it.
      const opening = feedB.locator('[part="post"]', { hasText: OPENING });
      await opening.getByRole('button', { name: /Signaler/ }).click();
      await feedB.locator('input[name="reason"][value="medical-misinformation"]').check();
      await feedB.getByLabel('Précisez si vous le souhaitez (facultatif)').fill('conseil risqué');
      await feedB.getByRole('button', { name: 'Envoyer le signalement' }).click();
      await feedB.getByRole('button', { name: 'Fermer' }).click();

      // The moderator signs in on the moderation page with their own login and works the queue there.
      m = await signedInPage('moderateur', '/moderation.html');
      const moderation = moderationOf(m);
      const queued = queuedOpening();
      await queued.locator('[part="report-count"]', { hasText: 'Signalé par 1 personne' }).waitFor();
      await queued.locator('[part="reasons"]', { hasText: 'Information médicale fausse ou dangereuse' }).waitFor();
      await queued.getByText('« conseil risqué »').waitFor();
      await queued.getByRole('button', { name: 'Masquer le message' }).click();
      const confirmation = confirmationOf(m);
      await confirmation.getByRole('button', { name: 'Annuler' }).waitFor();
      assert.equal(
        await moderation.evaluate((element) => element.shadowRoot?.activeElement?.textContent?.trim()),
        'Annuler',
        'the confirmation opens on the safe choice',
      );
      await confirmation.getByLabel('Raison montrée à l’auteur').fill('Conseil médical à vérifier');
      await confirmation.getByRole('button', { name: 'Masquer le message' }).click();
      // The queue is read again: the post is now among the hidden ones, with the reason its author reads.
      await moderation.locator('#hidden-title', { hasText: 'Masqués (1)' }).waitFor();
      await queued.locator('[part="hidden-state"]', { hasText: 'Conseil médical à vérifier' }).waitFor();
      await moderation.locator('[part="trail"] summary', { hasText: 'Journal de modération (1)' }).waitFor();

      // Both see it hidden without reloading; the author also sees why.
      await feedB.locator('[part="hidden-placeholder"]').waitFor();
      await feedA.locator('[part="hidden-placeholder"]', { hasText: 'Conseil médical à vérifier' }).waitFor();
      assert.equal(await feedB.getByText(OPENING).count(), 0);
      // Reporters stay anonymous to the author: nothing A received names B or carries B's words of report.
      const toAuthor = a.bodies.join('\n');
      assert.doesNotMatch(toAuthor, /patient-diabetes-2/, 'the reporter’s patient id');
      assert.ok(!toAuthor.includes('conseil risqué'), 'the reporter’s comment');
      // Nor does the moderator learn who reported, nor anyone's record.
      assert.doesNotMatch(m.bodies.join('\n'), /patient-diabetes/, 'no patient id reaches the moderator');
    });

    it('the moderator restores it from the same page; both patients see it again without reloading', async () => {
      const [feedA, feedB, moderation, queued, confirmation] = [
        feedOf(a),
        feedOf(b),
        moderationOf(m),
        queuedOpening(),
        confirmationOf(m),
      ];
      await queued.getByRole('button', { name: 'Rétablir le message' }).click();
      await confirmation.getByRole('button', { name: 'Rétablir le message' }).click();
      await moderation.locator('#hidden-title', { hasText: 'Masqués (0)' }).waitFor();
      await feedB.locator('[part="post-body"]', { hasText: OPENING }).waitFor();
      await feedA.locator('[part="hidden-placeholder"]').waitFor({ state: 'detached' });
    });

    it('nothing B’s page received names A’s record: no id, no name; no page error anywhere', async () => {
      // Nothing B's page received names A's record: no id, no name.
      await b.page.waitForLoadState('networkidle');
      const received = b.bodies.join('\n');
      assert.ok(b.bodies.length > 10, 'B’s page received responses');
      assert.doesNotMatch(received, /patient-diabetes(?!-2)/, 'A’s patient id');
      assert.ok(!received.includes(diabetes.patient.family), 'A’s family name');
      assert.ok(!received.includes(`${diabetes.patient.given} `), 'A’s given name');
      for (const who of [a, b, c, m]) assert.deepEqual(who.errors, []);
    });
  },
);
