import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { workspaceSources } from '../../scripts/workspace-sources.mjs';

const PDF_PAGES_STUB = '\0carnet-pdf-pages-stub';

/**
 * The one-file bundle cannot load code on demand, and pdf.js (480 kB gzip) would triple it: here
 * the PDF preview offers « open in a new tab » and download instead of drawing the pages. The CDN
 * build and bundlers (code-split) draw them, loading pdf.js on the first PDF preview.
 */
function withoutPdfRenderer(): Plugin {
  return {
    name: 'carnet-without-pdf-renderer',
    enforce: 'pre',
    resolveId: (id) =>
      id === PDF_PAGES_STUB || id.endsWith('/pdf-pages.js') || id === './pdf-pages.js' ? PDF_PAGES_STUB : undefined,
    load: (id) =>
      id === PDF_PAGES_STUB
        ? "export function renderPdfPages() { return Promise.reject(new Error('No PDF renderer in the one-file bundle')); }"
        : undefined,
  };
}

// One self-contained ES module for `<script type="module" src=".../carnet.bundle.js">`.
export default defineConfig({
  // The SDK from its sources (its `development` export), Lit in its production build.
  plugins: [withoutPdfRenderer(), workspaceSources()],
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
