/**
 * The shared parts of the end-to-end files (`server/e2e-*.test.ts`): a site on a free port
 * (the REAL demo site served by Vite, as `npm start` does, or a page of the test's own), the
 * platform (OpenID provider and FHIR server) started for that site, a real Chromium with the
 * machine's flags, pages opened in a context of their own, and sign-in through the provider's
 * real login and consent pages. Each long step says so on stdout (./progress.ts), and the
 * cleanup always runs: every part started is closed, even when another part fails to close.
 *
 * A file calls {@link endToEnd} inside its `describe` (or at its top level): the `before` hook
 * starts what the file asks for, the `after` hook closes it.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer as createViteServer } from 'vite';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '../main.js';
import { freePort } from './free-port.js';
import { progress } from './progress.js';

export { freePort };

/** The repository's browser finder (plain JS, loaded by URL so it needs no type declarations). */
const FIND_CHROME = new URL('../../../../scripts/find-chrome.mjs', import.meta.url).href;
const VITE_CONFIG = fileURLToPath(new URL('../../site/vite.config.ts', import.meta.url));

/** The password of every demo account (server/oidc/accounts.ts). */
export const DEMO_PASSWORD = 'demo';

/** A site the browser opens: where it listens, and how to stop it. */
export interface TestSite {
  origin: string;
  close(): Promise<void>;
}

/** The REAL demo site (`site/`, with the demo apps under /apps/), served by Vite on a free port. */
export async function startDemoSite(): Promise<TestSite> {
  const port = await freePort();
  const vite = await createViteServer({
    configFile: VITE_CONFIG,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port, strictPort: true },
  });
  await vite.listen();
  progress('the demo site listens');
  return { origin: `http://127.0.0.1:${port}`, close: () => vite.close() };
}

/**
 * The platform on free ports, for a site at `siteOrigin` (redirect URIs and CORS), with the
 * file's own records, personas or apps. The demo site's pages read the platform's URLs from
 * the same variables as `npm start`: they are set here.
 */
export async function startPlatformFor(
  siteOrigin: string,
  options: Omit<PlatformOptions, 'oidcPort' | 'fhirPort'> = {},
): Promise<RunningPlatform> {
  const platform = await startPlatform({ oidcPort: 0, fhirPort: 0, siteOrigins: [siteOrigin], ...options });
  process.env['CARNET_ISSUER'] = platform.issuer;
  process.env['CARNET_FHIR_PORT'] = new URL(platform.fhirBaseUrl).port;
  progress('the platform answers');
  return platform;
}

/** Chromium (/usr/bin/chromium, or CHROME_PATH) with the flags of scripts/find-chrome.mjs (no sandbox, no background network). */
export async function launchChromium(): Promise<Browser> {
  const { findChrome, CHROME_ARGS } = (await import(FIND_CHROME)) as {
    findChrome(): string | undefined;
    CHROME_ARGS: string[];
  };
  const executablePath = findChrome();
  assert.ok(executablePath, 'a Chrome or Chromium is needed');
  const browser = await chromium.launch({ executablePath, args: CHROME_ARGS });
  progress('Chromium is up');
  return browser;
}

/** What one end-to-end file runs against; read inside its tests (set by the `before` hook). */
export interface EndToEnd {
  /** The site's origin, e.g. `http://127.0.0.1:43127`. */
  readonly origin: string;
  /** The running platform (an error to read in a file started with `platform: false`). */
  readonly platform: RunningPlatform;
  /** Whether the file runs a platform (false for the demo site's pages in demo mode). */
  readonly hasPlatform: boolean;
  readonly browser: Browser;
}

/** What {@link endToEnd} starts. */
export interface EndToEndSetup {
  /** The site: the REAL demo site by default, or one of the file's own (started before the platform). */
  site?: () => Promise<TestSite>;
  /**
   * The platform's options for the site's origin (ports are free ones); `false` for a file
   * that needs no platform (the demo site's pages in demo mode).
   */
  platform?: false | ((origin: string) => Omit<PlatformOptions, 'oidcPort' | 'fhirPort'>);
  /**
   * Pages of the site opened once before the tests, until their sign-in button shows: Vite
   * compiles the site on its first visit, so the tests measure the people, not the build.
   */
  warm?: readonly string[];
}

/**
 * Registers the hooks of one end-to-end file: `before` starts the site, the platform and
 * Chromium; `after` closes them all, whatever failed. Call it where the hooks belong (inside
 * the file's `describe`, or at the top level for several).
 */
