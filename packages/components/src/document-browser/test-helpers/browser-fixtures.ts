/** Shared helpers of the document browser's tests: a small French record, mounting, querying. */
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { DataSource, HealthDocument } from '@carnet/catalog-sdk';
import { aTimeout, fixture, html, waitUntil } from '../../test-helpers/fixture.js';
import type { CarnetProvider } from '../../provider/provider.js';
import type { CarnetDocumentBrowser } from '../document-browser.js';
import '../../provider/provider.js';
import '../document-browser.js';
import { FRENCH_DOCUMENTS, tinyPdf, tinyPng } from './sample-documents.js';

export { FRENCH_DOCUMENTS, tinyPdf, tinyPng } from './sample-documents.js';

/** Writes the French documents (with a PDF or PNG for each) into a local database. */
export async function seedFrenchDocuments(dbName: string): Promise<HealthDocument[]> {
  const source = createLocalDataSource({ dbName });
  try {
    const created: HealthDocument[] = [];
    for (const document of FRENCH_DOCUMENTS) {
      created.push(
        await source.documents.create(document, document.contentType === 'image/png' ? tinyPng() : tinyPdf()),
      );
    }
    return created;
  } finally {
    source.close();
  }
}

/** Text of a node, spaces collapsed. */
export function text(node: Node | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The browser's shadow root. */
export function shadow(browser: CarnetDocumentBrowser): ShadowRoot {
  return browser.shadowRoot as ShadowRoot;
}

/** Rows currently in the DOM (the virtualizer renders only those near the viewport). */
export function rows(browser: CarnetDocumentBrowser): HTMLLIElement[] {
  return [...shadow(browser).querySelectorAll<HTMLLIElement>('li.row')].sort(
    (a, b) => Number(a.dataset['index']) - Number(b.dataset['index']),
  );
}

/** Titles of the rendered rows, in list order. */
export function rowTitles(browser: CarnetDocumentBrowser): string[] {
  return rows(browser).map((row) => text(row.querySelector('.row-title')));
}

/** The row showing a document, by title. */
export function rowOf(browser: CarnetDocumentBrowser, title: string): HTMLLIElement {
  const row = rows(browser).find((candidate) => text(candidate.querySelector('.row-title')) === title);
  if (!row) throw new Error(`No row titled ${title}`);
  return row;
}

/** Waits until rows are rendered. */
export async function rowsShown(browser: CarnetDocumentBrowser): Promise<void> {
  await waitUntil(() => rows(browser).length > 0 && !browser.matches(':state(indexing)'), 'rows and facets rendered', {
    timeout: 10_000,
  });
}

/** A shadow element by selector, or a failure naming it. */
export function part<T extends Element = HTMLElement>(browser: CarnetDocumentBrowser, selector: string): T {
  const found = shadow(browser).querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}

/** Types into the search field as an input event would, and waits for the list. */
export async function search(browser: CarnetDocumentBrowser, query: string): Promise<void> {
  const input = part<HTMLInputElement>(browser, '#search');
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await browser.updateComplete;
  // A timer, not a frame: a test page in the background gets no frames.
  await aTimeout(0);
  await browser.updateComplete;
}

/** Waits until the first rendered rows' titles are exactly `titles` (or the list is gone for `[]`). */
export async function titlesBecome(browser: CarnetDocumentBrowser, titles: string[]): Promise<void> {
  await waitUntil(
    () => JSON.stringify(rowTitles(browser)) === JSON.stringify(titles),
    `titles ${JSON.stringify(titles)}, got ${JSON.stringify(rowTitles(browser))}`,
    {
      timeout: 5_000,
    },
  );
}

/** A provider on `dbName` around a document browser; waits for the first rows when `documents` is true. */
export async function mountWithProvider(
  dbName: string,
  options: { locale?: 'fr' | 'en'; waitForRows?: boolean } = {},
): Promise<{ provider: CarnetProvider; browser: CarnetDocumentBrowser }> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName} locale=${options.locale ?? 'fr'}>
      <carnet-document-browser></carnet-document-browser>
    </carnet-provider>`,
  );
  const browser = provider.querySelector('carnet-document-browser') as CarnetDocumentBrowser;
  if (options.waitForRows !== false) await rowsShown(browser);
  return { provider, browser };
}

/** A document browser given `source` directly, without a provider. */
export async function mountWithSource(source: DataSource, waitForRows = true): Promise<CarnetDocumentBrowser> {
  const browser = await fixture<CarnetDocumentBrowser>(
    html`<carnet-document-browser .dataSource=${source}></carnet-document-browser>`,
  );
  if (waitForRows) await rowsShown(browser);
  return browser;
}

/**
 * Waits until the filter panel shows the current answer's counts: they are counted just after
 * the list is painted, and the panel is `aria-busy` until then.
 */
export async function countsShown(browser: CarnetDocumentBrowser): Promise<void> {
  await waitUntil(
    () => shadow(browser).querySelector('#facets-body')?.getAttribute('aria-busy') === 'false',
    'facet counts of the current answer shown',
  );
}

/** Clicks a facet checkbox by group and value. */
export async function toggleFacet(browser: CarnetDocumentBrowser, group: string, value: string): Promise<void> {
  part<HTMLInputElement>(browser, `input[data-group="${group}"][data-value="${value}"]`).click();
  await browser.updateComplete;
}

/** The count shown for a facet value, e.g. `(2)`; empty when the value is not shown. */
export function facetCount(browser: CarnetDocumentBrowser, group: string, value: string): string {
  const input = shadow(browser).querySelector(`input[data-group="${group}"][data-value="${value}"]`);
  return text(input?.closest('label')?.querySelector('.facet-count'));
}

/**
 * Chromium reports « ResizeObserver loop completed with undelivered notifications »
 * when the virtualizer measures rows it has just rendered after a long jump. It is
 * a harmless notice (https://github.com/w3c/csswg-drafts/issues/5488) that mocha
 * would take for a failure; this lets it pass and returns a function restoring the
 * previous handler. Any other error still fails the test.
 */
export function tolerateResizeObserverNotices(): () => void {
  const previous = window.onerror;
  window.onerror = (message, ...rest) => {
    if (String(message).includes('ResizeObserver loop')) return true;
    return previous ? previous.call(window, message, ...rest) : false;
  };
  return () => {
    window.onerror = previous;
  };
}
