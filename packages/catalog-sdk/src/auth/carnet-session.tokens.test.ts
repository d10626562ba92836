// CarnetSession against the REAL demo OpenID provider and FHIR server: renewal, revocation, sign-out.
import { expect } from '@open-wc/testing';
import type { AuthError } from './auth-error.js';
import { CLIENT_ID, signedInSession, testPlatform } from './test-helpers/platform.js';
import { countingFetch, movableClock, readPatient, rejection } from './test-helpers/session-checks.js';

describe('CarnetSession (real OpenID provider)', function () {
  this.timeout(60_000);

  afterEach(() => sessionStorage.clear());

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
