import { createLocalDataSource } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, oneEvent, waitUntil } from '../test-helpers/fixture.js';
import { allByRole, byRole, click } from '../test-helpers/person.js';
import { activate, deepActiveElement, PATIENCE } from '../test-helpers/dialog-contract.js';
import type { CarnetSummaryOpenEvent } from '../events/carnet-summary-open.js';
import { setCarnetLocale } from '../shared/localization.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetRecordSummary } from './record-summary.js';
import { enterGlucose } from '../tracker/test-helpers/glucose-entry.js';
import {
  dayHeading,
  localDate,
  seedGlucose,
  seedKidney,
  seedParkinson,
  withFailingMeasurements,
} from './test-helpers/overview-fixtures.js';
import '../provider/provider.js';
import '../tracker/tracker.js';
import '../pill-organiser/pill-organiser.js';
import './record-summary.js';

function text(root: ParentNode | null | undefined): string {
  return root?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function glance(summary: CarnetRecordSummary, item: string): HTMLElement {
  const found = summary.shadowRoot?.querySelector<HTMLElement>(`[part="glance"][data-item="${item}"]`);
  if (!found) throw new Error(`no overview item ${item}`);
  return found;
}

/** Waits until the item shows something other than its loading state. */
async function shown(summary: CarnetRecordSummary, item: string): Promise<HTMLElement> {
  await waitUntil(
    () => {
      const element = summary.shadowRoot?.querySelector(`[part="glance"][data-item="${item}"]`);
      return element && !element.querySelector('[part="loading"]');
    },
    `${item} shown`,
    PATIENCE,
  );
  return glance(summary, item);
}

async function providerWith(
  dbName: string,
  pathology: string,
  content: ReturnType<typeof html>,
  locale: 'fr' | 'en' = 'fr',
): Promise<{ provider: CarnetProvider; summary: CarnetRecordSummary }> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName} pathology=${pathology} locale=${locale}>${content}</carnet-provider>`,
  );
  return { provider, summary: provider.querySelector('carnet-record-summary') as CarnetRecordSummary };
}

describe('<carnet-record-summary> overview for the condition', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setCarnetLocale('fr');
  });

  it('kidney failure: the next dialysis session is said with its day and time, before the counts', async () => {
    const dbName = uniqueDbName('overview-kidney');
    const { tomorrow } = await seedKidney(dbName);
    const { summary } = await providerWith(
      dbName,
      'kidney',
      html`<carnet-record-summary weight-gain-limit="2"></carnet-record-summary>`,
    );
    const next = await shown(summary, 'next-dialysis');
    expect(text(next.querySelector('h4'))).to.equal('Prochaine séance de dialyse');
    expect(text(next.querySelector('.glance-value'))).to.equal(`demain, ${dayHeading(tomorrow, 'fr')}, à 07:30`);
    expect(text(next)).to.contain("Séance d'hémodialyse");
    // What matters for the condition comes before the counts.
    const overview = summary.shadowRoot?.querySelector('[part="overview"]');
    await waitUntil(() => summary.shadowRoot?.querySelector('.counts'), 'counts shown', PATIENCE);
    const counts = summary.shadowRoot?.querySelector('.counts');
    expect(overview!.compareDocumentPosition(counts!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(byRole(summary, 'heading', 'L’essentiel pour votre suivi').localName).to.equal('h3');
    await expect(summary).to.be.accessible();
  });

  it('kidney failure: the latest weight gain, within the nephrologist’s limit or above it, in plain words', async () => {
    const dbName = uniqueDbName('overview-gain');
    await seedKidney(dbName);
    const { summary } = await providerWith(
      dbName,
      'kidney',
      html`<carnet-record-summary weight-gain-limit="2"></carnet-record-summary>`,
    );
    const gain = await shown(summary, 'weight-gain');
    expect(text(gain.querySelector('strong'))).to.equal('+1,8 kg');
    expect(text(gain.querySelector('[part="weight-gain-limit"]'))).to.equal(
      'C’est dans la limite de 2 kg fixée par votre néphrologue.',
    );

    summary.weightGainLimit = 1.5;
    await summary.updateComplete;
    expect(text(gain.querySelector('[part="weight-gain-limit"]'))).to.equal(
      'C’est plus que la limite de 1,5 kg fixée par votre néphrologue : parlez-en à l’équipe lors de votre prochaine séance.',
    );

    summary.weightGainLimit = undefined;
    await summary.updateComplete;
    expect(gain.querySelector('[part="weight-gain-limit"]')).to.equal(null);
    await expect(summary).to.be.accessible();
  });

  it('diabetes: the latest values with unit, meal and time, and the seven days’ time in range', async () => {
    const dbName = uniqueDbName('overview-diabetes');
    await seedGlucose(dbName);
    const { summary } = await providerWith(dbName, 'diabetes', html`<carnet-record-summary></carnet-record-summary>`);
    const glucose = await shown(summary, 'glucose');
    const items = allByRole(glucose, 'listitem').map(text);
    expect(items).to.have.length(3);
    expect(items[0]).to.match(/^62 mg\/dL, Au coucher — .+ à \d\d:\d\d — Basse$/);
    expect(items[1]).to.match(/^165 mg\/dL, Après le repas — .+ — Dans l'objectif$/);
    expect(items[2]).to.match(/^98 mg\/dL, Avant le repas — /);
    expect(byRole(glucose, 'list').getAttribute('aria-label')).to.equal('Dernières glycémies');
    expect(text(glucose.querySelector('[part="time-in-range"]'))).to.equal(
      "Sur les 7 derniers jours : 50 % des mesures dans l'objectif, 25 % en dessous, 25 % au-dessus (4 mesures). Objectif fixé avec votre médecin : 70 mg/dL – 180 mg/dL.",
    );

    summary.unit = 'mmol/L';
    await summary.updateComplete;
    expect(text(allByRole(glucose, 'listitem')[0])).to.match(/^3,4 mmol\/L, Au coucher/);
    await expect(summary).to.be.accessible();
  });

  it('diabetes: a value recorded in the tracker beside it shows in the overview at once', async () => {
    const dbName = uniqueDbName('overview-follows-tracker');
    await seedGlucose(dbName);
    const { summary, provider } = await providerWith(
      dbName,
      'diabetes',
      html`<carnet-record-summary></carnet-record-summary><carnet-tracker></carnet-tracker>`,
    );
    const tracker = provider.querySelector('carnet-tracker')!;
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="add"]'), 'tracker shown', PATIENCE);
    const glucose = await shown(summary, 'glucose');
    expect(text(allByRole(glucose, 'listitem')[0])).to.match(/^62 mg\/dL/);
    await enterGlucose(tracker, { value: '143' });
    await waitUntil(
      () => /^143 mg\/dL/.test(text(allByRole(glucose, 'listitem')[0])),
      'the overview shows the new value first',
      PATIENCE,
    );
  });

  it('parkinson: today’s doses with time, medicine, amount with unit and what became of each', async () => {
    const dbName = uniqueDbName('overview-parkinson');
    await seedParkinson(dbName);
    const { summary } = await providerWith(dbName, 'parkinson', html`<carnet-record-summary></carnet-record-summary>`);
    const doses = await shown(summary, 'today-doses');
    expect(text(doses.querySelector('h4'))).to.equal('Mes prises d’aujourd’hui');
    expect(byRole(doses, 'list').getAttribute('aria-label')).to.equal(`Prises du ${dayHeading(localDate(0), 'fr')}`);
    const items = allByRole(doses, 'listitem').map(text);
    expect(items).to.have.length(3);
    expect(items[0]).to.equal('07:00 Lévodopa/Carbidopa 100 mg/25 mg, 1 comprimé — prise');
    expect(items[1]).to.match(/^12:00 Lévodopa\/Carbidopa 100 mg\/25 mg, 1 comprimé — (à prendre|manquée)$/);
    expect(items[2]).to.match(/^17:00 Lévodopa\/Carbidopa 100 mg\/25 mg, 2 comprimés — (à prendre|manquée)$/);
    const yesterday = await shown(summary, 'yesterday-off');
    expect(text(yesterday.querySelector('[part="glance-empty"]'))).to.equal(
      'Rien de noté hier dans votre journal moteur.',
    );
    await expect(summary).to.be.accessible();
  });

  it('parkinson: yesterday’s « off » periods from the motor diary, joined when they follow each other', async () => {
    const dbName = uniqueDbName('overview-motor');
    await seedParkinson(dbName);
    const now = new Date();
    const at = (hour: number, minute: number): string =>
      new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, hour, minute).toISOString();
    const source = createLocalDataSource({ dbName });
    for (const [hour, minute, state] of [
      [7, 0, 'off'],
      [7, 30, 'off'],
      [9, 0, 'on'],
      [12, 0, 'off'],
      [14, 0, 'on-dyskinesia'],
    ] as const)
      await source.trackers!.add('motorState', { at: at(hour, minute), state });
    // Today's half-hours are not yesterday's.
    await source.trackers!.add('motorState', {
      at: new Date(now.getFullYear(), now.getMonth(), now.getDate(), 0, 0).toISOString(),
      state: 'off',
    });
    source.close();
    const { summary, provider } = await providerWith(
      dbName,
      'parkinson',
      html`<carnet-record-summary></carnet-record-summary><carnet-tracker></carnet-tracker>`,
    );
    const yesterday = await shown(summary, 'yesterday-off');
    expect(text(yesterday.querySelector('h4'))).to.equal('Mes périodes off d’hier');
    expect(text(yesterday.querySelector('[part="motor-summary"]'))).to.equal('Off : 1 h 30 en 2 périodes.');
    expect(byRole(yesterday, 'list').getAttribute('aria-label')).to.equal('Périodes off d’hier');
    expect(allByRole(yesterday, 'listitem').map(text)).to.deep.equal(['7 h 00 – 8 h 00', '12 h 00 – 12 h 30']);
    await expect(summary).to.be.accessible();
    // Its button leads to the diary.
    const tracker = provider.querySelector('carnet-tracker')!;
    const opened = oneEvent(summary, 'carnet-summary-open');
    await click(byRole(yesterday, 'button', 'Voir mon journal moteur'));
    const event: CarnetSummaryOpenEvent = await opened;
    expect(event.detail).to.deep.equal({ widget: 'carnet-tracker', item: 'yesterday-off' });
    expect(tracker.isConnected).to.equal(true);
  });

  it('an item whose read fails says so with Retry, and the other items stay shown', async () => {
    const dbName = uniqueDbName('overview-fault');
    await seedKidney(dbName);
    const real = createLocalDataSource({ dbName });
    const faulty = withFailingMeasurements(real);
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider pathology="kidney" .dataSource=${faulty.source}>
        <carnet-record-summary></carnet-record-summary>
      </carnet-provider>`,
    );
    const summary = provider.querySelector('carnet-record-summary') as CarnetRecordSummary;
    const gain = await shown(summary, 'weight-gain');
    const alert = byRole(gain, 'alert');
    expect(text(alert)).to.contain("Votre carnet n'a pas pu être ouvert sur cet appareil.");
    expect(text(alert)).not.to.contain('simulated');
    // The session and the counts are still there.
    expect(text((await shown(summary, 'next-dialysis')).querySelector('.glance-value'))).to.contain('demain');
    await waitUntil(() => summary.shadowRoot?.querySelector('.counts'), 'counts shown', PATIENCE);
    await expect(summary).to.be.accessible();

    faulty.failing = false;
    await activate(byRole(gain, 'button', 'Réessayer'));
    await waitUntil(
      () => text(glance(summary, 'weight-gain').querySelector('strong')) === '+1,8 kg',
      'gain read again',
    );
    real.close();
  });

  it('says calmly when an item has nothing to show yet', async () => {
    const { summary } = await providerWith(
      uniqueDbName('overview-empty'),
      'kidney',
      html`<carnet-record-summary></carnet-record-summary>`,
    );
    expect(text((await shown(summary, 'next-dialysis')).querySelector('[part="glance-empty"]'))).to.equal(
      'Aucune séance de dialyse dans votre agenda pour les deux prochaines semaines.',
    );
    expect(text((await shown(summary, 'weight-gain')).querySelector('[part="glance-empty"]'))).to.equal(
      'Pas encore de prise de poids calculée : notez votre poids avant et après chaque séance.',
    );
    await expect(summary).to.be.accessible();
  });

  it('shows no overview without a condition', async () => {
    const { summary } = await providerWith(
      uniqueDbName('overview-none'),
      '',
      html`<carnet-record-summary></carnet-record-summary>`,
    );
    await waitUntil(() => summary.shadowRoot?.querySelector('[part="empty"]'), 'record shown', PATIENCE);
    expect(summary.shadowRoot?.querySelector('[part="overview"]')).to.equal(null);
  });

  it('a link leads to its widget: the event names it, and focus moves into that widget', async () => {
    const dbName = uniqueDbName('overview-link');
    await seedGlucose(dbName);
    const { summary, provider } = await providerWith(
      dbName,
      'diabetes',
      html`<carnet-record-summary></carnet-record-summary><carnet-tracker></carnet-tracker>`,
    );
    const tracker = provider.querySelector('carnet-tracker')!;
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="add"]'), 'tracker shown', PATIENCE);
    const glucose = await shown(summary, 'glucose');
    const link = byRole(glucose, 'button', 'Voir mon suivi de la glycémie');
    const opened = oneEvent(summary, 'carnet-summary-open');
    await click(link);
    const event: CarnetSummaryOpenEvent = await opened;
    expect(event.detail).to.deep.equal({ widget: 'carnet-tracker', item: 'glucose' });
    expect(event.cancelable).to.equal(true);
    expect(deepActiveElement()).to.equal(tracker.shadowRoot?.querySelector('[part="add"]'));

    // The host may take the patient elsewhere instead.
    link.focus();
    summary.addEventListener('carnet-summary-open', (cancel) => cancel.preventDefault(), { once: true });
    await activate(link);
    expect(deepActiveElement()).to.equal(link);
  });

  it('the Parkinson link leads to the pill organiser, by keyboard', async () => {
    const dbName = uniqueDbName('overview-pills');
    await seedParkinson(dbName);
    const { summary, provider } = await providerWith(
      dbName,
      'parkinson',
      html`<carnet-record-summary></carnet-record-summary><carnet-pill-organiser></carnet-pill-organiser>`,
    );
    const organiser = provider.querySelector('carnet-pill-organiser')!;
    await waitUntil(() => organiser.matches(':state(ready)'), 'organiser shown', PATIENCE);
    const doses = await shown(summary, 'today-doses');
    await activate(byRole(doses, 'button', 'Voir mon semainier'));
    await waitUntil(() => organiser.shadowRoot?.contains(deepActiveElement() ?? null), 'focus in the organiser');
  });

  it('in English: headings, values, days and links', async () => {
    const dbName = uniqueDbName('overview-english');
    const { tomorrow } = await seedKidney(dbName);
    const { summary } = await providerWith(
      dbName,
      'kidney',
      html`<carnet-record-summary weight-gain-limit="2"></carnet-record-summary>`,
      'en',
    );
    await waitUntil(() => text(summary.shadowRoot?.querySelector('h2')) === 'My health record', 'English');
    const next = await shown(summary, 'next-dialysis');
    expect(text(next.querySelector('h4'))).to.equal('Next dialysis session');
    expect(text(next.querySelector('.glance-value'))).to.equal(`tomorrow, ${dayHeading(tomorrow, 'en')}, at 07:30 AM`);
    const gain = await shown(summary, 'weight-gain');
    expect(text(gain.querySelector('strong'))).to.equal('+1.8 kg');
    expect(text(gain.querySelector('[part="weight-gain-limit"]'))).to.equal(
      'That is within the 2 kg limit set by your nephrologist.',
    );
    expect(byRole(summary, 'button', 'See my agenda')).to.exist;
    expect(byRole(summary, 'button', 'See my weight and blood pressure')).to.exist;
    await expect(summary).to.be.accessible();
  });
});
