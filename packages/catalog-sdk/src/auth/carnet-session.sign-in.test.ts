// CarnetSession against the REAL demo OpenID provider: signing in through the real login and
// consent pages in a popup.
import { expect } from '@open-wc/testing';
import { AuthError } from './auth-error.js';
import { newSession, signInWithPopup, signedInSession, testPlatform } from './test-helpers/platform.js';
import { readPatient, rejection } from './test-helpers/session-checks.js';

describe('CarnetSession (real OpenID provider)', function () {
  this.timeout(60_000);

  afterEach(() => sessionStorage.clear());

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
      // Identity only: the name the widgets greet the patient by, never health data.
      expect(Object.keys(session.user ?? {}).sort()).to.deep.equal(['fhirUser', 'name', 'sub']);
      expect(session.user?.name).to.equal('Jean Lefèvre');
      const response = await readPatient(fhirBaseUrl, session.patientId ?? '', await session.getAccessToken());
      expect(response.status).to.equal(200);
      session.dispose();
    });

    it('asks the provider for its pages in the site’s language (ui_locales)', async () => {
      const left: string[] = [];
      const session = await newSession({ navigate: (url) => left.push(url) });
      await session.signIn({ uiLocales: 'en' });
      expect(new URL(left[0] ?? '').searchParams.get('ui_locales')).to.equal('en');
      await session.signIn();
      expect(new URL(left[1] ?? '').searchParams.has('ui_locales')).to.equal(false);
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
});
