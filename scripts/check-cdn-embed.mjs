// The CDN files as an association embeds them: one <script type="module"> per page, served with a
// strict Content-Security-Policy (scripts from the same origin only, no eval), in real Chromium.
// Checks that the code split on demand arrives and works there: the document browser's search chunk
// (a typed query narrows the list) and the forum's Markdown reader (an opened thread's posts are
// formatted), and the agenda and pill organiser drawing recurring events and doses with the part
// of `rrule` the CDN files keep (vite.cdn.config.ts), with no error in the page. Run after `node scripts/check-sizes.mjs` (which builds the
// files); `npm test` runs both.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from './find-chrome.mjs';

const cdn = fileURLToPath(new URL('../packages/components/dist/cdn/', import.meta.url));
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
].join('; ');

const PAGES = {
  agenda: 'carnet-agenda',
  'pill-organiser': 'carnet-pill-organiser',
  'document-browser': 'carnet-document-browser',
  'forum-feed': 'carnet-forum-feed',
};

const server = createServer(async (req, res) => {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const page = /^\/([a-z-]+)\.html$/.exec(path)?.[1];
  if (page && page in PAGES) {
    const tag = PAGES[page];
    res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': CSP });
    res.end(
      `<!doctype html><html lang="fr"><head><link rel="icon" href="data:,"></head><body>` +
        `<script type="module" src="/${page}.js"></script>` +
        `<carnet-provider demo-persona="diabetes"><${tag}></${tag}></carnet-provider></body></html>`,
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
const failures = [];
const WAIT = { timeout: 45_000 };

async function check(name, run) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const chunks = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('request', (request) => chunks.push(new URL(request.url()).pathname));
  try {
    await page.goto(`${base}/${name}.html`);
    await run(page, chunks);
    if (errors.length) throw new Error(`errors in the page: ${errors.join(' | ')}`);
    console.log(`  ✔ ${name}`);
  } catch (error) {
    failures.push(name);
    console.error(`  ✘ ${name}: ${error instanceof Error ? error.message : error}`);
  } finally {
    await context.close();
  }
}

console.log('CDN files embedded under a strict CSP (Chromium):');
/** Waits until the element's shadow root has more than one element matching `selector`. */
const several = (page, tag, selector) =>
  page.waitForFunction(
    ([t, s]) => (document.querySelector(t)?.shadowRoot?.querySelectorAll(s).length ?? 0) > 1,
    [tag, selector],
    WAIT,
  );
await check('agenda', async (page) => {
  await page.locator('carnet-agenda [data-view="list"]').click(WAIT);
  await several(page, 'carnet-agenda', '[part~="event"], [part~="dose"]');
});
await check('pill-organiser', async (page) => {
  await several(page, 'carnet-pill-organiser', '[part~="dose"]');
});
await check('document-browser', async (page, chunks) => {
  const rows = () =>
    page.evaluate(
      () => document.querySelector('carnet-document-browser')?.shadowRoot?.querySelectorAll('li.row').length ?? 0,
    );
  await page.waitForFunction(
    () =>
      (document.querySelector('carnet-document-browser')?.shadowRoot?.querySelectorAll('li.row').length ?? 0) > 0 &&
      !document.querySelector('carnet-document-browser')?.shadowRoot?.querySelector('[part~="facets-pending"]'),
    null,
    WAIT,
  );
  if (!chunks.some((path) => path.includes('/document-search-'))) throw new Error('the search chunk was not loaded');
  const before = await rows();
  await page.locator('carnet-document-browser [part="search"]').fill('zzzz-aucun-document');
  await page.waitForFunction(
    () => document.querySelector('carnet-document-browser')?.shadowRoot?.querySelectorAll('li.row').length === 0,
    null,
    WAIT,
  );
  if (before === 0) throw new Error('no rows before searching');
});
await check('forum-feed', async (page, chunks) => {
  await page.locator('carnet-forum-feed [part~="thread-open"]').first().click(WAIT);
  await page.waitForFunction(
    () => document.querySelector('carnet-forum-feed')?.shadowRoot?.querySelector('[part="post-body"] p'),
    null,
    WAIT,
  );
  if (!chunks.some((path) => /\/marked[^/]*\.js$/.test(path))) throw new Error('marked was not loaded on demand');
});

await browser.close();
server.close();
process.exit(failures.length ? 1 : 0);
