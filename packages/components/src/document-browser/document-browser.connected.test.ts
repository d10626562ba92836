// Adding a document in connected mode, against the REAL demo OpenID provider and
// FHIR server: the file becomes a Binary, its details a DocumentReference.
import { setCarnetLocale } from '../shared/localization.js';
import { expect, fixture, html, removeFixtures, waitUntil } from '../test-helpers/fixture.js';
import { CLIENT_ID, signInThroughProvider, testPlatform } from '../test-helpers/platform.js';
import type { TestPlatform } from '../test-helpers/platform.js';
import type { CarnetProvider } from '../provider/provider.js';
import {
  part,
  rowOf,
  rowTitles,
  rowsShown,
  search,
  shadow,
  text,
  tolerateResizeObserverNotices,
} from './test-helpers/browser-fixtures.js';
import { tinyPdf } from './test-helpers/sample-documents.js';
import { choose, detailsShown, field, openUpload, pdfFile, type } from './test-helpers/upload-steps.js';
import type { CarnetDocumentBrowser } from './document-browser.js';
import '../provider/provider.js';
import './document-browser.js';

async function connectedBrowser(platform: TestPlatform): Promise<CarnetDocumentBrowser> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider
      issuer=${platform.issuer}
      client-id=${CLIENT_ID}
      fhir-base-url=${platform.fhirBaseUrl}
      redirect-uri=${platform.callbackUrl}
      sign-in="popup"
      ><carnet-document-browser></carnet-document-browser
    ></carnet-provider>`,
  );
  await waitUntil(() => provider.recordStatus !== 'connecting', 'connected', { timeout: 10_000 });
  await signInThroughProvider(provider, 'kidney');
  expect(provider.recordStatus).to.equal('ready');
  const browser = provider.querySelector('carnet-document-browser') as CarnetDocumentBrowser;
  await rowsShown(browser);
  return browser;
}

describe('<carnet-document-browser> adding a document on the platform', function () {
  // Two real sign-ins through the login pages.
  this.timeout(40_000);
  before(async function () {
    // The platform starts on first use.
    this.timeout(60_000);
    await testPlatform();
  });
  let restore: () => void = () => undefined;
  // The list of a few hundred documents is measured as the dialogs open and close.
  beforeEach(() => {
    restore = tolerateResizeObserverNotices();
  });
  afterEach(async () => {
    restore();
    await setCarnetLocale('fr');
  });

  it('uploads a PDF through the widget, previews it at once, and finds and previews it after a reload', async () => {
    const platform = await testPlatform();
    const title = `Compte rendu ${crypto.randomUUID().slice(0, 8)}`;
    const browser = await connectedBrowser(platform);
    const dialog = await openUpload(browser);
    await choose(browser, pdfFile('compte-rendu-consultation-2026-02-03.pdf'));
    await detailsShown(browser);
    expect(field(browser, 'upload-kind').value).to.equal('consultation-note');
    await type(browser, 'upload-title', title);
    part<HTMLButtonElement>(browser, 'button[part="upload-save"]').click();
    await waitUntil(() => !dialog.open, 'saved on the server', { timeout: 10_000 });
    await waitUntil(() => shadow(browser).querySelector('a[part="download"]'), 'previewed at once', {
      timeout: 10_000,
    });
    const first = await (await fetch(part<HTMLAnchorElement>(browser, 'a[part="download"]').href)).text();
    expect(first).to.equal(await tinyPdf().text());

    removeFixtures();
    const reloaded = await connectedBrowser(platform);
    await search(reloaded, title);
    await waitUntil(() => rowTitles(reloaded).includes(title), 'found after reload', { timeout: 5_000 });
    rowOf(reloaded, title).querySelector<HTMLButtonElement>('.row-open')?.click();
    await waitUntil(() => shadow(reloaded).querySelector('a[part="download"]'), 'file read back from the server', {
      timeout: 10_000,
    });
    const detailsText = text(shadow(reloaded).querySelector('[part="details"]'));
    expect(detailsText).to.include('3 février 2026');
    const content = await (await fetch(part<HTMLAnchorElement>(reloaded, 'a[part="download"]').href)).text();
    expect(content).to.equal(await tinyPdf().text());
  });
});
