// `npm test`: every check and every test, in order, continuing after a failure so
// the summary is complete. Ends with `N passed, N failed` and a non-zero exit on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { formatFailures } from './counting-reporter.mjs';

const steps = [
  { name: 'Type check', cmd: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'Lint and format', cmd: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'Custom Elements Manifest', cmd: 'npm', args: ['run', '--silent', 'check-manifest'] },
  { name: 'Public API reports', cmd: process.execPath, args: ['scripts/check-api.mjs'] },
  { name: 'CDN size budgets', cmd: process.execPath, args: ['scripts/check-sizes.mjs'] },
  { name: 'CDN files under a strict CSP (Chromium)', cmd: process.execPath, args: ['scripts/check-cdn-embed.mjs'] },
  {
    name: 'Browser tests (Chromium)',
    cmd: process.execPath,
    args: ['scripts/run-wtr.mjs'],
    results: '.wtr-results.json',
  },
  {
    name: 'Soak tests (Chromium: long randomized fault runs)',
    cmd: process.execPath,
    args: ['scripts/run-wtr.mjs'],
    env: { CARNET_SOAK: '1' },
    results: '.wtr-soak-results.json',
  },
  {
    name: 'Server tests (Node)',
    cmd: process.execPath,
    args: ['scripts/run-node-tests.mjs'],
    results: '.node-test-results.json',
  },
  { name: 'Packed packages install and type-check', cmd: process.execPath, args: ['scripts/check-pack.mjs'] },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const report = [];
/** Every failed test of every step, named, for the summary at the very end. */
const failures = [];

for (const step of steps) {
  if (only.length && !only.some((o) => step.name.toLowerCase().includes(o))) continue;
  if (step.results) rmSync(step.results, { force: true });
  console.log(`\n▶ ${step.name}`);
  const run = spawnSync(step.cmd, step.args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, ...step.env },
  });
  const ok = run.status === 0;
  if (step.results) {
    if (existsSync(step.results)) {
      const totals = JSON.parse(readFileSync(step.results, 'utf8'));
      passed += totals.passed;
      failed += totals.failed;
      failures.push(...(totals.failures ?? []));
      // A runner that failed without reporting a failed test still fails the run.
      if (!ok && totals.failed === 0) {
        failed += 1;
        failures.push({
          file: step.name,
          test: '(the runner)',
          error: `exited with status ${run.status ?? run.signal}`,
        });
      }
      report.push(`${ok ? '✔' : '✘'} ${step.name}: ${totals.passed} passed, ${totals.failed} failed`);
    } else {
      failed += 1;
      report.push(`✘ ${step.name}: did not run to completion`);
    }
  } else {
    if (!ok) failed += 1;
    report.push(`${ok ? '✔' : '✘'} ${step.name}`);
  }
}

if (failures.length > 0) console.log(`\nFailed tests (${failures.length}):\n\n${formatFailures(failures)}`);
console.log(`\n${report.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
