import { generateDocuments } from '@carnet/catalog-sdk/demo-data';
import type { HealthDocument } from '@carnet/catalog-sdk';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { deleteTestDatabases } from '../test-helpers/databases.js';
import { expect, fixtureSync, html, waitUntil } from '../test-helpers/fixture.js';
import { createInMemoryDataSource } from './test-helpers/in-memory-source.js';
import {
  mountWithSource,
  part,
  rowTitles,
  rows,
  search,
  shadow,
  titlesBecome,
  tolerateResizeObserverNotices,
} from './test-helpers/browser-fixtures.js';
import type { CarnetDocumentBrowser } from './document-browser.js';

const LONG_TITLE = 'Compte rendu de consultation pluridisciplinaire de néphrologie et de diététique';

function longDocuments(count: number): HealthDocument[] {
  const documents = generateDocuments(count, { persona: 'kidney' });
  documents[0] = {
    ...(documents[0] as HealthDocument),
    id: 'long-one',
    title: LONG_TITLE,
    author: 'Dr Marie-Hélène Delacroix-Vasseur',
    organisation: 'Centre hospitalier universitaire de Montpellier',
    date: '2031-01-02T09:00:00.000Z',
  };
  return documents;
}

/** Elements of `root` whose text is cut (clipped by overflow or an ellipsis). */
function cutTexts(root: ParentNode, selector: string): string[] {
  return [...root.querySelectorAll<HTMLElement>(selector)]
    .filter((element) => {
      const style = getComputedStyle(element);
      return style.textOverflow === 'ellipsis' || element.scrollWidth > element.clientWidth + 1;
    })
    .map((element) => element.textContent?.trim() ?? '');
}

/** The active element, looking into the browser's shadow root. */
function focused(browser: CarnetDocumentBrowser): Element | null {
  return document.activeElement === browser ? shadow(browser).activeElement : document.activeElement;
}

