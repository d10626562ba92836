/**
 * The document search index (the SDK's `search/` modules and fuse.js, about 19 kB gzip), apart
 * from the browser's first paint: `DocumentFilterController` imports this module on demand,
 * when the widget connects, so the list shows while it loads.
 */
export { buildDocumentIndex, createDocumentIndex } from '@carnet/catalog-sdk';
