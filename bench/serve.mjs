// Serves a built benchmark page (bench code only): the files of `dir` on 127.0.0.1, `index.html` at `/`.
// Cross-origin isolated: `performance.now()` then ticks every 5 µs instead of 100 µs in Chromium, so a
// keystroke of a tenth of a millisecond is measured, not rounded to the timer's step.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Starts the server; resolves to its address and a way to stop it. */
export async function serveBenchPage(dir) {
  const server = createServer(async (req, res) => {
    try {
      const path = (req.url ?? '/').split('?')[0];
      const file = join(dir, path === '/' ? 'index.html' : path);
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': file.endsWith('.html') ? 'text/html' : 'text/javascript',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
