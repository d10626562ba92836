// Size budgets of the CDN build (packages/components/dist/cdn). The figure held to a budget is
// what a page embedding one CDN entry downloads before anyone touches it: the page is loaded in
// Chromium (local mode, an empty record, the strict CSP of check-cdn-embed.mjs), and every script
// it requested by the time the widgets have painted and the network is idle is counted: the entry,
// the chunks it imports statically, and the chunks its elements import on demand as they connect
// (the data-source repositories they read, the document search). Code loaded only on an action
// (editors' iCalendar, a PDF preview, Markdown of an opened thread), in connected mode only, for
// the demo data or for English is not counted there; it is reported apart from the build manifest.
// Each file is gzipped on its own, as a server sends it (gzipping the files joined together would
// under-count: a shared dictionary across files that no browser gets). Every widget entry registers
// the provider too, so its figure is « provider + that widget »; `carnet.js` is the provider and
// every other element loaded as its tag appears (shared/autoload.ts): its figures are a page showing
// all fourteen elements, and a page showing the five widgets the 130 kB budget was set for.
// `node scripts/check-sizes.mjs` builds the CDN files, prints the table and fails over a budget;
// `--no-build` measures the files already built; `--json` prints the figures for the bench;
// `--static` skips the browser and counts the build manifest's static imports plus FETCHED_AT_CONNECT.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** Budgets in bytes (gzip): issue 19. */
export const BUDGETS = { providerAndOneWidget: 60 * 1024, allWidgets: 130 * 1024 };

/**
 * The widgets of « all widgets ≤ 130 kB »: when issue 19 set that budget, `carnet.js` was the
 * provider and these five (251 kB gzip in one file). Nine elements came later (messages, sharing,
 * reminders…); the page showing all fourteen is measured too, as `carnet`, and held at a ceiling.
 */
export const ISSUE_WIDGETS = ['agenda', 'document-browser', 'forum-feed', 'pill-organiser', 'record-summary'];

const components = fileURLToPath(new URL('../packages/components/', import.meta.url));
const cdn = `${components}dist/cdn/`;

/** Builds the CDN files with Vite. */
export function buildCdn() {
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  const result = spawnSync(process.execPath, [vite, 'build', '-c', 'vite.cdn.config.ts', '--logLevel', 'warn'], {
    cwd: components,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the CDN build failed');
}

/**
 * Chunks an element imports on demand as soon as it connects, for the static estimate only
 * (`--static`, no browser): `startGzip`. The figure held to the budget is measured in a page
 * (`measurePages`), which also sees the local repositories each widget reads as it connects.
 * Keys are manifest keys (source paths relative to packages/components).
 */
// None since the document search loads on intent (focus of its field), not as the browser connects.
/** @type {Record<string, string[]>} */
export const FETCHED_AT_CONNECT = {};

/** Gzip sizes of each CDN entry: eager (downloaded before it runs) and lazy (loaded on demand). */
export function measureCdn() {
  const manifest = JSON.parse(readFileSync(`${cdn}.vite/manifest.json`, 'utf8'));
  const bytes = (key) => readFileSync(`${cdn}${manifest[key].file}`);
  const closure = (key, edge) => {
    const seen = new Set();
    const visit = (k) => {
      if (seen.has(k)) return;
      seen.add(k);
      for (const next of manifest[k][edge] ?? []) visit(next);
    };
    visit(key);
    return seen;
  };
  const sizes = {};
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry) continue;
    const eager = closure(key, 'imports');
    // What the page fetches as the element connects (the document browser's search code).
    const started = new Set();
    const connected =
      chunk.name === 'carnet' ? Object.values(FETCHED_AT_CONNECT).flat() : (FETCHED_AT_CONNECT[chunk.name] ?? []);
    for (const k of connected)
      if (manifest[k]) for (const c of closure(k, 'imports')) if (!eager.has(c)) started.add(c);
    // Everything reachable through dynamic imports (at any depth), minus what is already eager.
    const lazy = new Set();
    const pending = [...eager, ...started];
    while (pending.length) {
      const k = pending.pop();
      for (const d of manifest[k].dynamicImports ?? [])
        for (const c of closure(d, 'imports'))
          if (!lazy.has(c)) {
            lazy.add(c);
            pending.push(c);
          }
    }
    for (const k of eager) lazy.delete(k);
    for (const k of started) lazy.delete(k);
    sizes[chunk.name] = {
      file: `cdn/${chunk.file}`,
      gzip: [...eager].reduce((sum, k) => sum + gzipSync(bytes(k)).length, 0),
      files: eager.size,
      startGzip: [...started].reduce((sum, k) => sum + gzipSync(bytes(k)).length, 0),
      lazyGzip: [...lazy].reduce((sum, k) => sum + gzipSync(bytes(k)).length, 0),
      lazyFiles: [...lazy].map((k) => manifest[k].file),
      eagerFiles: [...eager].map((k) => manifest[k].file),
    };
  }
  // carnet.js loads the other elements' files by URL (not through the build's import graph): what
  // a page of it may load later is every element file and what those load on demand.
  if (sizes.carnet) {
    const others = Object.values(sizes).filter((size) => size !== sizes.carnet);
    sizes.carnet.lazyFiles = [
      ...new Set([...sizes.carnet.lazyFiles, ...others.flatMap((size) => [...size.eagerFiles, ...size.lazyFiles])]),
    ].filter((file) => !sizes.carnet.eagerFiles.includes(file));
  }
  for (const size of Object.values(sizes)) delete size.eagerFiles;
  // carnet.js on a page showing the five widgets of the « all widgets » budget (see ISSUE_WIDGETS).
  if (sizes.carnet)
    sizes['carnet-issue-widgets'] = {
      ...sizes.carnet,
      label: 'cdn/carnet.js, 5 widgets',
      script: 'carnet',
      tags: ISSUE_WIDGETS,
    };
  return sizes;
}

