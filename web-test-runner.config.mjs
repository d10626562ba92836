// Browser tests for every package, in a real Chromium (see scripts/find-chrome.mjs).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { CHROME_ARGS, requireChrome } from './scripts/find-chrome.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { bootsBeforeTests, carnetPlatformPlugin } from './scripts/wtr-platform-plugin.mjs';
import { forcedColorsPlugin } from './scripts/wtr-forced-colors-plugin.mjs';
import { permissionsPlugin } from './scripts/wtr-permissions-plugin.mjs';

const executablePath = requireChrome();
// Test files run side by side in one browser: pages in the background must still get frames and timers.
const BACKGROUND_PAGE_ARGS = [
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--disable-background-timer-throttling',
];
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * A test file that has not finished after this long fails (each test has its own,
 * shorter Mocha timeout); with the page's release below, a stuck file is reported
 * within a minute instead of holding the whole run.
 */
const FILE_TIMEOUT_MS = 55_000;
/**
 * Soak tests (`*.soak.test.ts`: long randomized fault runs with thousands of real requests) run
 * in a step of their own (`CARNET_SOAK=1`, see scripts/test.mjs) with a 15-minute bound per file,
 * so the one-minute bound of every other file stays.
 */
const SOAK = process.env.CARNET_SOAK === '1';
const SOAK_FILE_TIMEOUT_MS = 900_000;
/** How long a finished or failed file's page may take to let go before it is closed. */
const PAGE_RELEASE_MS = 5_000;

/**
 * Chromium, with one change: a page that does not answer when its file ends (a
 * script stuck in a loop, a modal `alert`) is closed and replaced, rather than
 * waited on for another `testsFinishTimeout` and then handed to the next file.
 */
function chromiumClosingStuckPages(options) {
  const launcher = chromeLauncher(options);
  const stopSession = launcher.stopSession.bind(launcher);
  // What happened to each session's page besides its tests: a renderer crash, or a navigation
  // away from the test page (a form submitted, a link followed), both of which lose the file's results.
  const incidents = new Map();
  const createNewPage = launcher.createNewPage.bind(launcher);
  launcher.createNewPage = async (...args) => {
    const created = await createNewPage(...args);
    const page = created.puppeteerPage;
    // Files run side by side in one browser, and only one page has the window's focus: in the others
    // `focus()` moves document.activeElement without firing focus/focusin, so a roving tab stop or a
    // dialog's focus handling would not follow. Each page behaves as the focused one, as it is for a person.
    await page.emulateFocusedPage(true);
    page.on('error', (error) => page.__carnetIncidents?.push(`the page crashed (${error.message})`));
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() || !page.__carnetTestUrl) return;
      const to = frame.url();
      if (to !== page.__carnetTestUrl && to !== 'about:blank')
        page.__carnetIncidents?.push(`the page navigated away from the test, to ${to}`);
    });
    return created;
  };
  const startSession = launcher.startSession.bind(launcher);
  launcher.startSession = async (sessionId, url) => {
    await startSession(sessionId, url);
    const page = launcher.activePages.get(sessionId)?.puppeteerPage;
    if (!page) return;
    const happened = [];
    incidents.set(sessionId, happened);
    page.__carnetIncidents = happened;
    page.__carnetTestUrl = page.url();
  };
  launcher.stopSession = async (sessionId) => {
    const page = launcher.activePages.get(sessionId);
    const happened = incidents.get(sessionId) ?? [];
    incidents.delete(sessionId);
    if (page) {
      page.puppeteerPage.__carnetIncidents = undefined;
      page.puppeteerPage.__carnetTestUrl = undefined;
    }
    let stopped = await whereItStopped(page);
    // A page that cannot be read once its file has finished (it navigated or closed itself at the
    // end) is not a failure: only with a crash or a navigation seen meanwhile is it worth saying.
    if (stopped === UNREADABLE && happened.length === 0) stopped = '';
    // Incidents matter only for a file that did not finish (a page may legitimately rewrite its own URL).
    const unfinished = stopped ? [stopped, ...happened.map((incident) => `Meanwhile ${incident}.`)].join('\n') : '';
    if (unfinished) {
      // The file is being cut short (its time is up): say which test or hook it was in.
      const result = await stopSession(sessionId).catch((error) => ({ errors: [error] }));
      return { ...result, errors: [...(result?.errors ?? []), { message: unfinished }] };
    }
    let timer;
    const stuck = new Promise((resolve) => {
      timer = setTimeout(() => resolve('stuck'), PAGE_RELEASE_MS);
    });
    try {
      const result = await Promise.race([stopSession(sessionId), stuck]);
      if (result !== 'stuck') return result;
    } finally {
      clearTimeout(timer);
    }
    launcher.activePages.delete(sessionId);
    launcher.inactivePages = launcher.inactivePages.filter((inactive) => inactive !== page);
    await page?.puppeteerPage.close({ runBeforeUnload: false }).catch(() => undefined);
    return { errors: [{ message: `The page stopped answering (stuck script or modal dialog); it was closed.` }] };
  };
  return launcher;
}

const UNREADABLE = 'The test page could not be read (it crashed, closed or was navigating).';

/**
 * When a file's page is stopped while a test or hook is still running (the file ran out of
 * time), a sentence naming it and the last tests before it, with their durations; else ''.
 * Read from `window.__carnetProgress`, kept up to date by the test page (see testRunnerHtml).
 */
