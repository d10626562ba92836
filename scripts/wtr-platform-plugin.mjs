// Web Test Runner plugin: the REAL demo platform (OpenID provider + FHIR server)
// for the SDK's integration tests, started in a child Node process: before the tests when `eager` (a
// full run), else lazily on the first command that needs it, so runs of a few unit files stay fast. Commands (via executeServerCommand):
//   carnet-platform          → { issuer, fhirBaseUrl, callbackUrl }, or { starting: true } while it boots (ask again)
//   carnet-sign-in-popup     { persona, action? } → drives the sign-in popup the
//                            page opened (login form, consent) in the same browser;
//                            action 'deny' presses Cancel, 'close' closes the popup.
//   carnet-stoppable-platform → { issuer, fhirBaseUrl, callbackUrl } of a second platform of
//                            its own (started on first use), whose FHIR server may be stopped:
//                            other test files running at the same time keep the shared one;
//                            { starting: true } while it boots (ask again).
//   carnet-fhir-stop / carnet-fhir-start → stops the stoppable platform's FHIR server listening
//                            (connections refused, data kept) / listens again on the same port.
// Include it in web-test-runner.config.mjs: `plugins: [..., carnetPlatformPlugin()]`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MAIN = fileURLToPath(new URL('../packages/demo-host/server/main.ts', import.meta.url));
/** Page served by the test runner that hands the popup's callback URL to the opener. */
export const POPUP_CALLBACK_PATH = '/packages/catalog-sdk/src/auth/test-helpers/popup-callback.html';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function carnetPlatformPlugin({ documentCount = 40, eager = false } = {}) {
  let origin = 'http://localhost:8000';
  /** @type {Promise<{ issuer: string; fhirBaseUrl: string; close(): Promise<void> }> | undefined} */
  let platform;
  /** @type {typeof platform} */
  let stoppable;

  function start() {
    platform ??= startChild({
      oidcPort: 0,
      fhirPort: 0,
      siteOrigins: [origin],
      extraRedirectUris: [`${origin}${POPUP_CALLBACK_PATH}`],
      documentCount,
    });
    return platform;
  }

  function startStoppable() {
    stoppable ??= startChild({
      oidcPort: 0,
      fhirPort: 0,
      siteOrigins: [origin],
      extraRedirectUris: [`${origin}${POPUP_CALLBACK_PATH}`],
      documentCount: 5,
      personas: ['parkinson'],
    });
    return stoppable;
  }

  return {
    name: 'carnet-platform',
    async serverStart({ config }) {
      origin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      // Eager: booted before the first test file, so no file's time limit pays for the boot.
      if (eager) await Promise.all([start(), startStoppable()]);
    },
    async serverStop() {
      if (platform) await (await platform).close();
      if (stoppable) await (await stoppable).close();
    },
    async executeCommand({ command, payload, session }) {
      if (command === 'carnet-platform') {
        const ready = await readyWithin(start());
        if (!ready) return { starting: true };
        return { issuer: ready.issuer, fhirBaseUrl: ready.fhirBaseUrl, callbackUrl: `${origin}${POPUP_CALLBACK_PATH}` };
      }
      if (command === 'carnet-stoppable-platform') {
        const ready = await readyWithin(startStoppable());
        if (!ready) return { starting: true };
        return { issuer: ready.issuer, fhirBaseUrl: ready.fhirBaseUrl, callbackUrl: `${origin}${POPUP_CALLBACK_PATH}` };
      }
      if (command === 'carnet-fhir-stop' || command === 'carnet-fhir-start') {
        const running = await startStoppable();
        await running.send(command === 'carnet-fhir-stop' ? 'stop-fhir' : 'start-fhir');
        return { done: command };
      }
      if (command === 'carnet-sign-in-popup') {
        // The page opened the popup on a platform it asked for: nothing to start here.
        const page = session.browser.getPage(session.id);
        return drivePopup(page, /** @type {{ persona: string; action?: string }} */ (payload));
      }
      return undefined;
    },
  };
}

/**
 * Whether a run with these command-line arguments should boot the platforms before its first
 * file (`eager`): a full run (no `--files`), or one whose chosen files reach a
 * `test-helpers/platform` module through their relative imports. Booted lazily instead, the
 * boot (10 to 30 s on a busy machine, two platforms at once when one file asks for the shared
 * platform and another for the stoppable one) would count against the time limit of the file
 * that asked first, and cut it short.
 */
export function bootsBeforeTests(argv = process.argv) {
  const patterns = filesArguments(argv);
  if (patterns.length === 0) return true;
  // The files as the test runner itself finds them (its own globby).
  const runnerRequire = createRequire(createRequire(import.meta.url).resolve('@web/test-runner-core'));
  const globby = runnerRequire('globby');
  const files = globby.sync(patterns, { cwd: fileURLToPath(new URL('..', import.meta.url)), absolute: true });
  return reachesPlatform(files);
}

/** The values of `--files` (`--files a --files b`, `--files a b`, `--files=a`). */
function filesArguments(argv) {
  const patterns = [];
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i] ?? '';
    if (argument.startsWith('--files=')) patterns.push(argument.slice('--files='.length));
    if (argument !== '--files') continue;
    while (i + 1 < argv.length && !(argv[i + 1] ?? '').startsWith('--')) patterns.push(argv[(i += 1)]);
  }
  return patterns;
}

