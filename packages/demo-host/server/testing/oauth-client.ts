import { createHash, randomBytes } from 'node:crypto';
import { SMART_SCOPES } from '../smart-scopes.js';

/** The site origin tests act from. */
export const SITE_ORIGIN = 'http://localhost:5173';
/** A registered redirect URI of the demo client. */
export const REDIRECT_URI = `${SITE_ORIGIN}/callback.html`;
/** Every scope the demo client may ask for. */
export const ALL_SCOPES = SMART_SCOPES.join(' ');

/** A minimal cookie jar: enough for the provider's path-scoped cookies. */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  /** Stores the `Set-Cookie` headers of a response. */
  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const attr = (key: string): string | undefined =>
        attributes
          .map((a) => a.trim())
          .find((a) => a.toLowerCase().startsWith(`${key}=`))
          ?.slice(key.length + 1);
      const expires = attr('expires');
      const expired = attr('max-age') === '0' || (expires !== undefined && Date.parse(expires) < Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, { value, path: attr('path') ?? '/' });
    }
  }

  /** The `Cookie` header for a URL. */
  header(url: string): string {
    const path = new URL(url).pathname;
    return [...this.cookies]
      .filter(
        ([, cookie]) =>
          path === cookie.path || path.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`),
      )
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }
}

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Fetch without following redirects, with the jar's cookies. */
export async function browse(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set('Cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(response);
  return response;
}

/** Posts a urlencoded form. */
export function postForm(
  jar: CookieJar,
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return browse(jar, url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Options of {@link authorize}. */
export interface AuthorizeOptions {
  issuer: string;
  login?: string;
  password?: string;
  scope?: string;
  /** `null` sends no code challenge at all. */
  challenge?: string | null;
  jar?: CookieJar;
}

/** Where the authorization ended: the redirect back to the site, with the pages seen on the way. */
export interface AuthorizeResult {
  redirect: URL;
  state: string;
  jar: CookieJar;
  pages: string[];
}

/**
 * Drives the authorization-code flow by plain HTTP: /auth, the login page, the
 * consent page, until the provider redirects to the site's redirect URI.
 */
export async function authorize(options: AuthorizeOptions): Promise<AuthorizeResult> {
  const jar = options.jar ?? new CookieJar();
  const state = randomBytes(8).toString('hex');
  const params = new URLSearchParams({
    client_id: 'carnet-demo',
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: options.scope ?? ALL_SCOPES,
    state,
    nonce: randomBytes(8).toString('hex'),
  });
  if (options.challenge !== null) {
    params.set('code_challenge', options.challenge ?? pkcePair().challenge);
    params.set('code_challenge_method', 'S256');
  }
  let url = `${options.issuer}/auth?${params.toString()}`;
  let response = await browse(jar, url);
  const pages: string[] = [];
  for (let step = 0; step < 12; step += 1) {
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URI)) return { redirect: next, state, jar, pages };
      url = next.href;
      response = await browse(jar, url);
      continue;
    }
    const html = await response.text();
    pages.push(html);
    if (response.status !== 200) throw new Error(`Unexpected ${response.status} at ${new URL(url).pathname}`);
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&#38;/g, '&');
    if (!action) throw new Error('No form on the interaction page');
    const target = new URL(action, url).href;
    const fields: Record<string, string> = html.includes('name="password"')
      ? { login: options.login ?? 'diabetes', password: options.password ?? 'demo' }
      : {};
    response = await postForm(jar, target, fields);
    url = target;
  }
  throw new Error('Authorization did not finish');
}

/** A token endpoint answer. */
export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** Calls the token endpoint as the public client, from the site origin. */
export async function tokenRequest(
  issuer: string,
  fields: Record<string, string>,
  origin = SITE_ORIGIN,
): Promise<TokenAnswer> {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams({ client_id: 'carnet-demo', ...fields }).toString(),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** Signs in as a persona and returns the token response. */
export async function signIn(
  issuer: string,
  options: { login?: string; scope?: string; resource?: string } = {},
): Promise<Record<string, unknown>> {
  const { verifier, challenge } = pkcePair();
  const { redirect } = await authorize({
    issuer,
    challenge,
    ...(options.login ? { login: options.login } : {}),
    ...(options.scope ? { scope: options.scope } : {}),
  });
  const code = redirect.searchParams.get('code');
  if (!code) throw new Error('No authorization code');
  const answer = await tokenRequest(issuer, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
    ...(options.resource ? { resource: options.resource } : {}),
  });
  if (answer.status !== 200) throw new Error(`Token request failed: ${answer.status}`);
  return answer.body;
}

/** Decodes a JWT's header and payload without verifying (tests inspect tokens the server verifies). */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header = '', payload = ''] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>,
  };
}
