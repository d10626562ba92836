// The summary with each condition's overview at 390 and 320 px: nothing beyond the edge, no sideways scroll.
import { deleteTestDatabases, seedPersonaRecord, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { PATIENCE } from '../test-helpers/dialog-contract.js';
import { desktopViewport, expectFits, PHONE_WIDTHS, phoneViewport } from '../test-helpers/phone.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetRecordSummary } from './record-summary.js';
import { seedGlucose, seedKidney, seedParkinson } from './test-helpers/overview-fixtures.js';
import '../provider/provider.js';
import './record-summary.js';

const SEEDS = {
  kidney: seedKidney,
  diabetes: seedGlucose,
  parkinson: seedParkinson,
} as const;

describe('<carnet-record-summary> at phone width', () => {
  afterEach(async () => {
    await desktopViewport();
    await deleteTestDatabases();
  });

  for (const pathology of ['kidney', 'diabetes', 'parkinson'] as const)
    for (const width of PHONE_WIDTHS)
      it(`${pathology}: the overview, counts and latest documents fit ${width} px`, async () => {
        await phoneViewport(width);
        const dbName = uniqueDbName(`summary-phone-${pathology}`);
        await seedPersonaRecord(dbName, pathology, 4);
        await SEEDS[pathology](dbName);
        const provider = await fixture<CarnetProvider>(
          html`<carnet-provider db-name=${dbName} pathology=${pathology}
            ><carnet-record-summary weight-gain-limit="2"></carnet-record-summary
          ></carnet-provider>`,
        );
        const summary = provider.querySelector('carnet-record-summary') as CarnetRecordSummary;
        await waitUntil(
          () =>
            summary.matches(':state(ready)') &&
            summary.shadowRoot?.querySelector('[part="overview"]') &&
            !summary.shadowRoot.querySelector('[part="overview"] [part="loading"]'),
          'summary shown',
          PATIENCE,
        );
        expect(summary.shadowRoot?.querySelector('[part="overview"] [part="error"]')).to.equal(null);
        expectFits(summary, width);
        await expect(summary).to.be.accessible();
      });
});
