// End to end through the REAL demo site: Vite serves `site/` (as `npm start`
// does), the platform runs with that origin, and a real Chromium signs in on
// connected.html through our login and consent pages, then finds the persona's
// documents, read from the FHIR server, in <carnet-document-browser>.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PatientRecord } from '@carnet/catalog-sdk';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import { consentIfAsked, endToEnd, fillLogin, openPage, signInOnSite } from './testing/e2e.js';

const DOCUMENT_COUNT = 12;
const records = (['parkinson', 'diabetes', 'kidney'] as const).map((persona) =>
  generatePersona(persona, { documentCount: DOCUMENT_COUNT }),
);
const parkinson = records[0] as PatientRecord;

describe('demo site, connected page (real Vite site, provider, FHIR server, Chromium)', { timeout: 120_000 }, () => {
  const e2e = endToEnd({ platform: () => ({ records }) });

  it("signs in as parkinson on connected.html and shows the persona's documents from the FHIR server", async () => {
    const { page, errors: pageErrors } = await openPage(e2e, '/connected.html', { timeout: 20_000 });

    const signIn = page.locator('carnet-provider [part="sign-in-button"]');
    await signIn.waitFor();
    assert.equal((await signIn.textContent())?.trim(), 'Se connecter');
    await Promise.all([page.waitForURL(/\/interaction\//), signIn.click()]);
    await fillLogin(page, 'parkinson');
    await consentIfAsked(page, /connected\.html/);

    const header = page.locator('carnet-provider [part="session-name"]');
    // The patient's name, not an identifier (profile scope, name claim).
    assert.equal(await header.textContent(), 'Jean Lefèvre');
    // The authorization response is gone from the address bar.
    await page.waitForURL(`${e2e.origin}/connected.html`);

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
    const opened = await openPage(e2e, '/connected.html', { timeout: 20_000 });
    const { page, errors: pageErrors } = opened;
    await signInOnSite(page, 'diabetes');
    await page.locator('carnet-document-browser').getByText(`${DOCUMENT_COUNT} documents`, { exact: true }).waitFor();
    const accessToken = opened.token();
    assert.ok(accessToken, 'the widgets called the FHIR server with a token');
    const read = (): Promise<number> =>
      fetch(`${e2e.platform.fhirBaseUrl}/DocumentReference?_count=1`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      }).then((response) => response.status);
    assert.equal(await read(), 200);

    await page.locator('carnet-provider [part="sign-out-button"]').click();
    // Back on the page it left, signed out, after the provider ended its session.
    await page.locator('carnet-provider [part="sign-in-button"]').waitFor();
    await page.waitForURL(`${e2e.origin}/connected.html`);
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
