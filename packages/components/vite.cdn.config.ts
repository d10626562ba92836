import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { elementFolders } from '../../scripts/sync-exports.mjs';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));
const PREFIX = '\0carnet-cdn:';
const widgets = elementFolders().filter((name: string) => name !== 'provider');

/**
 * One module per CDN file: `provider.js` registers the provider; each widget's file registers the
 * provider and that widget, so one `<script type="module">` is enough. `carnet.js` registers the
 * provider and loads every other element's code when its tag first appears in the page
 * (`shared/autoload.ts`), so one script serves any page and the page downloads what it shows.
 */
function cdnEntries(): Plugin {
  const modules = new Map<string, string[]>([
    ['provider', ['provider']],
    ...widgets.map((name: string): [string, string[]] => [name, ['provider', name]]),
    ['carnet', ['provider']],
  ]);
  const autoload = [
    `import { autoloadElements } from ${JSON.stringify(src('shared/autoload.ts'))};`,
    // Each element's own CDN file (`./agenda.js`…), found beside carnet.js: the chunks are the
    // same files the per-element entries share, so carnet.js adds no chunk of its own.
    'const beside = (file) => () => import(/* @vite-ignore */ new URL(file, import.meta.url).href);',
    '/** Loads the elements of the page (and of shadow roots given to `discover`) as they appear. */',
    'export const carnetElements = autoloadElements({',
    ...widgets.map(
      (name: string) => `  ${JSON.stringify(`carnet-${name}`)}: beside(${JSON.stringify(`./${name}.js`)}),`,
    ),
    '});',
  ];
  return {
    name: 'carnet-cdn-entries',
    resolveId: (id) => (id.startsWith(PREFIX) ? id : undefined),
    load(id) {
      if (!id.startsWith(PREFIX)) return undefined;
      const entry = id.slice(PREFIX.length);
      const names = modules.get(entry) ?? [];
      const lines = names.map((name) => `export * from ${JSON.stringify(src(`${name}/${name}.ts`))};`);
      return [...lines, ...(entry === 'carnet' ? autoload : [])].join('\n');
    },
    options(options) {
      options.input = Object.fromEntries([...modules.keys()].map((name) => [name, `${PREFIX}${name}`]));
    },
  };
}

const RRULE_TEXT = '\0carnet-cdn:rrule-text';
const RRULE_USED = '\0carnet-cdn:rrule-used';

/**
 * `rrule`'s English text parser and writer (`RRule.fromText`, `rule.toText()`, about 4 kB gzip)
 * are reachable from its RRule class, so no bundler can drop them; Carnet never calls them (our
 * own French and English descriptions are in the SDK's `recurrence/describe.ts`). In the CDN
 * files they are replaced by functions that throw, so no widget downloads them. Likewise the SDK's
 * `rrule-interop.ts` reads the package as a namespace (for Node's CommonJS build), which keeps all
 * of it: in the CDN files it gets only what the widgets use (`RRule`, `Weekday`; `rrulestr` and
 * `RRuleSet`, used by the benchmark alone, are left out).
 */
function withoutRruleText(): Plugin {
  return {
    name: 'carnet-cdn-without-rrule-text',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === RRULE_TEXT || id === RRULE_USED) return id;
      if (id === 'rrule' && importer && /[\\/]recurrence[\\/]rrule-interop\.ts$/.test(importer)) return RRULE_USED;
      if (importer && /[\\/]rrule[\\/]dist[\\/]esm[\\/]rrule\.js$/.test(importer) && /nlp\/index(\.js)?$/.test(id))
        return RRULE_TEXT;
      return undefined;
    },
    load(id) {
      if (id === RRULE_USED)
        return [
          "export { RRule } from 'rrule/dist/esm/rrule.js';",
          "export { Weekday } from 'rrule/dist/esm/weekday.js';",
          'export const rrulestr = () => {',
          "  throw new Error('rrulestr is not part of the Carnet CDN build');",
          '};',
        ].join('\n');
      if (id !== RRULE_TEXT) return undefined;
      return [
        'const unavailable = () => {',
        "  throw new Error('rrule text (fromText, toText) is not part of the Carnet CDN build');",
        '};',
        'export { unavailable as fromText, unavailable as parseText, unavailable as toText, unavailable as isFullyConvertible };',
      ].join('\n');
    },
  };
}

// The CDN build (`dist/cdn/`): self-contained ES modules (Lit and the SDK bundled in), code split so
// a page downloads only what it shows and shares what two widgets have in common; connected mode,
// iCalendar, demo data and English strings stay lazy. Budgets: scripts/check-sizes.mjs.
export default defineConfig({
  plugins: [cdnEntries(), withoutRruleText()],
  resolve: {
    conditions: ['production'],
    alias: {
      '@carnet/catalog-sdk/demo-data': fileURLToPath(new URL('../catalog-sdk/src/demo-data/index.ts', import.meta.url)),
      '@carnet/catalog-sdk': fileURLToPath(new URL('../catalog-sdk/src/index.ts', import.meta.url)),
    },
  },
  // Chunks are found relative to the file importing them (`import.meta.url`), so the files work
  // from any folder of any host (a CDN path such as `/npm/@carnet/components/dist/cdn/`).
  base: './',
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    // No module preloading: a lazy chunk's own imports are fetched once it arrives. Preloading
    // (`__vite__mapDeps` tables in every importer) resolved them from the site root, which broke
    // lazy loading when the files are served from a sub-folder. Vite still ships its small
    // `__vitePreload` wrapper (about 1.8 kB minified, in the provider's chunk: vitejs/vite#18551);
    // library mode would drop it but minifies less (every entry 1.5–4 kB larger, tried 2026-12-07).
    modulePreload: false,
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    rolldownOptions: {
      input: {},
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
