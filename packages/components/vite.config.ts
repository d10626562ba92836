import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import pkg from './package.json' with { type: 'json' };
import { elementFolders } from '../../scripts/sync-exports.mjs';

const externals = [...Object.keys(pkg.dependencies ?? {}), 'lit-html', '@lit/reactive-element'];
const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// One entry per element (its class, and the file that registers it); lit and the SDK stay external.
const entries: Record<string, string> = { index: entry('./src/index.ts') };
for (const name of elementFolders()) {
  entries[`${name}/${name}`] = entry(`./src/${name}/${name}.ts`);
  entries[`${name}/${name}.component`] = entry(`./src/${name}/${name}.component.ts`);
}

export default defineConfig({
  resolve: { conditions: ['production'] },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external: (id: string) => externals.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      output: { chunkFileNames: 'shared/[name]-[hash].js' },
    },
  },
});
