// Runs the Node-side tests (the demo platform's OpenID provider and FHIR server)
// with node:test, one file at a time in its own process, and writes the totals and the failures (file, full name, error)
// to .node-test-results.json.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFailures } from './counting-reporter.mjs';

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

// Files given on the command line, else every server test.
const given = process.argv.slice(2);
const files =
  given.length > 0 ? given : readdirSync('packages').flatMap((pkg) => findTests(join('packages', pkg, 'server')));
const totals = { passed: 0, failed: 0, skipped: 0, files: files.length };
if (files.length === 0) {
  writeFileSync('.node-test-results.json', JSON.stringify(totals));
  console.log('No server tests.');
  process.exit(0);
}

/** A test that has not finished after this long fails (node:test's own timeout). */
const TEST_TIMEOUT_MS = 60_000;
/**
 * A file that reports nothing for this long is stuck (a test that blocks the event
 * loop defeats the per-test timeout): its processes are killed and it fails.
 * Silence, not total time, so a file of many slow-but-moving tests is not cut short; end-to-end
 * files say when each long step is over (server/testing/progress.ts).
 */
const STUCK_MS = 60_000;
const SUMMARY = '.node-test-summary.json';

/** Runs one file in its own process group; resolves with its summary. */
function runFile(file) {
  return new Promise((resolve) => {
    rmSync(SUMMARY, { force: true });
    const child = spawn(
      process.execPath,
      [
        '--experimental-websocket',
        '--no-warnings=ExperimentalWarning',
        '--import',
        'tsx',
        // The workspace packages from their sources (the `development` export of each).
        '--conditions=development',
        `--test-timeout=${TEST_TIMEOUT_MS}`,
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=./scripts/node-test-summary-reporter.mjs',
        `--test-reporter-destination=${SUMMARY}`,
        file,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    let stuck = false;
    let watchdog;
    const armWatchdog = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        stuck = true;
        // The whole group: the browser and servers a test started go too.
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, STUCK_MS);
    };
    armWatchdog();
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      armWatchdog();
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('exit', (code) => {
      clearTimeout(watchdog);
      let summary = { passed: 0, failed: 0, skipped: 0, failures: [] };
      try {
        if (!stuck) summary = JSON.parse(readFileSync(SUMMARY, 'utf8'));
      } catch {
        // No summary: reported as a failure of the file below.
      }
      if (stuck) {
        summary.failed += 1;
        summary.failures.push({
          file,
          test: '(the file itself)',
          error: `stuck: nothing reported for ${STUCK_MS / 1000} s (no test finished, no step said it moved), so its processes were killed`,
        });
      } else if (code !== 0 && summary.failed === 0) {
        summary.failed += 1;
        summary.failures.push({
          file,
          test: '(the file itself)',
          error: `exited with code ${code} and no failed test`,
        });
      }
      resolve(summary);
    });
  });
}

totals.failures = [];
for (const file of files) {
  const summary = await runFile(file);
  totals.passed += summary.passed;
  totals.failed += summary.failed;
  totals.skipped += summary.skipped;
  totals.failures.push(...summary.failures);
}
rmSync(SUMMARY, { force: true });
writeFileSync('.node-test-results.json', JSON.stringify(totals, null, 2));
if (totals.failures.length > 0) console.log(`\nFailed server tests:\n\n${formatFailures(totals.failures)}`);
console.log(`\nServer tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
