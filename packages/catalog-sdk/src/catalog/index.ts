export * from './manifest.js';
export type * from './catalogue.js';
