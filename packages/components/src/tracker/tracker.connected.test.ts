// Glucose values entered through the widget in connected mode, against the REAL demo
// OpenID provider and FHIR server: each becomes an Observation with its LOINC codes and UCUM unit.
import type { CarnetSession } from '@carnet/catalog-sdk';
import type { Bundle, Observation } from '@medplum/fhirtypes';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { activate, PATIENCE } from '../test-helpers/dialog-contract.js';
import { signedInSession, testPlatform } from '../test-helpers/platform.js';
import type { TestPlatform } from '../test-helpers/platform.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetTracker } from './tracker.js';
import { enterGlucose, part, text } from './test-helpers/glucose-entry.js';
import '../provider/provider.js';
import './tracker.js';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A past moment, whole minutes: `daysAgo` days and 97 minutes before now (always inside the 7 days shown). */
function momentBefore(daysAgo: number): Date {
  const date = new Date(Date.now() - daysAgo * 86_400_000 - 97 * 60_000);
  date.setSeconds(0, 0);
  return date;
}

describe('<carnet-tracker> glucose on the platform', function () {
  this.timeout(60_000);
  let platform: TestPlatform;
  let session: CarnetSession;
  const dbName = `carnet-tracker-${crypto.randomUUID()}`;

  before(async () => {
    platform = await testPlatform();
    session = await signedInSession(platform, 'diabetes', { navigate: () => undefined });
  });

  after(async () => {
    session?.dispose();
    await deleteDatabase(`${dbName}-offline-patient-diabetes`);
  });

  it('a week of values entered through the widget is in the chart, the table, and on the server as Observations coded LOINC in mg/dL', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider fhir-base-url=${platform.fhirBaseUrl} db-name=${dbName} .session=${session}
        ><carnet-tracker></carnet-tracker
      ></carnet-provider>`,
    );
    const tracker = provider.querySelector('carnet-tracker') as CarnetTracker;
    // The persona's seeded weeks of values are shown first.
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="chart"] circle'), 'seeded values', PATIENCE);

    // Values and moments of this test's own, told from the seeded ones by both.
    const week = [0, 1, 2, 3, 4, 5, 6].map((daysAgo) => {
      const at = momentBefore(daysAgo);
      return { at, value: 101 + daysAgo * 7, time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
    });
    for (const { at, value, time } of week) {
      await enterGlucose(tracker, {
        value: String(value),
        day: `${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()}`,
        time,
        meal: 'Avant le repas',
      });
    }

    const drawn = [...(tracker.shadowRoot?.querySelectorAll('[part="chart"] circle') ?? [])].map((circle) =>
      circle.getAttribute('data-value'),
    );
    for (const { value } of week) expect(drawn).to.include(String(value));
    await activate(part(tracker, '[part="table-toggle"]'));
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="table"]'), 'table shown', PATIENCE);
    const rows = [...part<HTMLTableElement>(tracker, '[part="table"]').tBodies[0]!.rows].map((row) => text(row));
    for (const { value, time } of week)
      expect(
        rows.some((row) => row.includes(time) && row.includes(`${value} mg/dL`)),
        `${value} at ${time}`,
      ).to.equal(true);

    // On the server, read with the patient's own token.
    const from = new Date(Date.now() - 8 * 86_400_000).toISOString();
    const response = await fetch(
      `${platform.fhirBaseUrl}/Observation?patient=${session.patientId}&code=http://loinc.org|41653-7&date=ge${from}&_count=500`,
      { headers: { authorization: `Bearer ${await session.getAccessToken()}`, accept: 'application/fhir+json' } },
    );
    expect(response.status).to.equal(200);
    const bundle = (await response.json()) as Bundle<Observation>;
    const moments = new Set(week.map(({ at }) => at.getTime()));
    const mine = (bundle.entry ?? [])
      .map((entry) => entry.resource as Observation)
      .filter((observation) => moments.has(Date.parse(observation.effectiveDateTime ?? '')));
    expect(mine.map((observation) => observation.valueQuantity?.value).sort()).to.deep.equal(
      week.map(({ value }) => value).sort(),
    );
    for (const observation of mine) {
      expect(observation.status).to.equal('final');
      expect(observation.subject?.reference).to.equal(`Patient/${session.patientId}`);
      expect(observation.code.coding?.map((coding) => `${coding.system}|${coding.code}`)).to.deep.equal([
        'http://loinc.org|41653-7',
        'http://loinc.org|2339-0',
      ]);
      expect(observation.valueQuantity).to.include({
        unit: 'mg/dL',
        system: 'http://unitsofmeasure.org',
        code: 'mg/dL',
      });
      expect(observation.extension?.find((extension) => extension.url.endsWith('/meal-context'))?.valueCode).to.equal(
        'before-meal',
      );
    }
  });
});
