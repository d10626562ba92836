// Weights and a blood pressure entered through the widget in connected mode, against the REAL
// platform: the kidney persona's dialysis sessions come from her agenda; values become Observations.
import { sendKeys } from '@web/test-runner-commands';
import type { CarnetSession } from '@carnet/catalog-sdk';
import type { Bundle, Observation } from '@medplum/fhirtypes';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { activate, deepActiveElement, PATIENCE } from '../test-helpers/dialog-contract.js';
import { signedInSession, testPlatform } from '../test-helpers/platform.js';
import type { TestPlatform } from '../test-helpers/platform.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetTracker } from './tracker.js';
import { part, text } from './test-helpers/glucose-entry.js';
import '../provider/provider.js';
import './tracker.js';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

async function typeField(tracker: CarnetTracker, name: string, value: string): Promise<void> {
  const input = part<HTMLInputElement>(tracker, `dialog[open] [name="${name}"]`);
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

describe('<carnet-tracker> kidney failure on the platform', function () {
  this.timeout(60_000);
  let platform: TestPlatform;
  let session: CarnetSession;
  const dbName = `carnet-tracker-kidney-${crypto.randomUUID()}`;

  before(async () => {
    platform = await testPlatform();
    session = await signedInSession(platform, 'kidney', { navigate: () => undefined });
  });

  after(async () => {
    session?.dispose();
    await deleteDatabase(`${dbName}-offline-patient-kidney`);
  });

  it('a weight before the latest session of her agenda and a blood pressure are Observations coded 29463-7 in kg and 85354-9 in mm[Hg]', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider
        fhir-base-url=${platform.fhirBaseUrl}
        db-name=${dbName}
        pathology="kidney"
        .session=${session}
        ><carnet-tracker weight-gain-limit="2"></carnet-tracker
      ></carnet-provider>`,
    );
    const tracker = provider.querySelector('carnet-tracker') as CarnetTracker;
    await waitUntil(
      () => text(tracker.shadowRoot?.querySelector('[part="add"]')) === 'Noter mon poids ou ma tension',
      'kidney tracker shown',
      PATIENCE,
    );
    await activate(part(tracker, '[part="add"]'));
    await waitUntil(() => deepActiveElement()?.getAttribute('name') === 'kg', 'weight field focused', PATIENCE);
    const select = part<HTMLSelectElement>(tracker, 'dialog[open] select[name="session"]');
    // The sessions offered come from her agenda (the seeded dialysis series).
    expect(select.options.length).to.be.greaterThan(1);
    const chosen = select.value;
    expect(chosen).to.not.equal('');
    await sendKeys({ type: '73,6' });
    await activate(
      [...(tracker.shadowRoot?.querySelectorAll<HTMLElement>('[part="meal-context"]') ?? [])].find(
        (button) => text(button) === 'Avant la séance',
      )!,
    );
    await typeField(tracker, 'systolic', '151');
    await typeField(tracker, 'diastolic', '88');
    part<HTMLInputElement>(tracker, 'dialog[open] [name="kg"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () =>
        [...(tracker.shadowRoot?.querySelectorAll('[part="chart"] circle') ?? [])].some(
          (circle) => circle.getAttribute('data-value') === '73.6',
        ),
      'weight drawn',
      PATIENCE,
    );
    await activate(part(tracker, '[part="table-toggle"]'));
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="pressure-table"]'), 'tables shown', PATIENCE);
    expect(text(part(tracker, '[part="table"]'))).to.contain('73,6 kg');
    expect(text(part(tracker, '[part="pressure-table"]'))).to.contain('151 / 88');

    const token = await session.getAccessToken();
    const search = async (code: string): Promise<Observation[]> => {
      const response = await fetch(
        `${platform.fhirBaseUrl}/Observation?patient=${session.patientId}&code=http://loinc.org|${code}&_count=200`,
        { headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json' } },
      );
      expect(response.status).to.equal(200);
      return ((await response.json()) as Bundle<Observation>).entry?.map((entry) => entry.resource!) ?? [];
    };
    const weight = (await search('29463-7')).find((observation) => observation.valueQuantity?.value === 73.6);
    expect(weight?.valueQuantity).to.include({ unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' });
    expect(weight?.category?.[0]?.coding?.[0]?.code).to.equal('vital-signs');
    const extension = (name: string) => weight?.extension?.find((item) => item.url.endsWith(`/${name}`));
    expect(extension('dialysis-moment')?.valueCode).to.equal('before-dialysis');
    expect(new Date(extension('dialysis-session')?.valueDateTime ?? '').toISOString()).to.equal(chosen);
    const pressure = (await search('85354-9')).find((observation) =>
      observation.component?.some((component) => component.valueQuantity?.value === 151),
    );
    expect(
      pressure?.component?.map((component) => [
        component.code.coding?.[0]?.code,
        component.valueQuantity?.value,
        component.valueQuantity?.code,
      ]),
    ).to.deep.equal([
      ['8480-6', 151, 'mm[Hg]'],
      ['8462-4', 88, 'mm[Hg]'],
    ]);
  });
});
