// Catalogue apps on the real provider and FHIR server: the public catalogue, a patient's
// consents per app, and withdrawing an app's access — its access token is refused at once
// (401), its refresh token too, and its next sign-in asks her consent again. A patient sees
// and withdraws her own consents only; apps cannot read which other apps she uses.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startPlatform, type RunningPlatform } from '../main.js';
import { CookieJar, browse, pkcePair, signIn } from '../testing/oauth-client.js';
import { TEST_APP, authorizeApp, exchangeAppCode, testAppManifest } from '../testing/launch-client.js';

const APP_SCOPE = 'launch/patient openid fhirUser offline_access patient/DocumentReference.rs';
/** The same without `offline_access` (which always shows the consent page): no page while consent is in force. */
const AGAIN_SCOPE = 'launch/patient openid fhirUser patient/DocumentReference.rs';
const OTHER_APP = testAppManifest({
  clientId: 'other-app',
  name: 'Autre appli',
  redirectUris: ['https://other.example/callback'],
  scopes: ['openid', 'patient/Observation.cruds'],
});

let platform: RunningPlatform;

before(async () => {
  platform = await startPlatform({ oidcPort: 0, fhirPort: 0, documentCount: 3, apps: [TEST_APP, OTHER_APP] });
});
after(async () => {
  await platform.close();
});

/** A token of the association site (the platform's own client) for a persona. */
async function siteToken(login: string): Promise<string> {
  return String((await signIn(platform.issuer, { login }))['access_token']);
}

function call(path: string, token?: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetch(`${platform.fhirBaseUrl}/${path}`, { ...init, headers });
}

async function grantsOf(token: string): Promise<{ clientId: string; grantedAt: string; scopes: string[] }[]> {
  const response = await call('Patient/$app-grants', token);
  assert.equal(response.status, 200);
  return ((await response.json()) as { grants: { clientId: string; grantedAt: string; scopes: string[] }[] }).grants;
}

function revoke(token: string, clientId: string): Promise<Response> {
  return call('Patient/$app-revoke', token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/fhir+json' },
    body: JSON.stringify({ resourceType: 'Parameters', parameter: [{ name: 'client', valueString: clientId }] }),
  });
}

