/** Pathology trackers: glucose arithmetic, meter exports. @module */
export * from './glucose.js';
export * from './meter-csv.js';
export * from './dialysis.js';
