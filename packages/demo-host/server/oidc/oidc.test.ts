import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startPlatform, type RunningPlatform } from '../main.js';
import {
  ALL_SCOPES,
  CookieJar,
  REDIRECT_URI,
  SITE_ORIGIN,
  authorize,
  browse,
  decodeJwt,
  pkcePair,
  postForm,
  signIn,
  tokenRequest,
} from '../testing/oauth-client.js';

let platform: RunningPlatform;

before(async () => {
  platform = await startPlatform({ oidcPort: 0, fhirPort: 0, documentCount: 30 });
});
after(async () => {
  await platform.close();
});

/** Opens /auth and returns the first interaction page's URL and HTML. */
async function openLoginPage(
  headers: Record<string, string> = {},
  query = '',
): Promise<{ url: string; html: string; response: Response; jar: CookieJar }> {
  const jar = new CookieJar();
  const params = new URLSearchParams({
    client_id: 'carnet-demo',
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid launch/patient patient/DocumentReference.rs',
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
  });
  const start = await browse(jar, `${platform.issuer}/auth?${params.toString()}`);
  const url = new URL(start.headers.get('location') ?? '', platform.issuer).href + query;
  const response = await browse(jar, url, { headers });
  return { url, html: await response.text(), response, jar };
}

describe('OpenID provider: discovery', () => {
  it('publishes its metadata with the code flow and S256 only', async () => {
    const response = await fetch(`${platform.issuer}/.well-known/openid-configuration`);
    assert.equal(response.status, 200);
    const metadata = (await response.json()) as Record<string, unknown>;
    assert.equal(metadata['issuer'], platform.issuer);
    assert.deepEqual(metadata['response_types_supported'], ['code']);
    assert.deepEqual(metadata['code_challenge_methods_supported'], ['S256']);
    assert.equal(metadata['token_endpoint'], `${platform.issuer}/token`);
    assert.equal(typeof metadata['revocation_endpoint'], 'string');
  });

  it('publishes one public RS256 key without private members', async () => {
    const response = await fetch(`${platform.issuer}/jwks`);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    assert.equal(keys.length, 1);
    assert.equal(keys[0]?.['kty'], 'RSA');
    assert.equal(keys[0]?.['alg'], 'RS256');
    assert.equal(keys[0]?.['d'], undefined);
  });
});

describe('OpenID provider: authorization code + PKCE', () => {
  it('issues a JWT access token for the FHIR server with the patient in context', async () => {
    const tokens = await signIn(platform.issuer, { resource: platform.fhirBaseUrl });
    assert.equal(tokens['patient'], 'patient-diabetes');
    assert.equal(tokens['token_type'], 'Bearer');
    assert.equal(typeof tokens['refresh_token'], 'string');
    assert.equal(typeof tokens['id_token'], 'string');
    const { header, payload } = decodeJwt(String(tokens['access_token']));
    assert.equal(header['typ'], 'at+jwt');
    assert.equal(header['alg'], 'RS256');
    assert.equal(payload['iss'], platform.issuer);
    assert.equal(payload['aud'], platform.fhirBaseUrl);
    assert.equal(payload['patient'], 'patient-diabetes');
    assert.equal(payload['fhirUser'], `${platform.fhirBaseUrl}/Patient/patient-diabetes`);
    assert.ok(Number(payload['exp']) - Number(payload['iat']) <= 300);
    const scopes = String(payload['scope']).split(' ');
    assert.ok(scopes.includes('patient/DocumentReference.rs'));
    assert.ok(scopes.includes('patient/Appointment.cruds'));
  });

  it('defaults the resource to the FHIR server when the client names none', async () => {
    const tokens = await signIn(platform.issuer, { login: 'parkinson' });
    const { payload } = decodeJwt(String(tokens['access_token']));
    assert.equal(payload['aud'], platform.fhirBaseUrl);
    assert.equal(tokens['patient'], 'patient-parkinson');
  });

  it('issues no refresh token without offline_access', async () => {
    const tokens = await signIn(platform.issuer, { scope: 'openid launch/patient patient/DocumentReference.rs' });
    assert.equal(tokens['refresh_token'], undefined);
    assert.equal(
      decodeJwt(String(tokens['access_token'])).payload['scope'],
      'openid launch/patient patient/DocumentReference.rs',
    );
  });

  it('rotates refresh tokens and rejects a used one', async () => {
    const tokens = await signIn(platform.issuer);
    const first = String(tokens['refresh_token']);
    const renewed = await tokenRequest(platform.issuer, { grant_type: 'refresh_token', refresh_token: first });
    assert.equal(renewed.status, 200);
    assert.notEqual(renewed.body['refresh_token'], first);
    assert.equal(renewed.body['patient'], 'patient-diabetes');
    assert.equal(decodeJwt(String(renewed.body['access_token'])).header['typ'], 'at+jwt');
    const replay = await tokenRequest(platform.issuer, { grant_type: 'refresh_token', refresh_token: first });
    assert.equal(replay.status, 400);
    assert.equal(replay.body['error'], 'invalid_grant');
  });

  it('requires PKCE: no code challenge is an invalid request', async () => {
    const { redirect } = await authorize({ issuer: platform.issuer, challenge: null });
    assert.equal(redirect.searchParams.get('error'), 'invalid_request');
    assert.equal(redirect.searchParams.get('code'), null);
  });

  it('rejects a wrong code verifier with invalid_grant, and a code used twice', async () => {
    const { verifier, challenge } = pkcePair();
    const { redirect } = await authorize({ issuer: platform.issuer, challenge });
    const code = redirect.searchParams.get('code') ?? '';
    const wrong = await tokenRequest(platform.issuer, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: pkcePair().verifier,
    });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body['error'], 'invalid_grant');
    const right = await tokenRequest(platform.issuer, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    assert.equal(right.status, 200);
    const again = await tokenRequest(platform.issuer, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    assert.equal(again.status, 400);
    assert.equal(again.body['error'], 'invalid_grant');
  });

  it('revokes a refresh token', async () => {
    const tokens = await signIn(platform.issuer);
    const response = await fetch(`${platform.issuer}/token/revocation`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: SITE_ORIGIN },
      body: new URLSearchParams({ client_id: 'carnet-demo', token: String(tokens['refresh_token']) }).toString(),
    });
    assert.equal(response.status, 200);
    const refresh = await tokenRequest(platform.issuer, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens['refresh_token']),
    });
    assert.equal(refresh.body['error'], 'invalid_grant');
  });

  it('allows CORS on the token endpoint for the site origin only', async () => {
    const tokens = await signIn(platform.issuer);
    const allowed = await tokenRequest(platform.issuer, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens['refresh_token']),
    });
    assert.equal(allowed.headers.get('access-control-allow-origin'), SITE_ORIGIN);
    const refused = await tokenRequest(
      platform.issuer,
      { grant_type: 'refresh_token', refresh_token: String(allowed.body['refresh_token']) },
      'https://evil.example',
    );
    assert.equal(refused.status, 400);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
  });

  it('returns access_denied when the patient refuses consent', async () => {
    const jar = new CookieJar();
    const params = new URLSearchParams({
      client_id: 'carnet-demo',
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: ALL_SCOPES,
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    });
    let response = await browse(jar, `${platform.issuer}/auth?${params.toString()}`);
    let url = new URL(response.headers.get('location') ?? '', platform.issuer).href;
    await browse(jar, url);
    response = await postForm(jar, `${url}/login`, { login: 'kidney', password: 'demo' });
    response = await browse(jar, new URL(response.headers.get('location') ?? '', platform.issuer).href);
    url = new URL(response.headers.get('location') ?? '', platform.issuer).href;
    const consent = await (await browse(jar, url)).text();
    assert.match(consent, /vos documents de santé/);
    response = await postForm(jar, `${url}/abort`, {});
    response = await browse(jar, new URL(response.headers.get('location') ?? '', platform.issuer).href);
    const redirect = new URL(response.headers.get('location') ?? '');
    assert.equal(redirect.origin + redirect.pathname, REDIRECT_URI);
    assert.equal(redirect.searchParams.get('error'), 'access_denied');
  });
});

