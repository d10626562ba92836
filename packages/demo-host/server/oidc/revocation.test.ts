// Issue 10.3: sign-out and revocation end access within seconds. Real provider,
// real FHIR server (in-process, free ports), real tokens from the code flow.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startPlatform, type RunningPlatform } from '../main.js';
import type { CookieJar } from '../testing/oauth-client.js';
import {
  REDIRECT_URI,
  SITE_ORIGIN,
  authorize,
  browse,
  pkcePair,
  postForm,
  tokenRequest,
} from '../testing/oauth-client.js';

let platform: RunningPlatform;

before(async () => {
  platform = await startPlatform({ oidcPort: 0, fhirPort: 0, documentCount: 5 });
});
after(async () => {
  await platform.close();
});

interface Tokens {
  access: string;
  refresh: string;
  idToken: string;
  jar: CookieJar;
}

/** Signs in through the pages (the jar keeps the provider session) and exchanges the code. */
async function signIn(login = 'parkinson', jar?: CookieJar): Promise<Tokens> {
  const { verifier, challenge } = pkcePair();
  const result = await authorize({ issuer: platform.issuer, login, challenge, ...(jar ? { jar } : {}) });
  const answer = await tokenRequest(platform.issuer, {
    grant_type: 'authorization_code',
    code: result.redirect.searchParams.get('code') ?? '',
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  });
  assert.equal(answer.status, 200);
  return {
    access: String(answer.body['access_token']),
    refresh: String(answer.body['refresh_token']),
    idToken: String(answer.body['id_token']),
    jar: result.jar,
  };
}

/** Status of a FHIR read with the token. */
async function fhirStatus(token: string): Promise<number> {
  const response = await fetch(`${platform.fhirBaseUrl}/DocumentReference?_count=1`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return response.status;
}

async function refreshError(refresh: string): Promise<unknown> {
  const answer = await tokenRequest(platform.issuer, { grant_type: 'refresh_token', refresh_token: refresh });
  return answer.body['error'];
}

function revoke(token: string, hint?: string): Promise<Response> {
  return fetch(`${platform.issuer}/token/revocation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: SITE_ORIGIN },
    body: new URLSearchParams({
      client_id: 'carnet-demo',
      token,
      ...(hint ? { token_type_hint: hint } : {}),
    }).toString(),
  });
}

describe('revocation ends access at the FHIR server (issue 10.3)', () => {
  it("the SDK's sign-out (revoke refresh, then access token) ends both", async () => {
    const tokens = await signIn();
    assert.equal(await fhirStatus(tokens.access), 200);
    assert.equal((await revoke(tokens.refresh, 'refresh_token')).status, 200);
    const revokeAccess = await revoke(tokens.access, 'access_token');
    assert.equal(revokeAccess.status, 200, await revokeAccess.clone().text());
    assert.equal(await fhirStatus(tokens.access), 401);
    assert.equal(await refreshError(tokens.refresh), 'invalid_grant');
  });

  it('revoking the access token alone ends it', async () => {
    const tokens = await signIn('diabetes');
    const response = await revoke(tokens.access);
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(await fhirStatus(tokens.access), 401);
  });

  it('revoking the refresh token (the grant) ends the access tokens issued under it', async () => {
    const tokens = await signIn();
    assert.equal((await revoke(tokens.refresh)).status, 200);
    assert.equal(await fhirStatus(tokens.access), 401);
  });

  it('refresh-token reuse (theft signal) ends every access and refresh token of the grant', async () => {
    const tokens = await signIn();
    const renewed = await tokenRequest(platform.issuer, { grant_type: 'refresh_token', refresh_token: tokens.refresh });
    assert.equal(renewed.status, 200);
    const secondAccess = String(renewed.body['access_token']);
    const secondRefresh = String(renewed.body['refresh_token']);
    assert.equal(await fhirStatus(secondAccess), 200);
    assert.equal(await refreshError(tokens.refresh), 'invalid_grant');
    assert.equal(await fhirStatus(tokens.access), 401);
    assert.equal(await fhirStatus(secondAccess), 401);
    assert.equal(await refreshError(secondRefresh), 'invalid_grant');
  });

  it('provider end-session ends the access token, the offline_access refresh token and the session', async () => {
    const tokens = await signIn();
    assert.equal(await fhirStatus(tokens.access), 200);
    const params = new URLSearchParams({
      id_token_hint: tokens.idToken,
      post_logout_redirect_uri: `${SITE_ORIGIN}/callback.html`,
    });
    let response = await browse(tokens.jar, `${platform.issuer}/session/end?${params.toString()}`);
    // The provider may confirm with a page (its form posts logout=yes) or go straight on.
    for (let step = 0; step < 4 && response.status === 200; step += 1) {
      const html = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '';
      const fields = Object.fromEntries(
        [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
      );
      response = await postForm(tokens.jar, new URL(action, platform.issuer).href, { logout: 'yes', ...fields });
    }
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `${SITE_ORIGIN}/callback.html`);
    assert.equal(await fhirStatus(tokens.access), 401);
    assert.equal(await refreshError(tokens.refresh), 'invalid_grant');
    // The next sign-in in the same browser asks for the password again.
    const { pages } = await authorize({ issuer: platform.issuer, login: 'parkinson', jar: tokens.jar });
    assert.ok(pages.some((page) => page.includes('name="password"')));
  });

  it('other sessions keep working', async () => {
    const kept = await signIn('kidney');
    const ended = await signIn('kidney');
    await revoke(ended.refresh);
    assert.equal(await fhirStatus(ended.access), 401);
    const response = await fetch(`${platform.fhirBaseUrl}/Patient/patient-kidney`, {
      headers: { Authorization: `Bearer ${kept.access}` },
    });
    assert.equal(response.status, 200);
  });
});
