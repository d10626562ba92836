import type { AccessEntry, DataSource } from '@carnet/catalog-sdk';
import { createInMemoryDataSource } from '../document-browser/test-helpers/in-memory-source.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { desktopViewport, expectFits, PHONE_WIDTHS, phoneViewport } from '../test-helpers/phone.js';
import type { CarnetAccessHistory } from './access-history.js';
import { SAMPLE_TRAIL } from './test-helpers/sample-trail.js';
import './access-history.js';

const LONG_NAME: AccessEntry = {
  id: 'long',
  at: '2026-03-06T10:00:00Z',
  actor: { kind: 'caregiver', id: 'aidant-1', name: 'Marie-Hélène Delacroix-Vasseur de Montbrison' },
  action: 'search',
  allowed: false,
  resources: [],
  detail: 'search of MedicationAdministration',
};

function source(): DataSource {
  const base = createInMemoryDataSource([], {
    careTeam: [{ id: 'pro-1', name: 'Dr Claire Martin', family: 'Martin' }],
  });
  return { ...base, accessHistory: { list: () => Promise.resolve([LONG_NAME, ...SAMPLE_TRAIL]) } } as DataSource;
}

describe('<carnet-access-history> at phone width', () => {
  afterEach(desktopViewport);

  for (const width of PHONE_WIDTHS) {
    it(`fits ${width} px: each access a short block, no sideways scroll`, async () => {
      await phoneViewport(width);
      const element = await fixture<CarnetAccessHistory>(
        html`<carnet-access-history .dataSource=${source()}></carnet-access-history>`,
      );
      await waitUntil(() => element.matches(':state(ready)'), 'shown');
      expectFits(element, width);
      await expect(element).to.be.accessible();
    });
  }
});
