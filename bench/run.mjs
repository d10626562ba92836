// `npm run bench`: builds the benchmark page, runs it in real Chromium (playwright-core
// driving the installed browser), prints the figures and the machine. Not a test:
// it asserts nothing; docs/performance.md records the results.
import { build } from 'esbuild';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../scripts/find-chrome.mjs';
import { serveBenchPage } from './serve.mjs';

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
await writeFile(
  join(outDir, 'index.html'),
  '<!doctype html><html lang="fr"><body><div id="stage"></div><script type="module" src="./page.js"></script></body></html>',
);

const server = await serveBenchPage(outDir);

// `--sizes-only` skips the browser part (bundle sizes take seconds, the rest minutes).
const sizesOnly = process.argv.includes('--sizes-only');
let results = {};
let chromeVersion = 'not run';
if (!sizesOnly) {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROME_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const page = await browser.newPage();
  // Exact heap figures: garbage-collect, then read V8's heap usage through the DevTools protocol.
  const cdp = await page.context().newCDPSession(page);
  await page.exposeFunction('__carnetHeapUsage', async () => {
    // Collected until the heap stops shrinking (at most five times): one collection can leave garbage
    // that a later one frees, which once made an index's figure negative (heap before it > heap after).
    let used = Infinity;
    for (let i = 0; i < 5; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const settled = used - usedSize < 64 * 1024;
      used = Math.min(used, usedSize);
      if (settled) break;
    }
    return used;
  });
  page.on('console', (message) => {
    if (message.type() === 'error') console.error('[page]', message.text());
  });
  // `--quick`: smaller collections; `--only=search,recurrence`: just those benchmark modules.
  const params = new URLSearchParams();
  if (process.argv.includes('--quick')) params.set('quick', '');
  const only = process.argv.find((arg) => arg.startsWith('--only='));
  if (only) params.set('only', only.slice('--only='.length));
  await page.goto(`${server.origin}/?${params}`);
  results = await page.evaluate(() => window.__runBenchmarks());
  results.timer = await page.evaluate(() => {
    // The smallest step of performance.now() seen: the resolution every figure above is measured with.
    let step = Infinity;
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      let now = start;
      while (now === start) now = performance.now();
      step = Math.min(step, now - start);
    }
    return { crossOriginIsolated: window.crossOriginIsolated, stepMs: Math.round(step * 1e4) / 1e4 };
  });
  chromeVersion = browser.version();
  await browser.close();
  server.close();
}

// Bundle sizes (gzip) per entry point, minified from source. Third-party libraries are left
// out (lit, fuse.js, rrule, ical.js, idb, oidc-client-ts, marked, virtualizer); for each element
// entry both figures are given: with the SDK code it uses bundled in, and with the SDK external.
const THIRD_PARTY = [
  'lit',
  'lit/*',
  'lit-html',
  'lit-html/*',
  '@lit/*',
  '@lit-labs/*',
  'fuse.js',
  'rrule',
  'ical.js',
  'idb',
  'oidc-client-ts',
  'marked',
];
const { elementFolders } = await import('../scripts/sync-exports.mjs');
/**
 * Gzip size of what a page downloads before the entry runs: the entry chunk and the
 * chunks it imports statically. Lazily loaded code (demo data, English strings, ical.js)
 * is built as separate chunks and reported apart.
 */
async function gzipSize(entry, external, aliases = alias) {
  const out = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: '/virtual',
    write: false,
    metafile: true,
    minify: true,
    target: 'es2022',
    alias: aliases,
    tsconfigRaw,
    external,
    conditions: ['production', 'browser'],
    logLevel: 'silent',
  });
  const files = new Map(out.outputFiles.map((file) => [file.path.replace(/^\/virtual\//, ''), file.contents]));
  const outputs = out.metafile.outputs;
  const key = (path) => path.replace(/^\.\.\/\.\.\/virtual\/|^.*virtual\//, '');
  const entryKey = Object.keys(outputs).find((path) => outputs[path].entryPoint);
  const eager = new Set();
  const visit = (path) => {
    if (eager.has(key(path))) return;
    eager.add(key(path));
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external)
        visit(Object.keys(outputs).find((p) => key(p) === key(imported.path)) ?? imported.path);
    }
  };
  visit(entryKey);
  let eagerBytes = new Uint8Array();
  let lazyGzip = 0;
  for (const [name, contents] of files) {
    if (!name.endsWith('.js')) continue;
    if (eager.has(name)) eagerBytes = Buffer.concat([eagerBytes, contents]);
    else lazyGzip += gzipSync(contents).length;
  }
  return { minified: eagerBytes.length, gzip: gzipSync(eagerBytes).length, lazyGzip };
}
const sizes = {
  '@carnet/catalog-sdk': await gzipSize('packages/catalog-sdk/src/index.ts', THIRD_PARTY),
};
for (const name of elementFolders()) {
  const entry = `packages/components/src/${name}/${name}.ts`;
  sizes[`@carnet/components/${name}`] = {
    withSdk: await gzipSize(entry, THIRD_PARTY),
    sdkExternal: await gzipSize(entry, [...THIRD_PARTY, '@carnet/catalog-sdk', '@carnet/catalog-sdk/*'], {}),
  };
}

// The CDN files (one <script type="module"> per widget): what a page embedding each entry
// downloads before any action (measured in Chromium), against the issue 19 budgets
// (scripts/check-sizes.mjs, also a step of `npm test`).
const { buildCdn, measureCdn, measurePages, pageFigure, budgetOf, limitOf } =
  await import('../scripts/check-sizes.mjs');
buildCdn();
const cdnSizes = await measurePages(measureCdn());
const cdn = Object.fromEntries(
  Object.entries(cdnSizes).map(([name, size]) => {
    delete size.lazyFiles;
    return [name, { ...size, page: pageFigure(size), budget: budgetOf(name), limit: limitOf(name) }];
  }),
);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${chromeVersion}`;
const report = { date: new Date().toISOString(), machine, results, sizes, cdn };
await writeFile(join(root, 'bench/last-results.json'), JSON.stringify(report, null, 2));
console.log(`Machine: ${machine}`);
console.log(JSON.stringify(results, null, 2));
console.log('CDN entries (gzip; page = what a page with the entry downloads before any action; budget from issue 19):');
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
for (const size of Object.values(cdn)) {
  const mark = size.page <= size.budget ? 'within' : 'OVER';
  console.log(
    `  ${size.label ?? size.file}: ${kB(size.page)} in a page (${mark} ${kB(size.budget)}), ${kB(size.gzip)} before it runs, ${kB(size.laterGzip)} later`,
  );
}
console.log('Bundle sizes (bytes, gzip):');
for (const [name, size] of Object.entries(sizes)) {
  if ('gzip' in size) console.log(`  ${name}: ${size.gzip} gzip (${size.minified} minified)`);
  else
    console.log(
      `  ${name}: ${size.withSdk.gzip} gzip with the SDK code it uses, ${size.sdkExternal.gzip} with the SDK external`,
    );
}
