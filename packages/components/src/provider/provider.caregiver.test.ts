// <carnet-provider> signed in as a caregiver (their own account, a RelatedPerson
// with no patient of their own) against the REAL demo OpenID provider and FHIR
// server: the record of the one person who gave them access opens at once, and
// the provider always says whose record it is.
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { CLIENT_ID, providerPart, realClick, signInThroughProvider, testPlatform } from '../test-helpers/platform.js';
import type { CarnetProvider } from './provider.js';
import './provider.js';

describe('<carnet-provider> signed in as a caregiver (real platform)', function () {
  // The first test of a file starts the platform (the same allowance as the connected-mode tests).
  this.timeout(60_000);

  it('opens the record of the person who gave access and says whose record it is; accessible', async () => {
    const platform = await testPlatform();
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider
        issuer=${platform.issuer}
        client-id=${CLIENT_ID}
        fhir-base-url=${platform.fhirBaseUrl}
        redirect-uri=${platform.callbackUrl}
        sign-in="popup"
        ><p>widgets</p></carnet-provider
      >`,
    );
    await waitUntil(() => provider.recordStatus === 'signed-out', 'sign-in prompt', { timeout: 15_000 });
    await signInThroughProvider(provider, 'aidant-kidney');
    // She helps one person on this platform (the Parkinson persona granted her agenda and documents).
    await waitUntil(() => providerPart(provider, 'record-banner') !== null, 'record opened', { timeout: 15_000 });
    expect(providerPart(provider, 'record-banner')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'Vous consultez le carnet de Jean Lefèvre',
    );
    expect(providerPart(provider, 'record-change')).to.equal(null);
    expect(providerPart(provider, 'session-name')?.textContent).to.not.equal('');
    const source = provider.activeDataSource;
    expect(source?.kind).to.equal('fhir');
    const events = await source?.agenda.list();
    expect(events?.length ?? 0).to.be.greaterThan(0);
    await expect(provider).to.be.accessible();
    await realClick(providerPart(provider, 'sign-out-button') as HTMLElement);
    await waitUntil(() => provider.recordStatus === 'signed-out', 'signed out', { timeout: 15_000 });
    expect(providerPart(provider, 'record-banner')).to.equal(null);
  });
});
