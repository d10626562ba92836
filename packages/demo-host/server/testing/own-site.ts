/**
 * Sites of an end-to-end file's own, for pages that are not the demo site's (an SDK page,
 * third-party apps): a tiny HTTP server on a free port of `localhost`, scripts bundled from
 * their sources by esbuild, pages with one status line where the script writes its outcome.
 * Pass `startOwnSite(…)` as the `site` of `endToEnd` (./e2e.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import type { Page } from 'playwright-core';
import type { TestSite } from './e2e.js';
import { progress } from './progress.js';

/** What a site of the test's own answers for one path. */
export interface PageResponse {
  type: 'text/javascript' | 'text/html; charset=utf-8';
  body: string;
}

/**
 * A site of the test's own on a free port of `localhost` (for pages that are not the demo
 * site's: an SDK page, third-party apps): `respond` answers each path, `undefined` is a 404.
 */
export async function startOwnSite(respond: (path: string) => PageResponse | undefined): Promise<TestSite> {
  const server = createServer((req, res) => {
    const answer = respond(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!answer) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', answer.type);
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  progress('the test site listens');
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A page script bundled from its source for the browser (workspace packages from their sources, `development`). */
export async function bundleScript(contents: string, options: BuildOptions = {}): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'js' },
    conditions: ['development'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    ...options,
    write: false,
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * A page of a test site: one status line (`#status`, where the script writes its outcome as a
 * person would read it), `config` as JSON for the script, and the script at `scriptPath`.
 */
export function statusPage(lang: string, config: unknown, scriptPath: string): PageResponse {
  return {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="${lang}"><body><p id="status" role="status">…</p><script type="application/json" id="config">${JSON.stringify(config)}</script><script type="module" src="${scriptPath}"></script></body></html>`,
  };
}

/** Waits for the page's status line to match `expected`; resolves with its text. */
export async function statusOf(page: Page, expected: RegExp): Promise<string> {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.getElementById('status')?.textContent ?? ''),
    expected.source,
  );
  return (await page.textContent('#status')) ?? '';
}
