/**
 * Version of this copy of Carnet's components. Stored as a static on every element
 * class so `defineElement` can tell two copies on one page apart.
 */
export const CARNET_VERSION = '0.1.0';
