// CarnetSession against the REAL demo OpenID provider (oidc-provider) and FHIR
// server, signing in through the real login and consent pages in a popup.
import { expect } from '@open-wc/testing';
import { AuthError } from './auth-error.js';
import { CarnetSession } from './carnet-session.js';
import { CLIENT_ID, newSession, signInWithPopup, signedInSession, testPlatform } from './test-helpers/platform.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A clock the test moves forward to make tokens expire without waiting. */
function movableClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) };
}

/** A pass-through fetch that counts refresh-token grants sent to the provider. */
function countingFetch() {
  const counts = { refresh: 0 };
  const fetcher: typeof fetch = async (input, init) => {
    if (init?.body instanceof URLSearchParams && init.body.get('grant_type') === 'refresh_token') counts.refresh++;
    return fetch(input, init);
  };
  return { fetcher, counts };
}

async function readPatient(fhirBaseUrl: string, patientId: string, token: string): Promise<Response> {
  return fetch(`${fhirBaseUrl}/Patient/${patientId}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json' },
  });
}

describe('CarnetSession (real OpenID provider)', function () {
  this.timeout(60_000);

  afterEach(() => sessionStorage.clear());

  describe('create', () => {
    it('discovers the provider and starts signed out', async () => {
      const session = await newSession();
      expect(session.isAuthenticated).to.equal(false);
      expect(session.patientId).to.equal(undefined);
      expect(session.user).to.equal(undefined);
    });

    it('rejects with AuthError network when the provider is unreachable', async () => {
      const error = (await rejection(
        CarnetSession.create({
          issuer: 'http://127.0.0.1:9',
          clientId: CLIENT_ID,
          redirectUri: 'http://localhost/cb',
          scopes: ['openid'],
        }),
      )) as AuthError;
      expect(error).to.be.instanceOf(AuthError);
      expect(error.reason).to.equal('network');
    });

    it('rejects with AuthError configuration when the issuer has no discovery document', async () => {
      const { fhirBaseUrl } = await testPlatform();
      const error = (await rejection(
        CarnetSession.create({
          issuer: fhirBaseUrl,
          clientId: CLIENT_ID,
          redirectUri: 'http://localhost/cb',
          scopes: ['openid'],
        }),
      )) as AuthError;
      expect(error.reason).to.equal('configuration');
    });

    it('refuses scopes without openid', async () => {
      const error = (await rejection(newSession({ scopes: ['patient/Patient.r'] }))) as AuthError;
      expect(error.reason).to.equal('configuration');
    });
  });

  describe('popup sign-in', () => {
    it('signs the patient in: patient id, identity without health data, change event, usable token', async () => {
      const { fhirBaseUrl } = await testPlatform();
      const session = await newSession();
      let changes = 0;
      session.addEventListener('change', () => changes++);
      await signInWithPopup(session, 'parkinson');
      expect(session.isAuthenticated).to.equal(true);
      expect(changes).to.equal(1);
      expect(session.patientId).to.be.a('string').and.not.equal('');
      expect(session.user?.sub).to.equal(session.patientId);
      expect(session.user?.fhirUser).to.equal(`${fhirBaseUrl}/Patient/${session.patientId}`);
      expect(Object.keys(session.user ?? {}).sort()).to.deep.equal(['fhirUser', 'sub']);
      const response = await readPatient(fhirBaseUrl, session.patientId ?? '', await session.getAccessToken());
      expect(response.status).to.equal(200);
      session.dispose();
    });

    it('keeps tokens out of every storage in memory mode', async () => {
      const session = await signedInSession('diabetes');
      const token = await session.getAccessToken();
      const stored = [...Object.values(sessionStorage), ...Object.values(localStorage)].join('\n');
      expect(stored).not.to.contain(token);
      expect(sessionStorage.length).to.equal(0);
      const again = await newSession();
      expect(again.isAuthenticated).to.equal(false);
      session.dispose();
    });

    it('restores a session-mode session in a new instance of the same tab, never in localStorage', async () => {
      const session = await signedInSession('kidney', { storage: 'session' });
      const restored = await newSession({ storage: 'session' });
      expect(restored.isAuthenticated).to.equal(true);
      expect(restored.patientId).to.equal(session.patientId);
      expect(await restored.getAccessToken()).to.equal(await session.getAccessToken());
      expect(Object.keys(localStorage).filter((key) => key.startsWith('carnet'))).to.deep.equal([]);
      session.dispose();
      restored.dispose();
    });

    it('rejects with access_denied when the patient cancels at the provider', async () => {
      const session = await newSession();
      const error = (await rejection(signInWithPopup(session, 'parkinson', 'deny'))) as AuthError;
      expect(error).to.be.instanceOf(AuthError);
      expect(error.reason).to.equal('access_denied');
      expect(session.isAuthenticated).to.equal(false);
    });

    it('rejects with popup_closed when the patient closes the popup', async () => {
      const session = await newSession();
      const error = (await rejection(signInWithPopup(session, 'parkinson', 'close'))) as AuthError;
      expect(error.reason).to.equal('popup_closed');
      expect(session.isAuthenticated).to.equal(false);
    });
  });

  describe('callbacks', () => {
    it('rejects a callback whose state this page never issued', async () => {
      const session = await newSession();
      const error = (await rejection(session.handleCallback('http://localhost/cb?code=abc&state=forged'))) as AuthError;
      expect(error.reason).to.equal('callback_state_mismatch');
      expect(session.isAuthenticated).to.equal(false);
    });

    it('rejects a callback without state', async () => {
      const session = await newSession();
      const error = (await rejection(session.handleCallback('http://localhost/cb?code=abc'))) as AuthError;
      expect(error.reason).to.equal('callback_state_mismatch');
    });
  });

  describe('tokens', () => {
    it('renews an expired access token with the refresh token, once for parallel callers', async () => {
      const clock = movableClock();
      const { fetcher, counts } = countingFetch();
      const { fhirBaseUrl } = await testPlatform();
      const session = await signedInSession('parkinson', { now: clock.now, fetch: fetcher });
      const first = await session.getAccessToken();
      clock.advance(10 * 60_000);
      const tokens = await Promise.all([session.getAccessToken(), session.getAccessToken(), session.getAccessToken()]);
      expect(counts.refresh).to.equal(1);
      expect(new Set(tokens).size).to.equal(1);
      expect(tokens[0]).not.to.equal(first);
      expect((await readPatient(fhirBaseUrl, session.patientId ?? '', tokens[0] ?? '')).status).to.equal(200);
      expect(session.isAuthenticated).to.equal(true);
      session.dispose();
    });

    it('signs out (change event, login_required) when the refresh token was revoked', async () => {
      const clock = movableClock();
      const { issuer } = await testPlatform();
      const session = await signedInSession('diabetes', { storage: 'session', now: clock.now });
      const stored = JSON.parse(sessionStorage.getItem(`carnet.${CLIENT_ID}.tokens`) ?? '{}') as {
        refreshToken?: string;
      };
      expect(stored.refreshToken).to.be.a('string');
      const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as {
        revocation_endpoint: string;
      };
      const revoked = await fetch(discovery.revocation_endpoint, {
        method: 'POST',
        body: new URLSearchParams({
          token: stored.refreshToken ?? '',
          token_type_hint: 'refresh_token',
          client_id: CLIENT_ID,
        }),
      });
      expect(revoked.ok).to.equal(true);
      let changes = 0;
      session.addEventListener('change', () => changes++);
      clock.advance(10 * 60_000);
      const error = (await rejection(session.getAccessToken())) as AuthError;
      expect(error.reason).to.equal('login_required');
      expect(session.isAuthenticated).to.equal(false);
      expect(changes).to.equal(1);
      expect(sessionStorage.getItem(`carnet.${CLIENT_ID}.tokens`)).to.equal(null);
    });

    it('signOut revokes the refresh token at the provider and forgets everything', async () => {
      const { issuer } = await testPlatform();
      const left: string[] = [];
      const session = await signedInSession('kidney', { storage: 'session', navigate: (url) => left.push(url) });
      const stored = JSON.parse(sessionStorage.getItem(`carnet.${CLIENT_ID}.tokens`) ?? '{}') as {
        refreshToken?: string;
      };
      let changes = 0;
      session.addEventListener('change', () => changes++);
      await session.signOut();
      expect(session.isAuthenticated).to.equal(false);
      expect(session.patientId).to.equal(undefined);
      expect(changes).to.equal(1);
      expect(sessionStorage.getItem(`carnet.${CLIENT_ID}.tokens`)).to.equal(null);
      const error = (await rejection(session.getAccessToken())) as AuthError;
      expect(error.reason).to.equal('login_required');
      // The revoked refresh token can no longer be exchanged.
      const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as {
        token_endpoint: string;
      };
      const reuse = await fetch(discovery.token_endpoint, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: stored.refreshToken ?? '',
          client_id: CLIENT_ID,
        }),
      });
      expect(reuse.status).to.equal(400);
      expect(((await reuse.json()) as { error: string }).error).to.equal('invalid_grant');
    });

    it('signOut ends access at the FHIR server and always ends the provider session, back to this page', async () => {
      const { issuer, fhirBaseUrl } = await testPlatform();
      const left: string[] = [];
      const session = await signedInSession('diabetes', { navigate: (url) => left.push(url) });
      const token = await session.getAccessToken();
      const patientId = session.patientId ?? '';
      expect((await readPatient(fhirBaseUrl, patientId, token)).status).to.equal(200);
      await session.signOut();
      expect((await readPatient(fhirBaseUrl, patientId, token)).status).to.equal(401);
      expect(left).to.have.length(1);
      const logout = new URL(left[0] ?? '');
      expect(logout.href.startsWith(`${issuer}/session/end`)).to.equal(true);
      expect(logout.searchParams.get('id_token_hint')).to.be.a('string');
      expect(logout.searchParams.get('post_logout_redirect_uri')).to.equal(`${location.origin}${location.pathname}`);
    });
  });
});
