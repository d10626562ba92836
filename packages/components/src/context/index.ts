/** The `@lit/context` keys of what is cross-cutting: data source, locale, pathology, session. */
export { dataSourceContext } from './data-source.context.js';
export { localeContext } from './locale.context.js';
export { pathologyContext } from './pathology.context.js';
export { sessionContext } from './session.context.js';
export type { CarnetSessionLike } from './session.context.js';
export { recordRevisionContext } from './record-revision.context.js';
export type { RecordRevision } from './record-revision.context.js';
