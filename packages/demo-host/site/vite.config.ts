import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { workspaceSources } from '../../../scripts/workspace-sources.mjs';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Fills `%CARNET_ISSUER%`, `%CARNET_FHIR_BASE_URL%` and `%CARNET_FHIR_ORIGIN%` in the pages with
 * the demo platform's URLs, read (on each page request) from the environment variables
 * `server/main.ts` reads, so both follow `CARNET_OIDC_PORT`, `CARNET_FHIR_PORT` and `CARNET_ISSUER`.
 */
function platformUrls(): Plugin {
  return {
    name: 'carnet-platform-urls',
    transformIndexHtml(html) {
      const env = process.env;
      const issuer = (env.CARNET_ISSUER?.trim() || `http://localhost:${env.CARNET_OIDC_PORT || 4010}`).replace(
        /\/$/,
        '',
      );
      const fhirBaseUrl = `http://localhost:${env.CARNET_FHIR_PORT || 4020}/fhir`;
      return html
        .replaceAll('%CARNET_ISSUER%', issuer)
        .replaceAll('%CARNET_FHIR_BASE_URL%', fhirBaseUrl)
        .replaceAll('%CARNET_FHIR_ORIGIN%', new URL(fhirBaseUrl).origin);
    },
  };
}

// The association's site, served from the Carnet sources so `npm start` needs no build.
export default defineConfig({
  root: src('.'),
  // The Carnet packages through their `development` export (their sources), in dev and build alike.
  plugins: [workspaceSources(), platformUrls()],
  server: {
    host: process.env.CARNET_SITE_HOST ?? 'localhost',
    port: Number(process.env.CARNET_SITE_PORT ?? 5173),
    strictPort: true,
  },
  preview: { port: Number(process.env.CARNET_SITE_PORT ?? 5173), strictPort: true },
  build: {
    outDir: src('../dist'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: { index: src('index.html'), connected: src('connected.html'), professional: src('professional.html') },
    },
  },
});
