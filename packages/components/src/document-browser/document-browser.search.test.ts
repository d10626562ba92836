import { documentKindInfo } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import { setCarnetLocale } from '../shared/localization.js';
import {
  countsShown,
  facetCount,
  mountWithProvider,
  part,
  rowOf,
  rowTitles,
  rows,
  search,
  seedFrenchDocuments,
  shadow,
  text,
  titlesBecome,
  toggleFacet,
} from './test-helpers/browser-fixtures.js';
import type { CarnetDocumentBrowser } from './document-browser.js';

async function frenchBrowser(): Promise<CarnetDocumentBrowser> {
  const dbName = uniqueDbName('browser-search');
  await seedFrenchDocuments(dbName);
  return (await mountWithProvider(dbName)).browser;
}

function marks(browser: CarnetDocumentBrowser, title: string): string[] {
  return [...rowOf(browser, title).querySelectorAll('mark')].map((mark) => mark.textContent ?? '');
}

describe('<carnet-document-browser> search and facets', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setCarnetLocale('fr');
  });

  it('lists every document, newest first, with kind, date, author, organisation and tags', async () => {
    const browser = await frenchBrowser();
    expect(rowTitles(browser)).to.deep.equal([
      'Ordonnance de renouvellement d’insuline',
      'Résultats d’analyses sanguines',
      'Hémoglobine glyquée (HbA1c)',
      'IRM cérébrale',
      'Vaccination contre la grippe saisonnière',
      'Compte rendu de consultation de neurologie',
    ]);
    const first = rows(browser)[0] as HTMLLIElement;
    expect(text(first.querySelector('.row-kind'))).to.equal('Ordonnance');
    expect(first.querySelector('time')?.getAttribute('datetime')).to.equal('2025-06-02T09:00:00.000Z');
    expect(text(first.querySelector('time'))).to.equal('2 juin 2025');
    expect(text(first.querySelector('.row-who'))).to.equal('Dr Paul Durand Cabinet médical des Lilas');
    expect([...first.querySelectorAll('.row-tags li')].map((li) => text(li))).to.deep.equal(['diabète', 'traitement']);
    expect(first.getAttribute('aria-setsize')).to.equal('6');
    expect(first.getAttribute('aria-posinset')).to.equal('1');
    expect(text(part(browser, '.count'))).to.equal('6 documents');
  });

  it('finds « Résultats » when typing resultat, without accents or capitals, and highlights it', async () => {
    const browser = await frenchBrowser();
    await search(browser, 'resultat');
    await titlesBecome(browser, ['Résultats d’analyses sanguines', 'Hémoglobine glyquée (HbA1c)']);
    expect(marks(browser, 'Résultats d’analyses sanguines')).to.include('Résultat');
    const markInTitle = rowOf(browser, 'Résultats d’analyses sanguines').querySelector('.row-title mark');
    expect(markInTitle?.textContent).to.equal('Résultat');
    // The second one matched through its kind label « Résultats d'analyses ».
    expect(text(rowOf(browser, 'Hémoglobine glyquée (HbA1c)').querySelector('.row-kind mark'))).to.equal('Résultat');
    expect(text(part(browser, '.count'))).to.equal('2 documents sur 6');
  });

  it('tolerates typos: ordonance finds the prescription', async () => {
    const browser = await frenchBrowser();
    await search(browser, 'ordonance');
    await titlesBecome(browser, ['Ordonnance de renouvellement d’insuline']);
    expect(marks(browser, 'Ordonnance de renouvellement d’insuline')).to.include('Ordonnance');
  });

  it('finds hemoglobine glyquee and highlights the accented original words', async () => {
    const browser = await frenchBrowser();
    await search(browser, 'hemoglobine glyquee');
    await titlesBecome(browser, ['Hémoglobine glyquée (HbA1c)']);
    expect(marks(browser, 'Hémoglobine glyquée (HbA1c)')).to.deep.equal(['Hémoglobine', 'glyquée']);
  });

  it('searches authors, organisations, tags and descriptions', async () => {
    const browser = await frenchBrowser();
    await search(browser, 'leroy');
    await titlesBecome(browser, ['IRM cérébrale', 'Compte rendu de consultation de neurologie']);
    expect(text(rowOf(browser, 'IRM cérébrale').querySelector('.row-who mark'))).to.equal('Leroy');
    await search(browser, 'traitement');
    await titlesBecome(browser, ['Ordonnance de renouvellement d’insuline']);
    expect(text(rowOf(browser, 'Ordonnance de renouvellement d’insuline').querySelector('.row-tags mark'))).to.equal(
      'traitement',
    );
    await search(browser, 'lipidique');
    await titlesBecome(browser, ['Résultats d’analyses sanguines']);
  });

  it('renders matched text as text, never as markup', async () => {
    const browser = await frenchBrowser();
    await search(browser, 'irm');
    await titlesBecome(browser, ['IRM cérébrale']);
    const title = rowOf(browser, 'IRM cérébrale').querySelector('.row-title') as HTMLElement;
    expect([...title.children].map((child) => child.tagName)).to.deep.equal(['MARK']);
    expect(title.querySelector('mark')?.textContent).to.equal('IRM');
  });

  it('sorts by title, by date and by type when asked', async () => {
    const browser = await frenchBrowser();
    const sort = part<HTMLSelectElement>(browser, '#sort');
    sort.value = 'title';
    sort.dispatchEvent(new Event('change'));
    await titlesBecome(browser, [
      'Compte rendu de consultation de neurologie',
      'Hémoglobine glyquée (HbA1c)',
      'IRM cérébrale',
      'Ordonnance de renouvellement d’insuline',
      'Résultats d’analyses sanguines',
      'Vaccination contre la grippe saisonnière',
    ]);
    sort.value = 'date-asc';
    sort.dispatchEvent(new Event('change'));
    await titlesBecome(browser, [
      'Compte rendu de consultation de neurologie',
      'Vaccination contre la grippe saisonnière',
      'IRM cérébrale',
      'Hémoglobine glyquée (HbA1c)',
      'Résultats d’analyses sanguines',
      'Ordonnance de renouvellement d’insuline',
    ]);
    sort.value = 'kind';
    sort.dispatchEvent(new Event('change'));
    const kinds = (): string[] => rows(browser).map((row) => text(row.querySelector('.row-kind')));
    await waitUntil(() => rowTitles(browser)[0] === 'IRM cérébrale', 'sorted by type');
    expect(kinds()).to.deep.equal([...kinds()].sort((a, b) => a.localeCompare(b, 'fr')));
  });

  it('shows facet counts and combines facets: within a group OR, across groups AND', async () => {
    const browser = await frenchBrowser();
    expect(facetCount(browser, 'kinds', 'lab-result')).to.equal('(2)');
    expect(facetCount(browser, 'years', '2024')).to.equal('(2)');
    expect(facetCount(browser, 'authors', 'Dr Claire Martin')).to.equal('(2)');
    expect(facetCount(browser, 'tags', 'diabète')).to.equal('(2)');
    const kindLegend = text(shadow(browser).querySelector('fieldset[data-group="kinds"] legend'));
    expect(kindLegend).to.equal('Type de document');
    expect(text(part(browser, 'input[data-value="lab-result"]').closest('label'))).to.contain(
      documentKindInfo('lab-result').labelFr,
    );

    await toggleFacet(browser, 'kinds', 'lab-result');
    await titlesBecome(browser, ['Résultats d’analyses sanguines', 'Hémoglobine glyquée (HbA1c)']);
    await countsShown(browser);
    // The year group counts what adding a year would give among lab results.
    expect(facetCount(browser, 'years', '2025')).to.equal('(1)');
    expect(facetCount(browser, 'years', '2024')).to.equal('(1)');

    await toggleFacet(browser, 'years', '2024');
    await titlesBecome(browser, ['Hémoglobine glyquée (HbA1c)']);

    await toggleFacet(browser, 'kinds', 'imaging');
    await titlesBecome(browser, ['Hémoglobine glyquée (HbA1c)', 'IRM cérébrale']);
    expect(part<HTMLInputElement>(browser, 'input[data-group="kinds"][data-value="imaging"]').checked).to.equal(true);
  });

  it('shows favourites only, with their count', async () => {
    const browser = await frenchBrowser();
    const favourites = part<HTMLInputElement>(browser, 'input[part="favourites-only"]');
    expect(text(favourites.closest('label'))).to.equal('Favoris uniquement (2)');
    favourites.click();
    await titlesBecome(browser, ['Hémoglobine glyquée (HbA1c)', 'Compte rendu de consultation de neurologie']);
  });

  it('clears the query and every filter at once', async () => {
    const browser = await frenchBrowser();
    await search(browser, 'dr');
    await toggleFacet(browser, 'tags', 'diabète');
    await titlesBecome(browser, ['Ordonnance de renouvellement d’insuline', 'Résultats d’analyses sanguines']);
    part<HTMLButtonElement>(browser, 'button[part="clear-all"]').click();
    await browser.updateComplete;
    await waitUntil(() => rowTitles(browser).length === 6, 'all documents back');
    expect(part<HTMLInputElement>(browser, '#search').value).to.equal('');
    expect(shadow(browser).querySelector('button[part="clear-all"]')).to.equal(null);
    expect(part<HTMLInputElement>(browser, 'input[data-group="tags"][data-value="diabète"]').checked).to.equal(false);
  });

  it('offers to clear the filters when nothing matches', async () => {
    const browser = await frenchBrowser();
    await search(browser, 'xylophone');
    await waitUntil(() => shadow(browser).querySelector('[part="no-results"]'), 'no results');
    expect(browser.matches(':state(no-results)')).to.equal(true);
    expect(text(part(browser, '[part="no-results"]'))).to.contain('Aucun document ne correspond à votre recherche');
    part<HTMLButtonElement>(browser, '[part="no-results"] button').click();
    await waitUntil(() => rowTitles(browser).length === 6, 'all documents back');
  });

  it('announces the number of results politely, once typing pauses', async () => {
    const browser = await frenchBrowser();
    const region = part(browser, '[role="status"][aria-live="polite"]');
    await search(browser, 'h');
    await search(browser, 'hemo');
    expect(region.textContent).to.equal('');
    await waitUntil(() => region.textContent === '1 document', 'announced', { timeout: 3_000 });
  });

  it('follows a locale switch of the provider, keeping the query', async () => {
    const dbName = uniqueDbName('browser-switch');
    await seedFrenchDocuments(dbName);
    const { provider, browser } = await mountWithProvider(dbName);
    await search(browser, 'irm');
    await titlesBecome(browser, ['IRM cérébrale']);
    provider.locale = 'en';
    await waitUntil(
      () => text(rows(browser)[0]?.querySelector('.row-kind')) === 'Imaging report',
      'English kind label',
    );
    expect(part<HTMLInputElement>(browser, '#search').value).to.equal('irm');
    expect(rowTitles(browser)).to.deep.equal(['IRM cérébrale']);
    // Kind labels follow the context at once; strings once the English catalogue is loaded.
    await waitUntil(() => text(part(browser, '.count')) === '1 document of 6', 'English count');
  });

  it('speaks English: kind labels, sorts, counts and facets', async () => {
    const dbName = uniqueDbName('browser-english');
    await seedFrenchDocuments(dbName);
    const { browser } = await mountWithProvider(dbName, { locale: 'en' });
    await waitUntil(() => text(part(browser, '.title')) === 'My documents', 'English strings');
    expect(text(rows(browser)[0]?.querySelector('.row-kind'))).to.equal('Prescription');
    expect(text(rows(browser)[0]?.querySelector('time'))).to.equal('June 2, 2025');
    expect(text(part(browser, '.count'))).to.equal('6 documents');
    expect(text(part(browser, 'label[for="search"]'))).to.equal('Search my documents');
    expect(text(part(browser, 'input[data-value="lab-result"]').closest('label'))).to.contain('Laboratory results');
    await search(browser, 'laboratory');
    await titlesBecome(browser, ['Résultats d’analyses sanguines', 'Hémoglobine glyquée (HbA1c)']);
  });
});
