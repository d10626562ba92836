// Many values (a meter's export, a sensor's week): the chart draws them as one path per level,
// and the data table still lists every one.
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { NewGlucoseReading } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { activate, PATIENCE } from '../test-helpers/dialog-contract.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetTracker } from './tracker.js';
import { POINTS_DRAWN_ONE_BY_ONE } from './glucose-chart.template.js';
import { part } from './test-helpers/glucose-entry.js';
import '../provider/provider.js';
import './tracker.js';

/** 32 values a day for the last seven days (every 44 minutes), low, in range and high in turn. */
function sensorWeek(): NewGlucoseReading[] {
  const readings: NewGlucoseReading[] = [];
  const start = Date.now() - 7 * 86_400_000 + 3_600_000;
  for (let index = 0; index < 7 * 32; index++) {
    const value = [60, 120, 220][index % 3] as number;
    readings.push({ at: new Date(start + index * 44 * 60_000).toISOString(), value, unit: 'mg/dL' });
  }
  return readings;
}

describe('<carnet-tracker> glucose chart with many values', () => {
  afterEach(deleteTestDatabases);

  it('draws more than 200 values as one path per level, and the table lists every value', async () => {
    const dbName = uniqueDbName('tracker-many');
    const record = createLocalDataSource({ dbName });
    const { added } = await record.trackers.import('glucose', sensorWeek());
    record.close();
    expect(added.length).to.be.greaterThan(POINTS_DRAWN_ONE_BY_ONE);
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${dbName} pathology="diabetes"><carnet-tracker></carnet-tracker></carnet-provider>`,
    );
    const tracker = provider.querySelector('carnet-tracker') as CarnetTracker;
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="chart"]'), 'chart shown', PATIENCE);
    const chart = part<SVGSVGElement>(tracker, '[part="chart"]');
    expect(chart.getAttribute('aria-label')).to.equal(
      `Courbe des glycémies des 7 derniers jours : ${added.length} mesures.`,
    );
    expect(chart.querySelectorAll('circle').length).to.equal(0);
    const paths = [...chart.querySelectorAll('path.point')];
    expect(paths.map((path) => path.getAttribute('class')).sort()).to.deep.equal([
      'point high',
      'point in-range',
      'point low',
    ]);
    // One dot (two arcs) per value of the level.
    const arcs = paths.reduce((sum, path) => sum + (path.getAttribute('d')?.match(/a/g)?.length ?? 0), 0);
    expect(arcs).to.equal(2 * added.length);

    await activate(part(tracker, '[part="table-toggle"]'));
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="table"]'), 'table shown', PATIENCE);
    expect(part(tracker, '[part="table"]').querySelectorAll('tbody tr').length).to.equal(added.length);
    await expect(tracker).to.be.accessible();
  });
});
