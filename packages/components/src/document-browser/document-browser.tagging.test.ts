import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { HealthDocument } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, removeFixtures, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetDocumentChangeDetail } from '../events/carnet-document-change.js';
import {
  countsShown,
  facetCount,
  mountWithProvider,
  part,
  rowOf,
  seedFrenchDocuments,
  shadow,
  text,
} from './test-helpers/browser-fixtures.js';
import type { CarnetDocumentBrowser } from './document-browser.js';

const PRESCRIPTION = 'Ordonnance de renouvellement d’insuline';
const LAB = 'Résultats d’analyses sanguines';
const IMAGING = 'IRM cérébrale';

function tagsOf(browser: CarnetDocumentBrowser, title: string): string[] {
  return [...rowOf(browser, title).querySelectorAll('.row-tags li')].map((li) => text(li));
}

async function openTagEditor(browser: CarnetDocumentBrowser, title: string): Promise<HTMLDialogElement> {
  rowOf(browser, title).querySelector<HTMLButtonElement>('[data-action="tags"]')?.click();
  await browser.updateComplete;
  const dialog = part<HTMLDialogElement>(browser, 'dialog[part="tag-editor"]');
  await waitUntil(() => dialog.open, 'tag editor open');
  return dialog;
}

async function addTag(browser: CarnetDocumentBrowser, tag: string): Promise<void> {
  const input = part<HTMLInputElement>(browser, '#tag-input');
  input.value = tag;
  input.dispatchEvent(new Event('input'));
  await browser.updateComplete;
  part<HTMLButtonElement>(browser, 'button[part="tag-add"]').click();
}

async function storedDocuments(dbName: string): Promise<Map<string, HealthDocument>> {
  const source = createLocalDataSource({ dbName });
  try {
    return new Map((await source.documents.listAll()).map((document) => [document.title, document]));
  } finally {
    source.close();
  }
}

async function remount(dbName: string): Promise<CarnetDocumentBrowser> {
  removeFixtures();
  return (await mountWithProvider(dbName)).browser;
}

