// A Web Test Runner reporter that counts every test over every file and writes
// the totals to .wtr-results.json, so that .ci/run can print `N passed, N failed`.
import { writeFileSync } from 'node:fs';

function countSuite(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, totals);
}

export function countingReporter({ outFile = '.wtr-results.json' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, files: 0, brokenFiles: [] };
      const files = new Set();
      for (const session of sessions) {
        files.add(session.testFile);
        if (session.testResults) countSuite(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.failed += 1;
          totals.brokenFiles.push(session.testFile);
        }
      }
      totals.files = files.size;
      writeFileSync(outFile, JSON.stringify(totals, null, 2));
      process.stdout.write(
        `\nBrowser tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped in ${totals.files} files\n`,
      );
    },
  };
}