async function whereItStopped(page) {
  if (!page) return '';
  let timer;
  const progress = await Promise.race([
    page.puppeteerPage
      .evaluate(() => (window.__carnetProgress ? { ...window.__carnetProgress, now: performance.now() } : null))
      .catch(() => ({ unreadable: true })),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve({ unresponsive: true }), 2_000);
    }),
  ]).finally(() => clearTimeout(timer));
  if (!progress) return 'The test page was gone: another page had replaced it (a form submitted or a link followed?).';
  if (progress.unreadable) return UNREADABLE;
  if (progress.unresponsive) return 'The page did not answer within 2 s (a script stuck in a loop or a modal dialog).';
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const trail = progress.trail.map(({ title, ms }) => `    ${title} (${seconds(ms)})`).join('\n');
  if (progress.ended) return '';
  if (!progress.current) {
    return progress.trail.length === 0
      ? `No test had started after ${seconds(progress.now)} (the page was still loading the test file and its modules).`
      : `Between tests after ${seconds(progress.now)}; the last ones:\n${trail}`;
  }
  return (
    `Still running after ${seconds(progress.now - progress.current.startedAt)}: ${progress.current.title}` +
    (trail ? `\n  Finished before it:\n${trail}` : '')
  );
}

export default {
  rootDir: root,
  files: SOAK
    ? ['packages/*/src/**/*.soak.test.ts']
    : ['packages/*/src/**/*.test.ts', '!packages/*/src/**/*.soak.test.ts'],
  // `development`: the workspace packages from their sources (their `exports` say where) and Lit's dev build.
  nodeResolve: { exportConditions: ['development', 'browser'] },
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: SOAK ? SOAK_FILE_TIMEOUT_MS : FILE_TIMEOUT_MS,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    // The demo OpenID provider and FHIR server for the integration tests.
    // A run with integration tests (a full run, or chosen files that use the platform) boots it
    // before them, not inside one: else the boot counts against the first file's time limit.
    carnetPlatformPlugin({ eager: bootsBeforeTests(process.argv) }),
    // Windows high contrast (forced colours) for the tests of what survives it.
    forcedColorsPlugin(),
    // Notification permission as set in the browser's site settings (reminders).
    permissionsPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromiumClosingStuckPages({
      launchOptions: { executablePath, headless: true, args: [...CHROME_ARGS, ...BACKGROUND_PAGE_ARGS] },
      // Each test page in a window of its own: a second tab of one window is hidden, and a hidden page
      // gets no animation frames, IntersectionObserver or ResizeObserver callbacks, so whichever file ran
      // in the background tab could wait for a render that never came (a file cut at the time limit).
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  // Lit dev-mode warnings are recorded here and fail the test that caused them
  // (see packages/components/src/test-helpers/fixture.ts); the dev-mode banner itself is expected.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8"></head>
  <body>
    <script>
      window.litIssuedWarnings = new Set(['dev-mode']);
      window.__carnetLitWarnings = [];
      const originalWarn = console.warn;
      console.warn = (...args) => {
        const text = args.map(String).join(' ');
        if (text.includes('lit.dev/msg')) window.__carnetLitWarnings.push(text);
        originalWarn.apply(console, args);
      };
    </script>
    <script>
      // Which test or hook is running, and how long the last ones took: read by whereItStopped()
      // in web-test-runner.config.mjs when a file runs out of time.
      (() => {
        const progress = { current: null, trail: [], ended: false };
        window.__carnetProgress = progress;
        let mocha;
        Object.defineProperty(window, 'mocha', {
          configurable: true,
          get: () => mocha,
          set(value) {
            mocha = value;
            const run = value.run.bind(value);
            value.run = (...args) => {
              const runner = run(...args);
              const start = (runnable) => {
                progress.current = { title: runnable.fullTitle(), startedAt: performance.now() };
              };
              const end = () => {
                if (!progress.current) return;
                const { title, startedAt } = progress.current;
                progress.trail = [...progress.trail, { title, ms: performance.now() - startedAt }].slice(-5);
                progress.current = null;
              };
              // Mocha announces a test before its "before each" hooks: once they are over, the test
              // is what runs again (else a file cut during that test reads « between tests »).
              let test = null;
              runner.on('hook', start);
              runner.on('hook end', () => {
                end();
                progress.current = test;
              });
              runner.on('test', (runnable) => {
                start(runnable);
                test = progress.current;
              });
              runner.on('test end', () => {
                progress.current = test;
                test = null;
                end();
              });
              // The runner sends the results with structuredClone: a failure whose expected or actual
              // value is a DOM node or holds a function would throw there, and the whole file's results
              // would be lost (a file "that did not finish"). Such values are sent as text instead.
              runner.on('fail', (_runnable, error) => {
                for (const key of ['actual', 'expected']) {
                  if (!error || typeof error !== 'object' || !(key in error)) continue;
                  try {
                    structuredClone(error[key]);
                  } catch {
                    const value = error[key];
                    error[key] =
                      value instanceof Element
                        ? value.outerHTML.slice(0, 300)
                        : value instanceof Node
                          ? String(value.nodeName)
                          : String(value);
                  }
                }
              });
              runner.on('end', () => { progress.current = null; progress.ended = true; });
              return runner;
            };
          },
        });
      })();
    </script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [
    defaultReporter({ reportTestResults: true, reportTestProgress: !process.env.CI }),
    countingReporter({ outFile: SOAK ? '.wtr-soak-results.json' : '.wtr-results.json' }),
  ],
};
