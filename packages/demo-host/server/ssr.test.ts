// Importing the Carnet packages during server-side rendering (Node, no DOM) must
// not throw, and a React page using the elements renders to HTML on the server.
// Run in a child process so nothing this test runner loaded can stand in for a DOM.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const SCRIPT = fileURLToPath(new URL('./ssr/import-and-render.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../tsconfig.ssr.json', import.meta.url));
const TAGS = [
  'carnet-provider',
  'carnet-record-summary',
  'carnet-document-browser',
  'carnet-agenda',
  'carnet-pill-organiser',
  'carnet-forum-feed',
];

interface SsrReport {
  before: Record<string, string>;
  sdkExports: number;
  componentExports: number;
  entries: string[];
  html: string;
}

describe('server-side rendering (plain Node, no DOM)', { timeout: 60_000 }, () => {
  it('imports @carnet/catalog-sdk, @carnet/components and every element entry, and renders the React page', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=development', '--import', 'tsx', SCRIPT],
      {
        env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG, NODE_OPTIONS: '' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const report = JSON.parse(stdout) as SsrReport;
    assert.deepEqual(report.before, { document: 'undefined', window: 'undefined', HTMLElement: 'undefined' });
    assert.ok(report.sdkExports > 0 && report.componentExports > 0);
    // One define entry and one class entry per element.
    for (const tag of TAGS) {
      const name = tag.replace('carnet-', '');
      assert.ok(report.entries.includes(`./src/${name}/${name}.ts`), `${name} entry imported`);
      assert.ok(report.entries.includes(`./src/${name}/${name}.component.ts`), `${name} class entry imported`);
    }
    // React renders the elements with their attributes; properties and listeners wait for the browser.
    for (const tag of TAGS) assert.match(report.html, new RegExp(`<${tag}[ >]`), `<${tag}> rendered`);
    assert.match(
      report.html,
      /<carnet-provider locale="fr" pathology="parkinson" demo-persona="parkinson" db-name="carnet-demo-parkinson">/,
    );
    assert.match(report.html, /<carnet-agenda view="list">/);
    assert.doesNotMatch(report.html, /oncarnet-/);
  });
});
