import angular from '@analogjs/vite-plugin-angular';
import vue from '@vitejs/plugin-vue';
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
  // Vite's own TypeScript transform stays on for every file the Angular plugin does not compile
  // (it turns it off unless the config names it).
  oxc: {},
  plugins: [
    // The Carnet packages through their `development` export (their sources), in dev and build alike.
    workspaceSources(),
    platformUrls(),
    // vue.html: single-file components compiled ahead of time (no runtime template compiler, so no
    // `unsafe-eval` under the site's CSP); `carnet-*` tags are custom elements, not Vue components.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('carnet-') } } }),
    // angular.html: Angular's compiler ahead of time (the JIT compiler needs `unsafe-eval`), only on
    // the Angular page's files: the Carnet sources keep their own (Lit) decorators.
    ...angular({
      tsconfig: src('angular/tsconfig.json'),
      jit: false,
      liveReload: false,
      transformFilter: (_code, id) => id.startsWith(src('angular/')),
    }),
  ],
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
      input: {
        index: src('index.html'),
        connected: src('connected.html'),
        professional: src('professional.html'),
        moderation: src('moderation.html'),
        caregiver: src('caregiver.html'),
        react: src('react.html'),
        vue: src('vue.html'),
        angular: src('angular.html'),
        // The catalogue's demo apps (third-party SMART apps, served here for the demo).
        documentsLaunch: src('apps/documents/launch.html'),
        documentsApp: src('apps/documents/app.html'),
        glycemieLaunch: src('apps/glycemie/launch.html'),
        glycemieApp: src('apps/glycemie/app.html'),
      },
    },
  },
});
