import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import pkg from './package.json' with { type: 'json' };

const externals = [...Object.keys(pkg.dependencies ?? {}), 'lit-html', '@lit/reactive-element'];
const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Library build: one entry per element (class and define file), lit and the SDK external.
export default defineConfig({
  resolve: { conditions: ['production'] },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: entry('./src/index.ts'),
        'provider/provider': entry('./src/provider/provider.ts'),
        'provider/provider.component': entry('./src/provider/provider.component.ts'),
        'record-summary/record-summary': entry('./src/record-summary/record-summary.ts'),
        'record-summary/record-summary.component': entry('./src/record-summary/record-summary.component.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: (id: string) => externals.some((dep) => id === dep || id.startsWith(`${dep}/`)),
    },
  },
});
