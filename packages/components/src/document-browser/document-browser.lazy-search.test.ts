import { sendKeys } from '@web/test-runner-commands';
import { createDocumentIndex } from '@carnet/catalog-sdk';
import type { HealthDocument } from '@carnet/catalog-sdk';
import { generateDocuments } from '@carnet/catalog-sdk/demo-data';
import { formatCount } from '../shared/format.js';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixtureCleanup, waitUntil } from '../test-helpers/fixture.js';
import { replaceSearchCodeImportForTests } from './document-filter.controller.js';
import {
  countsShown,
  facetCount,
  mountWithProvider,
  mountWithSource,
  part,
  rowTitles,
  search,
  seedFrenchDocuments,
  shadow,
  text,
  titlesBecome,
  toggleFacet,
  tolerateResizeObserverNotices,
} from './test-helpers/browser-fixtures.js';
import { documentCountLabel } from './document-labels.js';
import { createInMemoryDataSource } from './test-helpers/in-memory-source.js';
import type { CarnetDocumentBrowser } from './document-browser.js';
import type * as SearchModule from './document-search.js';

type SearchCode = typeof SearchModule;

/** The search code's import, held back until `release()` (or failed by `fail()`); counts the imports. */
function holdSearchCode(): { imports: () => number; release: () => void; fail: () => void } {
  let imports = 0;
  let release = (): void => undefined;
  let fail = (): void => undefined;
  replaceSearchCodeImportForTests((real) => {
    imports++;
    return new Promise<SearchCode>((resolve, reject) => {
      release = () => void real().then(resolve, reject);
      fail = () => reject(new TypeError('Failed to fetch dynamically imported module'));
    });
  });
  return { imports: () => imports, release: () => release(), fail: () => fail() };
}

async function frenchBrowser(): Promise<CarnetDocumentBrowser> {
  const dbName = uniqueDbName('browser-lazy-search');
  await seedFrenchDocuments(dbName);
  return (await mountWithProvider(dbName)).browser;
}

const ALL_SIX = [
  'Ordonnance de renouvellement d’insuline',
  'Résultats d’analyses sanguines',
  'Hémoglobine glyquée (HbA1c)',
  'IRM cérébrale',
  'Vaccination contre la grippe saisonnière',
  'Compte rendu de consultation de neurologie',
];

