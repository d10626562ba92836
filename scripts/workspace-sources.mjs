// A Vite plugin that resolves the workspace packages (`@carnet/*`) through the
// `development` condition of their `exports` map, i.e. to their `src/`, in every mode.
// Vite's own `development` condition is only on in dev and would also switch Lit to
// its development build, which a production build (Storybook, the demo site) must not ship.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PACKAGES = {
  '@carnet/catalog-sdk': '../packages/catalog-sdk/',
  '@carnet/components': '../packages/components/',
};

/** The source file a workspace import names, or undefined when it is not one of ours. */
export function workspaceSource(source) {
  const name = Object.keys(PACKAGES).find((pkg) => source === pkg || source.startsWith(`${pkg}/`));
  if (!name) return undefined;
  const dir = new URL(PACKAGES[name], import.meta.url);
  const { exports } = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
  const entry = exports[`.${source.slice(name.length)}`];
  const target = typeof entry === 'object' && entry !== null ? entry.development : undefined;
  return target ? fileURLToPath(new URL(target, dir)) : undefined;
}

/** @returns {import('vite').Plugin} */
export function workspaceSources() {
  return {
    name: 'carnet-workspace-sources',
    enforce: 'pre',
    resolveId(source) {
      return workspaceSource(source) ?? null;
    },
  };
}
