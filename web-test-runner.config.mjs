// Browser tests for every package, in a real Chromium (see scripts/find-chrome.mjs).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { CHROME_ARGS, requireChrome } from './scripts/find-chrome.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { carnetPlatformPlugin } from './scripts/wtr-platform-plugin.mjs';

const executablePath = requireChrome();
// Test files run side by side in one browser: pages in the background must still get frames and timers.
const BACKGROUND_PAGE_ARGS = [
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--disable-background-timer-throttling',
];
const root = fileURLToPath(new URL('.', import.meta.url));

/** Serves the workspace packages from source, as the published entry points would. */
const workspaceSources = {
  name: 'carnet-workspace-sources',
  resolveImport({ source }) {
    if (source === '@carnet/catalog-sdk') return '/packages/catalog-sdk/src/index.ts';
    if (source === '@carnet/catalog-sdk/demo-data') return '/packages/catalog-sdk/src/demo-data/index.ts';
    if (source === '@carnet/components') return '/packages/components/src/index.ts';
    return undefined;
  },
};

export default {
  rootDir: root,
  files: ['packages/*/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 1_200_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    workspaceSources,
    // Starts the demo OpenID provider and FHIR server on first use by an integration test.
    carnetPlatformPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: [...CHROME_ARGS, ...BACKGROUND_PAGE_ARGS] },
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
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: !process.env.CI }), countingReporter()],
};
