// The CDN files as an association embeds them: one <script type="module"> per page, served with a
// strict Content-Security-Policy (scripts from the same origin only, no eval), in real Chromium.
// Checks that the code split on demand arrives and works there: the document browser's search chunk
// (not loaded for its first view; a typed query loads it and narrows the list) and the forum's Markdown reader (an opened thread's posts are
// formatted), and the agenda and pill organiser drawing recurring events and doses with the part
// of `rrule` the CDN files keep (vite.cdn.config.ts), with no error in the page (the organiser's
// dialogs, loaded on the first press, say so when they cannot download); and the provider's
// connected-mode code: never downloaded by a page in local mode, and in connected mode a failed
// download of it shows the error with Retry, which loads it (the sign-in prompt appears); the agenda's
// editor, loaded on the first click (a failed download says so, the next click loads it). Run after `node scripts/check-sizes.mjs` (which builds the
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

/**
 * Pages of the provider alone, in local mode and in connected mode (against this server), and of
 * the agenda on an empty local record (the first page names its script, `/<name>.js`).
 */
const PROVIDER_PAGES = {
  'provider-local': '<carnet-provider><p>Contenu</p></carnet-provider>',
  'provider-connected':
    '<carnet-provider issuer="{origin}/oidc" client-id="cdn-check" fhir-base-url="/fhir"><p>Contenu</p></carnet-provider>',
  'agenda-empty': '<carnet-provider><carnet-agenda></carnet-agenda></carnet-provider>',
  // carnet.js: the provider, and each other element's file loaded when its tag appears.
  'carnet-agenda': '<carnet-provider demo-persona="diabetes"><carnet-agenda></carnet-agenda></carnet-provider>',
  'carnet-retry': '<carnet-provider demo-persona="diabetes"><carnet-forum-feed></carnet-forum-feed></carnet-provider>',
};

const server = createServer(async (req, res) => {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const page = /^\/([a-z-]+)\.html$/.exec(path)?.[1];
  if (page && page in PROVIDER_PAGES) {
    res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': CSP });
    res.end(
      `<!doctype html><html lang="fr"><head><link rel="icon" href="data:,"></head><body>` +
        `<script type="module" src="/${page.split('-')[0]}.js"></script>` +
        PROVIDER_PAGES[page].replace('{origin}', `http://${req.headers.host}`) +
        '</body></html>',
    );
    return;
  }
  if (path === '/fhir/.well-known/smart-configuration') {
    // Enough for the session to be created and the sign-in prompt shown (nobody signs in here).
    const origin = `http://${req.headers.host}`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        issuer: `${origin}/oidc`,
        authorization_endpoint: `${origin}/oidc/auth`,
        token_endpoint: `${origin}/oidc/token`,
      }),
    );
    return;
  }
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

