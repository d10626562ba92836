import type { AccessEntry, DataSource } from '@carnet/catalog-sdk';
import { createInMemoryDataSource } from '../document-browser/test-helpers/in-memory-source.js';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { sendKeys } from '@web/test-runner-commands';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { allByRole, byRole, chooseOption, click, queryByRole, typeInto } from '../test-helpers/person.js';
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

/** The text of each row of the table's body (the first row holds the column headers). */
function bodyRows(element: CarnetAccessHistory): string[] {
  return allByRole(element, 'row')
    .slice(1)
    .map((row) => text(row));
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
    const rows = bodyRows(element);
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
    const rows = bodyRows(element);
    expect(rows[0]).to.contain('Nadia Benali (aidant)').and.contain('a tenté d’accéder à vos documents — refusé');
    expect(rows[1]).to.contain('Nadia Benali (aidant)').and.contain('a consulté la liste : 2 rendez-vous');
    await expect(element).to.be.accessible();
  });

  it('filters by person and by period, days typed in the page’s order', async () => {
    const element = await fixture<CarnetAccessHistory>(
      html`<carnet-access-history .dataSource=${sourceWith(() => Promise.resolve(ENTRIES))}></carnet-access-history>`,
    );
    await loaded(element);
    await chooseOption(byRole<HTMLSelectElement>(element, 'combobox', 'Personne'), 'Vous');
    await waitUntil(() => bodyRows(element).length === 1, 'one person');
    expect(text(byRole(element, 'status'))).to.equal('1 accès');
    await chooseOption(byRole<HTMLSelectElement>(element, 'combobox', 'Personne'), 'Tout le monde');
    await waitUntil(() => bodyRows(element).length === 3, 'everyone again');

    // The first days of March, typed as a French reader writes them (the field says jj/mm/aaaa).
    await typeInto(byRole(element, 'textbox', /^Du/), '01/03/2026');
    await sendKeys({ press: 'Tab' });
    await typeInto(byRole(element, 'textbox', /^Au/), '4/3/2026');
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => bodyRows(element).length === 1, 'the period filters');
    expect(bodyRows(element)[0]).to.contain('a ouvert 1 document');
    expect(byRole<HTMLInputElement>(element, 'textbox', /^Au/).value).to.equal('04/03/2026');
    expect(filterEntries(ENTRIES, { person: '', from: '2026-03-01', to: '2026-03-04' }).map((e) => e.id)).to.deep.equal(
      ['a2'],
    );
    await expect(element).to.be.accessible();
  });

  it('says so when a typed day is not a real one, and does not filter on it', async () => {
    const element = await fixture<CarnetAccessHistory>(
      html`<carnet-access-history .dataSource=${sourceWith(() => Promise.resolve(ENTRIES))}></carnet-access-history>`,
    );
    await loaded(element);
    const from = byRole<HTMLInputElement>(element, 'textbox', /^Du/);
    await typeInto(from, '31/02/2026');
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => from.getAttribute('aria-invalid') === 'true', 'marked');
    expect(text(byRole(element, 'alert'))).to.equal('Date non reconnue : écrivez-la jj/mm/aaaa.');
    expect(from.value, 'kept as typed').to.equal('31/02/2026');
    expect(bodyRows(element)).to.have.length(3);
    await expect(element).to.be.accessible();
    await typeInto(from, '05/03/2026', { replace: true });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => bodyRows(element).length === 1, 'filtered once corrected');
    expect(from.getAttribute('aria-invalid')).to.equal('false');
  });

  it('offers the table as a file in plain words, in French and in English', async () => {
    const french = await fixture<CarnetAccessHistory>(
      html`<carnet-access-history .dataSource=${sourceWith(() => Promise.resolve(ENTRIES))}></carnet-access-history>`,
    );
    await loaded(french);
    const button = byRole(french, 'button', 'Télécharger ce tableau');
    expect(text(french.shadowRoot?.getElementById(button.getAttribute('aria-describedby') ?? ''))).to.contain(
      'tableur',
    );
    expect(text(french.shadowRoot)).not.to.match(/CSV|Exporter/);

    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider locale="en" .dataSource=${sourceWith(() => Promise.resolve(ENTRIES))}
        ><carnet-access-history></carnet-access-history
      ></carnet-provider>`,
    );
    const english = provider.querySelector('carnet-access-history') as CarnetAccessHistory;
    await loaded(english);
    await waitUntil(() => queryByRole(english, 'button', 'Download this table'), 'English wording');
    expect(text(english.shadowRoot)).to.contain('spreadsheet');
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
    await expect(element).to.be.accessible();
  });

  it('reads the trail again with Retry, pressed with the mouse', async () => {
    let fail = true;
    const element = await fixture<CarnetAccessHistory>(
      html`<carnet-access-history
        .dataSource=${sourceWith(() => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(ENTRIES)))}
      ></carnet-access-history>`,
    );
    await loaded(element);
    expect(element.matches(':state(error)')).to.equal(true);
    fail = false;
    await click(byRole(element, 'button', 'Réessayer'));
    await waitUntil(() => element.matches(':state(ready)'), 'ready after Retry');
    expect(bodyRows(element)).to.have.length(3);
  });
});
