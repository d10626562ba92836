// A node:test reporter that counts tests and names every failure by file and full
// name (suites › test) with its error; scripts/run-node-tests.mjs reads its output.
// Output: one JSON document `{ passed, failed, skipped, failures: [{ file, test, error }] }`.
import { relative } from 'node:path';

/** The error a person needs: node:test wraps a test's own error as `cause`. */
function describeError(error) {
  const own = error?.cause instanceof Error || error?.cause?.message ? error.cause : error;
  const message = own?.message ?? String(own ?? 'failed without an error message');
  const stack = String(own?.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line) && !/node:|node_modules|Promise\.all|<anonymous>/.test(line))
    .slice(0, 3)
    .join('\n');
  return stack ? `${message}\n${stack}` : message;
}

const AGGREGATE_SUITE_FAILURE = /^\d+ subtests? failed$/;

export default async function* summaryReporter(source) {
  const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
  /** Names of the running tests by file, indexed by nesting level. */
  const stacks = new Map();
  const nameOf = (data) => {
    const stack = stacks.get(data.file) ?? [];
    return [...stack.slice(0, data.nesting), data.name].join(' › ');
  };
  for await (const event of source) {
    const { type, data } = event;
    if (type === 'test:start') {
      const stack = stacks.get(data.file) ?? [];
      stack.length = data.nesting;
      stack[data.nesting] = data.name;
      stacks.set(data.file, stack);
      continue;
    }
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    const isSuite = data.details?.type === 'suite';
    // A file is reported as a test of its own name: count what is inside it.
    const isFile = data.nesting === 0 && data.name === data.file;
    if (type === 'test:pass') {
      if (isSuite || isFile) continue;
      if (data.skip !== undefined || data.todo !== undefined) totals.skipped += 1;
      else totals.passed += 1;
      continue;
    }
    const error = data.details?.error;
    const file = data.file ? relative(process.cwd(), data.file) : '(unknown file)';
    if (isSuite || isFile) {
      // A suite fails on its own only when a hook or its body threw; its tests' failures are listed already.
      if (AGGREGATE_SUITE_FAILURE.test(error?.message ?? '')) continue;
      if (isFile && totals.failures.some((failure) => failure.file === file)) continue;
      totals.failed += 1;
      totals.failures.push({ file, test: isFile ? '(the file itself)' : nameOf(data), error: describeError(error) });
      continue;
    }
    if (data.todo !== undefined) {
      totals.skipped += 1;
      continue;
    }
    totals.failed += 1;
    totals.failures.push({ file, test: nameOf(data), error: describeError(error) });
  }
  yield JSON.stringify(totals, null, 2);
}
