import { sendKeys } from '@web/test-runner-commands';
import { createLocalDataSource } from '@carnet/catalog-sdk';
import { setCarnetLocale } from '../shared/localization.js';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { activate, deepActiveElement, PATIENCE } from '../test-helpers/dialog-contract.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetMeasurementChangeDetail } from '../events/carnet-measurement-change.js';
import type { CarnetTracker } from './tracker.js';
import { enterGlucose, part, text, type TypedGlucose } from './test-helpers/glucose-entry.js';
import '../provider/provider.js';
import './tracker.js';

async function mount(dbName: string, attributes: { locale?: string; unit?: string } = {}): Promise<CarnetTracker> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName} locale=${attributes.locale ?? 'fr'} pathology="diabetes">
      <carnet-tracker unit=${attributes.unit ?? 'mg/dL'}></carnet-tracker>
    </carnet-provider>`,
  );
  const tracker = provider.querySelector('carnet-tracker') as CarnetTracker;
  await waitUntil(() => tracker.shadowRoot?.querySelector('[part="add"]'), 'tracker shown', PATIENCE);
  return tracker;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** « 02/03/2026 » for `daysAgo` days before today, on the device's calendar. */
function frenchDay(daysAgo: number): string {
  const date = new Date();
  date.setDate(date.getDate() - daysAgo);
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

function circles(tracker: CarnetTracker): string[] {
  return [...(tracker.shadowRoot?.querySelectorAll('[part="chart"] circle') ?? [])].map(
    (circle) => circle.getAttribute('data-value') ?? '',
  );
}

async function showTable(tracker: CarnetTracker): Promise<HTMLTableElement> {
  await activate(part(tracker, '[part="table-toggle"]'));
  await waitUntil(() => tracker.shadowRoot?.querySelector('[part="table"]'), 'table shown', PATIENCE);
  return part<HTMLTableElement>(tracker, '[part="table"]');
}

describe('<carnet-tracker> glucose (on-device record)', () => {
  afterEach(async () => {
    await setCarnetLocale('fr');
    await deleteTestDatabases();
  });

  it('a week of values entered through the widget is found in the chart, in the table and in the record', async () => {
    const dbName = uniqueDbName('tracker-week');
    const tracker = await mount(dbName);
    expect(tracker.matches(':state(empty)')).to.equal(true);
    expect(text(tracker.shadowRoot)).to.contain('Aucune glycémie notée');
    await expect(tracker).to.be.accessible();
    const changes: CarnetMeasurementChangeDetail[] = [];
    tracker.addEventListener('carnet-measurement-change', (event) => changes.push(event.detail));

    const week: TypedGlucose[] = [
      { value: '98', day: frenchDay(6), time: '07:30', meal: 'Avant le repas' },
      { value: '165', day: frenchDay(5), time: '14:00', meal: 'Après le repas' },
      { value: '62', day: frenchDay(4), time: '11:15', meal: 'Avant le repas' },
      { value: '240', day: frenchDay(3), time: '14:30', meal: 'Après le repas' },
      { value: '121', day: frenchDay(2), time: '22:40', meal: 'Au coucher' },
      { value: '110', day: frenchDay(1), time: '07:45' },
      { value: '134', day: frenchDay(0), time: '00:00', meal: 'Avant le repas' },
    ];
    for (const typed of week) await enterGlucose(tracker, typed);

    expect(tracker.matches(':state(ready)')).to.equal(true);
    expect(circles(tracker).sort()).to.deep.equal(['98', '165', '62', '240', '121', '110', '134'].sort());
    const table = await showTable(tracker);
    const rows = [...table.tBodies[0]!.rows].map((row) => text(row));
    expect(rows).to.have.length(7);
    // Most recent first, each with its meal and where it stands, in plain words.
    expect(rows[0]).to.contain('134 mg/dL').and.to.contain('Avant le repas').and.to.contain("Dans l'objectif");
    expect(rows.find((row) => row.includes('62 mg/dL'))).to.contain('Basse');
    expect(rows.find((row) => row.includes('240 mg/dL'))).to.contain('Haute');
    expect(rows.find((row) => row.includes('121 mg/dL'))).to.contain('Au coucher');
    expect(text(part(tracker, '[part="time-in-range"]'))).to.contain("71 % des mesures dans l'objectif");
    expect(changes.map((change) => change.kind)).to.deep.equal(Array(7).fill('glucose'));
    await expect(tracker).to.be.accessible();

    const record = createLocalDataSource({ dbName });
    const stored = await record.trackers.list('glucose', {
      from: new Date(Date.now() - 8 * 86_400_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    });
    record.close();
    expect(stored.map((reading) => reading.value)).to.deep.equal([98, 165, 62, 240, 121, 110, 134]);
    expect(stored.map((reading) => reading.mealContext ?? 'none')).to.deep.equal([
      'before-meal',
      'after-meal',
      'before-meal',
      'after-meal',
      'bedtime',
      'none',
      'before-meal',
    ]);
  });

  it('fast entry: the value field has focus at once, Enter saves now, and a low is said once, calmly', async () => {
    const tracker = await mount(uniqueDbName('tracker-fast'));
    await activate(part(tracker, '[part="add"]'));
    await waitUntil(() => deepActiveElement()?.getAttribute('name') === 'value', 'value field focused', PATIENCE);
    await sendKeys({ type: '58' });
    await sendKeys({ press: 'Enter' });
    const status = part(tracker, '[role="status"]');
    await waitUntil(() => text(status).includes('58 mg/dL'), 'saved value announced', PATIENCE);
    expect(text(status)).to.contain('sous votre objectif').and.to.contain('resucré');
    expect(text(status)).to.not.match(/danger|urgence|!/i);
    expect(text(part(tracker, '[part="latest"]')))
      .to.contain('58 mg/dL')
      .and.to.contain('Basse');
    // Focus came back to the button that opened the entry.
    await waitUntil(() => deepActiveElement() === part(tracker, '[part="add"]'), 'focus returned', PATIENCE);
  });

  it('refuses a value no meter shows, saying why, and keeps the form open', async () => {
    const tracker = await mount(uniqueDbName('tracker-wrong'));
    await activate(part(tracker, '[part="add"]'));
    await waitUntil(() => deepActiveElement()?.getAttribute('name') === 'value', 'value field focused', PATIENCE);
    await sendKeys({ type: '1120' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => tracker.shadowRoot?.querySelector('[role="alert"]'), 'problem shown', PATIENCE);
    expect(text(part(tracker, '[role="alert"]'))).to.contain('semble mal saisie');
    expect(part<HTMLDialogElement>(tracker, 'dialog[part="entry-dialog"]').open).to.equal(true);
    expect(deepActiveElement()?.getAttribute('name')).to.equal('value');
  });

  it('shows mmol/L when asked, in English, and changes the period with the arrow keys', async () => {
    const tracker = await mount(uniqueDbName('tracker-mmol'), { locale: 'en', unit: 'mmol/L' });
    // English strings load on demand.
    await waitUntil(() => text(part(tracker, '[part="add"]')) === 'Log a glucose value', 'English shown', PATIENCE);
    await enterGlucose(tracker, { value: '5.6', meal: 'Before a meal' });
    expect(text(part(tracker, '[part="latest"]')))
      .to.contain('5.6 mmol/L')
      .and.to.contain('In range');
    expect(text(tracker.shadowRoot)).to.contain('3.9 mmol/L – 10 mmol/L');
    const seven = part(tracker, '[part="periods"] [data-roving-key="7"]');
    seven.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => part(tracker, '[data-roving-key="14"]').getAttribute('aria-pressed') === 'true',
      '14 days chosen',
      PATIENCE,
    );
    expect(text(part(tracker, '[part="time-in-range"]'))).to.contain('14 days');
  });
});
