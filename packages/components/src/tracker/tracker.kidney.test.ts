import { sendKeys } from '@web/test-runner-commands';
import { createLocalDataSource, dialysisSessions } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { activate, deepActiveElement, PATIENCE } from '../test-helpers/dialog-contract.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetTracker } from './tracker.js';
import { part, text } from './test-helpers/glucose-entry.js';
import '../provider/provider.js';
import './tracker.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** A dialysis series every day at 07:30 for the last three weeks, in the device's zone. */
async function seedDialysis(dbName: string): Promise<string[]> {
  const record = createLocalDataSource({ dbName });
  const first = new Date(Date.now() - 21 * 86_400_000);
  const day = `${first.getFullYear()}-${pad(first.getMonth() + 1)}-${pad(first.getDate())}`;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const event = await record.agenda.create({
    title: "Séance d'hémodialyse",
    kind: 'appointment',
    start: `${day}T07:30:00`,
    end: `${day}T11:30:00`,
    timeZone: zone,
    rrule: 'FREQ=DAILY',
  });
  record.close();
  const now = new Date();
  return dialysisSessions([event], { start: new Date(now.getTime() - 8 * 86_400_000), end: now }).map(
    (session) => session.start,
  );
}

async function typeField(tracker: CarnetTracker, name: string, value: string): Promise<void> {
  const input = part<HTMLInputElement>(tracker, `dialog[open] [name="${name}"]`);
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

/** Enters one weight through the widget: session chosen in the list, moment pressed, day and time typed. */
async function enterWeight(
  tracker: CarnetTracker,
  entry: { session: string; moment: 'Avant la séance' | 'Après la séance'; kg: string; pressure?: [string, string] },
): Promise<void> {
  const count = tracker.shadowRoot?.querySelectorAll('[part="chart"] circle').length ?? 0;
  await activate(part(tracker, '[part="add"]'));
  await waitUntil(() => deepActiveElement()?.getAttribute('name') === 'kg', 'weight field focused', PATIENCE);
  await sendKeys({ type: entry.kg });
  const select = part<HTMLSelectElement>(tracker, 'dialog[open] select[name="session"]');
  select.value = entry.session;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  const button = [...(tracker.shadowRoot?.querySelectorAll<HTMLElement>('[part="meal-context"]') ?? [])].find(
    (candidate) => text(candidate) === entry.moment,
  );
  await activate(button!);
  const start = new Date(entry.session);
  const at = new Date(start.getTime() + (entry.moment === 'Avant la séance' ? -20 : 250) * 60_000);
  await typeField(tracker, 'day', `${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()}`);
  await typeField(tracker, 'time', `${pad(at.getHours())}:${pad(at.getMinutes())}`);
  if (entry.pressure) {
    await typeField(tracker, 'systolic', entry.pressure[0]);
    await typeField(tracker, 'diastolic', entry.pressure[1]);
  }
  part<HTMLInputElement>(tracker, 'dialog[open] [name="kg"]').focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(
    () => (tracker.shadowRoot?.querySelectorAll('[part="chart"] circle').length ?? 0) > count,
    'weight saved and drawn',
    PATIENCE,
  );
}

describe('<carnet-tracker> kidney failure (on-device record)', () => {
  afterEach(deleteTestDatabases);

  it('weights before and after the week’s sessions entered through the widget give the gains, in the chart, the table and the record', async () => {
    const dbName = uniqueDbName('tracker-kidney');
    const sessions = (await seedDialysis(dbName)).slice(-4, -1);
    expect(sessions).to.have.length(3);
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${dbName} pathology="kidney"
        ><carnet-tracker weight-gain-limit="2"></carnet-tracker
      ></carnet-provider>`,
    );
    const tracker = provider.querySelector('carnet-tracker') as CarnetTracker;
    // The provider's pathology arrives with its first update: wait for the kidney tracker itself.
    await waitUntil(
      () => text(tracker.shadowRoot?.querySelector('[part="add"]')) === 'Noter mon poids ou ma tension',
      'kidney tracker shown',
      PATIENCE,
    );
    expect(text(tracker.shadowRoot?.querySelector('h2'))).to.equal('Mon poids et ma tension');
    await expect(tracker).to.be.accessible();

    const [first, second, third] = sessions as [string, string, string];
    await enterWeight(tracker, { session: first, moment: 'Avant la séance', kg: '72,4', pressure: ['142', '86'] });
    await enterWeight(tracker, { session: first, moment: 'Après la séance', kg: '70,1' });
    await enterWeight(tracker, { session: second, moment: 'Avant la séance', kg: '71,9' });
    await enterWeight(tracker, { session: second, moment: 'Après la séance', kg: '69,8' });
    await enterWeight(tracker, { session: third, moment: 'Avant la séance', kg: '72,3' });

    const drawn = [...(tracker.shadowRoot?.querySelectorAll('[part="chart"] circle') ?? [])].map((c) =>
      c.getAttribute('data-value'),
    );
    expect(drawn).to.deep.equal(['72.4', '70.1', '71.9', '69.8', '72.3']);
    expect(text(part(tracker, '[part="latest"]')))
      .to.contain('2,5 kg')
      .and.to.contain('au-dessus de la limite');
    await activate(part(tracker, '[part="table-toggle"]'));
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="table"]'), 'table shown', PATIENCE);
    const rows = [...part<HTMLTableElement>(tracker, '[part="table"]').tBodies[0]!.rows].map((row) => text(row));
    const rowOf = (weight: string): string => rows.find((row) => row.includes(weight)) ?? '';
    expect(rowOf('72,3 kg')).to.contain('2,5 kg (au-dessus de la limite)');
    expect(rowOf('71,9 kg')).to.contain('69,8 kg').and.to.contain('1,8 kg');
    expect(rowOf('72,4 kg')).to.contain('70,1 kg');
    expect(text(part(tracker, '[part="pressure-table"]'))).to.contain('142 / 86');
    await expect(tracker).to.be.accessible();

    const record = createLocalDataSource({ dbName });
    const range = { from: new Date(Date.now() - 9 * 86_400_000).toISOString(), to: new Date().toISOString() };
    const weights = await record.trackers.list('weight', range);
    const pressures = await record.trackers.list('bloodPressure', range);
    record.close();
    expect(weights.map((w) => [w.kg, w.moment, w.session])).to.deep.equal([
      [72.4, 'before-dialysis', first],
      [70.1, 'after-dialysis', first],
      [71.9, 'before-dialysis', second],
      [69.8, 'after-dialysis', second],
      [72.3, 'before-dialysis', third],
    ]);
    expect(pressures.map((p) => [p.systolic, p.diastolic])).to.deep.equal([[142, 86]]);
  });
});
