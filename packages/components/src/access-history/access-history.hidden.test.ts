import type { AccessEntry, DataSource } from '@carnet/catalog-sdk';
import { auditEventToAccessEntry } from '@carnet/catalog-sdk';
import { createInMemoryDataSource } from '../document-browser/test-helpers/in-memory-source.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetAccessHistory } from './access-history.js';
import './access-history.js';

const text = (root: ParentNode | null | undefined): string => root?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A professional's refused read of a hidden document, as the demo gateway writes it. */
const HIDDEN_READ = {
  resourceType: 'AuditEvent',
  id: 'h1',
  recorded: '2026-03-07T09:00:00Z',
  action: 'R',
  outcome: '4',
  outcomeDesc: 'Refused: hidden from professionals by the patient',
  agent: [{ who: { reference: 'Practitioner/pro-1', display: 'Dr Claire Martin' }, requestor: true }],
  entity: [
    { what: { reference: 'Patient/p1' } },
    {
      what: { reference: 'DocumentReference/doc-9' },
      securityLabel: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }],
    },
  ],
};

function sourceWith(entries: AccessEntry[]): DataSource {
  const base = createInMemoryDataSource([], {
    careTeam: [{ id: 'pro-1', name: 'Dr Claire Martin', family: 'Martin' }],
  });
  return { ...base, accessHistory: { list: () => Promise.resolve(entries) } } as DataSource;
}

describe('<carnet-access-history>: a document hidden from professionals', () => {
  it('reads the label of the refused attempt, and says the professional could not open it because it is hidden', async () => {
    const hidden = auditEventToAccessEntry(HIDDEN_READ);
    expect(hidden).to.include({ allowed: false, hiddenDocument: true });
    const other = auditEventToAccessEntry({ ...HIDDEN_READ, id: 'h2', entity: [HIDDEN_READ.entity[0]] });
    expect(other.hiddenDocument).to.equal(undefined);
    const element = await fixture<CarnetAccessHistory>(
      html`<carnet-access-history .dataSource=${sourceWith([hidden])}></carnet-access-history>`,
    );
    await waitUntil(() => element.matches(':state(ready)'), 'ready', { timeout: 10_000 });
    const row = text(element.shadowRoot?.querySelector('tbody tr'));
    expect(row).to.contain('Dr Claire Martin').and.contain('n’a pas pu ouvrir 1 document : document masqué');
    expect(element.shadowRoot?.querySelector('[part="refused"]')).to.not.equal(null);
    await expect(element).to.be.accessible();
  });
});
