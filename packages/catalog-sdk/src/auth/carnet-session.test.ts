// CarnetSession against the REAL demo OpenID provider (oidc-provider): discovery and callbacks.
// Sign-in and tokens are in carnet-session.sign-in.test.ts and carnet-session.tokens.test.ts, so
// that no file runs long enough to come near the per-file limit on a busy machine.
import { expect } from '@open-wc/testing';
import { AuthError } from './auth-error.js';
import { CarnetSession } from './carnet-session.js';
import { CLIENT_ID, newSession, testPlatform } from './test-helpers/platform.js';
import { rejection } from './test-helpers/session-checks.js';

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
});
