import { setViewport } from '@web/test-runner-commands';
import type { AccessEntry, DataSource } from '@carnet/catalog-sdk';
import { createInMemoryDataSource } from '../document-browser/test-helpers/in-memory-source.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
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
  afterEach(async () => {
    await setViewport({ width: 1280, height: 900 });
  });

  for (const width of [320, 390]) {
    it(`fits ${width} px: no sideways scroll, the filters and the table within the page`, async () => {
      await setViewport({ width, height: 800 });
      const element = await fixture<CarnetAccessHistory>(
        html`<carnet-access-history .dataSource=${source()}></carnet-access-history>`,
      );
      await waitUntil(() => element.matches(':state(ready)'), 'shown');
      const beyond = [...(element.shadowRoot?.querySelectorAll('*') ?? [])]
        .filter((part) => part.getBoundingClientRect().right > width + 0.5)
        .map((part) => part.localName);
      expect(beyond, 'parts beyond the page edge').to.deep.equal([]);
      expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(width);
      await expect(element).to.be.accessible();
    });
  }
});