async function check(name, run, { prepare, expectedErrors } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const chunks = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('request', (request) => chunks.push(new URL(request.url()).pathname));
  try {
    await prepare?.(page);
    await page.goto(`${base}/${name}.html`);
    await run(page, chunks);
    const unexpected = errors.filter((error) => !expectedErrors?.test(error));
    if (unexpected.length) throw new Error(`errors in the page: ${unexpected.join(' | ')}`);
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
const ORGANISER_DIALOGS_CHUNK = /\/chunks\/organiser-dialogs\.panel-[^/]*\.js$/;
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
// The organiser's dialogs load on the first press (or on pointing at a dose): while their download
// fails, a press says so next to the doses; once it works, the next press opens the dialog, styled.
let organiserDialogsFail = true;
await check(
  'pill-organiser',
  async (page, chunks) => {
    await several(page, 'carnet-pill-organiser', '[part~="dose"]');
    if (chunks.some((path) => ORGANISER_DIALOGS_CHUNK.test(path)))
      throw new Error('the dialogs were downloaded before any action');
    const dose = page.locator('carnet-pill-organiser button.dose').first();
    await dose.click(WAIT);
    await page.locator('carnet-pill-organiser [part="dialog-load-error"][role="alert"]').waitFor(WAIT);
    organiserDialogsFail = false;
    await dose.click(WAIT);
    await page.locator('carnet-pill-organiser dialog[part="intake-dialog"][open] .dialog-actions').waitFor(WAIT);
    const laidOut = await page.evaluate(() => {
      const actions = document
        .querySelector('carnet-pill-organiser')
        ?.shadowRoot?.querySelector('dialog[part="intake-dialog"] .dialog-actions');
      return actions ? getComputedStyle(actions).display : 'none';
    });
    if (laidOut === 'block') throw new Error("the dialogs' styles were not adopted");
  },
  {
    prepare: (page) =>
      page.route(ORGANISER_DIALOGS_CHUNK, (route) =>
        organiserDialogsFail ? route.abort('internetdisconnected') : route.continue(),
      ),
    expectedErrors: /organiser-dialogs|net::ERR_INTERNET_DISCONNECTED|Failed to load resource/,
  },
);
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
  // The first view (list and facets) needs no search code: it loads when the patient turns to the search.
  const searchChunk = () => chunks.some((path) => path.includes('/document-search-'));
  if (searchChunk()) throw new Error('the search chunk was loaded before anyone searched');
  const before = await rows();
  await page.locator('carnet-document-browser [part="search"]').fill('zzzz-aucun-document');
  await page.waitForFunction(
    () => document.querySelector('carnet-document-browser')?.shadowRoot?.querySelectorAll('li.row').length === 0,
    null,
    WAIT,
  );
  if (!searchChunk()) throw new Error('the search chunk was not loaded');
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
// Connected mode's code (the provider's sign-in UI and the SDK's OpenID and FHIR half) is never
// downloaded by a page in local mode…
const CONNECTED_CHUNK = /\/chunks\/connected-(part|sdk)-[^/]*\.js$/;
await check('provider-local', async (page, chunks) => {
  await page.locator('carnet-provider p').waitFor(WAIT);
  await page.waitForFunction(() => document.querySelector('carnet-provider')?.recordStatus === 'ready', null, WAIT);
  const connected = chunks.filter((path) => CONNECTED_CHUNK.test(path));
  if (connected.length) throw new Error(`a local-mode page downloaded ${connected.join(', ')}`);
});
// …and a connected page whose first download of it fails says so with Retry, which loads it.
let failFirst = true;
await check(
  'provider-connected',
  async (page, chunks) => {
    const alert = page.locator('carnet-provider [part="error"][role="alert"]');
    await alert.waitFor(WAIT);
    const text = (await alert.textContent()) ?? '';
    if (!/Vérifiez votre connexion/.test(text)) throw new Error(`unexpected error message: ${text.trim()}`);
    await page.locator('carnet-provider [part="retry"]').click(WAIT);
    await page.locator('carnet-provider [part="sign-in-button"]').waitFor(WAIT);
    if (!chunks.some((path) => /\/chunks\/connected-part-/.test(path)))
      throw new Error('connected-part was not loaded');
  },
  {
    prepare: (page) =>
      page.route(/\/chunks\/connected-part-[^/]*\.js$/, (route) => {
        if (!failFirst) return route.continue();
        failFirst = false;
        return route.abort('internetdisconnected');
      }),
    // The aborted chunk and the import that failed with it, as the browser reports them.
    expectedErrors: /connected-part|net::ERR_INTERNET_DISCONNECTED|Failed to load resource/,
  },
);
// The local record's repositories load as the widgets first read them: a failed download shows the
// widget's error with Retry (never a blank widget), and Retry loads it.
let failAgendaFirst = true;
// The agenda's editor, details and import load on the first action: a failed download says so, and
// the next click loads it; the dialog opens with its styles (adopted when the chunk arrives).
let editingOffline = true;
await check(
  'agenda-empty',
  async (page, chunks) => {
    await page.locator('carnet-agenda [part="error"][role="alert"]').waitFor(WAIT);
    await page.locator('carnet-agenda [part="retry"]').click(WAIT);
    await page.locator('carnet-agenda [part="error"]').waitFor({ ...WAIT, state: 'detached' });
    await page.waitForFunction(
      () => {
        const root = document.querySelector('carnet-agenda')?.shadowRoot;
        return (
          root?.querySelector('[part~="toolbar"], [part~="empty"], [role="grid"]') &&
          !root.querySelector('[aria-busy="true"]')
        );
      },
      null,
      WAIT,
    );
    if (chunks.some((chunk) => /agenda-editing/.test(chunk)))
      throw new Error('the agenda downloaded its editor before any action');
    const create = page.locator('carnet-agenda [part="create"]');
    await create.click(WAIT);
    await page.locator('carnet-agenda [part="action-error"][role="alert"]').waitFor(WAIT);
    editingOffline = false;
    await create.click(WAIT);
    await page.locator('carnet-agenda dialog[part="editor"][open]').waitFor(WAIT);
    await page.locator('carnet-agenda [part="action-error"]').waitFor({ ...WAIT, state: 'detached' });
    const border = await page
      .locator('carnet-agenda dialog[part="editor"]')
      .evaluate((dialog) => getComputedStyle(dialog).borderTopWidth);
    if (border !== '1px') throw new Error(`the editor dialog lacks its styles (border ${border})`);
  },
  {
    prepare: async (page) => {
      await page.route(/\/chunks\/local-agenda-[^/]*\.js$/, (route) => {
        if (!failAgendaFirst) return route.continue();
        failAgendaFirst = false;
        return route.abort('internetdisconnected');
      });
      await page.route(/\/chunks\/agenda-editing\.panel-[^/]*\.js$/, (route) => {
        // Every download fails (pointing at the button starts one too) until the failure is shown.
        if (!editingOffline) return route.continue();
        return route.abort('internetdisconnected');
      });
    },
    expectedErrors: /local-agenda|agenda-editing|net::ERR_INTERNET_DISCONNECTED|Failed to load resource/,
  },
);

// carnet.js loads the agenda's file for the agenda on the page, not the other elements' files; an
// element added later (as a framework would) gets its file then, and works.
const OTHER_ELEMENT_FILES = /\/(document-browser|pill-organiser|forum-feed|tracker|sharing|messages)\.js$/;
await check('carnet-agenda', async (page, chunks) => {
  await page.locator('carnet-agenda [data-view="list"]').click(WAIT);
  await several(page, 'carnet-agenda', '[part~="event"], [part~="dose"]');
  await page.waitForLoadState('networkidle');
  const others = chunks.filter((path) => OTHER_ELEMENT_FILES.test(path));
  if (others.length) throw new Error(`carnet.js downloaded elements the page does not show: ${others.join(', ')}`);
  if (!chunks.includes('/agenda.js')) throw new Error('the agenda file was not loaded');
  await page.evaluate(() => {
    document.querySelector('carnet-provider')?.append(document.createElement('carnet-forum-feed'));
  });
  await page.locator('carnet-forum-feed [part~="thread-open"]').first().waitFor(WAIT);
  if (!chunks.includes('/forum-feed.js')) throw new Error('the forum file was not loaded for the added element');
});
// An element whose file fails to download is not left blank: a message with « Réessayer » in its
// place, and Réessayer loads it.
let failForumFirst = true;
await check(
  'carnet-retry',
  async (page) => {
    const alert = page.locator('carnet-forum-feed [data-carnet-load-error][role="alert"]');
    await alert.waitFor(WAIT);
    const text = (await alert.textContent()) ?? '';
    if (!/Vérifiez votre connexion/.test(text)) throw new Error(`unexpected message: ${text.trim()}`);
    await alert.getByRole('button', { name: 'Réessayer' }).click(WAIT);
    await page.locator('carnet-forum-feed [part~="thread-open"]').first().waitFor(WAIT);
    await alert.waitFor({ ...WAIT, state: 'detached' });
  },
  {
    prepare: (page) =>
      page.route(/\/forum-feed\.js$/, (route) => {
        if (!failForumFirst) return route.continue();
        failForumFirst = false;
        return route.abort('internetdisconnected');
      }),
    expectedErrors: /forum-feed|net::ERR_INTERNET_DISCONNECTED|Failed to load resource/,
  },
);

await browser.close();
server.close();
process.exit(failures.length ? 1 : 0);
