import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The association's site, served from the Carnet sources so `npm start` needs no build.
export default defineConfig({
  root: src('.'),
  server: {
    host: process.env.CARNET_SITE_HOST ?? 'localhost',
    port: Number(process.env.CARNET_SITE_PORT ?? 5173),
    strictPort: true,
  },
  preview: { port: Number(process.env.CARNET_SITE_PORT ?? 5173), strictPort: true },
  resolve: {
    alias: [
      { find: '@carnet/catalog-sdk/demo-data', replacement: src('../../catalog-sdk/src/demo-data/index.ts') },
      { find: '@carnet/catalog-sdk', replacement: src('../../catalog-sdk/src/index.ts') },
      { find: /^@carnet\/components$/, replacement: src('../../components/src/index.ts') },
    ],
  },
  build: {
    outDir: src('../dist'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: { index: src('index.html') } },
  },
});
