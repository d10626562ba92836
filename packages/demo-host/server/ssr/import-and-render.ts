// Run by ssr.test.ts in a fresh Node process, as a server-side rendering host
// would: no DOM, no shim installed by us. Imports @carnet/catalog-sdk,
// @carnet/components and each of its element entries, renders the React page
// with react-dom/server, and prints what it found as JSON on stdout.
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

const componentsDir = new URL('../../../components/', import.meta.url);

/** The source file behind each JavaScript entry of @carnet/components' `exports`. */
function elementEntries(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('package.json', componentsDir), 'utf8')) as {
    exports: Record<string, string | { import?: string }>;
  };
  return Object.entries(pkg.exports)
    .flatMap(([name, target]) => {
      const file = typeof target === 'string' ? undefined : target.import;
      return name !== '.' && file?.startsWith('./dist/') && file.endsWith('.js') && !file.endsWith('.bundle.js')
        ? [file.replace('./dist/', './src/').replace(/\.js$/, '.ts')]
        : [];
    })
    .sort();
}

const before = { document: typeof document, window: typeof window, HTMLElement: typeof HTMLElement };
const sdk = await import('@carnet/catalog-sdk');
const components = await import('@carnet/components');
const entries: string[] = [];
for (const entry of elementEntries()) {
  await import(new URL(entry, componentsDir).href);
  entries.push(entry);
}
const { CarnetReactPage } = await import('../../site/react/carnet-page.js');
const html = renderToString(createElement(CarnetReactPage, { locale: 'fr' }));

process.stdout.write(
  JSON.stringify({
    before,
    sdkExports: Object.keys(sdk).length,
    componentExports: Object.keys(components).length,
    entries,
    html,
  }),
);
