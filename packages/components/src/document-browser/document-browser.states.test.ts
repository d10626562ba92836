import { StorageError } from '@carnet/catalog-sdk';
import type { DocumentRepository, HealthDocument } from '@carnet/catalog-sdk';
import { generateDocuments } from '@carnet/catalog-sdk/demo-data';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { aTimeout, expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { createInMemoryDataSource } from './test-helpers/in-memory-source.js';
import type { InMemoryDataSource } from './test-helpers/in-memory-source.js';
import {
  mountWithProvider,
  mountWithSource,
  part,
  rowOf,
  rowTitles,
  rows,
  search,
  seedFrenchDocuments,
  shadow,
  text,
  titlesBecome,
  tolerateResizeObserverNotices,
} from './test-helpers/browser-fixtures.js';
import type { CarnetDocumentBrowser } from './document-browser.js';

/** An in-memory source whose `listAll` fails while `failing` is true. */
function failingSource(documents: HealthDocument[]): {
  source: InMemoryDataSource;
  control: { failing: boolean; calls: number };
} {
  const source = createInMemoryDataSource(documents);
  const control = { failing: true, calls: 0 };
  const repository = source.documents as DocumentRepository & { listAll: DocumentRepository['listAll'] };
  const listAll = repository.listAll.bind(repository);
  repository.listAll = (options) => {
    control.calls++;
    return control.failing ? Promise.reject(new StorageError('simulated failure')) : listAll(options);
  };
  return { source, control };
}

async function frenchBrowser(): Promise<CarnetDocumentBrowser> {
  const dbName = uniqueDbName('browser-states');
  await seedFrenchDocuments(dbName);
  return (await mountWithProvider(dbName)).browser;
}

describe('<carnet-document-browser> states and accessibility', () => {
  afterEach(() => deleteTestDatabases());

  it('loading: a busy skeleton while there is no record yet, accessible', async () => {
    const browser = await fixture<CarnetDocumentBrowser>(html`<carnet-document-browser></carnet-document-browser>`);
    const loading = part(browser, '[part="loading"]');
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(text(loading)).to.equal('Chargement de vos documents…');
    expect(browser.matches(':state(loading)')).to.equal(true);
    await expect(browser).to.be.accessible();
  });

  it('empty: says the record holds no document, accessible', async () => {
    const { browser } = await mountWithProvider(uniqueDbName('browser-empty'), { waitForRows: false });
    await waitUntil(() => shadow(browser).querySelector('[part="empty"]'), 'empty state');
    expect(text(part(browser, '[part="empty"]'))).to.contain('Aucun document dans votre carnet');
    expect(browser.matches(':state(empty)')).to.equal(true);
    await expect(browser).to.be.accessible();
  });

  it('error: a localized alert with Retry that loads again, accessible', async () => {
    const { source, control } = failingSource(generateDocuments(4, { persona: 'kidney' }));
    const browser = await mountWithSource(source, false);
    await waitUntil(() => shadow(browser).querySelector('[role="alert"]'), 'error shown');
    expect(text(part(browser, '[part="error"]'))).to.contain("Votre carnet n'a pas pu être ouvert sur cet appareil.");
    expect(text(part(browser, '[part="error"]'))).not.to.contain('simulated');
    expect(browser.matches(':state(error)')).to.equal(true);
    await expect(browser).to.be.accessible();
    control.failing = false;
    part<HTMLButtonElement>(browser, 'button[part="retry"]').click();
    await waitUntil(() => rows(browser).length === 4, 'loaded on retry');
    expect(control.calls).to.equal(2);
    expect(browser.matches(':state(ready)')).to.equal(true);
  });

  it('list with highlighted matches: accessible, named list and controls', async () => {
    const browser = await frenchBrowser();
    await search(browser, 'analyses');
    await waitUntil(() => shadow(browser).querySelector('mark'), 'highlights');
    expect(part(browser, 'ul.list').getAttribute('aria-label')).to.equal('Documents');
    expect(part(browser, '#search').getAttribute('aria-keyshortcuts')).to.equal('/');
    await expect(browser).to.be.accessible();
  });

  it('no results: accessible', async () => {
    const browser = await frenchBrowser();
    await search(browser, 'zzzzqqq');
    await waitUntil(() => shadow(browser).querySelector('[part="no-results"]'), 'no results');
    await expect(browser).to.be.accessible();
  });

  it('preview dialog: accessible', async () => {
    const browser = await frenchBrowser();
    rowOf(browser, 'IRM cérébrale').querySelector<HTMLButtonElement>('.row-open')?.click();
    await waitUntil(() => shadow(browser).querySelector('img[part="preview-image"]'), 'image shown');
    expect(part(browser, 'dialog[part="preview"]').getAttribute('aria-labelledby')).to.equal('preview-title');
    await expect(browser).to.be.accessible();
  });

  it('send dialog: accessible', async () => {
    const source = createInMemoryDataSource(generateDocuments(2, { persona: 'diabetes' }), {
      careTeam: [{ id: 'pro-1', name: 'Dr Claire Martin', family: 'Martin', specialty: 'Diabétologue' }],
    });
    const browser = await mountWithSource(source);
    rows(browser)[0]?.querySelector<HTMLButtonElement>('.row-open')?.click();
    await waitUntil(() => shadow(browser).querySelector('button[part="send"]'), 'preview shown');
    part<HTMLButtonElement>(browser, 'button[part="send"]').click();
    await waitUntil(() => shadow(browser).querySelector('input[type="radio"]'), 'send form');
    await expect(browser).to.be.accessible();
  });

  it('tag editor with suggestions: accessible', async () => {
    const browser = await frenchBrowser();
    rowOf(browser, 'IRM cérébrale').querySelector<HTMLButtonElement>('[data-action="tags"]')?.click();
    await waitUntil(() => part<HTMLDialogElement>(browser, 'dialog[part="tag-editor"]').open, 'editor open');
    await expect(browser).to.be.accessible();
  });

  it('folds the facets behind a button on small screens', async () => {
    const browser = await frenchBrowser();
    browser.style.inlineSize = '22rem';
    await browser.updateComplete;
    const toggle = part<HTMLButtonElement>(browser, 'button[part="facets-toggle"]');
    const body = part(browser, '#facets-body');
    expect(getComputedStyle(toggle).display).not.to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(getComputedStyle(body).display).to.equal('none');
    toggle.click();
    await browser.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(body).display).not.to.equal('none');
    browser.style.inlineSize = '70rem';
    await browser.updateComplete;
    expect(getComputedStyle(toggle).display).to.equal('none');
  });

  it('fires no event on its own: not on load, not when the data source is set again', async () => {
    const fired: string[] = [];
    const listener = (event: Event): void => {
      fired.push(event.type);
    };
    for (const name of ['carnet-document-open', 'carnet-document-change', 'carnet-document-send'])
      document.addEventListener(name, listener);
    try {
      const source = createInMemoryDataSource(generateDocuments(5, { persona: 'diabetes' }));
      const browser = await mountWithSource(source);
      browser.dataSource = createInMemoryDataSource(generateDocuments(3, { persona: 'kidney' }));
      await waitUntil(() => rows(browser).length === 3, 'new source shown');
      expect(fired).to.deep.equal([]);
    } finally {
      for (const name of ['carnet-document-open', 'carnet-document-change', 'carnet-document-send'])
        document.removeEventListener(name, listener);
    }
  });

  it('loads again on refresh() and shows what changed', async () => {
    const source = createInMemoryDataSource(generateDocuments(2, { persona: 'kidney' }));
    const browser = await mountWithSource(source);
    await source.documents.create({
      title: 'Bilan néphrologique annuel',
      kind: 'consultation-note',
      date: '2030-01-05T09:00:00.000Z',
      contentType: 'application/pdf',
    });
    await browser.refresh();
    await browser.updateComplete;
    await waitUntil(() => rowTitles(browser)[0] === 'Bilan néphrologique annuel', 'new document first');
    expect(text(part(browser, '.count'))).to.equal('3 documents');
  });

  it('renders 10,000 documents virtualized and still finds the right one', async () => {
    const restore = tolerateResizeObserverNotices();
    try {
      const documents = generateDocuments(10_000);
      const needle: HealthDocument = {
        ...(documents[1234] as HealthDocument),
        id: 'needle',
        title: 'Polysomnographie du Dr Zéphyrin Quillet',
        author: 'Dr Zéphyrin Quillet',
      };
      documents[1234] = needle;
      const browser = await mountWithSource(createInMemoryDataSource(documents));
      expect(text(part(browser, '.count'))).to.equal('10 000 documents'.replace(' ', '\u202f').replace(/\s/g, ' '));
      const rendered = rows(browser).length;
      expect(rendered).to.be.above(0).and.below(100);
      expect(rows(browser)[0]?.getAttribute('aria-setsize')).to.equal('10000');
      await search(browser, 'polysomnographie zephyrin');
      await titlesBecome(browser, ['Polysomnographie du Dr Zéphyrin Quillet']);
      expect(rows(browser)[0]?.dataset['documentId']).to.equal('needle');
      await search(browser, 'quilet');
      await waitUntil(() => rowTitles(browser)[0] === 'Polysomnographie du Dr Zéphyrin Quillet', 'typo found');
      // Lets late ResizeObserver notices arrive while they are tolerated.
      await aTimeout(50);
    } finally {
      restore();
    }
  });
});