export function endToEnd(setup: EndToEndSetup = {}): EndToEnd {
  let site: TestSite | undefined;
  let platform: RunningPlatform | undefined;
  let browser: Browser | undefined;
  const started = <T>(part: T | undefined, name: string): T => {
    if (part === undefined) throw new Error(`the end-to-end ${name} is not started (read it inside a test)`);
    return part;
  };

  before(async () => {
    site = await (setup.site ?? startDemoSite)();
    if (setup.platform !== false) {
      const options = setup.platform?.(site.origin) ?? {};
      platform = await startPlatformFor(site.origin, options);
    }
    browser = await launchChromium();
    if (setup.warm && setup.warm.length > 0) {
      const warm = await browser.newPage();
      for (const path of setup.warm) {
        await warm.goto(`${site.origin}${path}`);
        await warm.locator('carnet-provider [part="sign-in-button"]').waitFor({ timeout: 120_000 });
      }
      await warm.close();
    }
  });

  after(async () => {
    // Each part is closed even when closing another one fails; the first failure is reported.
    const closing = [browser?.close(), platform?.close(), site?.close()];
    const failures = (await Promise.allSettled(closing)).flatMap((result) =>
      result.status === 'rejected' ? [result.reason as unknown] : [],
    );
    if (failures.length > 0) throw failures[0];
  });

  return {
    get origin() {
      return started(site, 'site').origin;
    },
    get platform() {
      return started(platform, 'platform');
    },
    get hasPlatform() {
      return platform !== undefined;
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}

/** A page of a browser context of its own (its own cookies: a person of their own). */
export interface TestPage {
  page: Page;
  /** The page's uncaught errors (prefixed with `label` when one was given). */
  errors: string[];
  /** The last bearer token the page sent to the FHIR server. */
  token(): string;
  /** Every response body the page received (text), in order; only kept with `keepBodies`. */
  bodies: string[];
}

/** Options of {@link openPage}. */
export interface OpenPageOptions {
  /** Deadline of each wait (Playwright's default timeout); default 30 s. */
  timeout?: number;
  /** Deadline of each navigation; default the same as `timeout`. */
  navigationTimeout?: number;
  /** Prefix of the page's errors (e.g. the login), for files that gather several people's errors. */
  label?: string;
  /** Where the page's errors go (a list shared by the file); default a list of the page's own. */
  errors?: string[];
  /** Keep every response body the page receives (for checks of what reached whom). */
  keepBodies?: boolean;
  /** Only tokens sent while the page's address matches (e.g. an app's pages, not the site's). */
  tokenWhile?: (pageUrl: string) => boolean;
}

/**
 * Opens a page in a fresh browser context, noting its uncaught errors and the last token it
 * sent to the platform's FHIR server; `path` (when given) is opened on the site.
 */
export async function openPage(e2e: EndToEnd, path?: string, options: OpenPageOptions = {}): Promise<TestPage> {
  const page = await (await e2e.browser.newContext()).newPage();
  page.setDefaultTimeout(options.timeout ?? 30_000);
  if (options.navigationTimeout !== undefined) page.setDefaultNavigationTimeout(options.navigationTimeout);
  const errors = options.errors ?? [];
  const bodies: string[] = [];
  let token = '';
  page.on('pageerror', (error) => errors.push(options.label ? `${options.label}: ${error.message}` : error.message));
  page.on('request', (request) => {
    const authorization = request.headers()['authorization'];
    if (!authorization || !e2e.hasPlatform || !request.url().startsWith(e2e.platform.fhirBaseUrl)) return;
    if (options.tokenWhile && !options.tokenWhile(page.url())) return;
    token = authorization.slice(7);
  });
  if (options.keepBodies) {
    page.on('response', (response) => {
      response.text().then(
        (text) => bodies.push(text),
        () => undefined, // redirects and 304s have no body
      );
    });
  }
  if (path !== undefined) {
    await page.goto(`${e2e.origin}${path}`);
    progress(`${path} is open`);
  }
  return { page, errors, bodies, token: () => token };
}

/** Fills the provider's login form as `login` (password `demo`) and sends it. */
export async function fillLogin(page: Page, login: string): Promise<void> {
  await page.fill('#login', login);
  await page.fill('#password', DEMO_PASSWORD);
  await page.click('button.primary');
}

/**
 * After the login form: answers the consent page when the provider shows one (it asks once
 * per grant), then (unless `arrive` is false) waits for the page where `back` matches to load.
 */
export async function consentIfAsked(
  page: Page,
  back: RegExp,
  answer: 'allow' | 'deny' = 'allow',
  arrive = true,
): Promise<void> {
  await page.waitForURL((url) => url.pathname.startsWith('/interaction/') || back.test(url.href));
  if (page.url().includes('/interaction/'))
    await page.click(answer === 'allow' ? 'button.primary' : 'button.secondary');
  if (arrive) await page.waitForURL(back);
}

/** Signs in through the provider's pages (the page is on them): login form, consent, back where `back` matches. */
export async function logInAndAllow(page: Page, login: string, back: RegExp): Promise<void> {
  await page.waitForURL(/\/interaction\//);
  await fillLogin(page, login);
  await consentIfAsked(page, back);
}

/** The site page's address as a pattern (`/connected.html` → /connected\.html/). */
function pathPattern(path: string): RegExp {
  return new RegExp(path.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/**
 * On a site page holding `<carnet-provider>` (redirect sign-in): presses « Se connecter »,
 * signs in as `login` on the provider's real pages, and waits for the patient's name in the header.
 */
export async function signInOnSite(
  page: Page,
  login: string,
  back = pathPattern(new URL(page.url()).pathname),
): Promise<void> {
  const signIn = page.locator('carnet-provider [part="sign-in-button"]');
  await Promise.all([page.waitForURL(/\/interaction\//), signIn.click()]);
  await fillLogin(page, login);
  // Back on the site, the patient's name in the header says the sign-in is over.
  await consentIfAsked(page, back, 'allow', false);
  await page.locator('carnet-provider [part="session-name"]').waitFor();
  progress(`signed in as ${login}`);
}

/** Opens `path` of the site in a fresh browser context and signs in there as `login`. */
export async function signedIn(
  e2e: EndToEnd,
  path: string,
  login: string,
  options: OpenPageOptions = {},
): Promise<TestPage> {
  const opened = await openPage(e2e, path, options);
  await signInOnSite(opened.page, login, pathPattern(path));
  return opened;
}

/** Polls `check` until it holds; fails with `what` after `timeoutMs` (a deadline, not a sleep). Resolves with the time it took. */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
