// End to end, catalogue apps through the REAL demo site: Vite serves `site/` (with the two
// demo apps under /apps/, written with fhirclient), the platform registers them from their
// manifests, and a real Chromium: the patient opens the documents app (sign-in, consent,
// her documents), then on connected.html <carnet-app-catalogue> shows the app as allowed;
// she withdraws its access by keyboard, confirming in the dialog, and the app's token is
// refused at once (401).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoAppManifests } from './oidc/catalogue-apps.js';
import { endToEnd, logInAndAllow, openPage } from './testing/e2e.js';

describe(
  'catalogue apps on the demo site (real Vite site, provider, FHIR server, Chromium)',
  { timeout: 150_000 },
  () => {
    const e2e = endToEnd({
      platform: (origin) => ({ documentCount: 6, personas: ['diabetes'], apps: demoAppManifests(origin) }),
    });

    it('the patient opens an app, sees it allowed in the catalogue, withdraws it by keyboard: its token gets 401', async () => {
      // The token the third-party app sends, not the site's.
      const {
        page,
        errors: pageErrors,
        token: appToken,
      } = await openPage(e2e, undefined, {
        timeout: 25_000,
        tokenWhile: (pageUrl) => pageUrl.includes('/apps/documents/'),
      });

      // The third-party app (fhirclient): sign-in, consent, then her documents.
      await page.goto(`${e2e.origin}/apps/documents/launch.html`);
      await logInAndAllow(page, 'diabetes', /\/apps\/documents\/app\.html/);
      await page.getByText('6 documents dans votre dossier', { exact: false }).waitFor();
      assert.ok(appToken(), 'the app called the FHIR server with its token');
      const readAsApp = (): Promise<number> =>
        fetch(`${e2e.platform.fhirBaseUrl}/DocumentReference?_count=1`, {
          headers: { Authorization: `Bearer ${appToken()}` },
        }).then((response) => response.status);
      assert.equal(await readAsApp(), 200);

      // The association site: the catalogue lists the app as allowed.
      await page.goto(`${e2e.origin}/connected.html`);
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
      await page.context().close();
    });
  },
);
