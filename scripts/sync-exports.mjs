// Keeps @carnet/components' package.json `exports` and `sideEffects` in step with its
// element folders: every `src/<name>/<name>.ts` (define file) beside `<name>.component.ts`
// is an entry point. `--check` fails when package.json is out of date (run by `npm run lint`).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkgDir = fileURLToPath(new URL('../packages/components/', import.meta.url));
const pkgPath = `${pkgDir}package.json`;

/** Element folders, e.g. ['agenda', 'provider', ...]. */
export function elementFolders() {
  return readdirSync(`${pkgDir}src`, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .filter(
      (name) =>
        existsSync(`${pkgDir}src/${name}/${name}.ts`) && existsSync(`${pkgDir}src/${name}/${name}.component.ts`),
    )
    .sort();
}

function expected(pkg) {
  // `development` (first, so it wins) serves the sources inside the monorepo: Vite, tsx and
  // Web Test Runner ask for it; scripts/published-exports.mjs strips it from the published package.
  const exports = { '.': { development: './src/index.ts', types: './dist/index.d.ts', import: './dist/index.js' } };
  const sideEffects = ['./dist/index.js', './src/index.ts', './dist/carnet.bundle.js', './dist/cdn/*.js'];
  for (const name of elementFolders()) {
    exports[`./${name}`] = {
      development: `./src/${name}/${name}.ts`,
      types: `./dist/${name}/${name}.d.ts`,
      import: `./dist/${name}/${name}.js`,
    };
    exports[`./${name}/${name}.component.js`] = {
      development: `./src/${name}/${name}.component.ts`,
      types: `./dist/${name}/${name}.component.d.ts`,
      import: `./dist/${name}/${name}.component.js`,
    };
    // Define files register elements: bundlers must keep them, from dist and from source.
    sideEffects.push(`./dist/${name}/${name}.js`, `./src/${name}/${name}.ts`);
  }
  exports['./carnet.bundle.js'] = './dist/carnet.bundle.js';
  // Self-contained, code-split ES modules for <script type="module"> (vite.cdn.config.ts).
  exports['./cdn/*'] = './dist/cdn/*';
  exports['./themes/*'] = './themes/*';
  exports['./custom-elements.json'] = './custom-elements.json';
  exports['./package.json'] = './package.json';
  const scripts = {
    ...pkg.scripts,
    prepack: 'node ../../scripts/published-exports.mjs strip',
    postpack: 'node ../../scripts/published-exports.mjs restore',
  };
  return { ...pkg, scripts, exports, sideEffects };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const current = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const next = expected(current);
  const same = JSON.stringify(current) === JSON.stringify(next);
  if (process.argv.includes('--check')) {
    if (!same) {
      console.error(
        'packages/components/package.json exports/sideEffects are out of date: run node scripts/sync-exports.mjs',
      );
      process.exit(1);
    }
  } else if (!same) {
    writeFileSync(pkgPath, `${JSON.stringify(next, null, 2)}\n`);
    console.log('Updated packages/components/package.json');
  }
}
