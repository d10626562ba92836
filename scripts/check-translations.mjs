// Every French source string of @carnet/components must ship in English: runs
// `lit-localize extract` and fails on any trans-unit without a target.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const pkg = 'packages/components';
const original = readFileSync(`${pkg}/xliff/en.xlf`, 'utf8');
try {
  // Extract against the current sources (it rewrites xliff/en.xlf, which is restored below).
  execFileSync(process.execPath, ['../../node_modules/@lit/localize-tools/bin/lit-localize.js', 'extract'], {
    cwd: pkg,
    stdio: 'pipe',
  });
  const extracted = readFileSync(`${pkg}/xliff/en.xlf`, 'utf8');
  const units = [...extracted.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
  const missing = units.filter(([, , body]) => !/<target>[\s\S]*?<\/target>/.test(body));
  if (extracted !== original) {
    console.error(
      'packages/components/xliff/en.xlf is out of date with the sources: run `npm run localize:extract -w @carnet/components`, translate, then `npm run localize:build -w @carnet/components`.',
    );
  }
  if (missing.length) {
    console.error(`${missing.length} French strings have no English translation:`);
    for (const [, id, body] of missing.slice(0, 30))
      console.error(`  ${id}: ${body.match(/<source>([\s\S]*?)<\/source>/)?.[1] ?? ''}`);
  }
  if (missing.length || extracted !== original) process.exitCode = 1;
  else console.log(`Translations: ${units.length} strings, all in English.`);
} finally {
  // Leave the working tree as it was.
  writeFileSync(`${pkg}/xliff/en.xlf`, original);
}
