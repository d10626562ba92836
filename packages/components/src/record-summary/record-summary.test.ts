import { sendKeys } from '@web/test-runner-commands';
import { createLocalDataSource, documentKindInfo, StorageError } from '@carnet/catalog-sdk';
import type { HealthDocument, PatientRecord } from '@carnet/catalog-sdk';
import { deleteTestDatabases, seedPersonaRecord, uniqueDbName } from '../test-helpers/databases.js';
import { withFailingDocumentList, withHeldDocumentList } from '../test-helpers/faulty-data-source.js';
import { expect, fixture, html, oneEvent, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetRecordOpenEvent } from '../events/carnet-record-open.js';
import { setCarnetLocale } from '../shared/localization.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetRecordSummary } from './record-summary.js';
import type { CarnetDocumentBrowser } from '../document-browser/document-browser.js';
import '../document-browser/document-browser.js';
import '../provider/provider.js';
import './record-summary.js';

function text(root: ParentNode | null | undefined): string {
  return root?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function newestFirst(record: PatientRecord): HealthDocument[] {
  return [...record.documents].sort((a, b) => b.date.localeCompare(a.date));
}

function longDate(instant: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(instant));
}

function recentButtons(summary: CarnetRecordSummary): HTMLButtonElement[] {
  return [...(summary.shadowRoot?.querySelectorAll<HTMLButtonElement>('button[part="recent-document"]') ?? [])];
}

