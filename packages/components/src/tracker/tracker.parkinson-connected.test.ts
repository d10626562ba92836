// The Parkinson's motor diary entered through the widget in connected mode, against the REAL
// platform: each half-hour becomes an Observation with the Carnet motor-state code, its
// effectivePeriod and its coded state; the doses come from her pill organiser on the server.
import type { CarnetSession } from '@carnet/catalog-sdk';
import type { Bundle, Observation } from '@medplum/fhirtypes';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { PATIENCE } from '../test-helpers/dialog-contract.js';
import { byRole, click } from '../test-helpers/person.js';
import { signedInSession, testPlatform } from '../test-helpers/platform.js';
import type { TestPlatform } from '../test-helpers/platform.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetTracker } from './tracker.js';
import { chooseState, dayFromToday, slotStart, tapSlot, waitForDay } from './test-helpers/motor-diary.js';
import '../provider/provider.js';
import './tracker.js';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

const longDay = (day: Date): string =>
  new Intl.DateTimeFormat('fr', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(day);

describe('<carnet-tracker> Parkinson motor diary on the platform', function () {
  this.timeout(60_000);
  let platform: TestPlatform;
  let session: CarnetSession;
  const dbName = `carnet-tracker-parkinson-${crypto.randomUUID()}`;

  before(async () => {
    platform = await testPlatform();
    session = await signedInSession(platform, 'parkinson', { navigate: () => undefined });
  });

  after(async () => {
    session?.dispose();
    await deleteDatabase(`${dbName}-offline-patient-parkinson`);
  });

  it('half-hours tapped on two days are Observations coded motor-state with their period and state; a change updates the same one', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider
        fhir-base-url=${platform.fhirBaseUrl}
        db-name=${dbName}
        pathology="parkinson"
        .session=${session}
        ><carnet-tracker></carnet-tracker
      ></carnet-provider>`,
    );
    const tracker = provider.querySelector('carnet-tracker') as CarnetTracker;
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="slot"]'), 'diary shown', PATIENCE);
    // Her treatment on the platform gives the day's doses.
    await waitUntil(
      () => (tracker.shadowRoot?.querySelectorAll('[part="slot-dose"]').length ?? 0) > 0,
      'doses from her pill organiser marked on the slots',
      PATIENCE,
    );
    const twoDaysAgo = dayFromToday(-2);
    const yesterday = dayFromToday(-1);
    await click(byRole(tracker, 'button', 'Jour précédent'));
    await waitForDay(tracker, longDay(yesterday));
    await click(byRole(tracker, 'button', 'Jour précédent'));
    await waitForDay(tracker, longDay(twoDaysAgo));
    await chooseState(tracker, 'off');
    await tapSlot(tracker, slotStart(twoDaysAgo, 6, 0), / : off/);
    await tapSlot(tracker, slotStart(twoDaysAgo, 6, 30), / : off/);
    await chooseState(tracker, 'on-dyskinesia');
    await tapSlot(tracker, slotStart(twoDaysAgo, 9, 0), / : on avec dyskinésies/);
    await click(byRole(tracker, 'button', 'Jour suivant'));
    await waitForDay(tracker, longDay(yesterday));
    await chooseState(tracker, 'asleep');
    await tapSlot(tracker, slotStart(yesterday, 2, 0), / : endormi/);
    // A change of mind: the 2 h 00 slot was « off », not asleep.
    await chooseState(tracker, 'off');
    await tapSlot(tracker, slotStart(yesterday, 2, 0), / : off/);

    const token = await session.getAccessToken();
    const search = async (): Promise<Observation[]> => {
      const response = await fetch(
        `${platform.fhirBaseUrl}/Observation?patient=${session.patientId}&code=https://carnet.example.org/fhir/CodeSystem/observation-code|motor-state&date=ge${twoDaysAgo.toISOString()}&_count=200`,
        { headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json' } },
      );
      expect(response.status).to.equal(200);
      return ((await response.json()) as Bundle<Observation>).entry?.map((entry) => entry.resource!) ?? [];
    };
    const summary = (observations: Observation[]): string[] =>
      observations
        .map(
          (observation) =>
            `${new Date(observation.effectivePeriod?.start ?? '').toISOString()}/${new Date(observation.effectivePeriod?.end ?? '').toISOString()}|${observation.valueCodeableConcept?.coding?.[0]?.code}`,
        )
        .sort();
    const half = (start: string): string => `${start}/${new Date(Date.parse(start) + 1_800_000).toISOString()}`;
    const expected = [
      `${half(slotStart(twoDaysAgo, 6, 0))}|off`,
      `${half(slotStart(twoDaysAgo, 6, 30))}|off`,
      `${half(slotStart(twoDaysAgo, 9, 0))}|on-dyskinesia`,
      `${half(slotStart(yesterday, 2, 0))}|off`,
    ].sort();
    // Her seeded diary days are there too: look at the half-hours tapped, each once.
    const tapped = new Set(expected.map((line) => line.split('/')[0]));
    let found: Observation[] = [];
    await waitUntil(
      async () => {
        found = (await search()).filter((observation) =>
          tapped.has(new Date(observation.effectivePeriod?.start ?? '').toISOString()),
        );
        return summary(found).join() === expected.join();
      },
      'the four half-hours on the server, the changed one once',
      PATIENCE,
    );
    const changed = found.find(
      (observation) => Date.parse(observation.effectivePeriod?.start ?? '') === Date.parse(slotStart(yesterday, 2, 0)),
    );
    expect(changed?.meta?.versionId).to.not.equal('1');
    for (const observation of found) {
      expect(observation.status).to.equal('final');
      expect(observation.code.coding?.[0]).to.include({
        system: 'https://carnet.example.org/fhir/CodeSystem/observation-code',
        code: 'motor-state',
      });
      expect(observation.valueCodeableConcept?.coding?.[0]?.system).to.equal(
        'https://carnet.example.org/fhir/CodeSystem/motor-state',
      );
      expect(observation.subject?.reference).to.equal(`Patient/${session.patientId}`);
      expect(observation.effectiveDateTime).to.equal(undefined);
    }
  });
});