describe('<carnet-document-browser> tags and favourites', () => {
  let dbName: string;
  let browser: CarnetDocumentBrowser;

  beforeEach(async () => {
    dbName = uniqueDbName('browser-tags');
    await seedFrenchDocuments(dbName);
    browser = (await mountWithProvider(dbName)).browser;
  });

  afterEach(() => deleteTestDatabases());

  it('adds a tag to a document, fires carnet-document-change, and keeps it after a reload', async () => {
    const changes: CarnetDocumentChangeDetail[] = [];
    browser.addEventListener('carnet-document-change', (event) => changes.push(event.detail));
    await openTagEditor(browser, IMAGING);
    expect(text(part(browser, 'dialog[part="tag-editor"] .dialog-subtitle'))).to.equal(IMAGING);
    await addTag(browser, 'neurologie');
    await waitUntil(() => tagsOf(browser, IMAGING).includes('neurologie'), 'tag shown in the row');
    expect(part<HTMLInputElement>(browser, '#tag-input').value).to.equal('');
    await countsShown(browser);
    expect(facetCount(browser, 'tags', 'neurologie')).to.equal('(2)');
    expect(changes).to.have.length(1);
    expect(changes[0]?.changes).to.deep.equal({ tags: ['neurologie'] });
    expect(changes[0]?.version).to.equal('2');

    const reloaded = await remount(dbName);
    expect(tagsOf(reloaded, IMAGING)).to.deep.equal(['neurologie']);
  });

  it('removes a tag from the editor', async () => {
    await openTagEditor(browser, PRESCRIPTION);
    const remove = part<HTMLButtonElement>(browser, 'button[data-tag="traitement"]');
    expect(remove.getAttribute('aria-label')).to.equal('Retirer l’étiquette traitement');
    remove.click();
    await waitUntil(() => tagsOf(browser, PRESCRIPTION).length === 1, 'tag removed');
    expect(tagsOf(browser, PRESCRIPTION)).to.deep.equal(['diabète']);
    expect((await storedDocuments(dbName)).get(PRESCRIPTION)?.tags).to.deep.equal(['diabète']);
  });

  it('suggests existing tags while typing, typos included', async () => {
    await openTagEditor(browser, IMAGING);
    const input = part<HTMLInputElement>(browser, '#tag-input');
    expect(input.getAttribute('list')).to.equal('tag-suggestions');
    input.value = 'diab';
    input.dispatchEvent(new Event('input'));
    await browser.updateComplete;
    const options = (): string[] =>
      [...shadow(browser).querySelectorAll('#tag-suggestions option')].map((o) => (o as HTMLOptionElement).value);
    // Opening the editor loads the search code if the page has not yet: the suggestions follow it.
    await waitUntil(() => JSON.stringify(options()) === JSON.stringify(['diabète']), 'diabète suggested');
    input.value = 'neurolgie';
    input.dispatchEvent(new Event('input'));
    await browser.updateComplete;
    expect(options()).to.deep.equal(['neurologie']);
  });

  it('toggles a favourite from the row and keeps it after a reload', async () => {
    const star = rowOf(browser, LAB).querySelector('[data-action="favourite"]') as HTMLButtonElement;
    expect(star.getAttribute('aria-pressed')).to.equal('false');
    expect(star.getAttribute('aria-label')).to.equal(`Favori : ${LAB}`);
    star.click();
    await waitUntil(
      () => rowOf(browser, LAB).querySelector('[data-action="favourite"]')?.getAttribute('aria-pressed') === 'true',
      'favourite shown',
    );
    // The counts follow a frame after the list (facets counted after the paint).
    await waitUntil(
      () => text(part(browser, 'input[part="favourites-only"]').closest('label')) === 'Favoris uniquement (3)',
      'favourites counted',
    );
    const reloaded = await remount(dbName);
    expect(rowOf(reloaded, LAB).querySelector('[data-action="favourite"]')?.getAttribute('aria-pressed')).to.equal(
      'true',
    );
  });

  it('tags several selected documents at once, persisted across a new provider on the same database', async () => {
    for (const title of [PRESCRIPTION, LAB, IMAGING]) {
      rowOf(browser, title).querySelector<HTMLInputElement>('[data-action="select"]')?.click();
      await browser.updateComplete;
    }
    expect(text(part(browser, '[part="selection-bar"]'))).to.contain('3 sélectionné(s)');
    expect(rowOf(browser, LAB).hasAttribute('data-selected')).to.equal(true);
    part<HTMLButtonElement>(browser, 'button[part="tag-selection"]').click();
    await browser.updateComplete;
    await waitUntil(() => part<HTMLDialogElement>(browser, 'dialog[part="tag-editor"]').open, 'bulk editor open');
    expect(text(part(browser, '#tags-title'))).to.equal('Étiqueter 3 documents');
    await addTag(browser, 'à montrer au Dr Leroy');
    await waitUntil(() => facetCount(browser, 'tags', 'à montrer au Dr Leroy') === '(3)', 'three tagged');

    const reloaded = await remount(dbName);
    for (const title of [PRESCRIPTION, LAB, IMAGING])
      expect(tagsOf(reloaded, title)).to.include('à montrer au Dr Leroy');
    expect(tagsOf(reloaded, 'Hémoglobine glyquée (HbA1c)')).not.to.include('à montrer au Dr Leroy');
  });

  it('renames a tag everywhere', async () => {
    const details = part<HTMLDetailsElement>(browser, 'details[part="rename-tag"]');
    details.open = true;
    const from = part<HTMLSelectElement>(browser, '#rename-from');
    from.value = 'diabète';
    part<HTMLInputElement>(browser, '#rename-to').value = 'diabète de type 1';
    part<HTMLButtonElement>(browser, 'details[part="rename-tag"] button[type="submit"]').click();
    // Documents are saved one after the other: the rename is over once the old tag has left the facets.
    await waitUntil(
      () =>
        shadow(browser).querySelector('input[data-group="tags"][data-value="diabète de type 1"]') &&
        !shadow(browser).querySelector('input[data-group="tags"][data-value="diabète"]'),
      'renamed on every document',
    );
    expect(facetCount(browser, 'tags', 'diabète de type 1')).to.equal('(2)');
    expect(tagsOf(browser, PRESCRIPTION)).to.deep.equal(['diabète de type 1', 'traitement']);
    const stored = await storedDocuments(dbName);
    expect(stored.get(LAB)?.tags).to.deep.equal(['diabète de type 1']);
    expect(stored.get(PRESCRIPTION)?.tags).to.deep.equal(['diabète de type 1', 'traitement']);
  });

  it('on a conflict, says so, reloads the document, keeps what was typed, and saves on retry', async () => {
    // Another tab changes the document meanwhile.
    const elsewhere = createLocalDataSource({ dbName });
    const before = (await storedDocuments(dbName)).get(IMAGING) as HealthDocument;
    await elsewhere.documents.update(before.id, { favourite: true, tags: ['scanner'] }, before.version);
    elsewhere.close();

    await openTagEditor(browser, IMAGING);
    await addTag(browser, 'neurologie');
    await waitUntil(() => shadow(browser).querySelector('[part="conflict"]'), 'conflict shown');
    expect(part(browser, '[part="conflict"]').getAttribute('role')).to.equal('alert');
    expect(text(part(browser, '[part="conflict"]')))
      .to.contain('changé entre-temps, sur un autre appareil')
      .and.contain('Réessayez');
    expect(part<HTMLInputElement>(browser, '#tag-input').value).to.equal('neurologie');
    // Reloaded: the other tab's change is shown, nothing of ours was written.
    await waitUntil(() => tagsOf(browser, IMAGING).join() === 'scanner', 'document reloaded');
    expect(rowOf(browser, IMAGING).querySelector('[data-action="favourite"]')?.getAttribute('aria-pressed')).to.equal(
      'true',
    );
    expect((await storedDocuments(dbName)).get(IMAGING)?.tags).to.deep.equal(['scanner']);

    part<HTMLButtonElement>(browser, 'button[part="tag-add"]').click();
    await waitUntil(() => tagsOf(browser, IMAGING).join() === 'scanner,neurologie', 'saved on retry');
    expect(shadow(browser).querySelector('[part="conflict"]')).to.equal(null);
    const stored = (await storedDocuments(dbName)).get(IMAGING);
    expect(stored?.tags).to.deep.equal(['scanner', 'neurologie']);
    expect(stored?.favourite).to.equal(true);
  });

  it('on a conflict from a row star, shows the message in the list and does not overwrite', async () => {
    const elsewhere = createLocalDataSource({ dbName });
    const before = (await storedDocuments(dbName)).get(LAB) as HealthDocument;
    await elsewhere.documents.update(before.id, { title: before.title, tags: ['bilan annuel'] }, before.version);
    elsewhere.close();

    rowOf(browser, LAB).querySelector<HTMLButtonElement>('[data-action="favourite"]')?.click();
    await waitUntil(() => shadow(browser).querySelector('[part="notice"] [part="conflict"]'), 'conflict in the list');
    await waitUntil(() => tagsOf(browser, LAB).join() === 'bilan annuel', 'reloaded');
    const stored = (await storedDocuments(dbName)).get(LAB);
    expect(stored?.favourite).to.equal(false);
    expect(stored?.tags).to.deep.equal(['bilan annuel']);
  });
});