describe('<carnet-document-browser> at phone width and by keyboard', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setViewport({ width: 1280, height: 900 });
  });

  for (const width of [320, 390]) {
    it(`wraps titles, authors and dates at ${width} px: nothing cut, no sideways scroll`, async () => {
      await setViewport({ width, height: 800 });
      const browser = await mountWithSource(createInMemoryDataSource(longDocuments(3)));
      const first = rows(browser)[0] as HTMLLIElement;
      expect(first.dataset['documentId']).to.equal('long-one');
      expect(cutTexts(first, '.row-title, .row-meta, .row-who, .row-who span, time')).to.deep.equal([]);
      const title = first.querySelector('.row-title') as HTMLElement;
      // Wrapped: the whole title is inside the row, on more than one line.
      expect(title.getBoundingClientRect().height).to.be.above(30);
      expect(title.getBoundingClientRect().bottom).to.be.at.most(first.getBoundingClientRect().bottom + 0.5);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      expect(browser.getBoundingClientRect().right).to.be.at.most(width);
    });
  }

  it('searches after the list was scrolled without a rowKey TypeError, and leaves no stale rows', async () => {
    const restore = tolerateResizeObserverNotices();
    const errors: string[] = [];
    const onError = (event: ErrorEvent): void => {
      if (!String(event.message).includes('ResizeObserver')) errors.push(String(event.message));
    };
    window.addEventListener('error', onError);
    try {
      const documents = generateDocuments(300, { persona: 'kidney' });
      documents[2] = { ...(documents[2] as HealthDocument), id: 'needle', title: 'Polysomnographie de contrôle' };
      const browser = await mountWithSource(createInMemoryDataSource(documents));
      const list = part(browser, '.list');
      list.scrollTop = list.scrollHeight;
      await waitUntil(() => rows(browser).some((row) => Number(row.dataset['index']) > 250), 'scrolled to the end');
      const input = part<HTMLInputElement>(browser, '#search');
      input.value = 'polysomnographie';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await browser.updateComplete;
      // Anything re-rendering the element before the virtualizer has laid out the new results
      // (a row becoming active, the count announced) rendered the old range over the new hits.
      browser.requestUpdate();
      await browser.updateComplete;
      await titlesBecome(browser, ['Polysomnographie de contrôle']);
      expect(rows(browser)).to.have.length(1);
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      restore();
    }
  });

  it('renders its first rows before the list is scrolled into view (find in page, screen readers)', async () => {
    const page = fixtureSync<HTMLDivElement>(
      html`<div>
        <div style="block-size: 3000px">Avant</div>
        <carnet-document-browser .dataSource=${createInMemoryDataSource(longDocuments(5))}></carnet-document-browser>
      </div>`,
    );
    const browser = page.querySelector('carnet-document-browser') as CarnetDocumentBrowser;
    await waitUntil(() => browser.matches(':state(ready)'), 'ready');
    await waitUntil(() => rows(browser).length === 5, `5 rows in the DOM, got ${rows(browser).length}`);
    expect(rowTitles(browser)[0]).to.equal(LONG_TITLE);
  });

  it('leaves / to the page when focus is on the page body, and focuses the search from inside the widget', async () => {
    const browser = await mountWithSource(createInMemoryDataSource(longDocuments(3)));
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: '/' });
    expect(focused(browser)).not.to.equal(part(browser, '#search'));
    (part(browser, '.row-open') as HTMLElement).focus();
    await sendKeys({ press: '/' });
    expect(focused(browser)).to.equal(part(browser, '#search'));
  });

  it('finds and opens a document by keyboard alone: at most 7 key presses besides the words typed', async () => {
    const page = fixtureSync<HTMLDivElement>(
      html`<div>
        <button>Avant le widget</button>
        <carnet-document-browser .dataSource=${createInMemoryDataSource(longDocuments(30))}></carnet-document-browser>
      </div>`,
    );
    const browser = page.querySelector('carnet-document-browser') as CarnetDocumentBrowser;
    await waitUntil(() => rows(browser).length > 0 && !browser.matches(':state(indexing)'), 'rows shown');
    (page.querySelector('button') as HTMLButtonElement).focus();
    let presses = 0;
    const press = async (key: string): Promise<void> => {
      presses += 1;
      await sendKeys({ press: key });
    };
    // One Tab into the widget reaches the search, before the filters.
    await press('Tab');
    expect(focused(browser)).to.equal(part(browser, '#search'));
    await sendKeys({ type: 'pluridisciplinaire' });
    await titlesBecome(browser, [LONG_TITLE]);
    // The sort menu, « Ajouter un document », « Effacer la recherche », the row's checkbox, then the row itself.
    while (!(focused(browser) as HTMLElement | null)?.matches('.row-open') && presses < 10) await press('Tab');
    await press('Enter');
    await waitUntil(
      () => shadow(browser).querySelector('dialog[open]'),
      `the preview opens (${presses} presses, focus on ${focused(browser)?.outerHTML.slice(0, 80)})`,
    );
    expect(presses).to.be.at.most(7);
  });

  it('speaks plain words: the tag button says « Étiquettes », and « Meilleure correspondance » is offered only for a search', async () => {
    const browser = await mountWithSource(createInMemoryDataSource(longDocuments(3)));
    const tagButton = part(browser, '.row-tag-edit');
    expect(tagButton.textContent?.trim()).to.equal('Étiquettes');
    expect(tagButton.getAttribute('aria-label')).to.match(/^Étiquettes de « /);
    const options = (): string[] =>
      [...part<HTMLSelectElement>(browser, '#sort').options].map((option) => option.textContent?.trim() ?? '');
    expect(options()).not.to.include('Pertinence');
    expect(options()).not.to.include('Meilleure correspondance');
    const sort = part<HTMLSelectElement>(browser, '#sort');
    expect(sort.options[sort.selectedIndex]?.textContent?.trim()).to.equal('Plus récents d’abord');
    await search(browser, 'consultation');
    expect(options()[0]).to.equal('Meilleure correspondance');
    expect(sort.options[sort.selectedIndex]?.textContent?.trim()).to.equal('Meilleure correspondance');
  });

  it('selects a row from anywhere in a 44 px square around its checkbox', async () => {
    const browser = await mountWithSource(createInMemoryDataSource(longDocuments(3)));
    const row = rows(browser)[0] as HTMLLIElement;
    const checkbox = row.querySelector<HTMLInputElement>('.row-select') as HTMLInputElement;
    const target = checkbox.closest('label') as HTMLElement;
    expect(target, 'a label around the checkbox').not.to.equal(null);
    const box = target.getBoundingClientRect();
    expect(box.width).to.be.at.least(44);
    expect(box.height).to.be.at.least(44);
    // A press near the square's corner, outside the 20 px box itself.
    await sendMouse({ type: 'click', position: [Math.round(box.left + 3), Math.round(box.top + 3)] });
    await waitUntil(() => checkbox.checked, 'selected');
    expect(row.hasAttribute('data-selected')).to.equal(true);
  });
});
