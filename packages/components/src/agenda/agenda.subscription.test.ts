// The agenda's calendar subscription against the REAL demo platform: the
// secret webcal address, the feed it serves, and its reset (old address 404 at once).
import type { CarnetSession } from '@carnet/catalog-sdk';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { realClick, signedInSession, testPlatform } from '../test-helpers/platform.js';
import type { TestPlatform } from '../test-helpers/platform.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetAgenda } from './agenda.js';
import '../provider/provider.js';
import './agenda.js';

function part<T extends HTMLElement = HTMLElement>(agenda: CarnetAgenda, name: string): T | null {
  return agenda.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
}

function text(node: Node | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

describe('<carnet-agenda> calendar subscription (real platform)', function () {
  this.timeout(60_000);
  let platform: TestPlatform;
  let session: CarnetSession;
  const dbName = `carnet-subscription-${crypto.randomUUID()}`;

  before(async () => {
    platform = await testPlatform();
    session = await signedInSession(platform, 'diabetes', { navigate: () => undefined });
  });

  after(async () => {
    session?.dispose();
    await deleteDatabase(`${dbName}-offline-patient-diabetes`);
  });

  it("gives a webcal « S'abonner » link serving the agenda, and a reset that stops the old address at once", async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider fhir-base-url=${platform.fhirBaseUrl} db-name=${dbName} .session=${session}
        ><carnet-agenda></carnet-agenda
      ></carnet-provider>`,
    );
    const agenda = provider.querySelector('carnet-agenda') as CarnetAgenda;
    await waitUntil(() => part(agenda, 'subscription-prepare'), 'subscription offered', { timeout: 15_000 });
    const section = part(agenda, 'subscription');
    expect(text(section?.querySelector('h3'))).to.equal('Sur votre téléphone');
    expect(text(section)).to.contain('même quand Carnet est fermé');
    // No address exists before the patient asks for one.
    expect(part(agenda, 'subscribe-link')).to.equal(null);

    await realClick(part(agenda, 'subscription-prepare') as HTMLElement);
    await waitUntil(() => part(agenda, 'subscribe-link'), 'link shown', { timeout: 15_000 });
    const link = part<HTMLAnchorElement>(agenda, 'subscribe-link') as HTMLAnchorElement;
    expect(text(link)).to.equal("S'abonner");
    const webcal = link.getAttribute('href') ?? '';
    expect(webcal).to.match(/^webcal:\/\/.+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = webcal.replace(/^webcal:/, new URL(platform.fhirBaseUrl).protocol);
    const served = await fetch(feed);
    expect(served.status).to.equal(200);
    expect(served.headers.get('content-type')).to.match(/^text\/calendar/);
    expect(await served.text()).to.contain('BEGIN:VALARM');
    await expect(agenda).to.be.accessible();

    await realClick(part(agenda, 'subscription-reset') as HTMLElement);
    await waitUntil(() => part(agenda, 'subscribe-link')?.getAttribute('href') !== webcal, 'new address', {
      timeout: 15_000,
    });
    expect(text(agenda.shadowRoot?.querySelector('.subscription-status'))).to.equal(
      "Nouvelle adresse prête. L'ancienne ne fonctionne plus.",
    );
    expect((await fetch(feed)).status).to.equal(404);
    const renewed = (part(agenda, 'subscribe-link')?.getAttribute('href') ?? '').replace(
      /^webcal:/,
      new URL(platform.fhirBaseUrl).protocol,
    );
    expect((await fetch(renewed)).status).to.equal(200);
  });
});
