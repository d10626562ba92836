// SMART App Launch 2 in the SDK against the REAL demo platform: discovery through the FHIR
// server's smart-configuration (and the fallback to OpenID discovery), the EHR launch request,
// and the launch parameters and context. The full EHR launch from the platform's launcher page
// runs in packages/demo-host/server/e2e-smart-launch.test.ts.
import { expect } from '@open-wc/testing';
import { AuthError } from './auth-error.js';
import { CarnetSession } from './carnet-session.js';
import { launchContextFrom, parseEhrLaunch } from './launch.js';
import { CLIENT_ID, testPlatform } from './test-helpers/platform.js';
import { rejection } from './test-helpers/session-checks.js';

/** A fetch that records the URLs asked and can answer 404 for some. */
function recordingFetch(missing: (url: string) => boolean = () => false) {
  const urls: string[] = [];
  const fetcher: typeof fetch = async (input, init) => {
    const url = String(input);
    urls.push(url);
    if (missing(url)) return new Response('{}', { status: 404 });
    return fetch(input, init);
  };
  return { fetcher, urls };
}

describe('CarnetSession SMART App Launch (real platform)', function () {
  this.timeout(60_000);

  afterEach(() => sessionStorage.clear());

  describe('discovery', () => {
    it('finds the provider through {fhirBaseUrl}/.well-known/smart-configuration, with no issuer configured', async () => {
      const { fhirBaseUrl, callbackUrl } = await testPlatform();
      const { fetcher, urls } = recordingFetch();
      const session = await CarnetSession.create({
        fhirBaseUrl,
        clientId: CLIENT_ID,
        redirectUri: callbackUrl,
        scopes: ['openid'],
        fetch: fetcher,
      });
      expect(urls).to.deep.equal([`${fhirBaseUrl}/.well-known/smart-configuration`]);
      expect(session.serverCapabilities).to.include.members(['launch-ehr', 'launch-standalone', 'context-banner']);
    });

    it('falls back to OpenID discovery when the FHIR server has no SMART configuration', async () => {
      const { issuer, fhirBaseUrl, callbackUrl } = await testPlatform();
      const { fetcher, urls } = recordingFetch((url) => url.endsWith('/smart-configuration'));
      const session = await CarnetSession.create({
        issuer,
        fhirBaseUrl,
        clientId: CLIENT_ID,
        redirectUri: callbackUrl,
        scopes: ['openid'],
        fetch: fetcher,
      });
      expect(urls).to.deep.equal([
        `${fhirBaseUrl}/.well-known/smart-configuration`,
        `${issuer}/.well-known/openid-configuration`,
      ]);
      expect(session.serverCapabilities).to.deep.equal([]);
    });

    it('keeps the configured issuer when the SMART configuration names another (OpenID discovery there)', async () => {
      const { fhirBaseUrl, callbackUrl } = await testPlatform();
      const { fetcher, urls } = recordingFetch();
      const error = (await rejection(
        CarnetSession.create({
          issuer: 'http://127.0.0.1:9/other',
          fhirBaseUrl,
          clientId: CLIENT_ID,
          redirectUri: callbackUrl,
          scopes: ['openid'],
          fetch: fetcher,
        }),
      )) as AuthError;
      expect(urls).to.deep.equal([
        `${fhirBaseUrl}/.well-known/smart-configuration`,
        'http://127.0.0.1:9/other/.well-known/openid-configuration',
      ]);
      expect(error).to.be.instanceOf(AuthError);
      expect(error.reason).to.equal('network');
    });

    it('fails with configuration when there is no SMART configuration and no issuer', async () => {
      const { fhirBaseUrl, callbackUrl } = await testPlatform();
      const { fetcher } = recordingFetch((url) => url.endsWith('/smart-configuration'));
      const error = (await rejection(
        CarnetSession.create({
          fhirBaseUrl,
          clientId: CLIENT_ID,
          redirectUri: callbackUrl,
          scopes: ['openid'],
          fetch: fetcher,
        }),
      )) as AuthError;
      expect(error.reason).to.equal('configuration');
    });
  });

  describe('EHR launch', () => {
    it('sends the launch id with the launch scope, and has no launch context while signed out', async () => {
      const { fhirBaseUrl, callbackUrl } = await testPlatform();
      let address = '';
      const session = await CarnetSession.create({
        fhirBaseUrl,
        clientId: CLIENT_ID,
        redirectUri: callbackUrl,
        scopes: ['openid', 'patient/DocumentReference.rs'],
        navigate: (url) => {
          address = url;
        },
      });
      expect(session.launchContext).to.equal(undefined);
      await session.signIn({ launch: 'launch-123' });
      const request = new URL(address);
      expect(request.searchParams.get('launch')).to.equal('launch-123');
      expect(request.searchParams.get('scope')?.split(' ')).to.include.members(['launch', 'openid']);
      expect(request.searchParams.get('code_challenge_method')).to.equal('S256');
    });

    it('launch() refuses an iss that is not the configured FHIR server, before any request', async () => {
      const { fhirBaseUrl, callbackUrl } = await testPlatform();
      const { fetcher, urls } = recordingFetch();
      const error = (await rejection(
        CarnetSession.launch(
          { fhirBaseUrl, clientId: CLIENT_ID, redirectUri: callbackUrl, scopes: ['openid'], fetch: fetcher },
          'https://app.example/launch?iss=https%3A%2F%2Fevil.example%2Ffhir&launch=abc',
        ),
      )) as AuthError;
      expect(error.reason).to.equal('configuration');
      expect(urls).to.deep.equal([]);
    });

    it('launch() resolves undefined on a standalone start', async () => {
      const { fhirBaseUrl, callbackUrl } = await testPlatform();
      const session = await CarnetSession.launch(
        { fhirBaseUrl, clientId: CLIENT_ID, redirectUri: callbackUrl, scopes: ['openid'] },
        'https://app.example/launch',
      );
      expect(session).to.equal(undefined);
    });
  });

  describe('parseEhrLaunch', () => {
    it('reads iss and launch, or nothing for a standalone start', () => {
      expect(parseEhrLaunch('https://app.example/l?iss=https%3A%2F%2Ffhir.example%2Fr4&launch=xyz')).to.deep.equal({
        iss: 'https://fhir.example/r4',
        launch: 'xyz',
      });
      expect(parseEhrLaunch('https://app.example/l?x=1')).to.equal(undefined);
    });

    it('refuses half a launch and an iss that is not http(s)', () => {
      for (const url of [
        'https://app.example/l?launch=xyz',
        'https://app.example/l?iss=https%3A%2F%2Ffhir.example',
        'https://app.example/l?iss=javascript%3Aalert(1)&launch=xyz',
        'https://app.example/l?iss=not-a-url&launch=xyz',
      ]) {
        expect(() => parseEhrLaunch(url), url).to.throw(AuthError);
      }
    });
  });

  describe('launch context', () => {
    it('keeps the SMART members with their types and drops the rest', () => {
      const context = launchContextFrom(
        {
          patient: 'p1',
          encounter: 42,
          need_patient_banner: true,
          fhirContext: [{ reference: 'DocumentReference/d1', role: 'launch' }, 'junk', { nothing: 1 }],
          smart_style_url: 'https://ehr.example/style.json',
          intent: 'reconcile-medications',
        },
        'ehr',
      );
      expect(context).to.deep.equal({
        kind: 'ehr',
        patient: 'p1',
        needPatientBanner: true,
        fhirContext: [{ reference: 'DocumentReference/d1', role: 'launch' }],
        smartStyleUrl: 'https://ehr.example/style.json',
        intent: 'reconcile-medications',
      });
      expect(launchContextFrom({ need_patient_banner: 'yes' }, 'standalone')).to.deep.equal({
        kind: 'standalone',
        fhirContext: [],
      });
    });
  });
});