async function providerWithSummary(
  dbName: string,
  attributes: { locale?: 'fr' | 'en'; pathology?: string } = {},
): Promise<{ provider: CarnetProvider; summary: CarnetRecordSummary }> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName} locale=${attributes.locale ?? 'fr'} pathology=${attributes.pathology ?? ''}>
      <carnet-record-summary></carnet-record-summary>
    </carnet-provider>`,
  );
  const summary = provider.querySelector('carnet-record-summary') as CarnetRecordSummary;
  return { provider, summary };
}

async function dataShown(summary: CarnetRecordSummary): Promise<void> {
  await waitUntil(() => summary.shadowRoot?.querySelector('.counts'), 'counts shown', { timeout: 10_000 });
}

describe('<carnet-record-summary>', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setCarnetLocale('fr');
  });

  it('shows a busy skeleton while it has no record yet, and is accessible', async () => {
    const summary = await fixture<CarnetRecordSummary>(html`<carnet-record-summary></carnet-record-summary>`);
    const loading = summary.shadowRoot?.querySelector('[part="loading"]');
    expect(loading?.getAttribute('aria-busy')).to.equal('true');
    expect(loading?.getAttribute('role')).to.equal('status');
    expect(text(loading)).to.equal('Chargement de votre carnet…');
    expect(summary.matches(':state(loading)')).to.equal(true);
    await expect(summary).to.be.accessible();
  });

  it('says the record is empty, in French, and is accessible', async () => {
    const { summary } = await providerWithSummary(uniqueDbName('empty'));
    await waitUntil(() => summary.shadowRoot?.querySelector('[part="empty"]'), 'empty state');
    expect(text(summary.shadowRoot?.querySelector('[part="empty"]'))).to.contain('Votre carnet est vide');
    expect(summary.matches(':state(empty)')).to.equal(true);
    await expect(summary).to.be.accessible();
  });

  it('counts what the record holds and lists the three newest documents', async () => {
    const dbName = uniqueDbName('data');
    const record = await seedPersonaRecord(dbName, 'diabetes', 7);
    const { summary } = await providerWithSummary(dbName);
    await dataShown(summary);

    const counts = [...(summary.shadowRoot?.querySelectorAll('.count') ?? [])].map((count) => ({
      label: text(count.querySelector('dt')),
      value: text(count.querySelector('dd')),
    }));
    expect(counts.map((count) => count.label)).to.deep.equal([
      'Documents',
      'Rendez-vous à venir',
      'Traitements en cours',
      'Équipe de soins',
    ]);
    expect(counts[0]?.value).to.equal('7');
    expect(counts[3]?.value).to.equal(String(record.careTeam.length));

    const expected = newestFirst(record).slice(0, 3);
    const buttons = recentButtons(summary);
    expect(buttons.map((button) => button.dataset['documentId'])).to.deep.equal(expected.map((d) => d.id));
    const first = expected[0] as HealthDocument;
    expect(text(buttons[0])).to.contain(first.title);
    expect(text(buttons[0])).to.contain(documentKindInfo(first.kind).labelFr);
    expect(text(buttons[0]?.querySelector('time'))).to.equal(longDate(first.date, 'fr'));
    expect(buttons[0]?.querySelector('time')?.getAttribute('datetime')).to.equal(first.date);
    expect(summary.matches(':state(ready)')).to.equal(true);
    await expect(summary).to.be.accessible();
  });

  it('shows the pathology from the provider', async () => {
    const { summary, provider } = await providerWithSummary(uniqueDbName('pathology'), { pathology: 'kidney' });
    await provider.updateComplete;
    await summary.updateComplete;
    expect(text(summary.shadowRoot?.querySelector('[part="pathology"]'))).to.equal(
      'Parcours : Maladie rénale chronique',
    );
    provider.pathology = undefined;
    await provider.updateComplete;
    await summary.updateComplete;
    expect(summary.shadowRoot?.querySelector('[part="pathology"]')).to.equal(null);
  });

  it('re-renders strings, kind labels and dates when the locale switches from fr to en', async () => {
    const dbName = uniqueDbName('locale');
    const record = await seedPersonaRecord(dbName, 'parkinson', 5);
    const { provider, summary } = await providerWithSummary(dbName, { pathology: 'parkinson' });
    await dataShown(summary);
    const newest = newestFirst(record)[0] as HealthDocument;
    expect(text(summary.shadowRoot?.querySelector('h2'))).to.equal('Mon carnet de santé');

    provider.locale = 'en';
    await waitUntil(() => text(summary.shadowRoot?.querySelector('h2')) === 'My health record', 'English heading');
    const shadow = summary.shadowRoot;
    expect(text(shadow?.querySelector('[part="pathology"]'))).to.equal("Care pathway: Parkinson's disease");
    expect(text(shadow?.querySelector('.recent-title'))).to.equal('Recent documents');
    expect(text(shadow?.querySelector('.count dt'))).to.equal('Documents');
    const firstButton = recentButtons(summary)[0];
    expect(text(firstButton?.querySelector('time'))).to.equal(longDate(newest.date, 'en'));
    expect(text(firstButton?.querySelector('.document-kind'))).to.equal(documentKindInfo(newest.kind).labelEn);

    provider.locale = 'fr';
    await waitUntil(() => text(summary.shadowRoot?.querySelector('h2')) === 'Mon carnet de santé', 'French again');
    expect(text(recentButtons(summary)[0]?.querySelector('time'))).to.equal(longDate(newest.date, 'fr'));
  });

  it('shows a localized error with Retry when loading fails, and loads again on Retry', async () => {
    const dbName = uniqueDbName('fault');
    await seedPersonaRecord(dbName, 'kidney', 4);
    const real = createLocalDataSource({ dbName });
    const faulty = withFailingDocumentList(real, new StorageError('simulated quota failure'));
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider .dataSource=${faulty.source}>
        <carnet-record-summary></carnet-record-summary>
      </carnet-provider>`,
    );
    const summary = provider.querySelector('carnet-record-summary') as CarnetRecordSummary;
    await waitUntil(() => summary.shadowRoot?.querySelector('[role="alert"]'), 'error shown');

    const alert = summary.shadowRoot?.querySelector('[role="alert"]');
    expect(text(alert)).to.contain("Votre carnet n'a pas pu être ouvert sur cet appareil.");
    expect(text(alert)).not.to.contain('simulated');
    expect(summary.matches(':state(error)')).to.equal(true);
    await expect(summary).to.be.accessible();

    faulty.failing = false;
    const retry = summary.shadowRoot?.querySelector<HTMLButtonElement>('button[part="retry"]');
    expect(text(retry)).to.equal('Réessayer');
    retry?.click();
    await dataShown(summary);
    expect(faulty.listCalls).to.equal(2);
    expect(summary.shadowRoot?.querySelector('[role="alert"]')).to.equal(null);
    expect(recentButtons(summary)).to.have.length(3);
    real.close();
  });

  it('reaches the recent documents with Tab and opens one with Enter', async () => {
    const dbName = uniqueDbName('keyboard');
    const record = await seedPersonaRecord(dbName, 'diabetes', 4);
    const { summary } = await providerWithSummary(dbName);
    await dataShown(summary);
    const expected = newestFirst(record);

    const before = document.createElement('button');
    before.textContent = 'Avant';
    summary.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(summary.shadowRoot?.activeElement).to.equal(recentButtons(summary)[0]);
    await sendKeys({ press: 'Tab' });
    const second = recentButtons(summary)[1] as HTMLButtonElement;
    expect(summary.shadowRoot?.activeElement).to.equal(second);
    expect(getComputedStyle(second).outlineStyle).to.equal('solid');
    expect(getComputedStyle(second).outlineWidth).to.equal('3px');
    expect(second.getBoundingClientRect().height).to.be.at.least(44);

    const opened = oneEvent(document, 'carnet-record-open');
    await sendKeys({ press: 'Enter' });
    const event: CarnetRecordOpenEvent = await opened;
    expect(event.detail).to.deep.equal({ documentId: expected[1]?.id });
    expect(event.composed).to.equal(true);
    expect(event.target).to.equal(summary);
  });

  it('fires carnet-record-open on click, once per click, and never on its own', async () => {
    const dbName = uniqueDbName('click');
    const record = await seedPersonaRecord(dbName, 'kidney', 3);
    const opened: string[] = [];
    const { summary } = await providerWithSummary(dbName);
    summary.addEventListener('carnet-record-open', (event) => opened.push(event.detail.documentId));
    await dataShown(summary);
    expect(opened).to.deep.equal([]);
    recentButtons(summary)[2]?.click();
    expect(opened).to.deep.equal([newestFirst(record)[2]?.id]);
  });

  it('opens the chosen recent document in the document browser of the same record, unless the host cancels', async () => {
    const dbName = uniqueDbName('open-in-browser');
    const record = await seedPersonaRecord(dbName, 'diabetes', 4);
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${dbName}>
        <carnet-record-summary></carnet-record-summary>
        <carnet-document-browser></carnet-document-browser>
      </carnet-provider>`,
    );
    const summary = provider.querySelector('carnet-record-summary') as CarnetRecordSummary;
    const browser = provider.querySelector('carnet-document-browser') as CarnetDocumentBrowser;
    await dataShown(summary);
    const preview = (): HTMLDialogElement | null | undefined =>
      browser.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part="preview"]');
    const cancel = (event: Event): void => event.preventDefault();
    document.addEventListener('carnet-record-open', cancel, { once: true });
    recentButtons(summary)[0]?.click();
    expect(preview()?.open ?? false).to.equal(false);

    const chosen = newestFirst(record)[1] as HealthDocument;
    recentButtons(summary)[1]?.click();
    await waitUntil(() => preview()?.open, 'preview opened in the browser');
    expect(text(preview()?.querySelector('h3'))).to.equal(chosen.title);
  });

  it('keeps the counts and the focus while it reads the record again (busy meanwhile), then shows the new counts', async () => {
    const dbName = uniqueDbName('reload-kept');
    await seedPersonaRecord(dbName, 'parkinson', 2);
    const real = createLocalDataSource({ dbName });
    const held = withHeldDocumentList(real);
    const summary = await fixture<CarnetRecordSummary>(
      html`<carnet-record-summary .dataSource=${held.source}></carnet-record-summary>`,
    );
    await dataShown(summary);
    const focused = recentButtons(summary)[0] as HTMLButtonElement;
    focused.focus();
    expect(summary.shadowRoot?.activeElement).to.equal(focused);

    // The record changes while the next read is slow (a sync in the background, a slow network).
    held.hold();
    await real.documents.create({
      title: 'Compte rendu de consultation',
      kind: 'consultation-note',
      date: new Date().toISOString(),
      contentType: 'application/pdf',
    });
    const refreshed = summary.refresh();
    await summary.updateComplete;
    const counts = summary.shadowRoot?.querySelector('.counts');
    expect(counts, 'the counts stay shown').to.exist;
    expect(counts?.getAttribute('aria-busy')).to.equal('true');
    expect(text(summary.shadowRoot?.querySelector('.count dd'))).to.equal('2');
    expect(summary.shadowRoot?.querySelector('[part="loading"]')).to.equal(null);
    expect(summary.shadowRoot?.activeElement, 'focus stays on the document').to.equal(focused);

    held.release();
    await refreshed;
    await summary.updateComplete;
    expect(text(summary.shadowRoot?.querySelector('.count dd'))).to.equal('3');
    expect(summary.shadowRoot?.querySelector('.counts')?.getAttribute('aria-busy')).to.equal('false');
    await expect(summary).to.be.accessible();
    summary.remove();
    real.close();
  });

  it('works without a provider when given a data source directly', async () => {
    const dbName = uniqueDbName('standalone');
    await seedPersonaRecord(dbName, 'parkinson', 2);
    const source = createLocalDataSource({ dbName });
    const summary = await fixture<CarnetRecordSummary>(
      html`<carnet-record-summary .dataSource=${source}></carnet-record-summary>`,
    );
    await dataShown(summary);
    expect(recentButtons(summary)).to.have.length(2);
    summary.remove();
    source.close();
  });

  it('loads again on refresh() and shows what changed', async () => {
    const dbName = uniqueDbName('refresh');
    await seedPersonaRecord(dbName, 'diabetes', 2);
    const { provider, summary } = await providerWithSummary(dbName);
    await dataShown(summary);
    await provider.activeDataSource?.documents.create({
      title: 'Ordonnance de renouvellement',
      kind: 'prescription',
      date: new Date().toISOString(),
      contentType: 'application/pdf',
    });
    await summary.refresh();
    await summary.updateComplete;
    expect(text(summary.shadowRoot?.querySelector('.count dd'))).to.equal('3');
    expect(text(recentButtons(summary)[0])).to.contain('Ordonnance de renouvellement');
  });
});
