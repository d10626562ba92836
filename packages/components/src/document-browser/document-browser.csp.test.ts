// The preview under the strict Content Security Policy the README asks embedding
// sites for: no plugins, frames, workers or eval. This file has its own page, since
// a CSP given by a <meta> element cannot be lifted once it applies.
import { createLocalDataSource } from '@carnet/catalog-sdk';
import { makePdf } from '@carnet/catalog-sdk/demo-data';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import { mountWithProvider, part, rowOf, shadow, text } from './test-helpers/browser-fixtures.js';

const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
].join('; ');

const TITLE = 'Compte rendu de consultation de néphrologie';

describe('<carnet-document-browser> preview under a strict CSP', () => {
  const violations: string[] = [];
  const onViolation = (event: SecurityPolicyViolationEvent): void =>
    void violations.push(`${event.effectiveDirective} ${event.blockedURI}`);

  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = STRICT_CSP;
    document.head.prepend(meta);
    document.addEventListener('securitypolicyviolation', onViolation);
  });
  after(() => document.removeEventListener('securitypolicyviolation', onViolation));
  afterEach(() => deleteTestDatabases());
  before(async function () {
    // pdf.js is loaded on the first PDF preview; once here, so the test waits for drawing only.
    this.timeout(60_000);
    await import('./pdf-pages.js');
  });

  it('draws the pages of a PDF and gives their text to screen readers, with no CSP violation', async () => {
    const dbName = uniqueDbName('browser-csp');
    const source = createLocalDataSource({ dbName });
    const pdf = makePdf(TITLE, ['2026-03-29', 'Dr Claire Martin', 'Débit de filtration glomérulaire stable.']);
    await source.documents.create(
      { title: TITLE, kind: 'consultation-note', date: '2026-03-29T09:00:00Z', contentType: 'application/pdf' },
      new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
    );
    source.close();
    const { browser } = await mountWithProvider(dbName);
    rowOf(browser, TITLE).querySelector<HTMLButtonElement>('.row-open')?.click();
    await waitUntil(
      () => shadow(browser).querySelector('[part="preview-pdf"] canvas, [part="preview-pdf-fallback"]'),
      'PDF drawn',
      { timeout: 10_000 },
    ).catch((error: unknown) => {
      throw new Error(
        `${String(error)}; violations: ${violations.join(', ')}; dialog: ${text(shadow(browser).querySelector('dialog[part="preview"]'))}`,
      );
    });
    expect(violations).to.deep.equal([]);
    const canvas = part<HTMLCanvasElement>(browser, '[part="preview-pdf"] canvas');
    const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
    let inked = 0;
    for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128 && (pixels[i + 3] ?? 0) > 0) inked += 1;
    expect(inked, 'dark pixels of the text').to.be.greaterThan(200);
    const caption = text(shadow(browser).querySelector('[part="preview-pdf"] figcaption'));
    expect(caption).to.contain('néphrologie');
    expect(caption).to.contain('Débit de filtration glomérulaire stable.');
    expect(violations).to.deep.equal([]);
  });
});
