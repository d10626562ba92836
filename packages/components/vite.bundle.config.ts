import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// One self-contained ES module for `<script type="module" src=".../carnet.bundle.js">`.
export default defineConfig({
  resolve: {
    conditions: ['production'],
    alias: {
      '@carnet/catalog-sdk/demo-data': fileURLToPath(new URL('../catalog-sdk/src/demo-data/index.ts', import.meta.url)),
      '@carnet/catalog-sdk': fileURLToPath(new URL('../catalog-sdk/src/index.ts', import.meta.url)),
    },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    lib: {
      entry: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'carnet.bundle.js',
    },
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
