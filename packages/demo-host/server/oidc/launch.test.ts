// SMART App Launch 2 EHR launch on the real provider and FHIR server: the launcher page
// creates a launch id bound to the person, the app and the record; the app's token then
// names exactly that patient, and a forged, reused or stolen launch is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startPlatform, type RunningPlatform } from '../main.js';
import { CookieJar, browse, decodeJwt, signIn } from '../testing/oauth-client.js';
import {
  TEST_APP,
  authorizeApp,
  authorizeAppUntilConsent,
  exchangeAppCode,
  launchApp,
  postLaunch,
  signInToLauncher,
} from '../testing/launch-client.js';

const APP_SCOPE = 'launch openid fhirUser offline_access patient/DocumentReference.rs';

let platform: RunningPlatform;

before(async () => {
  platform = await startPlatform({ oidcPort: 0, fhirPort: 0, documentCount: 4, apps: [TEST_APP] });
});
after(async () => {
  await platform.close();
});

async function documentsStatus(token: string, patient: string): Promise<number> {
  const response = await fetch(`${platform.fhirBaseUrl}/DocumentReference?patient=${patient}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return response.status;
}

describe('SMART configuration', () => {
  it('advertises EHR launch, the launch scope and S256 on the FHIR base', async () => {
    const response = await fetch(`${platform.fhirBaseUrl}/.well-known/smart-configuration`);
    const config = (await response.json()) as Record<string, unknown>;
    for (const capability of ['launch-ehr', 'launch-standalone', 'context-ehr-patient', 'context-banner'])
      assert.ok((config['capabilities'] as string[]).includes(capability), capability);
    assert.ok((config['scopes_supported'] as string[]).includes('launch'));
    assert.deepEqual(config['code_challenge_methods_supported'], ['S256']);
  });
});

describe('launcher page', () => {
  it('asks to sign in, then lists the patient’s own record with the registered apps', async () => {
    const jar = new CookieJar();
    const before = await (await browse(jar, `${platform.issuer}/ehr?lang=en`)).text();
    assert.match(before, /Sign in to see the records/);
    await signInToLauncher(platform.issuer, 'diabetes', jar);
    const page = await (await browse(jar, `${platform.issuer}/ehr?lang=en`)).text();
    assert.match(page, /Open Appli de test/);
    assert.match(page, /value="patient-diabetes"/);
    assert.doesNotMatch(page, /value="patient-parkinson"/);
  });

  it('lists, for a professional, the patients who share with them only', async () => {
    const jar = await signInToLauncher(platform.issuer, 'pro-kidney');
    const page = await (await browse(jar, `${platform.issuer}/ehr`)).text();
    assert.match(page, /value="patient-kidney"/);
    assert.doesNotMatch(page, /value="patient-diabetes"/);
  });

  it('refuses a launch on a record the person may not open, from another site, or signed out', async () => {
    const jar = await signInToLauncher(platform.issuer, 'diabetes');
    const other = await postLaunch(platform.issuer, jar, { patient: 'patient-parkinson', clientId: TEST_APP.clientId });
    assert.equal(other.status, 403);
    const crossSite = await postLaunch(
      platform.issuer,
      jar,
      { patient: 'patient-diabetes', clientId: TEST_APP.clientId },
      'http://evil.example',
    );
    assert.equal(crossSite.status, 403);
    const unknownApp = await postLaunch(platform.issuer, jar, { patient: 'patient-diabetes', clientId: 'carnet-demo' });
    assert.equal(unknownApp.status, 403);
    const signedOut = await postLaunch(platform.issuer, new CookieJar(), {
      patient: 'patient-diabetes',
      clientId: TEST_APP.clientId,
    });
    assert.equal(signedOut.status, 403);
  });

  it('opens the app with iss and launch', async () => {
    const jar = await signInToLauncher(platform.issuer, 'diabetes');
    const response = await postLaunch(platform.issuer, jar, {
      patient: 'patient-diabetes',
      clientId: TEST_APP.clientId,
    });
    assert.equal(response.status, 303);
    const target = new URL(response.headers.get('location') ?? '');
    assert.equal(`${target.origin}${target.pathname}`, TEST_APP.launchUrl);
    assert.equal(target.searchParams.get('iss'), platform.fhirBaseUrl);
    assert.match(target.searchParams.get('launch') ?? '', /^[A-Za-z0-9_-]{32}$/);
  });
});

describe('EHR launch', () => {
  it('gives a token for the launched patient, with the context in the token response, kept on refresh', async () => {
    const jar = await signInToLauncher(platform.issuer, 'parkinson');
    const launch = await launchApp(platform.issuer, jar, 'patient-parkinson', TEST_APP.clientId);
    const authorization = await authorizeApp({
      issuer: platform.issuer,
      jar,
      login: 'parkinson',
      scope: APP_SCOPE,
      launch,
    });
    const answer = await exchangeAppCode(platform.issuer, authorization);
    assert.equal(answer.status, 200);
    assert.equal(answer.body['patient'], 'patient-parkinson');
    assert.equal(answer.body['need_patient_banner'], true);
    assert.ok(String(answer.body['scope']).split(' ').includes('launch'), String(answer.body['scope']));
    const token = String(answer.body['access_token']);
    assert.equal(decodeJwt(token).payload['patient'], 'patient-parkinson');
    assert.equal(await documentsStatus(token, 'patient-parkinson'), 200);

    const refreshed = await fetch(`${platform.issuer}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: TEST_APP.clientId,
        grant_type: 'refresh_token',
        refresh_token: String(answer.body['refresh_token']),
      }).toString(),
    });
    const again = (await refreshed.json()) as Record<string, unknown>;
    assert.equal(refreshed.status, 200);
    assert.equal(again['patient'], 'patient-parkinson');
    assert.equal(again['need_patient_banner'], true);
  });

  it('refuses a reused launch', async () => {
    const jar = await signInToLauncher(platform.issuer, 'kidney');
    const launch = await launchApp(platform.issuer, jar, 'patient-kidney', TEST_APP.clientId);
    const first = await authorizeApp({ issuer: platform.issuer, jar, login: 'kidney', scope: APP_SCOPE, launch });
    assert.ok(first.redirect.searchParams.get('code'));
    const second = await authorizeApp({ issuer: platform.issuer, jar, login: 'kidney', scope: APP_SCOPE, launch });
    assert.equal(second.redirect.searchParams.get('code'), null);
    assert.equal(second.redirect.searchParams.get('error'), 'invalid_request');
  });

  it('of two authorizations waiting on one launch, the second to finish is refused once the first used it', async () => {
    // A fresh account for the app, so each request stops on the consent page; two browsers of that person.
    const jar = await signInToLauncher(platform.issuer, 'diabetes-2');
    const otherBrowser = await signInToLauncher(platform.issuer, 'diabetes-2');
    const launch = await launchApp(platform.issuer, jar, 'patient-diabetes-2', TEST_APP.clientId);
    const request = { issuer: platform.issuer, login: 'diabetes-2', scope: APP_SCOPE, launch };
    const first = await authorizeAppUntilConsent({ ...request, jar });
    const second = await authorizeAppUntilConsent({ ...request, jar: otherBrowser });
    const winner = await first.allow();
    assert.ok(winner.redirect.searchParams.get('code'));
    const loser = await second.allow();
    assert.equal(loser.redirect.searchParams.get('code'), null);
    assert.equal(loser.redirect.searchParams.get('error'), 'invalid_request');
    assert.equal(loser.redirect.searchParams.get('error_description'), 'launch refused (used)');
    const answer = await exchangeAppCode(platform.issuer, winner);
    assert.equal(answer.body['patient'], 'patient-diabetes-2');
  });

  it('refuses a forged launch id, and the launch scope without a launch', async () => {
    const jar = await signInToLauncher(platform.issuer, 'diabetes');
    const forged = await authorizeApp({
      issuer: platform.issuer,
      jar,
      login: 'diabetes',
      scope: APP_SCOPE,
      launch: 'forged-launch-id',
    });
    assert.equal(forged.redirect.searchParams.get('error'), 'invalid_request');
    const missing = await authorizeApp({ issuer: platform.issuer, jar, login: 'diabetes', scope: APP_SCOPE });
    assert.equal(missing.redirect.searchParams.get('error'), 'invalid_request');
  });

  it('refuses a launch used by another person than the one who launched', async () => {
    const launcherJar = await signInToLauncher(platform.issuer, 'diabetes');
    const launch = await launchApp(platform.issuer, launcherJar, 'patient-diabetes', TEST_APP.clientId);
    // Someone else, signed in in their own browser, tries to use the launch link.
    const thief = await authorizeApp({
      issuer: platform.issuer,
      jar: new CookieJar(),
      login: 'parkinson',
      scope: APP_SCOPE,
      launch,
    });
    assert.equal(thief.redirect.searchParams.get('code'), null);
    assert.equal(thief.redirect.searchParams.get('error'), 'invalid_request');
    // The launch was not spent by the refused attempt: its owner can still use it.
    const owner = await authorizeApp({
      issuer: platform.issuer,
      jar: launcherJar,
      login: 'diabetes',
      scope: APP_SCOPE,
      launch,
    });
    assert.ok(owner.redirect.searchParams.get('code'));
  });

  it('refuses a launch made for another app', async () => {
    const jar = await signInToLauncher(platform.issuer, 'diabetes');
    const launch = await launchApp(platform.issuer, jar, 'patient-diabetes', TEST_APP.clientId);
    const other = await authorizeApp({
      issuer: platform.issuer,
      jar,
      login: 'diabetes',
      scope: 'launch openid fhirUser patient/DocumentReference.rs',
      launch,
      clientId: 'carnet-demo',
      redirectUri: 'http://localhost:5173/callback.html',
    });
    assert.equal(other.redirect.searchParams.get('error'), 'invalid_request');
  });

  it('a professional’s launch token is held to the launched patient, within what they are shared', async () => {
    const jar = await signInToLauncher(platform.issuer, 'pro-kidney');
    const launch = await launchApp(platform.issuer, jar, 'patient-kidney', TEST_APP.clientId);
    // The consent page names the launched patient's record, not the professional.
    const consent = await authorizeAppUntilConsent({
      issuer: platform.issuer,
      jar: await signInToLauncher(platform.issuer, 'pro-kidney'),
      login: 'pro-kidney',
      scope: APP_SCOPE,
      launch,
    });
    const kidneyName = (await (await browse(jar, `${platform.issuer}/ehr?lang=en`)).text()).match(
      /<h3>([^<]+)<\/h3>/,
    )?.[1];
    assert.ok(kidneyName);
    assert.match(consent.page, new RegExp(`dossier de ${kidneyName}`));
    const authorization = await authorizeApp({
      issuer: platform.issuer,
      jar,
      login: 'pro-kidney',
      scope: APP_SCOPE,
      launch,
    });
    const answer = await exchangeAppCode(platform.issuer, authorization);
    assert.equal(answer.body['patient'], 'patient-kidney');
    const { payload } = decodeJwt(String(answer.body['access_token']));
    assert.match(String(payload['fhirUser']), /\/Practitioner\//);
    const launched = String(answer.body['access_token']);
    // The launch gives no more than the professional's own view of the record (not the patient's whole record)...
    const ownView = String((await signIn(platform.issuer, { login: 'pro-kidney' }))['access_token']);
    const patientView = String((await signIn(platform.issuer, { login: 'kidney' }))['access_token']);
    // (a professional does not search a patient's documents: only those sent to them)...
    assert.equal(await documentsStatus(ownView, 'patient-kidney'), 403);
    assert.equal(await documentsStatus(launched, 'patient-kidney'), 403);
    assert.equal(await documentsStatus(patientView, 'patient-kidney'), 200);
    // ...and nobody else's.
    assert.notEqual(await documentsStatus(launched, 'patient-diabetes'), 200);
  });
});
