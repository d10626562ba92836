// Installs the packages as a stranger would: builds them, `npm pack`s both, installs the
// tarballs into an empty project, type-checks a consumer file with skipLibCheck off, and
// imports both packages in Node with no DOM (server-side rendering must not throw).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const consumer = fileURLToPath(new URL('./pack-consumer/', import.meta.url));
const keep = process.argv.includes('--keep');

function run(label, cmd, args, cwd = root) {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`${label} failed (exit code ${result.status})`);
  }
  return result.stdout;
}

const work = mkdtempSync(join(tmpdir(), 'carnet-pack-'));
let ok = false;
try {
  if (!process.argv.includes('--no-build')) {
    console.log('Building both packages…');
    run('npm run build', 'npm', ['run', '--silent', 'build']);
  }
  run('npm pack', 'npm', [
    'pack',
    '--silent',
    '-w',
    '@carnet/catalog-sdk',
    '-w',
    '@carnet/components',
    '--pack-destination',
    work,
  ]);
  const tarballs = readdirSync(work).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 2) throw new Error(`expected 2 tarballs, found ${tarballs.join(', ')}`);

  cpSync(consumer, work, { recursive: true });
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'pack-consumer', private: true, type: 'module' }));
  console.log(`Installing ${tarballs.join(' and ')} into an empty project…`);
  run(
    'npm install',
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs.map((t) => `./${t}`)],
    work,
  );

  console.log('Type-checking a consumer file (strict, skipLibCheck off)…');
  run('tsc', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', work]);
  console.log('Importing both packages in Node…');
  process.stdout.write(run('node', process.execPath, ['run.mjs'], work));
  ok = true;
} catch (error) {
  console.error(`✘ ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (keep) console.log(`Left in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
if (ok) console.log('✔ The packed packages install, type-check and load.');
process.exit(ok ? 0 : 1);
