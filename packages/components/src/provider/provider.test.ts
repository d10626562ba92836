import { computeAdherence, createLocalDataSource, StorageError } from '@carnet/catalog-sdk';
import type { DataSource } from '@carnet/catalog-sdk';
import { deleteTestDatabases, seedPersonaRecord, uniqueDbName } from '../test-helpers/databases.js';
import { withFailingDocumentList } from '../test-helpers/faulty-data-source.js';
import { expect, fixture, fixtureSync, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetErrorEvent } from '../events/carnet-error.js';
import { setCarnetLocale } from '../shared/localization.js';
import type { CarnetRecordSummary } from '../record-summary/record-summary.js';
import type { CarnetProvider } from './provider.js';
import '../record-summary/record-summary.js';
import './provider.js';

function summaryIn(provider: CarnetProvider): CarnetRecordSummary {
  const summary = provider.querySelector('carnet-record-summary');
  if (!summary) throw new Error('no record summary in the provider');
  return summary;
}

function shadowText(element: Element): string {
  return element.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function databaseExists(name: string): Promise<boolean> {
  const databases = await indexedDB.databases();
  return databases.some((database) => database.name === name);
}

describe('<carnet-provider>', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setCarnetLocale('fr');
  });

  it('provides a local record on this device to the widgets inside it', async () => {
    const dbName = uniqueDbName('local');
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${dbName}><carnet-record-summary></carnet-record-summary></carnet-provider>`,
    );
    const summary = summaryIn(provider);
    expect(provider.recordStatus).to.equal('ready');
    expect(provider.activeDataSource?.kind).to.equal('local');
    expect(summary.dataSource).to.equal(provider.activeDataSource);
    await waitUntil(() => shadowText(summary).includes('Votre carnet est vide'), 'empty record shown');
    expect(await databaseExists(dbName)).to.equal(true);
    expect(provider.shadowRoot?.querySelector('slot')).to.exist;
  });

  it("opens the database named 'carnet' when no db-name is given", () => {
    const provider = document.createElement('carnet-provider');
    expect(provider.dbName).to.equal('carnet');
    expect(provider.locale).to.equal(undefined);
  });

  it('uses an injected data source instead of opening a local database', async () => {
    const dbName = uniqueDbName('injected-real');
    const record = await seedPersonaRecord(dbName, 'kidney', 4);
    const injected = createLocalDataSource({ dbName });
    const unusedName = uniqueDbName('never-opened');
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${unusedName} .dataSource=${injected}>
        <carnet-record-summary></carnet-record-summary>
      </carnet-provider>`,
    );
    const summary = summaryIn(provider);
    expect(provider.activeDataSource).to.equal(injected);
    expect(summary.dataSource).to.equal(injected);
    await waitUntil(() => summary.shadowRoot?.querySelector('.counts'), 'counts shown');
    expect(shadowText(summary)).to.contain(record.documents[0]?.title.slice(0, 12) ?? '');
    expect(await databaseExists(unusedName)).to.equal(false);
    injected.close();
  });

  it('switches widgets to a newly injected data source, and back to the local one when removed', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${uniqueDbName('swap')}
        ><carnet-record-summary></carnet-record-summary
      ></carnet-provider>`,
    );
    const local = provider.activeDataSource;
    const injected = createLocalDataSource({ dbName: uniqueDbName('swap-injected') });
    provider.dataSource = injected;
    await provider.updateComplete;
    expect(summaryIn(provider).dataSource).to.equal(injected);
    provider.dataSource = undefined;
    await provider.updateComplete;
    expect(summaryIn(provider).dataSource?.kind).to.equal('local');
    expect(summaryIn(provider).dataSource).not.to.equal(local);
    injected.close();
  });

  it('seeds the demo persona once, tunes the widgets to it, and never duplicates it', async () => {
    const dbName = uniqueDbName('persona');
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${dbName} demo-persona="parkinson">
        <carnet-record-summary></carnet-record-summary>
      </carnet-provider>`,
    );
    expect(provider.recordStatus).to.equal('seeding');
    expect(shadowText(provider)).to.contain('Préparation du carnet de démonstration');
    await expect(provider).to.be.accessible();
    await waitUntil(() => provider.recordStatus === 'ready', 'persona seeded', { timeout: 15_000 });
    const summary = summaryIn(provider);
    await waitUntil(() => summary.shadowRoot?.querySelector('.counts'), 'counts shown');
    expect(shadowText(summary)).to.contain('Parcours : Maladie de Parkinson');
    const source = provider.activeDataSource as DataSource;
    const firstTotal = (await source.documents.list({ limit: 1 })).total;
    const firstTeam = (await source.careTeam.list()).length;
    expect(firstTotal).to.be.greaterThan(100);
    // Generated around today: this week's doses are filled in (not « 0 %, 42 manquées » weeks after a fixed date).
    const week = computeAdherence(await source.medications.listPlans(), await source.medications.listIntakes(), {
      now: new Date(),
      days: 7,
    });
    expect(week.overall.rate ?? 0).to.be.greaterThan(0.8);
    // Every demo document has its file, of the size and type its details state (no « Aperçu indisponible »).
    const documents = (await source.documents.list({ limit: 20 })).items;
    for (const document of documents) {
      const file = await source.documents.getContent(document.id);
      expect([file.size, file.type]).to.deep.equal([document.size, document.contentType]);
    }

    provider.remove();
    const second = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${dbName} demo-persona="parkinson"></carnet-provider>`,
    );
    await waitUntil(() => second.recordStatus === 'ready', 'second provider ready', { timeout: 15_000 });
    const again = second.activeDataSource as DataSource;
    expect((await again.documents.list({ limit: 1 })).total).to.equal(firstTotal);
    expect((await again.careTeam.list()).length).to.equal(firstTeam);
  });

  it('does not seed a persona into a record that already holds data', async () => {
    const dbName = uniqueDbName('not-empty');
    const record = await seedPersonaRecord(dbName, 'diabetes', 5);
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${dbName} demo-persona="kidney"></carnet-provider>`,
    );
    await waitUntil(() => provider.recordStatus === 'ready', 'ready');
    const source = provider.activeDataSource as DataSource;
    expect((await source.documents.list({ limit: 1 })).total).to.equal(record.documents.length);
  });

  it('reflects its locale, sets lang on itself and gives the locale to the widgets', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider locale="en" db-name=${uniqueDbName('locale')}></carnet-provider>`,
    );
    expect(provider.locale).to.equal('en');
    expect(provider.getAttribute('lang')).to.equal('en');
    provider.locale = 'fr';
    await provider.updateComplete;
    expect(provider.getAttribute('locale')).to.equal('fr');
    expect(provider.getAttribute('lang')).to.equal('fr');
  });

  it("falls back to the nearest ancestor's lang, then to French", async () => {
    const page = fixtureSync<HTMLDivElement>(
      html`<div>
        <div lang="en-GB"><carnet-provider db-name=${uniqueDbName('lang-en')}></carnet-provider></div>
        <div lang="de"><carnet-provider db-name=${uniqueDbName('lang-de')}></carnet-provider></div>
        <carnet-provider db-name=${uniqueDbName('lang-page')}></carnet-provider>
      </div>`,
    );
    const [english, german, pageDefault] = [...page.querySelectorAll('carnet-provider')] as CarnetProvider[];
    await Promise.all([english?.updateComplete, german?.updateComplete, pageDefault?.updateComplete]);
    expect(english?.locale).to.equal('en');
    expect(english?.getAttribute('lang')).to.equal('en');
    expect(german?.locale).to.equal('fr');
    // The test page says <html lang="fr">.
    expect(pageDefault?.locale).to.equal('fr');
  });

  it('shows a localized error with Retry and fires carnet-error when the record cannot be opened', async () => {
    const provider = document.createElement('carnet-provider');
    provider.dbName = '   ';
    const errors: CarnetErrorEvent[] = [];
    const recordError = (event: CarnetErrorEvent): void => {
      errors.push(event);
    };
    document.addEventListener('carnet-error', recordError);
    try {
      const fixtureRoot = fixtureSync<HTMLDivElement>(html`<div></div>`);
      fixtureRoot.append(provider);
      await provider.updateComplete;

      expect(provider.recordStatus).to.equal('error');
      const alert = provider.shadowRoot?.querySelector('[role="alert"]');
      expect(alert?.textContent).to.contain('Certaines informations ne sont pas valides.');
      expect(errors).to.have.length(1);
      expect(errors[0]?.detail.code).to.equal('validation');
      expect(Object.keys(errors[0]?.detail ?? {}).sort()).to.deep.equal(['code', 'message', 'messageKey']);
      await expect(provider).to.be.accessible();

      const retry = provider.shadowRoot?.querySelector<HTMLButtonElement>('button[part="retry"]');
      expect(retry?.textContent?.trim()).to.equal('Réessayer');
      expect(retry?.getBoundingClientRect().height).to.be.at.least(44);
      retry?.click();
      await provider.updateComplete;
      expect(errors).to.have.length(2);

      provider.dbName = uniqueDbName('recovered');
      await provider.updateComplete;
      expect(provider.recordStatus).to.equal('ready');
      expect(provider.shadowRoot?.querySelector('[role="alert"]')).to.equal(null);

      provider.locale = 'en';
      provider.dbName = '';
      await provider.updateComplete;
      await waitUntil(
        () => provider.shadowRoot?.textContent?.includes('Some information is not valid.'),
        'English error',
      );
      expect(provider.shadowRoot?.querySelector('button[part="retry"]')?.textContent?.trim()).to.equal('Retry');
    } finally {
      document.removeEventListener('carnet-error', recordError);
    }
  });

  it('lets the widgets inside show an error, never « Chargement… » for ever, when the record cannot be opened', async () => {
    const provider = fixtureSync<CarnetProvider>(
      html`<carnet-provider db-name="   "><carnet-record-summary></carnet-record-summary></carnet-provider>`,
    );
    const summary = provider.querySelector('carnet-record-summary') as HTMLElement;
    await waitUntil(() => summary.matches(':state(error)'), 'the summary shows its error state');
    expect(summary.shadowRoot?.querySelector('[part="loading"]')).to.equal(null);
    expect(summary.shadowRoot?.querySelector('[role="alert"]')?.textContent).to.contain(
      'Certaines informations ne sont pas valides.',
    );
    expect(provider.activeDataSource).to.equal(undefined);
  });

  it('closes the data source it opened when removed, but never an injected one', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${uniqueDbName('close')}></carnet-provider>`,
    );
    const owned = provider.activeDataSource as DataSource;
    let ownedCloses = 0;
    const closeOwned = owned.close.bind(owned);
    owned.close = () => {
      ownedCloses += 1;
      closeOwned();
    };
    provider.remove();
    expect(ownedCloses).to.equal(1);
    expect(provider.activeDataSource).to.equal(undefined);

    const real = createLocalDataSource({ dbName: uniqueDbName('close-injected') });
    const injected = withFailingDocumentList(real, new StorageError('unused'));
    const second = await fixture<CarnetProvider>(
      html`<carnet-provider .dataSource=${injected.source}></carnet-provider>`,
    );
    second.remove();
    expect(injected.closeCalls).to.equal(0);
    real.close();
  });

  it('opens its record again when put back in the page', async () => {
    const holder = fixtureSync<HTMLDivElement>(
      html`<div><carnet-provider db-name=${uniqueDbName('reattach')}></carnet-provider></div>`,
    );
    const provider = holder.querySelector('carnet-provider') as CarnetProvider;
    const first = provider.activeDataSource;
    provider.remove();
    holder.append(provider);
    await provider.updateComplete;
    expect(provider.recordStatus).to.equal('ready');
    expect(provider.activeDataSource?.kind).to.equal('local');
    expect(provider.activeDataSource).not.to.equal(first);
  });

  it('is accessible once ready', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${uniqueDbName('a11y')}><p>Contenu de l'association</p></carnet-provider>`,
    );
    await expect(provider).to.be.accessible();
  });
});
