// `npm pack`/`npm publish` hooks of the published packages: the `development` export
// condition points at `src/`, which only exists inside this monorepo (and a consumer's
// Vite dev server asks for `development` too), so the packed package.json leaves it out.
//   prepack:  node ../../scripts/published-exports.mjs strip
//   postpack: node ../../scripts/published-exports.mjs restore
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const PACKAGE = 'package.json';
const BACKUP = 'package.json.development';

/** The exports map without any `development` condition. */
export function withoutDevelopment(exports) {
  if (typeof exports !== 'object' || exports === null) return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([key]) => key !== 'development')
      .map(([key, value]) => [key, withoutDevelopment(value)]),
  );
}

const command = process.argv[2];
if (command === 'strip') {
  const text = readFileSync(PACKAGE, 'utf8');
  writeFileSync(BACKUP, text);
  const pkg = JSON.parse(text);
  writeFileSync(PACKAGE, `${JSON.stringify({ ...pkg, exports: withoutDevelopment(pkg.exports) }, null, 2)}\n`);
} else if (command === 'restore') {
  if (existsSync(BACKUP)) renameSync(BACKUP, PACKAGE);
} else {
  console.error('usage: published-exports.mjs strip|restore');
  process.exit(1);
}
