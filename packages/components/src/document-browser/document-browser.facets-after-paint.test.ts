import { sendKeys } from '@web/test-runner-commands';
import { generateDocuments } from '@carnet/catalog-sdk/demo-data';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixtureCleanup, waitUntil } from '../test-helpers/fixture.js';
import { setCarnetLocale } from '../shared/localization.js';
import { replaceSearchCodeImportForTests } from './document-filter.controller.js';
import {
  countsShown,
  facetCount,
  mountWithProvider,
  mountWithSource,
  part,
  rows,
  rowTitles,
  seedFrenchDocuments,
  shadow,
  text,
  tolerateResizeObserverNotices,
} from './test-helpers/browser-fixtures.js';
import { createInMemoryDataSource } from './test-helpers/in-memory-source.js';
import { observeSearches } from './test-helpers/observed-search.js';
import type { CarnetDocumentBrowser } from './document-browser.js';

/** What the browser shows at one moment: list, count and filter panel. */
interface Snapshot {
  titles: string[];
  count: string;
  busy: string | null;
  updatingShown: boolean;
  sophieLeroy: string;
  year2024: string;
  favourites: string;
  focused: Element | null;
}

function snapshot(browser: CarnetDocumentBrowser): Snapshot {
  return {
    titles: rowTitles(browser),
    count: text(part(browser, '.count')),
    busy: part(browser, '#facets-body').getAttribute('aria-busy'),
    updatingShown: part(browser, '[part="facets-updating"]').hasAttribute('data-shown'),
    sophieLeroy: facetCount(browser, 'authors', 'Dr Sophie Leroy'),
    year2024: facetCount(browser, 'years', '2024'),
    favourites: text(part(browser, 'input[part="favourites-only"]').closest('label')?.querySelector('.facet-count')),
    focused: shadow(browser).activeElement,
  };
}

/**
 * What the browser shows once it has rendered the answer to the next `type` event (an `input` or
 * a `change`) in its shadow root: taken in the microtask after that render, so before any frame.
 */
function afterRender(browser: CarnetDocumentBrowser, type: 'input' | 'change'): Promise<Snapshot> {
  return new Promise((resolve) => {
    shadow(browser).addEventListener(type, () => void browser.updateComplete.then(() => resolve(snapshot(browser))), {
      once: true,
    });
  });
}

/** Types like an input event would, one keystroke, and waits for the element's render (no frame). */
async function keystroke(browser: CarnetDocumentBrowser, input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await browser.updateComplete;
}

/**
 * The search field focused (the search code loads) and a first search answered by the complete
 * index, then cleared: the keystrokes that follow find the index built.
 */
async function searchReady(browser: CarnetDocumentBrowser): Promise<HTMLInputElement> {
  const input = part<HTMLInputElement>(browser, '#search');
  input.focus();
  await keystroke(browser, input, 'a');
  await waitUntil(() => !browser.matches(':state(searching)'), 'index built', { timeout: 15_000 });
  await keystroke(browser, input, '');
  await countsShown(browser);
  return input;
}

async function frenchBrowser(locale: 'fr' | 'en' = 'fr'): Promise<CarnetDocumentBrowser> {
  const dbName = uniqueDbName('browser-facets-after-paint');
  await seedFrenchDocuments(dbName);
  return (await mountWithProvider(dbName, { locale })).browser;
}

