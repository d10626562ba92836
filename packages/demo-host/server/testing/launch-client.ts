/**
 * Test helpers for SMART EHR launch by plain HTTP: sign in to the platform's
 * launcher page, launch a registered app on a record, and drive that app's
 * authorization request (with its `launch`) through the provider's pages.
 */
import { randomBytes } from 'node:crypto';
import { isResourceScope, isWriteScope, type AppManifest } from '@carnet/catalog-sdk';
import { PLATFORM_APP_SCOPES } from '../oidc/catalogue-apps.js';
import { CookieJar, browse, pkcePair, postForm } from './oauth-client.js';

/**
 * The manifest of an app registered for tests: every platform scope by default,
 * each with a reason (and its access for resource scopes).
 */
export function testAppManifest(app: {
  clientId: string;
  name: string;
  redirectUris: readonly string[];
  launchUrl?: string;
  scopes?: readonly string[];
}): AppManifest {
  return {
    clientId: app.clientId,
    name: app.name,
    publisher: 'Tests',
    description: 'Une application de test.',
    redirectUris: [...app.redirectUris],
    ...(app.launchUrl ? { launchUrl: app.launchUrl } : {}),
    scopes: (app.scopes ?? PLATFORM_APP_SCOPES).map((scope) => ({
      scope,
      reason: 'Pour le test.',
      ...(isResourceScope(scope) ? { access: isWriteScope(scope) ? ('write' as const) : ('read' as const) } : {}),
    })),
  };
}

/** A third-party app registered for tests (its pages need not exist for HTTP tests). */
export const TEST_APP = {
  ...testAppManifest({
    clientId: 'test-smart-app',
    name: 'Appli de test',
    launchUrl: 'http://localhost:5199/launch.html',
    redirectUris: ['http://localhost:5199/app.html'],
  }),
  clientId: 'test-smart-app',
  redirectUris: ['http://localhost:5199/app.html'],
} as const satisfies AppManifest;

/** Follows redirects and fills the login form (as `login`) and the consent form (allow) until `stop` matches. */
async function walk(jar: CookieJar, start: string, login: string, stop: (url: URL) => boolean): Promise<URL> {
  let url = start;
  let response = await browse(jar, url);
  for (let step = 0; step < 12; step += 1) {
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (stop(next)) return next;
      url = next.href;
      response = await browse(jar, url);
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`Unexpected ${response.status} at ${new URL(url).pathname}`);
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&#38;/g, '&');
    if (!action || !new URL(action, url).pathname.startsWith('/interaction/'))
      throw new Error('No interaction form on the page');
    const target = new URL(action, url).href;
    const fields: Record<string, string> = html.includes('name="password"') ? { login, password: 'demo' } : {};
    response = await postForm(jar, target, fields);
    url = target;
  }
  throw new Error('The flow did not finish');
}

/** Signs in to the launcher page as `login`; the jar then holds the provider session. */
export async function signInToLauncher(issuer: string, login: string, jar = new CookieJar()): Promise<CookieJar> {
  const end = await walk(jar, `${issuer}/ehr/sign-in`, login, (url) => url.pathname === '/ehr/signed-in');
  const back = await browse(jar, end.href);
  if (back.status !== 303) throw new Error(`Launcher sign-in ended with ${back.status}`);
  return jar;
}

/** Posts the launcher's form: the answer (303 to the app with `iss` and `launch`, or a refusal). */
export function postLaunch(
  issuer: string,
  jar: CookieJar,
  fields: { patient: string; clientId: string },
  origin = new URL(issuer).origin,
): Promise<Response> {
  return postForm(
    jar,
    `${issuer}/ehr/launch`,
    { patient: fields.patient, client_id: fields.clientId },
    { Origin: origin },
  );
}

/** Launches the app on a record from the launcher; returns the launch id. */
export async function launchApp(issuer: string, jar: CookieJar, patient: string, clientId: string): Promise<string> {
  const response = await postLaunch(issuer, jar, { patient, clientId });
  const location = response.headers.get('location');
  if (response.status !== 303 || !location) throw new Error(`Launch refused: ${response.status}`);
  const launch = new URL(location).searchParams.get('launch');
  if (!launch) throw new Error('No launch id');
  return launch;
}

/** Where an app's authorization request ended, and the PKCE verifier to exchange its code. */
export interface AppAuthorization {
  redirect: URL;
  verifier: string;
}

/** Drives the app's authorization request (EHR launch when `launch` is given) to its redirect URI. */
export async function authorizeApp(options: {
  issuer: string;
  jar: CookieJar;
  login: string;
  scope: string;
  launch?: string;
  clientId?: string;
  redirectUri?: string;
}): Promise<AppAuthorization> {
  const redirectUri = options.redirectUri ?? TEST_APP.redirectUris[0];
  const { verifier, challenge } = pkcePair();
  const params = new URLSearchParams({
    client_id: options.clientId ?? TEST_APP.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: options.scope,
    state: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  if (options.launch !== undefined) params.set('launch', options.launch);
  const redirect = await walk(options.jar, `${options.issuer}/auth?${params.toString()}`, options.login, (url) =>
    url.href.startsWith(redirectUri),
  );
  return { redirect, verifier };
}

/**
 * Starts the app's authorization request and stops on the consent page (the
 * person is already signed in); `allow()` then submits it and follows to the
 * redirect URI. Two of them can race on one launch.
 */
export async function authorizeAppUntilConsent(options: {
  issuer: string;
  jar: CookieJar;
  login: string;
  scope: string;
  launch: string;
}): Promise<{ page: string; allow(): Promise<AppAuthorization> }> {
  const redirectUri = TEST_APP.redirectUris[0];
  const { verifier, challenge } = pkcePair();
  const params = new URLSearchParams({
    client_id: TEST_APP.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: options.scope,
    state: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    launch: options.launch,
  });
  let url = `${options.issuer}/auth?${params.toString()}`;
  let response = await browse(options.jar, url);
  for (let step = 0; step < 6 && response.headers.get('location'); step += 1) {
    url = new URL(response.headers.get('location') ?? '', url).href;
    response = await browse(options.jar, url);
  }
  const html = await response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&#38;/g, '&');
  if (response.status !== 200 || !action || html.includes('name="password"')) throw new Error('No consent page');
  const target = new URL(action, url).href;
  return {
    page: html,
    async allow() {
      const posted = await postForm(options.jar, target, {});
      const next = new URL(posted.headers.get('location') ?? '', target).href;
      const redirect = await walk(options.jar, next, options.login, (candidate) =>
        candidate.href.startsWith(redirectUri),
      );
      return { redirect, verifier };
    },
  };
}

/** Exchanges an app's code at the token endpoint. */
export async function exchangeAppCode(
  issuer: string,
  authorization: AppAuthorization,
  clientId: string = TEST_APP.clientId,
  redirectUri: string = TEST_APP.redirectUris[0],
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: clientId,
      grant_type: 'authorization_code',
      code: authorization.redirect.searchParams.get('code') ?? '',
      redirect_uri: redirectUri,
      code_verifier: authorization.verifier,
    }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
