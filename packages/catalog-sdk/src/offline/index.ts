/** The offline cache and outbox of the connected data source. */
export { SyncController, LOCAL_VERSION_PREFIX } from './sync.js';
export type { CachedDataSource } from './cached-source.js';
export { CLIENT_RECORD_SYSTEM, CLIENT_CHANGE_EXTENSION_URL } from './sender.js';
export { backoffDelay } from './backoff.js';
export type * from './types.js';
