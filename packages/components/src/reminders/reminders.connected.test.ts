// <carnet-reminders> in connected mode, against the REAL demo OpenID provider and FHIR
// server: « Pris » on a dose records it on the server, and the organiser beside it shows it.
import { CARNET_SCOPES, CarnetSession, createFhirDataSource, doseKey, scheduledDoses } from '@carnet/catalog-sdk';
import type { DataSource, ScheduledDose } from '@carnet/catalog-sdk';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import {
  CLIENT_ID,
  realClick,
  signInThroughProvider,
  signedInSession,
  testPlatform,
} from '../test-helpers/platform.js';
import type { TestPlatform } from '../test-helpers/platform.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetPillOrganiser } from '../pill-organiser/pill-organiser.js';
import type { CarnetReminders } from './reminders.js';
import { clockAt, notices, text } from './test-helpers/reminder-fixtures.js';
import '../provider/provider.js';

const DAY = 86_400_000;

describe('<carnet-reminders> connected (real platform)', function () {
  this.timeout(60_000);
  let platform: TestPlatform;
  /** The test's own look at the server, without cache. */
  let session: CarnetSession;
  let server: DataSource;

  before(async () => {
    platform = await testPlatform();
    session = await signedInSession(platform, 'diabetes');
    server = createFhirDataSource({ baseUrl: platform.fhirBaseUrl, session });
  });

  after(() => session.dispose());

  /** A dose of the patient's treatments on a day of its own, years ahead, that nothing records. */
  async function aFutureDose(): Promise<ScheduledDose> {
    const plans = (await server.medications.listPlans()).filter((plan) => plan.end === undefined && !plan.stoppedAt);
    const day = Date.UTC(2034, 0, 1) + Math.floor(Math.random() * 2000) * DAY;
    const [dose] = scheduledDoses(plans, { start: new Date(day), end: new Date(day + DAY) });
    if (!dose) throw new Error('no running treatment in the seed');
    return dose;
  }

  const dbName = `carnet-reminders-${crypto.randomUUID()}`;

  afterEach(async () => {
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(dbName);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  });

  it('« Pris » records the dose on the server; the organiser shows it taken', async () => {
    const dose = await aFutureDose();
    const now = new Date(Date.parse(dose.scheduledAt) + 2 * 60_000);
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider
        issuer=${platform.issuer}
        client-id=${CLIENT_ID}
        fhir-base-url=${platform.fhirBaseUrl}
        redirect-uri=${platform.callbackUrl}
        sign-in="popup"
        db-name=${dbName}
      >
        <carnet-reminders .clock=${clockAt(now)}></carnet-reminders>
        <carnet-pill-organiser .now=${now}></carnet-pill-organiser>
      </carnet-provider>`,
    );
    await waitUntil(() => provider.recordStatus === 'signed-out', 'sign-in prompt', { timeout: 15_000 });
    await signInThroughProvider(provider, 'diabetes');
    const reminders = provider.querySelector('carnet-reminders') as CarnetReminders;
    const organiser = provider.querySelector('carnet-pill-organiser') as CarnetPillOrganiser;
    const notice = (): HTMLElement | undefined =>
      notices(reminders).find((candidate) => candidate.dataset['reminderKey'] === dose.key);
    await waitUntil(() => notice(), 'the dose rings', { timeout: 15_000 });
    expect(text(notice()?.querySelector('.notice-text'))).to.contain(dose.medication.split(',')[0] ?? '');
    expect(text(notice()?.querySelector('.notice-text'))).to.match(/^Prise de \d\d:\d\d : /);

    await realClick(notice()?.querySelector('[part="taken-button"]') as HTMLElement);
    await waitUntil(() => notice() === undefined, 'the notice goes away', { timeout: 15_000 });
    await waitUntil(
      async () => {
        const intakes = await server.medications.listIntakes({
          planId: dose.planId,
          from: dose.scheduledAt,
          to: new Date(Date.parse(dose.scheduledAt) + 1).toISOString(),
        });
        return intakes.length === 1 && intakes[0]?.status === 'taken';
      },
      'the server holds the intake once',
      { timeout: 20_000, interval: 250 },
    );
    const organiserDose = (): HTMLElement | null | undefined =>
      organiser.shadowRoot?.querySelector<HTMLElement>(
        `button.dose[data-dose-key="${doseKey(dose.planId, dose.scheduledAt)}"]`,
      );
    await waitUntil(() => organiserDose()?.dataset['state'] === 'taken', 'the organiser shows it taken', {
      timeout: 15_000,
    });
  });

  /**
   * A provider in connected mode around the reminders at `now`, signed out: the session it uses is made
   * as it would make it, except that leaving for the provider's sign-out page is noted in `left`.
   */
  async function signedOutProvider(now: Date, left: string[]): Promise<CarnetProvider> {
    const own = await CarnetSession.create({
      issuer: platform.issuer,
      clientId: CLIENT_ID,
      redirectUri: platform.callbackUrl,
      scopes: [...CARNET_SCOPES],
      fhirBaseUrl: platform.fhirBaseUrl,
      navigate: (url) => left.push(url),
    });
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider
        issuer=${platform.issuer}
        client-id=${CLIENT_ID}
        fhir-base-url=${platform.fhirBaseUrl}
        redirect-uri=${platform.callbackUrl}
        sign-in="popup"
        db-name=${dbName}
        .session=${own}
      >
        <carnet-reminders .clock=${clockAt(now)}></carnet-reminders>
      </carnet-provider>`,
    );
    await waitUntil(() => provider.recordStatus === 'signed-out', 'sign-in prompt', { timeout: 15_000 });
    return provider;
  }

  /**
   * Another tab of the site puts `key` off. Messages reach a page's channels in the order they were made,
   * so once the test's own (made last) has it, the element's has had it too.
   */
  async function putOffInAnotherTab(key: string, until: number): Promise<void> {
    const otherTab = new BroadcastChannel('carnet:reminders');
    const heard = new BroadcastChannel('carnet:reminders');
    let delivered = false;
    heard.addEventListener('message', () => (delivered = true), { once: true });
    otherTab.postMessage({ type: 'snoozed', key, until });
    await waitUntil(() => delivered, 'the other tab’s message delivered', { timeout: 15_000 });
    otherTab.close();
    heard.close();
  }

  it('« Plus tard » is forgotten at sign-out: nothing of it stays in the tab', async () => {
    const dose = await aFutureDose();
    const now = new Date(Date.parse(dose.scheduledAt) + 2 * 60_000);
    const left: string[] = [];
    const provider = await signedOutProvider(now, left);
    await signInThroughProvider(provider, 'diabetes');
    const reminders = provider.querySelector('carnet-reminders') as CarnetReminders;
    const notice = (): HTMLElement | undefined =>
      notices(reminders).find((candidate) => candidate.dataset['reminderKey'] === dose.key);
    await waitUntil(() => notice(), 'the dose rings', { timeout: 15_000 });
    await realClick(notice()?.querySelector('[part="snooze-button"]') as HTMLElement);
    await waitUntil(() => notice() === undefined, 'put off', { timeout: 15_000 });
    expect(sessionStorage.getItem('carnet:reminders')).to.contain(dose.key);

    const signOut = provider.shadowRoot?.querySelector<HTMLElement>('[part~="sign-out-button"]');
    await realClick(signOut as HTMLElement);
    await waitUntil(() => provider.recordStatus === 'signed-out', 'signed out', { timeout: 15_000 });
    expect(sessionStorage.getItem('carnet:reminders')).to.equal(null);
    expect(left).to.have.length(1);

    // Another tab of the site, still signed in, puts the same dose off: this signed-out tab keeps nothing of it.
    await putOffInAnotherTab(dose.key, now.getTime() + 900_000);
    expect(sessionStorage.getItem('carnet:reminders')).to.equal(null);
  });

  it('a page opened signed out keeps nothing another tab puts off (a reload after sign-out)', async () => {
    const dose = await aFutureDose();
    const now = new Date(Date.parse(dose.scheduledAt) + 2 * 60_000);
    sessionStorage.removeItem('carnet:reminders');
    await signedOutProvider(now, []);
    await putOffInAnotherTab(dose.key, now.getTime() + 900_000);
    expect(sessionStorage.getItem('carnet:reminders')).to.equal(null);
  });
});