describe('<carnet-document-browser> facets counted after the list is painted', () => {
  afterEach(async () => {
    replaceSearchCodeImportForTests();
    await deleteTestDatabases();
    await setCarnetLocale('fr');
  });

  it('shows the list and its count first, the previous counts marked as updating, then the new counts', async () => {
    const reads = observeSearches();
    const browser = await frenchBrowser();
    await searchReady(browser);
    expect(facetCount(browser, 'authors', 'Dr Sophie Leroy')).to.equal('(2)');

    const shownFirst = afterRender(browser, 'input');
    await sendKeys({ type: 'irm' });
    const first = await shownFirst;
    // The first letter's answer: list and count at once; the panel still shows the whole record's
    // counts, and says they are being updated.
    expect(first.count).to.match(/ sur 6$/);
    expect(first.busy).to.equal('true');
    expect(first.updatingShown).to.equal(true);
    expect(first.sophieLeroy).to.equal('(2)');
    expect(first.year2024).to.equal('(2)');
    expect(first.favourites).to.equal('(2)');

    await waitUntil(() => rowTitles(browser).join() === 'IRM cérébrale', 'the final query’s list');
    expect(text(part(browser, '.count'))).to.equal('1 document sur 6');
    await countsShown(browser);
    expect(facetCount(browser, 'authors', 'Dr Sophie Leroy')).to.equal('(1)');
    expect(facetCount(browser, 'years', '2024')).to.equal('(1)');
    expect(facetCount(browser, 'kinds', 'imaging')).to.equal('(1)');
    expect(facetCount(browser, 'kinds', 'lab-result')).to.equal('');
    expect(text(part(browser, 'input[part="favourites-only"]').closest('label'))).to.equal('Favoris uniquement (0)');
    expect(part(browser, '[part="facets-updating"]').hasAttribute('data-shown')).to.equal(false);
    expect(browser.matches(':state(indexing)')).to.equal(false);
    expect(reads.facets.at(-1)).to.equal('irm');
  });

  it('counts only the final query’s facets when letters come faster than frames', async () => {
    const reads = observeSearches();
    const browser = await frenchBrowser();
    const input = await searchReady(browser);
    const before = reads.facets.length;
    for (const typed of ['h', 'he', 'hem', 'hemo']) {
      await keystroke(browser, input, typed);
      // Each letter's list is rendered at once, its count too…
      expect(text(part(browser, '.count'))).to.match(/ sur 6$/);
      // …while the panel keeps the whole record's counts, busy.
      expect(part(browser, '#facets-body').getAttribute('aria-busy')).to.equal('true');
      expect(facetCount(browser, 'authors', 'Dr Claire Martin')).to.equal('(2)');
    }
    expect(rowTitles(browser)).to.deep.equal(['Hémoglobine glyquée (HbA1c)']);
    await countsShown(browser);
    expect(reads.facets.slice(before)).to.deep.equal(['hemo']);
    expect(facetCount(browser, 'authors', 'Dr Claire Martin')).to.equal('(1)');
    expect(facetCount(browser, 'kinds', 'lab-result')).to.equal('(1)');
    expect(facetCount(browser, 'years', '2024')).to.equal('(1)');
    expect(facetCount(browser, 'tags', 'suivi')).to.equal('(1)');
    expect(facetCount(browser, 'authors', 'Dr Sophie Leroy')).to.equal('');
    expect(text(part(browser, 'input[part="favourites-only"]').closest('label'))).to.equal('Favoris uniquement (1)');
  });

  it('keeps focus on the filter checkbox pressed, through the update of the counts', async () => {
    const browser = await frenchBrowser();
    await searchReady(browser);
    const checkbox = part<HTMLInputElement>(browser, 'input[data-group="kinds"][data-value="lab-result"]');
    checkbox.focus();

    const pressed = afterRender(browser, 'change');
    await sendKeys({ press: 'Space' });
    const during = await pressed;
    expect(during.titles).to.deep.equal(['Résultats d’analyses sanguines', 'Hémoglobine glyquée (HbA1c)']);
    expect(during.count).to.equal('2 documents sur 6');
    expect(during.busy).to.equal('true');
    expect(during.sophieLeroy).to.equal('(2)');
    expect(during.focused).to.equal(checkbox);

    await countsShown(browser);
    expect(shadow(browser).activeElement).to.equal(checkbox);
    expect(checkbox.checked).to.equal(true);
    expect(facetCount(browser, 'years', '2025')).to.equal('(1)');
    expect(facetCount(browser, 'authors', 'Dr Sophie Leroy')).to.equal('');

    // Unticked by the keyboard again: ticked from what is chosen now, not from the previous counts.
    const released = afterRender(browser, 'change');
    await sendKeys({ press: 'Space' });
    const unticked = await released;
    expect(unticked.busy).to.equal('true');
    expect(checkbox.checked).to.equal(false);
    expect(unticked.focused).to.equal(checkbox);
    await countsShown(browser);
    expect(shadow(browser).activeElement).to.equal(checkbox);
    expect(facetCount(browser, 'authors', 'Dr Sophie Leroy')).to.equal('(2)');
  });

  it('says « Updating… » in English, and counts in English', async () => {
    const browser = await frenchBrowser('en');
    await waitUntil(() => text(part(browser, '.facets-title')) === 'Filters', 'English strings');
    const input = await searchReady(browser);
    await keystroke(browser, input, 'irm');
    expect(text(part(browser, '.count'))).to.equal('1 document of 6');
    expect(part(browser, '#facets-body').getAttribute('aria-busy')).to.equal('true');
    expect(text(part(browser, '[part="facets-updating"]'))).to.equal('Updating…');
    expect(facetCount(browser, 'authors', 'Dr Sophie Leroy')).to.equal('(2)');
    await countsShown(browser);
    expect(facetCount(browser, 'authors', 'Dr Sophie Leroy')).to.equal('(1)');
    expect(text(part(browser, 'input[data-value="imaging"]').closest('label'))).to.equal('Imaging report (1)');
  });

  it('says « Mise à jour… » in French', async () => {
    const browser = await frenchBrowser();
    const input = await searchReady(browser);
    await keystroke(browser, input, 'irm');
    expect(text(part(browser, '[part="facets-updating"]'))).to.equal('Mise à jour…');
    await countsShown(browser);
  });

  it('is accessible while the counts are updated and once they are', async () => {
    const browser = await frenchBrowser();
    const input = await searchReady(browser);
    await keystroke(browser, input, 'analyse');
    expect(part(browser, '#facets-body').getAttribute('aria-busy')).to.equal('true');
    await expect(browser).to.be.accessible();
    await countsShown(browser);
    await expect(browser).to.be.accessible();
  });

  it('computes highlights only for the rows drawn, not for rows scrolled past', async () => {
    const restore = tolerateResizeObserverNotices();
    try {
      const reads = observeSearches();
      const browser = await mountWithSource(createInMemoryDataSource(generateDocuments(3_000, { seed: 7 })));
      const input = await searchReady(browser);
      const drawn = new Set<number>();
      // Every row put in the list, even one taken out again before the next look.
      const observer = new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof HTMLLIElement && node.matches('li.row')) drawn.add(Number(node.dataset['index']));
      });
      observer.observe(shadow(browser), { childList: true, subtree: true });
      try {
        await keystroke(browser, input, 'dr');
        const read = (): number[] => reads.matches.filter((entry) => entry.query === 'dr').map((entry) => entry.index);
        // The virtualizer draws a new answer's rows once it has laid them out.
        await waitUntil(() => read().includes(0) && !browser.matches(':state(indexing)'), 'rows of « dr » drawn');
        const total = Number(/^([\d\s  ]+)/.exec(text(part(browser, '.count')))?.[1]?.replace(/\D/g, ''));
        expect(total).to.be.greaterThan(1_000);
        for (const row of rows(browser)) drawn.add(Number(row.dataset['index']));
        expect(read().length).to.be.greaterThan(0);
        expect(read().every((index) => drawn.has(index))).to.equal(true);
        expect(drawn.size).to.be.lessThan(100);

        // A jump to the end of the list draws its last rows; the thousands in between are never highlighted.
        const list = part(browser, '.list');
        await waitUntil(() => {
          // The list's height is estimated until rows are measured: as a person would, down to the end again.
          list.scrollTop = list.scrollHeight;
          return rows(browser).some((row) => Number(row.dataset['index']) === total - 1);
        }, 'last row');
        for (const row of rows(browser)) drawn.add(Number(row.dataset['index']));
        expect(read().every((index) => drawn.has(index))).to.equal(true);
        expect(new Set(read()).size).to.be.lessThan(200);
      } finally {
        observer.disconnect();
      }
    } finally {
      fixtureCleanup();
      restore();
    }
  });
});