describe('<carnet-document-browser> search code loaded on intent', () => {
  afterEach(async () => {
    replaceSearchCodeImportForTests();
    await deleteTestDatabases();
  });

  it('shows its first view — list, count, facets, tags to rename — without loading the search code', async () => {
    const held = holdSearchCode();
    const browser = await frenchBrowser();
    expect(rowTitles(browser)).to.deep.equal(ALL_SIX);
    expect(text(part(browser, '.count'))).to.equal('6 documents');
    expect(facetCount(browser, 'kinds', 'lab-result')).to.equal('(2)');
    expect(facetCount(browser, 'years', '2024')).to.equal('(2)');
    expect(facetCount(browser, 'authors', 'Dr Claire Martin')).to.equal('(2)');
    expect(facetCount(browser, 'tags', 'diabète')).to.equal('(2)');
    expect(text(part(browser, 'input[part="favourites-only"]').closest('label'))).to.equal('Favoris uniquement (2)');
    const renamable = [...shadow(browser).querySelectorAll('#rename-from option')].map((option) => text(option));
    expect(renamable[0]).to.equal('diabète');
    expect(held.imports()).to.equal(0);

    // Turning to the search field starts the download, before any key.
    part<HTMLInputElement>(browser, '#search').focus();
    await waitUntil(() => held.imports() === 1, 'search code requested on focus');
    held.release();
  });

  it('answers the keystrokes typed before the search code loaded with the final query’s results, and announces them', async () => {
    const held = holdSearchCode();
    const browser = await frenchBrowser();
    const region = part(browser, '[role="status"][aria-live="polite"]');
    await search(browser, 'h');
    await search(browser, 'hemo');
    await search(browser, 'irm');
    // Nothing is lost or answered wrongly meanwhile: the list waits, the count says a search is under way.
    expect(browser.matches(':state(searching)')).to.equal(true);
    expect(text(part(browser, '.count'))).to.equal('Recherche en cours…');
    expect(part(browser, '.count').getAttribute('aria-busy')).to.equal('true');
    expect(rowTitles(browser)).to.deep.equal(ALL_SIX);
    expect(region.textContent).to.equal('');
    expect(held.imports()).to.equal(1);

    held.release();
    await titlesBecome(browser, ['IRM cérébrale']);
    await waitUntil(() => !browser.matches(':state(searching)'), 'search answered');
    expect(text(part(browser, '.count'))).to.equal('1 document sur 6');
    expect(part<HTMLInputElement>(browser, '#search').value).to.equal('irm');
    await waitUntil(() => region.textContent === '1 document', 'count announced');
  });

  it('gives the synchronous index’s answer at 3,000 documents to a query typed before the code loaded', async () => {
    const restore = tolerateResizeObserverNotices();
    try {
      const held = holdSearchCode();
      const documents = generateDocuments(3_000, { seed: 19 });
      const browser = await mountWithSource(createInMemoryDataSource(documents));
      for (const typed of ['o', 'or', 'ord', 'ordo', 'ordonnance']) await search(browser, typed);
      expect(browser.matches(':state(searching)')).to.equal(true);
      held.release();
      // Built in slices (answers over the documents indexed so far meanwhile), then complete.
      await waitUntil(() => !browser.matches(':state(searching)'), 'complete answer', { timeout: 15_000 });
      const newestFirst = [...documents].sort((a: HealthDocument, b: HealthDocument) =>
        a.date < b.date ? 1 : a.date > b.date ? -1 : 0,
      );
      const expected = createDocumentIndex(newestFirst).search('ordonnance');
      expect(expected.total).to.be.greaterThan(0);
      const wanted = expected.hits.slice(0, 20).map((hit) => hit.document.title);
      // The virtual list may draw its rows a frame after the answer.
      await waitUntil(
        () =>
          rowTitles(browser).length > 0 && rowTitles(browser).every((title, at) => at >= 20 || title === wanted[at]),
        'the rows of the complete answer',
      );
      const titles = rowTitles(browser);
      expect(titles.length).to.be.greaterThan(0);
      expect(titles).to.deep.equal(expected.hits.slice(0, titles.length).map((hit) => hit.document.title));
      expect(text(part(browser, '.count'))).to.equal(
        `${documentCountLabel(expected.total, 'fr')} sur ${formatCount(documents.length, 'fr')}`.replace(/\s+/g, ' '),
      );
    } finally {
      fixtureCleanup();
      restore();
    }
  });

  it('applies a filter chosen before the search code loaded', async () => {
    const held = holdSearchCode();
    const browser = await frenchBrowser();
    await toggleFacet(browser, 'kinds', 'lab-result');
    expect(browser.matches(':state(searching)')).to.equal(true);
    held.release();
    await titlesBecome(browser, ['Résultats d’analyses sanguines', 'Hémoglobine glyquée (HbA1c)']);
    expect(part<HTMLInputElement>(browser, 'input[data-group="kinds"][data-value="lab-result"]').checked).to.equal(
      true,
    );
    expect(text(part(browser, '.count'))).to.equal('2 documents sur 6');
  });

  it('keeps the filters in place, and focus on the one pressed, while the answer is being completed', async () => {
    const held = holdSearchCode();
    const browser = await frenchBrowser();
    const checkbox = part<HTMLInputElement>(browser, 'input[data-group="kinds"][data-value="lab-result"]');
    checkbox.focus();
    await sendKeys({ press: 'Space' });
    await browser.updateComplete;
    expect(browser.matches(':state(searching)')).to.equal(true);
    // The checkboxes the patient is using stay where they are; the panel says it is updating.
    expect(shadow(browser).querySelector('[part="facets-pending"]')).to.equal(null);
    expect(shadow(browser).activeElement).to.equal(checkbox);
    expect(part(browser, '#facets-body').getAttribute('aria-busy')).to.equal('true');
    held.release();
    await titlesBecome(browser, ['Résultats d’analyses sanguines', 'Hémoglobine glyquée (HbA1c)']);
    expect(shadow(browser).activeElement).to.equal(checkbox);
    // The counts of the answer follow the list (counted once it is painted); focus stays.
    await countsShown(browser);
    expect(shadow(browser).activeElement).to.equal(checkbox);
    await sendKeys({ press: 'Space' });
    await titlesBecome(browser, ALL_SIX);
  });

  it('says when the search code could not be loaded, and its retry button searches', async () => {
    const held = holdSearchCode();
    const browser = await frenchBrowser();
    await search(browser, 'irm');
    held.fail();
    await waitUntil(() => shadow(browser).querySelector('[part="search-unavailable"]'), 'search unavailable shown');
    const alert = part(browser, '[part="search-unavailable"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('La recherche et les filtres n’ont pas pu être chargés');
    expect(browser.matches(':state(searching)')).to.equal(false);
    // The list is the first view's, never a blank widget; the query is kept.
    expect(rowTitles(browser)).to.deep.equal(ALL_SIX);
    expect(part<HTMLInputElement>(browser, '#search').value).to.equal('irm');

    part<HTMLButtonElement>(browser, '[part="search-unavailable"] button').click();
    await waitUntil(() => held.imports() === 2, 'tried again');
    held.release();
    await titlesBecome(browser, ['IRM cérébrale']);
    await waitUntil(() => !shadow(browser).querySelector('[part="search-unavailable"]'), 'alert gone');
    await waitUntil(() => shadow(browser).activeElement?.id === 'search', 'focus back in the search field');
  });

  it('loads the search code for the tag editor’s suggestions, without retrying a failed load on every render', async () => {
    const held = holdSearchCode();
    const browser = await frenchBrowser();
    const row = shadow(browser).querySelector<HTMLLIElement>('li.row');
    row?.querySelector<HTMLButtonElement>('[data-action="tags"]')?.click();
    await waitUntil(() => part<HTMLDialogElement>(browser, 'dialog[part="tag-editor"]').open, 'tag editor open');
    await waitUntil(() => held.imports() === 1, 'search code requested by the editor');
    // The most used tags are offered meanwhile.
    const options = (): string[] =>
      [...shadow(browser).querySelectorAll('#tag-suggestions option')].map((o) => (o as HTMLOptionElement).value);
    expect(options()[0]).to.equal('diabète');
    held.fail();
    await waitUntil(() => shadow(browser).querySelector('[part="search-unavailable"]'), 'failure said');
    await browser.updateComplete;
    await browser.updateComplete;
    expect(held.imports()).to.equal(1);
  });

  it('tries again on the next keystroke after a failed load', async () => {
    const held = holdSearchCode();
    const browser = await frenchBrowser();
    await search(browser, 'ordo');
    held.fail();
    await waitUntil(() => shadow(browser).querySelector('[part="search-unavailable"]'), 'search unavailable shown');
    await search(browser, 'ordonance');
    await waitUntil(() => held.imports() === 2, 'tried again');
    held.release();
    await titlesBecome(browser, ['Ordonnance de renouvellement d’insuline']);
    expect(shadow(browser).querySelector('[part="search-unavailable"]')).to.equal(null);
  });
});
