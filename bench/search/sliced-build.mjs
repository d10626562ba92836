// `node bench/search/sliced-build.mjs [--quick]`: the index built in slices (`buildDocumentIndex`) alone,
// in real Chromium, at 10,000 and 100,000 documents of both bench corpora: the longest step between two
// yields, and with a search at every animation frame the gaps between frames and the time to answer.
// A few minutes less than `npm run bench -- --only=search`. Not a test; docs/performance.md records results.
import { build } from 'esbuild';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../../scripts/find-chrome.mjs';
import { serveBenchPage } from '../serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = await mkdtemp(join(tmpdir(), 'carnet-sliced-build-'));
await build({
  entryPoints: [join(root, 'bench/search/sliced-build.page.ts')],
  bundle: true,
  format: 'esm',
  outdir: outDir,
  target: 'es2022',
  minify: true,
  alias: {
    '@carnet/catalog-sdk/demo-data': join(root, 'packages/catalog-sdk/src/demo-data/index.ts'),
    '@carnet/catalog-sdk': join(root, 'packages/catalog-sdk/src/index.ts'),
  },
  conditions: ['production', 'browser'],
  logLevel: 'warning',
});
await writeFile(
  join(outDir, 'index.html'),
  '<!doctype html><html lang="fr"><body><script type="module" src="./sliced-build.page.js"></script></body></html>',
);
const server = await serveBenchPage(outDir);
const browser = await chromium.launch({ executablePath: requireChrome(), headless: true, args: CHROME_ARGS });
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('[page]', error));
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => typeof window.slicedBuild === 'function');
  console.log(
    `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · Node ${process.version} · ${browser.version()}`,
  );
  const sizes = process.argv.includes('--quick') ? [10_000] : [10_000, 100_000];
  for (const size of sizes) {
    for (const growing of [false, true]) {
      const before = loadavg()[0].toFixed(2);
      const result = await page.evaluate(([s, g]) => window.slicedBuild(s, g), [size, growing]);
      console.log(JSON.stringify({ ...result, loadAverage: `${before} → ${loadavg()[0].toFixed(2)}` }));
    }
  }
} finally {
  await browser.close();
  server.close();
}
