// Runs the Node-side tests (the demo platform's OpenID provider and FHIR server)
// with node:test and writes the totals to .node-test-results.json.
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every `*.test.ts` below a directory (Node 20 has no fs.globSync). */
function findTests(dir) {
  let found = [];
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') found = found.concat(findTests(path));
    else if (entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const files = readdirSync('packages').flatMap((pkg) => findTests(join('packages', pkg, 'server')));
const totals = { passed: 0, failed: 0, skipped: 0, files: files.length };
if (files.length === 0) {
  writeFileSync('.node-test-results.json', JSON.stringify(totals));
  console.log('No server tests.');
  process.exit(0);
}

const child = spawn(
  process.execPath,
  [
    '--experimental-websocket',
    '--no-warnings=ExperimentalWarning',
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    '--test-reporter-destination=.node-test.tap',
    ...files,
  ],
  { stdio: 'inherit' },
);
child.on('exit', async (code) => {
  const { readFileSync } = await import('node:fs');
  const tap = readFileSync('.node-test.tap', 'utf8');
  const count = (key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  totals.passed = count('pass');
  totals.failed = count('fail') + count('cancelled');
  totals.skipped = count('skipped') + count('todo');
  writeFileSync('.node-test-results.json', JSON.stringify(totals, null, 2));
  console.log(`\nServer tests: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code ?? 1);
});
