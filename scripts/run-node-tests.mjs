// Runs the Node-side tests (the demo platform's OpenID provider and FHIR server)
// with node:test and writes the totals and the failures (file, full name, error)
// to .node-test-results.json.
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

/**
 * A test, and a whole test file, that has not finished after this long fails, and
 * its process is killed: a stuck file costs a minute, not the whole run.
 */
const TIMEOUT_MS = 60_000;

const child = spawn(
  process.execPath,
  [
    '--experimental-websocket',
    '--no-warnings=ExperimentalWarning',
    '--import',
    'tsx',
    '--conditions=development',
    '--test',
    `--test-timeout=${TIMEOUT_MS}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-test-summary-reporter.mjs',
    '--test-reporter-destination=.node-test-summary.json',
    ...files,
  ],
  { stdio: 'inherit' },
);
child.on('exit', async (code) => {
  const { readFileSync } = await import('node:fs');
  const { formatFailures } = await import('./counting-reporter.mjs');
  let summary = { passed: 0, failed: 0, skipped: 0, failures: [] };
  try {
    summary = JSON.parse(readFileSync('.node-test-summary.json', 'utf8'));
  } catch {
    summary.failed = 1;
    summary.failures.push({ file: '(runner)', test: '(node --test)', error: 'the runner ended without a summary' });
  }
  Object.assign(totals, summary);
  writeFileSync('.node-test-results.json', JSON.stringify(totals, null, 2));
  if (totals.failures.length > 0) console.log(`\nFailed server tests:\n\n${formatFailures(totals.failures)}`);
  console.log(`\nServer tests: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code ?? 1);
});