/** Whether any of `files` imports, directly or through its relative imports, a `test-helpers/platform` module. */
function reachesPlatform(files) {
  const seen = new Set();
  const reaches = (file) => {
    if (seen.has(file)) return false;
    seen.add(file);
    let source;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      return false;
    }
    for (const [, specifier] of source.matchAll(/(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
      if (/test-helpers[\\/]platform\.ts$/.test(target) || reaches(target)) return true;
    }
    return false;
  };
  return files.some(reaches);
}

/**
 * The platform once started, or undefined after 10 s: a command must answer within 20 s,
 * less than a boot takes on a busy machine, so the page asks again.
 */
function readyWithin(starting) {
  return Promise.race([starting, new Promise((resolve) => setTimeout(() => resolve(undefined), 10_000))]);
}

/**
 * Runs `startPlatform` (imported through tsx's ESM API) in a child Node process:
 * Medplum needs the global WebSocket, which Node 20 only has with
 * --experimental-websocket, a flag the test runner's own process lacks.
 */
function startChild(options) {
  const code = `
    const { tsImport } = await import('tsx/esm/api');
    const { startPlatform } = await tsImport(${JSON.stringify(pathToFileURL(MAIN).href)}, ${JSON.stringify(import.meta.url)});
    const platform = await startPlatform(${JSON.stringify(options)});
    process.stdout.write(JSON.stringify({ issuer: platform.issuer, fhirBaseUrl: platform.fhirBaseUrl }) + '\\n');
    process.stdin.on('end', () => platform.close().then(() => process.exit(0)));
    // Line commands from the plugin: each answered by one line naming it once done.
    let pending = '';
    let queue = Promise.resolve();
    process.stdin.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const action = line === 'stop-fhir' ? () => platform.stopFhir() : line === 'start-fhir' ? () => platform.startFhir() : undefined;
        if (!action) continue;
        queue = queue.then(action).then(() => process.stdout.write(JSON.stringify({ done: line }) + '\\n'));
      }
    });
    process.stdin.resume();
  `;
  const child = spawn(
    process.execPath,
    ['--experimental-websocket', '--no-warnings', '--conditions=development', '--input-type=module', '-e', code],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  /** Commands sent and waiting for their answer line, in order. */
  const waiting = [];
  return new Promise((resolve, reject) => {
    let output = '';
    let started = false;
    child.once('exit', (code) => reject(new Error(`demo platform exited (${code})`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const lines = output.split('\n');
      output = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        if (started) {
          waiting.shift()?.();
          continue;
        }
        started = true;
        const { issuer, fhirBaseUrl } = JSON.parse(line);
        resolve(running(issuer, fhirBaseUrl));
      }
    });
  });

  function running(issuer, fhirBaseUrl) {
    return {
      issuer,
      fhirBaseUrl,
      send: (line) =>
        new Promise((done) => {
          waiting.push(done);
          child.stdin.write(`${line}\n`);
        }),
      close: () =>
        new Promise((done) => {
          child.once('exit', () => done());
          child.stdin.end();
          // A platform that does not stop within 5 s is stopped by its pid.
          setTimeout(() => child.exitCode === null && child.kill(), 5000).unref();
        }),
    };
  }
}

/** Finds the popup the test page opened and goes through the real login and consent pages. */
async function drivePopup(page, options) {
  try {
    return await drivePopupPages(page, options);
  } finally {
    // Each sign-in starts without a provider session, so each test signs in as its own persona.
    const cdp = await page.target().createCDPSession();
    await cdp.send('Network.clearBrowserCookies');
    await cdp.detach();
  }
}

async function drivePopupPages(page, { persona, password = 'demo', action = 'login' }) {
  const target = await page
    .browser()
    .waitForTarget((t) => t.opener() === page.target() && t.type() === 'page', { timeout: 10_000 });
  const popup = await target.page();
  if (!popup) throw new Error('sign-in popup has no page');
  // The provider remembers the browser's sign-in: then only the consent page shows.
  const FIRST_PAGE = '#login, form[action*="/confirm"] button.primary';
  await popup.waitForSelector(FIRST_PAGE, { timeout: 10_000 });
  if (action === 'close') {
    await popup.close();
    return { done: 'closed' };
  }
  if (action === 'deny') {
    await Promise.all([popup.waitForNavigation().catch(() => undefined), popup.click('button.secondary')]);
    return { done: 'denied' };
  }
  if (await popup.$('#login')) {
    await popup.type('#login', persona);
    await popup.type('#password', password);
    await Promise.all([popup.waitForNavigation(), popup.click('button.primary')]);
  }
  // The consent page asks once per grant; the popup closes itself on the callback page.
  const consent = await popup.$('form[action*="/confirm"] button.primary').catch(() => null);
  if (consent) await Promise.all([popup.waitForNavigation().catch(() => undefined), consent.click()]);
  return { done: 'signed-in' };
}

export default carnetPlatformPlugin;
