import { sendKeys } from '@web/test-runner-commands';
import { generateDocuments } from '@carnet/catalog-sdk/demo-data';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { aTimeout, expect, fixtureSync, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetDocumentOpenDetail } from '../events/carnet-document-open.js';
import { createInMemoryDataSource } from './test-helpers/in-memory-source.js';
import {
  mountWithProvider,
  mountWithSource,
  part,
  rowTitles,
  rows,
  seedFrenchDocuments,
  shadow,
  text,
  tolerateResizeObserverNotices,
} from './test-helpers/browser-fixtures.js';
import type { CarnetDocumentBrowser } from './document-browser.js';

function focusedRowIndex(browser: CarnetDocumentBrowser): number | undefined {
  const active = shadow(browser).activeElement;
  const row = active?.closest('li.row') as HTMLElement | null | undefined;
  return active?.classList.contains('row-open') && row ? Number(row.dataset['index']) : undefined;
}

async function frenchBrowser(): Promise<CarnetDocumentBrowser> {
  const dbName = uniqueDbName('browser-keys');
  await seedFrenchDocuments(dbName);
  return (await mountWithProvider(dbName)).browser;
}

describe('<carnet-document-browser> keyboard', () => {
  afterEach(() => deleteTestDatabases());

  it('focuses the search field with / from inside the widget, but not while typing elsewhere', async () => {
    const browser = await frenchBrowser();
    (shadow(browser).querySelector('.row-open') as HTMLElement).focus();
    await sendKeys({ press: '/' });
    expect(shadow(browser).activeElement).to.equal(part(browser, '#search'));
    expect(part<HTMLInputElement>(browser, '#search').value).to.equal('');

    const other = fixtureSync<HTMLInputElement>(html`<input aria-label="Autre champ" />`);
    other.focus();
    await sendKeys({ type: 'a/b' });
    expect(other.value).to.equal('a/b');
    expect(document.activeElement).to.equal(other);
  });

  it('puts one row in the tab order and moves with the arrows, Home and End', async () => {
    const browser = await frenchBrowser();
    const tabbable = rows(browser).filter((row) => row.querySelector('.row-open')?.getAttribute('tabindex') === '0');
    expect(tabbable).to.have.length(1);
    part<HTMLInputElement>(browser, '#search').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    // Search field → sort menu → (facets come first in the DOM but are before the search) → the list.
    while (focusedRowIndex(browser) === undefined && shadow(browser).activeElement) await sendKeys({ press: 'Tab' });
    const start = focusedRowIndex(browser);
    expect(start).to.equal(0);

    await sendKeys({ press: 'ArrowDown' });
    expect(focusedRowIndex(browser)).to.equal(1);
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedRowIndex(browser)).to.equal(2);
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedRowIndex(browser)).to.equal(1);
    await sendKeys({ press: 'End' });
    await waitUntil(() => focusedRowIndex(browser) === 5, 'last row focused');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => focusedRowIndex(browser) === 0, 'first row focused');
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedRowIndex(browser)).to.equal(0);
    expect(rows(browser)[0]?.querySelector('.row-open')?.getAttribute('tabindex')).to.equal('0');
    expect(rows(browser)[1]?.querySelector('.row-open')?.getAttribute('tabindex')).to.equal('-1');
  });

  it('opens the preview with Enter, closes it with Escape and returns focus to the row', async () => {
    const browser = await frenchBrowser();
    const opened: CarnetDocumentOpenDetail[] = [];
    browser.addEventListener('carnet-document-open', (event) => opened.push(event.detail));
    (rows(browser)[0]?.querySelector('.row-open') as HTMLButtonElement).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    const dialog = part<HTMLDialogElement>(browser, 'dialog[part="preview"]');
    await waitUntil(() => dialog.open, 'preview open');
    expect(text(part(browser, '#preview-title'))).to.equal(rowTitles(browser)[1]);
    expect(opened.map((detail) => detail.documentId)).to.deep.equal([rows(browser)[1]?.dataset['documentId']]);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'preview closed');
    await waitUntil(() => focusedRowIndex(browser) === 1, 'focus back on the row');
  });

  it('selects and unselects a row with Space', async () => {
    const browser = await frenchBrowser();
    (rows(browser)[0]?.querySelector('.row-open') as HTMLButtonElement).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: ' ' });
    await browser.updateComplete;
    expect(rows(browser)[1]?.hasAttribute('data-selected')).to.equal(true);
    expect((rows(browser)[1]?.querySelector('.row-select') as HTMLInputElement).checked).to.equal(true);
    expect(part<HTMLDialogElement>(browser, 'dialog[part="preview"]').open).to.equal(false);
    await sendKeys({ press: ' ' });
    await browser.updateComplete;
    expect(rows(browser)[1]?.hasAttribute('data-selected')).to.equal(false);
  });

  it('reaches rows that are not rendered yet: End in a long list scrolls to the last document', async () => {
    const restore = tolerateResizeObserverNotices();
    try {
      const documents = generateDocuments(500, { persona: 'parkinson' });
      const browser = await mountWithSource(createInMemoryDataSource(documents));
      expect(rows(browser).length).to.be.below(100);
      (rows(browser)[0]?.querySelector('.row-open') as HTMLButtonElement).focus();
      await sendKeys({ press: 'End' });
      await waitUntil(() => focusedRowIndex(browser) === 499, 'last row focused', { timeout: 5_000 });
      const oldest = [...documents].sort((a, b) => a.date.localeCompare(b.date))[0];
      expect(shadow(browser).activeElement?.closest('li.row')?.getAttribute('data-document-id')).to.equal(oldest?.id);
      expect(shadow(browser).activeElement?.closest('li.row')?.getAttribute('aria-posinset')).to.equal('500');
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => focusedRowIndex(browser) === 498, 'previous row focused');
      // Lets late ResizeObserver notices arrive while they are tolerated.
      await aTimeout(50);
    } finally {
      restore();
    }
  });
});
