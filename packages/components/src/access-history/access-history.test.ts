import type { AccessEntry, DataSource } from '@carnet/catalog-sdk';
import { createInMemoryDataSource } from '../document-browser/test-helpers/in-memory-source.js';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetAccessHistory } from './access-history.js';
import { filterEntries, toCsv } from './access-history.data.js';
import { SAMPLE_TRAIL } from './test-helpers/sample-trail.js';
import '../provider/provider.js';
import './access-history.js';

const text = (root: ParentNode | null | undefined): string => root?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const ENTRIES: AccessEntry[] = SAMPLE_TRAIL;

function sourceWith(list: () => Promise<AccessEntry[]>): DataSource {
  const base = createInMemoryDataSource([], {
    careTeam: [{ id: 'pro-1', name: 'Dr Claire Martin', family: 'Martin' }],
  });
  return { ...base, documents: base.documents, accessHistory: { list } } as DataSource;
}

async function loaded(element: CarnetAccessHistory): Promise<void> {
  await waitUntil(() => element.matches(':state(ready), :state(empty), :state(error)'), 'loaded', {
    timeout: 10_000,
  });
}

describe('<carnet-access-history>', () => {
  afterEach(async () => {
    await deleteTestDatabases();
  });

  it('says who opened what in plain words, refused attempts included, and is accessible', async () => {
    const element = await fixture<CarnetAccessHistory>(
      html`<carnet-access-history .dataSource=${sourceWith(() => Promise.resolve(ENTRIES))}></carnet-access-history>`,
    );
    await loaded(element);
    const rows = [...(element.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((row) => text(row));
    expect(rows).to.have.length(3);
    expect(rows[0]).to.contain('Dr Claire Martin').and.contain('a tenté d’accéder à 1 document — refusé');
    expect(rows[1]).to.contain('Dr Claire Martin').and.contain('a ouvert 1 document');
    expect(rows[2]).to.contain('Vous').and.contain('a consulté la liste : 2 documents');
    expect(element.shadowRoot?.querySelector('[part="refused"]')).to.not.equal(null);
    await expect(element).to.be.accessible();
  });

  it('names a caregiver and says what they reached: the agenda read, the documents refused', async () => {
    const caregiverTrail: AccessEntry[] = [
      {
        id: 'c2',
        at: '2026-03-06T10:01:00Z',
        actor: { kind: 'caregiver', id: 'aidant-1', name: 'Nadia Benali' },
        action: 'search',
        allowed: false,
        resources: [],
        detail: 'search of DocumentReference',
      },
      {
        id: 'c1',
        at: '2026-03-06T10:00:00Z',
        actor: { kind: 'caregiver', id: 'aidant-1', name: 'Nadia Benali' },
        action: 'search',
        allowed: true,
        resources: ['Appointment/a1', 'Appointment/a2'],
      },
    ];
    const element = await fixture<CarnetAccessHistory>(
      html`<carnet-access-history
        .dataSource=${sourceWith(() => Promise.resolve(caregiverTrail))}
      ></carnet-access-history>`,
    );
    await loaded(element);
    const rows = [...(element.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((row) => text(row));
    expect(rows[0]).to.contain('Nadia Benali (aidant)').and.contain('a tenté d’accéder à vos documents — refusé');
    expect(rows[1]).to.contain('Nadia Benali (aidant)').and.contain('a consulté la liste : 2 rendez-vous');
    await expect(element).to.be.accessible();
  });

  it('filters by person and by period', async () => {
    const element = await fixture<CarnetAccessHistory>(
      html`<carnet-access-history .dataSource=${sourceWith(() => Promise.resolve(ENTRIES))}></carnet-access-history>`,
    );
    await loaded(element);
    const select = element.shadowRoot?.querySelector('select') as HTMLSelectElement;
    select.value = 'patient:p1';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => element.shadowRoot?.querySelectorAll('tbody tr').length === 1, 'one person');
    expect(text(element.shadowRoot?.querySelector('[role="status"]'))).to.equal('1 accès');
    expect(filterEntries(ENTRIES, { person: '', from: '2026-03-01', to: '2026-03-04' }).map((e) => e.id)).to.deep.equal(
      ['a2'],
    );
  });

  it('exports CSV with quoted cells and neutralised formulas', () => {
    expect(
      toCsv([
        ['Date', 'Personne'],
        ['2026-03-04', '=HYPERLINK("x")'],
      ]),
    ).to.equal('"Date","Personne"\r\n"2026-03-04","\'=HYPERLINK(""x"")"\r\n');
  });

  it('on an on-device record says nothing is traced', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${uniqueDbName('history')}
        ><carnet-access-history></carnet-access-history
      ></carnet-provider>`,
    );
    const element = provider.querySelector('carnet-access-history') as CarnetAccessHistory;
    await loaded(element);
    expect(text(element.shadowRoot)).to.contain('Aucun historique sur cet appareil');
    await expect(element).to.be.accessible();
  });

  it('shows an error with Retry when the trail cannot be read', async () => {
    const element = await fixture<CarnetAccessHistory>(
      html`<carnet-access-history
        .dataSource=${sourceWith(() => Promise.reject(new Error('offline')))}
      ></carnet-access-history>`,
    );
    await loaded(element);
    expect(element.matches(':state(error)')).to.equal(true);
    expect(element.shadowRoot?.querySelector('[part="retry"]')).to.not.equal(null);
  });
});