function refresh(refreshToken: string): Promise<Response> {
  return fetch(`${platform.issuer}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: TEST_APP.clientId,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    }).toString(),
  });
}

/** The app signs in as `login` (code + PKCE, consent given) and gets its tokens. */
async function appSignIn(
  login: string,
  jar = new CookieJar(),
): Promise<{ access: string; refresh: string; jar: CookieJar }> {
  const authorization = await authorizeApp({ issuer: platform.issuer, jar, login, scope: APP_SCOPE });
  const tokens = await exchangeAppCode(platform.issuer, authorization);
  assert.equal(tokens.status, 200);
  return { access: String(tokens.body['access_token']), refresh: String(tokens.body['refresh_token']), jar };
}

/**
 * Starts the app's authorization request with the person's provider session and follows
 * redirects: `redirect` when it went straight back to the app, else the page it stopped on.
 */
async function authorizeAgain(jar: CookieJar): Promise<{ redirect?: URL; page?: string }> {
  const params = new URLSearchParams({
    client_id: TEST_APP.clientId,
    response_type: 'code',
    redirect_uri: TEST_APP.redirectUris[0],
    scope: AGAIN_SCOPE,
    state: randomBytes(8).toString('hex'),
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
  });
  let url = `${platform.issuer}/auth?${params.toString()}`;
  let response = await browse(jar, url);
  for (let step = 0; step < 8; step += 1) {
    const location = response.headers.get('location');
    if (!location) break;
    const next = new URL(location, url);
    if (next.href.startsWith(TEST_APP.redirectUris[0])) return { redirect: next };
    url = next.href;
    response = await browse(jar, url);
  }
  return { page: await response.text() };
}

async function documentsStatus(token: string, patient: string): Promise<number> {
  const response = await call(`DocumentReference?patient=${patient}`, token);
  await response.body?.cancel();
  return response.status;
}

describe('app catalogue', () => {
  it('lists the apps with public information and the platform’s plain words, without a token', async () => {
    const response = await call('$app-catalogue');
    assert.equal(response.status, 200);
    const { apps } = (await response.json()) as {
      apps: {
        clientId: string;
        name: string;
        publisher: string;
        scopes: { scope: string; explanation: { fr: string; en: string } }[];
      }[];
    };
    assert.deepEqual(
      apps.map((app) => app.clientId),
      [TEST_APP.clientId, OTHER_APP.clientId],
    );
    const other = apps[1];
    assert.equal(other?.publisher, 'Tests');
    assert.deepEqual(other?.scopes[0]?.explanation, {
      fr: 'vous connecter avec votre compte',
      en: 'sign you in with your account',
    });
    assert.doesNotMatch(JSON.stringify(apps), /grant|patient-/);
  });

  it('refuses manifests the platform cannot accept, at start', async () => {
    await assert.rejects(
      startPlatform({
        oidcPort: 0,
        fhirPort: 0,
        documentCount: 1,
        personas: ['diabetes'],
        apps: [{ ...OTHER_APP, redirectUris: ['http://other.example/callback'] }],
      }),
      /insecure-url at redirectUris\[0\]/,
    );
  });
});

describe('what an app may get', () => {
  it('grants an app only the scopes its manifest declares', async () => {
    const jar = new CookieJar();
    const redirectUri = OTHER_APP.redirectUris[0] ?? '';
    const authorization = await authorizeApp({
      issuer: platform.issuer,
      jar,
      login: 'kidney',
      clientId: OTHER_APP.clientId,
      redirectUri,
      scope: 'openid patient/Observation.cruds patient/DocumentReference.rs',
    });
    const tokens = await exchangeAppCode(platform.issuer, authorization, OTHER_APP.clientId, redirectUri);
    assert.equal(tokens.status, 200);
    assert.equal(tokens.body['scope'], 'openid patient/Observation.cruds');
    assert.equal(await documentsStatus(String(tokens.body['access_token']), 'patient-kidney'), 403);
    // A sign-in scope it did not declare is refused outright.
    const refused = await authorizeApp({
      issuer: platform.issuer,
      jar,
      login: 'kidney',
      clientId: OTHER_APP.clientId,
      redirectUri,
      scope: 'openid offline_access patient/Observation.cruds',
    });
    assert.equal(refused.redirect.searchParams.get('error'), 'invalid_scope');
  });
});

describe('withdrawing an app’s access', { timeout: 60_000 }, () => {
  it('ends the app’s tokens at once, only for the patient who withdraws, and asks consent again', async () => {
    const app = await appSignIn('diabetes');
    assert.equal(await documentsStatus(app.access, 'patient-diabetes'), 200);
    // With the consent in force, signing the app in again asks nothing.
    assert.ok((await authorizeAgain(app.jar)).redirect, 'no consent page while the consent is in force');

    const patient = await siteToken('diabetes');
    const [consent] = await grantsOf(patient);
    assert.equal(consent?.clientId, TEST_APP.clientId);
    assert.ok(consent?.scopes.includes('patient/DocumentReference.rs'));
    assert.ok(Date.parse(consent?.grantedAt ?? '') > Date.now() - 120_000);

    // Another patient sees none of it and cannot withdraw it.
    const other = await siteToken('parkinson');
    assert.deepEqual(await grantsOf(other), []);
    assert.equal((await revoke(other, TEST_APP.clientId)).status, 204);
    assert.equal(await documentsStatus(app.access, 'patient-diabetes'), 200);
    assert.equal((await grantsOf(patient)).length, 1);
    // The app itself may neither read nor withdraw consents.
    assert.equal((await call('Patient/$app-grants', app.access)).status, 403);
    assert.equal((await revoke(app.access, TEST_APP.clientId)).status, 403);
    assert.equal((await call('Patient/$app-grants')).status, 401);

    const answer = await revoke(patient, TEST_APP.clientId);
    assert.equal(answer.status, 204);
    assert.equal(await documentsStatus(app.access, 'patient-diabetes'), 401);
    const refused = await refresh(app.refresh);
    assert.equal(refused.status, 400);
    assert.equal(((await refused.json()) as { error?: string }).error, 'invalid_grant');
    assert.deepEqual(await grantsOf(patient), []);

    // The app's next sign-in asks her consent again, and then works again.
    const again = await authorizeAgain(app.jar);
    assert.equal(again.redirect, undefined);
    assert.match(again.page ?? '', /Appli de test/);
    // Each permission with the reason the app's manifest gives.
    assert.match(again.page ?? '', /lire et rechercher vos documents de santé — pourquoi : Pour le test\./);
    assert.doesNotMatch(again.page ?? '', /name="password"/);
    const renewed = await appSignIn('diabetes', app.jar);
    assert.equal(await documentsStatus(renewed.access, 'patient-diabetes'), 200);
    assert.equal(await documentsStatus(app.access, 'patient-diabetes'), 401);
  });

  it('refuses an unknown app, a wrong body, a professional and a caregiver', async () => {
    const patient = await siteToken('kidney');
    assert.equal((await revoke(patient, 'no-such-app')).status, 404);
    const wrong = await call('Patient/$app-revoke', patient, {
      method: 'POST',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Parameters', parameter: [{ name: 'patient', valueString: 'x' }] }),
    });
    assert.equal(wrong.status, 400);
    assert.equal((await call('Patient/$app-grants', patient, { method: 'POST' })).status, 405);
    for (const login of ['pro-kidney', 'aidant-kidney']) {
      const token = await siteToken(login);
      assert.equal((await call('Patient/$app-grants', token)).status, 403, login);
    }
  });
});
