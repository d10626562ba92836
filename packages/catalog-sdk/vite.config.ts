import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import pkg from './package.json' with { type: 'json' };

const dependencies = Object.keys(pkg.dependencies ?? {});

// Library build: ESM only, dependencies left to the consumer's bundler.
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
        'demo-data': fileURLToPath(new URL('./src/demo-data/index.ts', import.meta.url)),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: (id: string) => dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      output: { preserveModules: false },
    },
  },
});