const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' blob: data:";

/**
 * What a page embedding each entry downloads before any action: loads `<carnet-provider>` around
 * the entry's element(s) from the built files in Chromium and sums the gzip size of every script
 * requested until the elements have painted, their record is read and the network is idle. Adds
 * `pageGzip` and `pageFiles` to each entry of `sizes`.
 */
export async function measurePages(sizes) {
  const { chromium } = await import('playwright-core');
  const { CHROME_ARGS, requireChrome } = await import('./find-chrome.mjs');
  const widgets = Object.keys(sizes).filter((name) => name !== 'provider' && !name.startsWith('carnet'));
  const tagsOf = (name) =>
    (sizes[name]?.tags ?? (name === 'provider' ? [] : name === 'carnet' ? widgets : [name])).map((n) => `carnet-${n}`);
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const page = /^\/page-([a-z-]+)\.html$/.exec(path)?.[1];
    if (page && page in sizes) {
      const inside =
        tagsOf(page)
          .map((tag) => `<${tag}></${tag}>`)
          .join('') || '<p>Contenu</p>';
      res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': PAGE_CSP });
      res.end(
        `<!doctype html><html lang="fr"><head><link rel="icon" href="data:,"></head><body>` +
          `<script type="module" src="/${sizes[page].script ?? page}.js"></script><carnet-provider>${inside}</carnet-provider></body></html>`,
      );
      return;
    }
    try {
      const body = await readFile(join(cdn, path.replace(/^\/+/, '')));
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
  try {
    for (const name of Object.keys(sizes)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts = new Set();
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.endsWith('.js')) scripts.add(path.replace(/^\/+/, ''));
      });
      await page.goto(`${base}/page-${name}.html`);
      // The provider has opened the record; every element has painted, and is not waiting for data.
      const settled = (tags) =>
        document.querySelector('carnet-provider')?.recordStatus === 'ready' &&
        tags.every((tag) => {
          const element = document.querySelector(tag);
          return (
            customElements.get(tag) !== undefined &&
            element?.hasUpdated === true &&
            !element.shadowRoot?.querySelector('[aria-busy="true"], [part~="loading"]')
          );
        });
      await page.waitForFunction(settled, tagsOf(name), { timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await page.waitForFunction(settled, tagsOf(name), { timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await context.close();
      sizes[name].pageFiles = scripts.size;
      const gzip = (file) => gzipSync(readFileSync(`${cdn}${file}`)).length;
      sizes[name].pageGzip = [...scripts].reduce((sum, file) => sum + gzip(file), 0);
      // What is left for later: code loaded on an action, in connected mode, for the demo or English.
      sizes[name].laterGzip = sizes[name].lazyFiles.filter((f) => !scripts.has(f)).reduce((sum, f) => sum + gzip(f), 0);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return sizes;
}

/** The figure held to the budget: measured in a page, else the static estimate (`--static`). */
export function pageFigure(size) {
  return size.pageGzip ?? size.gzip + size.startGzip;
}

/** Which entries are held to which budget (issue 19). */
export function budgetOf(name) {
  if (name.startsWith('carnet')) return BUDGETS.allWidgets;
  return BUDGETS.providerAndOneWidget;
}

/**
 * Entries still over the issue's budget, held at a ceiling (today's figure plus a little) until
 * they get there, so a regression still fails CI. docs/performance.md says what they carry and
 * why. Lower a ceiling whenever an entry shrinks; remove it once the entry is within budget.
 * `--strict` ignores the ceilings and fails on the issue's budgets.
 */
export const CEILINGS = {
  // 2026-12-07, issue 19 point 2 (docs/performance.md, « Connected mode, local repositories… »):
  // measured in a page (eager + fetched as the elements connect), 73.9, 69.7, 71.9 and 212.0 kB.
  // Reminders (53.0) and the tracker (54.0) are now within budget and have no ceiling.
  // Raised the same afternoon for the record summary's overview per condition (issue 18.3: it shares
  // the organiser's and tracker's words, which the build splits into chunks of their own), reminders
  // remembered over a reload, and neighbours' saved changes followed (RecordChangesController):
  // agenda 74.6, pill organiser 71.2 and carnet.js 217.7 kB.
  // Lowered the same day once rrule left the run-time code (every shape expanded by ours, issue 17):
  // agenda 68.4, pill organiser 65.0 and carnet.js 211.4 kB.
  // Raised again once the Parkinson diary landed (issue 18.1: `motorState` with `update` on both
  // sources; the build splits the shared words and dose formats into three more chunks, ~1 kB of
  // per-file overhead): agenda 69.4, pill organiser 66.0, document browser 72.8, carnet.js 214.0 kB.
  // Every new element adds to the page showing all of them: raise this on purpose, with its figure,
  // when one lands. 215.0 kB on the afternoon of 2026-12-07 (fourteen elements, one page). The same
  // evening: carnet.js registers the provider and loads each other element's own file as its tag
  // appears (+1.3 kB of loader), and the organiser's dialogs, the document search and the agenda's
  // editing part load on first use: 185.3 kB; 177.9 kB once the document browser's dialogs load on
  // first opening too; 178.3 kB with one shared loader for deferred dialogs and the date fields typed
  // in the page's order. The five widgets of the 130 kB budget (`carnet-issue-widgets`) are within it
  // since (128.9, then 121.5, now 121.9 kB) and have no ceiling. Raised to 179.3 kB later that night
  // for issue 17: the document browser counts its facets after the list is painted (+0.5 kB gzip,
  // `shown-facets.ts` and `shared/after-paint.ts`): 178.9 kB measured, the five widgets 122.5 kB.
  // Lowered to 178.0 kB on 2026-12-07 (23:10 UTC): the index's highlighting left the module that the
  // list's templates load (`document-highlights.ts`): 177.7 kB, the five widgets 121.4 kB.
  carnet: 178.0 * 1024,
};

/** The limit an entry fails over: its budget, or its ceiling while it is still over budget. */
export function limitOf(name, strict = false) {
  return strict ? budgetOf(name) : Math.max(budgetOf(name), CEILINGS[name] ?? 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--no-build')) buildCdn();
  const sizes = measureCdn();
  const inPages = !process.argv.includes('--static');
  if (inPages) await measurePages(sizes);
  for (const size of Object.values(sizes)) delete size.lazyFiles;
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(sizes, null, 2));
    process.exit(0);
  }
  const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
  const strict = process.argv.includes('--strict');
  let over = 0;
  let failed = 0;
  console.log(
    inPages
      ? 'CDN entry, what a page with <carnet-provider> around its element(s) downloads before any action\n' +
          '(measured in Chromium, local mode; gzip, each file on its own; « before it runs » = its static imports):'
      : 'CDN entry, static estimate (--static: static imports + FETCHED_AT_CONNECT; gzip, each file on its own):',
  );
  for (const [name, size] of Object.entries(sizes)) {
    const budget = budgetOf(name);
    const limit = limitOf(name, strict);
    const figure = pageFigure(size);
    const withinBudget = figure <= budget;
    const ok = figure <= limit;
    if (!withinBudget) over += 1;
    if (!ok) failed += 1;
    const mark = withinBudget ? '✔' : ok ? '~' : '✘';
    const ceiling = limit > budget ? `, held at ${kB(limit)}` : '';
    const detail = inPages
      ? `${kB(size.gzip)} before it runs, ${size.pageFiles} files; + ${kB(size.laterGzip)} on actions, connected mode, demo, English`
      : `${kB(size.gzip)} before it runs + ${kB(size.startGzip)} as it connects; + ${kB(size.lazyGzip)} on demand`;
    console.log(
      `  ${mark} ${(size.label ?? size.file).padEnd(24)} ${kB(figure).padStart(9)} of ${kB(budget)}${ceiling}  (${detail})`,
    );
  }
  if (over)
    console.log(
      `~ ${over} CDN entr${over === 1 ? 'y is' : 'ies are'} still over the issue 19 budget (see docs/performance.md)`,
    );
  if (failed)
    console.error(
      `✘ ${failed} CDN entr${failed === 1 ? 'y grew' : 'ies grew'} past ${strict ? 'the budget' : 'its limit'}`,
    );
  process.exit(failed ? 1 : 0);
}
