// <carnet-provider> connected mode with its offline cache, against the REAL
// demo OpenID provider and FHIR server: the sync state in plain words, and the
// cached record deleted on sign-out unless « Se souvenir de cet appareil » was ticked.
import { CarnetSession } from '@carnet/catalog-sdk';
import type { CarnetRecordSummary } from '../record-summary/record-summary.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { CLIENT_ID, providerPart, realClick, signInThroughProvider, testPlatform } from '../test-helpers/platform.js';
import type { TestPlatform } from '../test-helpers/platform.js';
import type { CarnetProvider } from './provider.js';
import { deleteDatabase, syncLine, text } from './test-helpers/offline-agenda.js';
import '../record-summary/record-summary.js';
import './provider.js';

const REMEMBER_KEY = 'carnet:remember-device';

async function databaseExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((database) => database.name === name);
}

/** Cached records in the offline database `name` (opened read-only, then closed). */
function cachedRecords(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
    request.onsuccess = () => {
      const db = request.result;
      const count = db.transaction('records').objectStore('records').count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result);
      };
      count.onerror = () => reject(count.error ?? new Error('count failed'));
    };
  });
}

/** A provider signing in by popup, around a record summary; sign-out's end-session navigation is noted, not followed. */
async function popupProvider(platform: TestPlatform, dbName: string): Promise<CarnetProvider> {
  const create = CarnetSession.create.bind(CarnetSession);
  CarnetSession.create = (options) => create({ ...options, navigate: () => undefined });
  try {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider
        issuer=${platform.issuer}
        client-id=${CLIENT_ID}
        fhir-base-url=${platform.fhirBaseUrl}
        redirect-uri=${platform.callbackUrl}
        sign-in="popup"
        db-name=${dbName}
        ><carnet-record-summary></carnet-record-summary
      ></carnet-provider>`,
    );
    await waitUntil(() => provider.recordStatus === 'signed-out', 'sign-in prompt', { timeout: 15_000 });
    return provider;
  } finally {
    CarnetSession.create = create;
  }
}

async function summaryShown(provider: CarnetProvider): Promise<void> {
  const summary = provider.querySelector('carnet-record-summary') as CarnetRecordSummary;
  await waitUntil(() => summary.shadowRoot?.querySelector('.counts'), 'summary shows the record', { timeout: 15_000 });
}

describe('<carnet-provider> offline cache: « Se souvenir de cet appareil » (real platform)', function () {
  this.timeout(60_000);
  const databases: string[] = [];

  afterEach(async () => {
    localStorage.removeItem(REMEMBER_KEY);
    for (const name of databases.splice(0)) await deleteDatabase(name);
  });

  it('not ticked (the default): the record is cached while signed in, and deleted from the device on sign-out', async () => {
    const platform = await testPlatform();
    const dbName = `carnet-forget-${crypto.randomUUID()}`;
    const provider = await popupProvider(platform, dbName);
    const box = providerPart(provider, 'remember-device') as HTMLInputElement;
    expect(box.checked).to.equal(false);
    expect(text(provider.shadowRoot?.querySelector('label[for="remember-device"]'))).to.equal(
      'Se souvenir de cet appareil',
    );
    await expect(provider).to.be.accessible();

    await signInThroughProvider(provider, 'diabetes');
    expect(provider.recordStatus).to.equal('ready');
    const cache = `${dbName}-offline-patient-diabetes`;
    databases.push(cache);
    await summaryShown(provider);
    await waitUntil(() => syncLine(provider) === 'À jour', 'up to date');
    expect(providerPart(provider, 'sync-status')?.getAttribute('role')).to.equal('status');
    expect(await databaseExists(cache)).to.equal(true);
    expect(await cachedRecords(cache)).to.be.greaterThan(0);
    await expect(provider).to.be.accessible();

    await realClick(providerPart(provider, 'sign-out-button') as HTMLElement);
    await waitUntil(() => provider.recordStatus === 'signed-out', 'signed out', { timeout: 15_000 });
    expect(await databaseExists(cache)).to.equal(false);
    expect(localStorage.getItem(REMEMBER_KEY)).to.equal(null);
  });

  it('ticked at sign-in: the cached record stays on the device after sign-out, and the box stays ticked next time', async () => {
    const platform = await testPlatform();
    const dbName = `carnet-remember-${crypto.randomUUID()}`;
    const provider = await popupProvider(platform, dbName);
    const box = providerPart(provider, 'remember-device') as HTMLInputElement;
    await realClick(box);
    await waitUntil(() => provider.rememberDevice, 'choice taken');
    expect(box.checked).to.equal(true);
    expect(localStorage.getItem(REMEMBER_KEY)).to.equal('yes');

    await signInThroughProvider(provider, 'kidney');
    expect(provider.recordStatus).to.equal('ready');
    const cache = `${dbName}-offline-patient-kidney`;
    databases.push(cache);
    await summaryShown(provider);
    await waitUntil(() => syncLine(provider) === 'À jour', 'up to date');

    await realClick(providerPart(provider, 'sign-out-button') as HTMLElement);
    await waitUntil(() => provider.recordStatus === 'signed-out', 'signed out', { timeout: 15_000 });
    expect(await databaseExists(cache)).to.equal(true);
    expect(await cachedRecords(cache)).to.be.greaterThan(0);
    expect((providerPart(provider, 'remember-device') as HTMLInputElement).checked).to.equal(true);

    const next = await popupProvider(platform, dbName);
    expect((providerPart(next, 'remember-device') as HTMLInputElement).checked).to.equal(true);
    expect(next.rememberDevice).to.equal(true);
  });
});
