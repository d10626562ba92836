// A Web Test Runner reporter that counts every test over every file, names every
// failure (file, full test name, error) at the very end of the run, and writes the
// totals and failures to .wtr-results.json, so that `npm test` and .ci/run can
// print them again in their own summary and end with `N passed, N failed`.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/** Keeps the first lines of an error: enough to see what broke without the runner's frames. */
function shortError(error) {
  if (!error) return 'failed without an error message';
  const text = [error.message, error.expected !== undefined ? `expected: ${error.expected}` : '']
    .concat(error.actual !== undefined ? [`actual:   ${error.actual}`] : [])
    .filter(Boolean)
    .join('\n');
  const stack = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line) && !line.includes('/node_modules/'))
    .slice(0, 3)
    .join('\n');
  return stack ? `${text}\n${stack}` : text;
}

function countSuite(suite, path, file, totals) {
  const names = suite.name ? [...path, suite.name] : path;
  for (const test of suite.tests ?? []) {
    const fullName = [...names, test.name].join(' › ');
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else {
      totals.failed += 1;
      totals.failures.push({ file, test: fullName, error: shortError(test.error) });
    }
    // Slow tests are worth knowing before they become a timeout.
    totals.fileDurations[file] = (totals.fileDurations[file] ?? 0) + (test.duration ?? 0);
  }
  for (const child of suite.suites ?? []) countSuite(child, names, file, totals);
}

/** The failures block printed last, also used by scripts/test.mjs. */
export function formatFailures(failures) {
  return failures
    .map(({ file, test, error }) => `✘ ${file}\n  ${test}\n    ${error.replace(/\n/g, '\n    ')}`)
    .join('\n\n');
}

export function countingReporter({ outFile = '.wtr-results.json', rootDir = process.cwd() } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, files: 0, brokenFiles: [], failures: [], fileDurations: {} };
      const files = new Set();
      for (const session of sessions) {
        const file = relative(rootDir, session.testFile);
        files.add(file);
        if (session.testResults) countSuite(session.testResults, [], file, totals);
        // A file that failed to load, threw outside a test or never finished counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.failed += 1;
          totals.brokenFiles.push(file);
          for (const error of session.errors) {
            totals.failures.push({
              file,
              test: '(the file itself: it did not load or did not finish)',
              error: shortError(error),
            });
          }
        }
      }
      totals.files = files.size;
      writeFileSync(outFile, JSON.stringify(totals, null, 2));
      const slowest = Object.entries(totals.fileDurations)
        .sort(([, a], [, b]) => b - a)
        .slice(0, 3)
        .map(([file, ms]) => `${file} ${(ms / 1000).toFixed(1)} s`)
        .join(', ');
      const failures =
        totals.failures.length > 0 ? `\nFailed browser tests:\n\n${formatFailures(totals.failures)}\n` : '';
      process.stdout.write(
        `${failures}\nBrowser tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped in ${totals.files} files` +
          `\nSlowest files (sum of test durations): ${slowest}\n`,
      );
    },
  };
}
