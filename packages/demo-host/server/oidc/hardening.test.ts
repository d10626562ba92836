// Issue 10.6 (login throttling) and 10.8 (provider CORS, form_post CSP, framing),
// against the real provider started in-process.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startPlatform, type RunningPlatform } from '../main.js';
import { CookieJar, REDIRECT_URI, SITE_ORIGIN, browse, pkcePair, postForm } from '../testing/oauth-client.js';
import { LoginThrottle } from './throttle.js';

let platform: RunningPlatform;

before(async () => {
  platform = await startPlatform({ oidcPort: 0, fhirPort: 0, documentCount: 5 });
});
after(async () => {
  await platform.close();
});

/** Opens a fresh login page; returns its form URL and the jar holding the interaction. */
async function loginPage(): Promise<{ url: string; jar: CookieJar; response: Response }> {
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
  const url = new URL(start.headers.get('location') ?? '', platform.issuer).href;
  const response = await browse(jar, url);
  return { url, jar, response };
}

/** One login attempt on a fresh page: status and the error paragraph shown. */
async function attempt(login: string, password: string): Promise<{ status: number; error: string }> {
  const { url, jar } = await loginPage();
  const response = await postForm(jar, `${url}/login`, { login, password });
  const html = response.status === 303 ? '' : await response.text();
  return { status: response.status, error: /<p id="login-error"[^>]*>([^<]*)</.exec(html)?.[1] ?? '' };
}

describe('login throttling (issue 10.6)', () => {
  it('refuses even the right password once an account had repeated failures', async () => {
    for (let i = 0; i < 4; i += 1) assert.equal((await attempt('parkinson', `wrong-${i}`)).status, 401);
    const right = await attempt('parkinson', 'demo');
    assert.equal(right.status, 429);
    assert.match(right.error, /Trop de tentatives/);
  });

  it('says the same for an unknown account', async () => {
    const known = await attempt('parkinson', 'demo');
    for (let i = 0; i < 4; i += 1) assert.equal((await attempt('nobody-here', `wrong-${i}`)).status, 401);
    const unknown = await attempt('nobody-here', 'whatever');
    assert.deepEqual(unknown, known);
  });

  it('throttles a client address trying many accounts', async () => {
    // 8 failures so far from this address; five more accounts tried once each.
    for (const login of ['a1', 'a2', 'a3', 'a4', 'a5']) assert.equal((await attempt(login, 'x')).status, 401);
    const right = await attempt('kidney', 'demo');
    assert.equal(right.status, 429);
  });

  it('grows the delay after each failure, then locks the account for a while', () => {
    let now = 0;
    const throttle = new LoginThrottle({ now: () => now });
    const keys = { account: 'someone', address: '10.0.0.1' };
    const delays: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      now += throttle.retryAfter(keys);
      assert.equal(throttle.retryAfter(keys), 0);
      throttle.failed(keys);
      delays.push(throttle.retryAfter(keys));
    }
    assert.deepEqual(delays.slice(0, 3), [0, 0, 0]);
    for (let i = 4; i < 9; i += 1) assert.ok((delays[i] ?? 0) > (delays[i - 1] ?? 0), delays.join(','));
    assert.ok((delays[9] ?? 0) >= 15 * 60_000, 'a temporary lock after ten failures');
    now += delays[9] ?? 0;
    assert.equal(throttle.retryAfter(keys), 0, 'the lock ends');
    throttle.succeeded(keys);
    throttle.failed(keys);
    assert.equal(throttle.retryAfter(keys), 0, 'a success starts the count again');
  });
});

describe('provider hardening (issue 10.8)', () => {
  it('answers CORS preflights for the site origins only', async () => {
    const preflight = (origin: string): Promise<Response> =>
      fetch(`${platform.issuer}/token`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const evil = await preflight('https://evil.example');
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    const site = await preflight(SITE_ORIGIN);
    assert.equal(site.headers.get('access-control-allow-origin'), SITE_ORIGIN);
  });

  it('puts a CSP on the form_post response page', async () => {
    const params = new URLSearchParams({
      client_id: 'carnet-demo',
      response_type: 'code',
      response_mode: 'form_post',
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      // No code challenge: the error goes back to the site by form_post.
    });
    const response = await fetch(`${platform.issuer}/auth?${params.toString()}`, { redirect: 'manual' });
    const html = await response.text();
    assert.match(html, /<form method="post" action="http:\/\/localhost:5173\/callback\.html">/);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-[^']+'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
  });

  it('forbids framing the login page with X-Frame-Options beside frame-ancestors', async () => {
    const { response } = await loginPage();
    assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
  });
});
