// `npm run bench`: builds the benchmark page, runs it in real Chromium (playwright-core
// driving the installed browser), prints the figures and the machine. Not a test:
// it asserts nothing; docs/performance.md records the results.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../scripts/find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const executablePath = requireChrome();
const outDir = await mkdtemp(join(tmpdir(), 'carnet-bench-'));

const alias = {
  '@carnet/catalog-sdk/demo-data': join(root, 'packages/catalog-sdk/src/demo-data/index.ts'),
  '@carnet/catalog-sdk': join(root, 'packages/catalog-sdk/src/index.ts'),
};
const tsconfigRaw = { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } };

await build({
  entryPoints: [join(root, 'bench/page.ts')],
  bundle: true,
  format: 'esm',
  splitting: true,
  outdir: outDir,
  target: 'es2022',
  minify: true,
  alias,
  tsconfigRaw,
  conditions: ['production', 'browser'],
  logLevel: 'warning',
});
await writeFile(join(outDir, 'index.html'), '<!doctype html><html lang="fr"><body><div id="stage"></div><script type="module" src="./page.js"></script></body></html>');

const server = createServer(async (req, res) => {
  try {
    const path = join(outDir, (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').split('?')[0]);
    const body = await readFile(path);
    res.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html' : 'text/javascript' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [...CHROME_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const page = await browser.newPage();
page.on('console', (message) => {
  if (message.type() === 'error') console.error('[page]', message.text());
});
await page.goto(`http://127.0.0.1:${port}/`);
const results = await page.evaluate(() => window.__runBenchmarks());
const chromeVersion = browser.version();
await browser.close();
server.close();

// Bundle sizes (gzip) per entry point, from the source, lit and fuse.js left out.
const sizes = {};
for (const [name, entry, external] of [
  ['@carnet/catalog-sdk (index)', 'packages/catalog-sdk/src/index.ts', ['idb', 'fuse.js', 'rrule', 'ical.js', 'oidc-client-ts']],
  ['@carnet/components (index)', 'packages/components/src/index.ts', ['lit', 'lit/*', '@lit/*', '@lit-labs/*', 'fuse.js', 'rrule', 'ical.js', 'idb', 'oidc-client-ts']],
]) {
  const out = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    target: 'es2022',
    alias,
    tsconfigRaw,
    external,
    conditions: ['production', 'browser'],
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].contents;
  sizes[name] = { raw: code.length, gzip: gzipSync(code).length };
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${chromeVersion}`;
const report = { date: new Date().toISOString(), machine, results, sizes };
await writeFile(join(root, 'bench/last-results.json'), JSON.stringify(report, null, 2));
console.log(`Machine: ${machine}`);
console.log(JSON.stringify(results, null, 2));
console.log('Bundle sizes (bytes, gzip):');
for (const [name, size] of Object.entries(sizes)) console.log(`  ${name}: ${size.gzip} gzip (${size.raw} minified)`);
