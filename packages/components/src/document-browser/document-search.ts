/**
 * The document search index (the SDK's `search/` modules and fuse.js, about 16 kB gzip), apart
 * from the browser's first view: `DocumentFilterController` imports this module on demand, when
 * the patient turns to the search field, the filters or the sort menu (or searches), so the list
 * and its facets (counted by `collection-facets.ts`) show without it.
 */
export { buildDocumentIndex, createDocumentIndex } from '@carnet/catalog-sdk';
