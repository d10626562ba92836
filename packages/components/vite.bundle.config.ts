import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { workspaceSources } from '../../scripts/workspace-sources.mjs';

// One self-contained ES module for `<script type="module" src=".../carnet.bundle.js">`.
export default defineConfig({
  // The SDK from its sources (its `development` export), Lit in its production build.
  plugins: [workspaceSources()],
  resolve: { conditions: ['production'] },
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