describe('OpenID provider: login and consent pages', () => {
  it('serves an accessible French login form under a strict CSP', async () => {
    const { html, response } = await openLoginPage();
    assert.equal(response.status, 200);
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /<label for="login">Identifiant<\/label>/);
    assert.match(html, /<label for="password">Mot de passe<\/label>/);
    assert.match(html, /<input id="login" name="login"[^>]*autocomplete="username"/);
    assert.match(html, /<input id="password" name="password" type="password"/);
    assert.doesNotMatch(html, /<script|src="http|href="http/);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, new RegExp(`form-action 'self' ${SITE_ORIGIN}`));
  });

  it('speaks English from ?lang=en or Accept-Language, with a switch back to French', async () => {
    const byQuery = await openLoginPage({}, '?lang=en');
    assert.match(byQuery.html, /<html lang="en">/);
    assert.match(byQuery.html, /<label for="password">Password<\/label>/);
    assert.match(byQuery.html, /hreflang="fr">Français<\/a>/);
    const byHeader = await openLoginPage({ 'Accept-Language': 'en-GB,en;q=0.9,fr;q=0.5' });
    assert.match(byHeader.html, /<html lang="en">/);
  });

  it('ties the error message to the inputs and escapes what was typed', async () => {
    const { url, jar } = await openLoginPage();
    const response = await postForm(jar, `${url}/login`, { login: '<b>"x"</b>', password: 'wrong' });
    assert.equal(response.status, 401);
    const html = await response.text();
    assert.match(html, /<p id="login-error" class="error" role="alert">/);
    assert.match(html, /aria-describedby="login-hint login-error" aria-invalid="true"/);
    assert.match(html, /value="&#60;b&#62;&#34;x&#34;&#60;\/b&#62;"/);
    assert.doesNotMatch(html, /<b>"x"/);
  });

  it("refuses a cross-site form post and an interaction id that is not the cookie's", async () => {
    const { url, jar } = await openLoginPage();
    const crossSite = await postForm(
      jar,
      `${url}/login`,
      { login: 'diabetes', password: 'demo' },
      { Origin: 'https://evil.example' },
    );
    assert.equal(crossSite.status, 403);
    const forged = await browse(jar, `${platform.issuer}/interaction/forged-uid-123`);
    assert.equal(forged.status, 400);
    assert.match(await forged.text(), /expiré/);
  });

  it('lists the requested permissions in plain words on the consent page', async () => {
    const { pages } = await authorize({ issuer: platform.issuer, login: 'kidney' });
    const consent = pages.find((page) => page.includes('Autoriser')) ?? '';
    assert.match(consent, /<html lang="fr">/);
    assert.match(consent, /ajouter, lire, modifier, supprimer et rechercher votre agenda de rendez-vous/);
    assert.match(consent, /rester connecté/);
  });
});
